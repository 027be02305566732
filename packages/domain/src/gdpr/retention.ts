import { z } from 'zod';
import { sourceI18nSchema } from '../profile/source-i18n.ts';

/**
 * Retention of personal data (GDPR art. 5(1)(e), storage limitation): how
 * long each kind of record is kept in identifiable form, from which event,
 * and what happens when the period ends. The periods are profile data
 * (principle 3); these are the rules that read them. docs/gdpr.md explains
 * the Romanian defaults.
 */

/**
 * Record types a retention rule applies to.
 * - identity: names, date of birth, documents, contacts, address, notes (encrypted);
 * - victim_case: the pseudonymous facts of a victim case;
 * - referral, assistance: what was asked of and given by service providers;
 * - consent: the consent records of the person;
 * - screening: a screening from which no case was opened (one from which a
 *   case was opened is generalised with that case, under the victim_case rule);
 * - audit_event: the audit trail (never changed by the purge: it is hash-chained).
 */
export const RETENTION_RECORD_TYPES = ['identity', 'victim_case', 'referral', 'assistance', 'consent', 'screening', 'audit_event'] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/**
 * The event a retention period runs from.
 * - case_closure: the person's last victim case closed (see caseClosure below);
 * - not_a_victim_decision: every case of the person ended in a "not a victim" decision (the latest one);
 * - recorded: the record was written (screenings: the day recorded; audit events: the day written).
 */
export const RETENTION_EVENTS = ['case_closure', 'not_a_victim_decision', 'recorded'] as const;
export type RetentionEvent = (typeof RETENTION_EVENTS)[number];

/**
 * What the purge does when the period has run.
 * - erase: delete the data (identity: the sealed record and its blind indexes);
 * - generalise: keep what the statistics count, coarsen or drop the rest (GDPR art. 89(1));
 * - delete: remove the records;
 * - review: list them for a person to decide; nothing is changed automatically.
 */
export const RETENTION_ACTIONS = ['erase', 'generalise', 'delete', 'review'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** The one action that fits each record type. */
export const RETENTION_ACTION_OF: Record<RetentionRecordType, RetentionAction> = {
  identity: 'erase',
  victim_case: 'generalise',
  referral: 'generalise',
  assistance: 'generalise',
  consent: 'delete',
  screening: 'generalise',
  audit_event: 'review',
};

/** Record types whose period runs from the day the record was written, not from an event of a person's case. */
export const RECORDED_RECORD_TYPES: readonly RetentionRecordType[] = ['screening', 'audit_event'];

export const retentionRuleSchema = z
  .object({
    /** Stable name of the rule, stored with every record it anonymised, e.g. "identity_after_case_closure". */
    code: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/),
    record_type: z.enum(RETENTION_RECORD_TYPES),
    /** Length of the period, calendar months. */
    months: z.number().int().min(1).max(1200),
    runs_from: z.enum(RETENTION_EVENTS),
    action: z.enum(RETENTION_ACTIONS),
    /** Law article or standard that sets or justifies the period. */
    source: z.string().min(3, 'name the law article, standard or publication the rule comes from'),
    /** The source's citation in the profile's other languages (profile/source-i18n.ts). */
    source_i18n: sourceI18nSchema,
    /** Why this period: what it must outlast. */
    justification: z.string().min(10),
    /** true when the period is a defensible default still to be confirmed against national law by the controller's DPO. */
    verify_against_national_law: z.boolean(),
  })
  .superRefine((rule, ctx) => {
    const expected = RETENTION_ACTION_OF[rule.record_type];
    if (rule.action !== expected)
      ctx.addIssue({ code: 'custom', path: ['action'], message: `records of type "${rule.record_type}" can only be "${expected}"` });
    if ((rule.runs_from === 'recorded') !== RECORDED_RECORD_TYPES.includes(rule.record_type))
      ctx.addIssue({
        code: 'custom',
        path: ['runs_from'],
        message: 'screenings and audit events run from "recorded"; every other record type from a case event',
      });
  });

export const retentionSchema = z
  .object({
    rules: z.array(retentionRuleSchema).min(1),
    source: z.string().min(3),
  })
  .superRefine((retention, ctx) => {
    const seen = new Set<string>();
    retention.rules.forEach((rule, i) => {
      if (seen.has(rule.code)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'code'], message: `duplicate rule "${rule.code}"` });
      seen.add(rule.code);
    });
    for (const type of RETENTION_RECORD_TYPES)
      if (!retention.rules.some((rule) => rule.record_type === type))
        ctx.addIssue({ code: 'custom', path: ['rules'], message: `no retention rule for "${type}": every record type needs a period` });
  });

export type RetentionRule = z.infer<typeof retentionRuleSchema>;
export type RetentionPolicy = z.infer<typeof retentionSchema>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `date` plus `months` calendar months, clamped to the month's last day
 * ("2024-01-31" + 1 = "2024-02-29").
 * @throws Error for a date that is not "YYYY-MM-DD".
 */
export function addMonths(date: string, months: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`"${date}" is not an ISO date (YYYY-MM-DD)`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day a rule's period ends for a record whose event happened on
 * `eventOn`: the record is due from that day on.
 */
export function retentionExpiresOn(rule: Pick<RetentionRule, 'months'>, eventOn: string): string {
  return addMonths(eventOn, rule.months);
}

/** The latest event date before which records are due on `today` under `rule` (today minus the period). */
export function retentionCutoff(rule: Pick<RetentionRule, 'months'>, today: string): string {
  return addMonths(today, -rule.months);
}

/** Rules the purge applies (every action but review), in profile order. */
export function purgeRules(policy: RetentionPolicy): RetentionRule[] {
  return policy.rules.filter((rule) => rule.action !== 'review');
}

/**
 * A date coarsened to the first day of its year ("2023-05-10" -> "2023-01-01"):
 * what generalisation keeps of a date, so that every count by year stays
 * exact while the day, which can single a person out, is gone.
 */
export function generaliseDate(date: string | null): string | null {
  if (date === null) return null;
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`"${date}" is not an ISO date (YYYY-MM-DD)`);
  return `${m[1]}-01-01`;
}

/**
 * Fields of each record type that generalisation changes, and how. The
 * annual report (docs/statistics.md) counts sex, citizenships, forms,
 * countries, child/adult, age band, reporting year, and the year a referral
 * was sent or assistance started: all kept (dates keep their year).
 */
export const GENERALISED_FIELDS = {
  victim_case: {
    to_year: ['potential_on', 'presumed_on', 'identified_on', 'not_a_victim_on', 'exploitation_started_on'],
    dropped: ['age_at_exploitation_start', 'age_at_identification'],
  },
  referral: { to_year: ['sent_at', 'responded_at', 'started_on'], dropped: ['decline_reason'] },
  assistance: { to_year: ['started_on', 'ended_on'], dropped: [] },
} as const satisfies Record<'victim_case' | 'referral' | 'assistance', { to_year: readonly string[]; dropped: readonly string[] }>;
