import { z } from 'zod';
import { sourceI18nSchema } from './source-i18n.ts';
import { FORMS_OF_EXPLOITATION } from '../nrm/codes.ts';
import { retentionSchema } from '../gdpr/retention.ts';
import { DEFAULT_SERVICES_PROFILE, servicesProfileSchema } from '../services/services-profile.ts';
import { DEFAULT_NRM_WORKFLOW, nrmWorkflowSchema } from '../nrm/nrm-workflow-profile.ts';
import { criminalProcedureSchema, DEFAULT_CRIMINAL_PROCEDURE } from '../proceedings/criminal-procedure-profile.ts';
import { compensationProfileSchema, DEFAULT_COMPENSATION_PROFILE } from '../compensation/compensation-profile.ts';
import { DEFAULT_VICTIMS_IN_PROCEEDINGS, victimsInProceedingsSchema } from '../proceedings/victims-in-proceedings-profile.ts';

/**
 * A jurisdiction profile: the country rules of one deployment, as data.
 * Principle 3 of the developers' brief: offences, deadlines, categories,
 * institutions and languages live here, never in code. Every rule carries the
 * `source` it comes from (law article, standard, published report).
 */

const iso2 = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "RO"');
const source = z.string().min(3, 'name the law article, standard or publication the rule comes from');

export const INSTITUTION_KINDS = [
  'coordinator',
  'prosecution',
  'police',
  'border_police',
  'immigration',
  'child_protection',
  'labour_inspection',
  'education',
  'asset_management',
  'court',
  'ngo',
  'international',
  'other',
] as const;

/** What an institution does in the referral mechanism. */
export const NRM_FUNCTIONS = [
  'first_responder',
  'identifying_body',
  'service_provider',
  'investigation',
  'prosecution',
  'child_protection',
  'coordination',
  'adjudication',
] as const;

export const institutionSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/),
  /** The institution's official name; where it carries an English gloss ("... (courts of law)"), `name_i18n` says it in each language. */
  name: z.string().min(2),
  /** The name by language code of the profile's `languages` (e.g. `ro` without the English gloss); absent languages show `name`. */
  name_i18n: sourceI18nSchema,
  kind: z.enum(INSTITUTION_KINDS),
  functions: z.array(z.enum(NRM_FUNCTIONS)).min(1),
  /** ISO 3166-2 region code for county-level bodies (e.g. a county DGASPC). */
  region: z.string().optional(),
});

export const regionSchema = z.object({
  /** ISO 3166-2 code, e.g. "RO-CJ". */
  code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/),
  name: z.string().min(2),
});

export const languageSchema = z.object({
  /** BCP 47 tag, e.g. "ro", "uk". */
  code: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
  name: z.string(),
  official: z.boolean().default(false),
});

export const offenceSchema = z.object({
  /** Article of the criminal code, e.g. "210". */
  article: z.string().min(1),
  /** The offence's name; where it carries an English gloss ("Traficul de persoane (trafficking in persons, ...)"), `title_i18n` says it in each language. */
  title: z.string(),
  /** The title by language code of the profile's `languages`; absent languages show `title`. */
  title_i18n: sourceI18nSchema,
  /** Who the offence protects: adult or child victims, or both. */
  victim: z.enum(['adult', 'child', 'any']),
  /** Statutory penalty range, years of imprisonment. */
  penalty_years: z.object({ min: z.number().nonnegative(), max: z.number().positive() }),
  /** Whether this is a trafficking offence counted in the trafficking statistics. */
  trafficking: z.boolean(),
  source,
  source_i18n: sourceI18nSchema,
});

const formCategory = z.array(z.enum(FORMS_OF_EXPLOITATION)).min(1);

/**
 * A place-of-exploitation figure of the annual report, e.g. Romanian victims
 * exploited in Western Europe: identified victims holding `citizens` whose
 * countries of exploitation overlap `countries` (or the named `country_group`).
 * Not a partition: a victim exploited in two places counts in both.
 */
export const placeFigureSchema = z
  .object({
    /** Key of the figure under `victims_identified`, e.g. "romanian_exploited_in_romania". */
    key: z.string().regex(/^[a-z_]+$/),
    /** Citizenship the victims hold (ISO 3166-1 alpha-2). */
    citizens: iso2,
    countries: z.array(iso2).min(1).optional(),
    /** A key of the profile's `country_groups`. */
    country_group: z.string().optional(),
  })
  .refine((f) => (f.countries == null) !== (f.country_group == null), {
    message: 'give exactly one of "countries" or "country_group"',
  });

/** Whether `tz` is an IANA time zone this runtime knows (e.g. "Europe/Bucharest"). */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const reportSchema = z.object({
  /**
   * Report category -> the detailed forms it counts. A victim counts in every
   * category one of whose forms it has; a victim with no known form counts in
   * `unspecified`.
   */
  form_categories: z.record(z.string().regex(/^[a-z_]+$/), formCategory),
  /** Place-of-exploitation figures under `victims_identified` (docs/statistics.md). */
  place_figures: z.array(placeFigureSchema).default([]),
  /** IANA time zone in which a reporting year starts and ends (referrals are instants). */
  time_zone: z.string().refine(isTimeZone, 'an IANA time zone such as "Europe/Bucharest"').default('UTC'),
  source,
});

export const profileSchema = z
  .object({
    code: z.string().regex(/^[a-z]{2,16}$/),
    name: z.string(),
    /** The country whose NRM this is; citizens of other countries count as foreign victims. */
    country: iso2,
    currency: z.string().regex(/^[A-Z]{3}$/),
    languages: z.array(languageSchema).min(1),
    default_language: z.string(),
    institutions: z.array(institutionSchema).min(1),
    regions: z.array(regionSchema).min(1),
    /** Named groups of countries used in reports, e.g. "western_europe". */
    country_groups: z.record(z.string().regex(/^[a-z_]+$/), z.array(iso2).min(1)),
    offences: z.array(offenceSchema).min(1),
    /** The annual national statistics report. */
    annual_report: reportSchema,
    /** Age under which a person is a child, years (Palermo Protocol art. 3(d)). */
    child_age_years: z.number().int().positive(),
    /** Code of the screening instrument front-line responders use (packages/domain/instruments/, docs/screening.md). */
    screening_instrument: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,63}$/)
      .default('ilo-ec-2009'),
    /**
     * Where front-line responders screen (issue 4 point 1): code, name and why the context is listed.
     * A screening names one of these codes (docs/screening.md).
     */
    screening_contexts: z
      .array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/), name: z.string().min(2), source }))
      .default([]),
    /** How long each kind of record stays identifiable, and what then happens to it (GDPR art. 5(1)(e); docs/gdpr.md). */
    /** The NRM workflow's rules: closure reasons and forbidden grounds, residence statuses (docs/nrm-workflow.md). */
    nrm_workflow: nrmWorkflowSchema.default(DEFAULT_NRM_WORKFLOW),
    retention: retentionSchema,
    /** Referral timers, licence warnings, gaps and financial support schemes (docs/services.md); OpenNRM defaults when absent. */
    services: servicesProfileSchema.default(DEFAULT_SERVICES_PROFILE),
    /** Routes to compensation, damage types, the advance payment's scheme and the reporting currency (docs/proceedings.md). */
    compensation: compensationProfileSchema.default(DEFAULT_COMPENSATION_PROFILE),
    /** Hearing settings, witness programmes, protection measures and mandatory counsel (docs/proceedings.md); EU defaults when absent. */
    victims_in_proceedings: victimsInProceedingsSchema.default(DEFAULT_VICTIMS_IN_PROCEEDINGS),
    /** Limitation, pre-trial detention and further procedural terms, reminder lead times (docs/proceedings.md, "Deadlines"); no deadline rules when absent. */
    criminal_procedure: criminalProcedureSchema.default(DEFAULT_CRIMINAL_PROCEDURE),
    sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().optional() })).default([]),
  })
  .superRefine((p, ctx) => {
    const unique = (values: string[], path: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [path, i], message: `duplicate code "${v}"` });
        seen.add(v);
      });
    };
    unique(
      p.institutions.map((i) => i.code),
      'institutions',
    );
    unique(
      p.regions.map((r) => r.code),
      'regions',
    );
    unique(
      p.offences.map((o) => o.article),
      'offences',
    );
    unique(
      p.screening_contexts.map((c) => c.code),
      'screening_contexts',
    );
    if (!p.languages.some((l) => l.code === p.default_language)) {
      ctx.addIssue({
        code: 'custom',
        path: ['default_language'],
        message: `"${p.default_language}" is not one of the profile's languages`,
      });
    }
    const regionCodes = new Set(p.regions.map((r) => r.code));
    p.institutions.forEach((inst, i) => {
      if (inst.region && !regionCodes.has(inst.region)) {
        ctx.addIssue({ code: 'custom', path: ['institutions', i, 'region'], message: `unknown region "${inst.region}"` });
      }
    });
    p.regions.forEach((r, i) => {
      if (!r.code.startsWith(`${p.country}-`)) {
        ctx.addIssue({ code: 'custom', path: ['regions', i, 'code'], message: `region "${r.code}" is not in ${p.country}` });
      }
    });
    // A translation (a citation's `source_i18n`, a name's `name_i18n` or `title_i18n`) in a language the deployment does not offer would never be shown: a typo in the code.
    const languageCodes = new Set(p.languages.map((l) => l.code));
    const checkSourceI18n = (node: unknown, path: (string | number)[]): void => {
      if (Array.isArray(node)) node.forEach((item, i) => checkSourceI18n(item, [...path, i]));
      else if (node != null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key.endsWith('_i18n') && value != null && typeof value === 'object') {
            for (const code of Object.keys(value)) {
              if (!languageCodes.has(code)) {
                ctx.addIssue({ code: 'custom', path: [...path, key, code], message: `"${code}" is not one of the profile's languages` });
              }
            }
          } else checkSourceI18n(value, [...path, key]);
        }
      }
    };
    checkSourceI18n(p, []);
    const advanceScheme = p.compensation.advance_payment_scheme;
    if (advanceScheme != null && !p.services.financial_schemes.some((s) => s.code === advanceScheme)) {
      ctx.addIssue({
        code: 'custom',
        path: ['compensation', 'advance_payment_scheme'],
        message: `"${advanceScheme}" is not one of services.financial_schemes`,
      });
    }
    p.annual_report.place_figures.forEach((f, i) => {
      if (f.country_group != null && !(f.country_group in p.country_groups)) {
        ctx.addIssue({
          code: 'custom',
          path: ['annual_report', 'place_figures', i, 'country_group'],
          message: `unknown country group "${f.country_group}"`,
        });
      }
    });
  });

export type JurisdictionProfile = z.infer<typeof profileSchema>;
export type Institution = z.infer<typeof institutionSchema>;
export type Offence = z.infer<typeof offenceSchema>;
export type PlaceFigure = z.infer<typeof placeFigureSchema>;

/** A profile that failed validation; `issues` name each field path and reason. */
export class ProfileError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(profileName: string, issues: { path: string; message: string }[]) {
    super(`profile "${profileName}" is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ProfileError';
    this.issues = issues;
  }
}

/**
 * Validates raw profile data.
 *
 * @param name a name for messages (file name or code).
 * @throws ProfileError naming every invalid field.
 */
export function parseProfile(name: string, data: unknown): JurisdictionProfile {
  const result = profileSchema.safeParse(data);
  if (!result.success) {
    throw new ProfileError(
      name,
      result.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    );
  }
  return result.data;
}
