import { z } from 'zod';
import { problem, problemText } from '../problems/catalogue.ts';
import { sourceI18nSchema } from '../profile/source-i18n.ts';
import { PROCEDURAL_EVENT_KINDS, type ProceduralEventKind } from './procedural-events.ts';

/**
 * The profile's `criminal_procedure` section (issue 6 point 2): the rules the
 * deadline engine (case-deadlines.ts) applies, as data with their legal
 * source. `verify: true` marks a rule not yet checked against the law text
 * (docs/proceedings.md, "Deadlines", lists them). A profile without the
 * section gets DEFAULT_CRIMINAL_PROCEDURE: no limitation, detention or term
 * rules (no deadline is computed), and the default reminder lead times.
 */

const source = z.string().min(3, 'name the law article, decision or publication the rule comes from');
const verify = z.boolean().default(false);
/** The source's citation in the profile's other languages (profile/source-i18n.ts). */
const source_i18n = sourceI18nSchema;
const isoDate = z.iso.date('an ISO date "YYYY-MM-DD"');
const eventKind = z.enum(PROCEDURAL_EVENT_KINDS as [ProceduralEventKind, ...ProceduralEventKind[]]);

/** One band of the general limitation term: offences whose maximum penalty exceeds `penalty_over_years` get `term_years`. */
export const limitationBandSchema = z.object({
  /** Strict lower bound of the band, years of imprisonment (0: up to the next band, or a fine only). */
  penalty_over_years: z.number().nonnegative(),
  term_years: z.number().int().positive(),
});

export const limitationSchema = z.object({
  /**
   * General terms by the offence's maximum penalty (`offences[].penalty_years.max`).
   * The band with the highest `penalty_over_years` below the maximum applies.
   * The term runs from the offence date, or for a continuing offence from the
   * day the conduct ended (`committed_until`).
   */
  general_terms: z.object({ bands: z.array(limitationBandSchema).min(1), source, source_i18n, verify }),
  /** Procedural events that interrupt the term: a new general term runs from each. */
  interruption: z.object({ events: z.array(eventKind), source, source_i18n, verify }),
  /** Periods in which procedural acts did not interrupt the term, inclusive at both ends. */
  no_interruption_windows: z
    .array(z.object({ acts_from: isoDate, acts_until: isoDate, source, source_i18n, verify, note: z.string().optional() }))
    .default([]),
  /**
   * Offences committed before `committed_before` are not interrupted by any act,
   * whenever it was done: a more favourable intermediate law without interrupting
   * acts applies to them (mitior lex).
   */
  no_interruption_for_offences: z
    .array(z.object({ committed_before: isoDate, source, source_i18n, verify, note: z.string().optional() }))
    .default([]),
  /**
   * Suspension: while an event of one of `events` lasts (from its day to its
   * `ends_on`, or to `as_of` while it has none), the term does not run; the
   * general and the special term end later by the days suspended.
   */
  suspension: z
    .object({ events: z.array(eventKind).min(1), source, source_i18n, verify, note: z.string().optional() })
    .nullable()
    .default(null),
  /** The special term: once `multiple` general terms have passed since the start, the offence is time-barred whatever the interruptions. */
  special_term: z.object({ multiple: z.number().positive(), source, source_i18n, verify }).nullable(),
  /**
   * Offences against a child whose term starts only when the victim comes of
   * age: for an offence under one of `articles`, the term runs from the later
   * of its own start and the day a linked victim turns `victim_age_years`
   * (the earliest such day over the case's victims, since the facts do not say
   * which victim an offence concerns). A victim who was already of age gives
   * the offence's own start.
   */
  start_at_victim_majority: z
    .array(
      z.object({
        articles: z.array(z.string().min(1)).min(1),
        victim_age_years: z.number().int().positive(),
        source,
        source_i18n,
        verify,
        note: z.string().optional(),
      }),
    )
    .default([]),
  /** Offences not subject to limitation when committed (the start of the term) on or after `committed_from`. */
  imprescriptible: z
    .array(
      z.object({
        articles: z.array(z.string().min(1)).min(1),
        committed_from: isoDate,
        source,
        source_i18n,
        verify,
        note: z.string().optional(),
      }),
    )
    .default([]),
});

export const pretrialDetentionSchema = z.object({
  /** Longest first warrant and longest extension, days. */
  warrant_max_days: z.number().int().positive(),
  /** Longest total of pre-trial detention during the investigation, days (warrants with `phase` investigation or unset). */
  investigation_total_max_days: z.number().int().positive(),
  source,
  source_i18n,
  verify,
});

/**
 * A further procedural term: `days` or `months` from each event of kind
 * `starts_with` (the latest per suspect), unless an event of a kind in
 * `ends_with` came on or after it. `phase` limits it to events of that phase
 * (an event without phase counts as investigation).
 */
export const procedureTermSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/),
    starts_with: eventKind,
    ends_with: z.array(eventKind).default([]),
    phase: z.enum(['investigation', 'trial']).nullable().default(null),
    days: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    source,
    source_i18n,
    verify,
  })
  .refine((t) => (t.days == null) !== (t.months == null), {
    message: problemText(problem('term_days_or_months')),
    params: problem('term_days_or_months'),
  });

export const criminalProcedureSchema = z
  .object({
    /**
     * How a term is counted. `start_day_counts: true`: the day the term starts is its
     * first day, so a term of N days ends on start + N - 1 and a term of N years the
     * day before the anniversary; `false`: it ends on start + N (the anniversary).
     */
    counting: z.object({ start_day_counts: z.boolean(), source, source_i18n, verify }),
    limitation: limitationSchema.nullable().default(null),
    pretrial_detention: pretrialDetentionSchema.nullable().default(null),
    terms: z.array(procedureTermSchema).default([]),
    /** Days before a deadline at which reminders go out, largest first (the reminders job). */
    reminder_lead_days: z.array(z.number().int().positive()).min(1).default([180, 90, 30, 7]),
  })
  .superRefine((cp, ctx) => {
    const seen = new Set<string>();
    cp.terms.forEach((t, i) => {
      const duplicate = problem('duplicate_term', { code: t.code });
      if (seen.has(t.code))
        ctx.addIssue({ code: 'custom', path: ['terms', i, 'code'], message: problemText(duplicate), params: duplicate });
      seen.add(t.code);
    });
    cp.limitation?.no_interruption_windows.forEach((w, i) => {
      if (w.acts_until < w.acts_from) {
        const reversed = problem('window_ends_before_start', { until: w.acts_until, from: w.acts_from });
        ctx.addIssue({
          code: 'custom',
          path: ['limitation', 'no_interruption_windows', i, 'acts_until'],
          message: problemText(reversed),
          params: reversed,
        });
      }
    });
  });

export type CriminalProcedureRules = z.infer<typeof criminalProcedureSchema>;
export type LimitationRules = z.infer<typeof limitationSchema>;
export type PretrialDetentionRules = z.infer<typeof pretrialDetentionSchema>;
export type ProcedureTerm = z.infer<typeof procedureTermSchema>;

/** What a profile without a `criminal_procedure` section gets: no legal deadline rules, OpenNRM's reminder lead times. */
export const DEFAULT_CRIMINAL_PROCEDURE: CriminalProcedureRules = {
  counting: {
    start_day_counts: true,
    source: 'OpenNRM default: the day a term starts counts as its first day',
    verify: true,
  },
  limitation: null,
  pretrial_detention: null,
  terms: [],
  reminder_lead_days: [180, 90, 30, 7],
};
