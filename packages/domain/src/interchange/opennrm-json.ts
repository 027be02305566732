/**
 * OpenNRM's own interchange format: JSON Lines (https://jsonlines.org), one
 * record a line, each with a `type`. Lines come in dependency order so that
 * both export and import stream:
 *
 *   header, organisation*, import_batch*, person*, victim_case*, referral*,
 *   assistance*, criminal_case*, criminal_case_victim*, suspect*
 *
 * Records keep their ids (UUIDs), so importing the same records twice adds
 * nothing. Organisations are referenced by their `code` (fields ending in
 * `_organisation_code`), never by id: every database gives the profile's
 * organisations ids of its own. Field names are the database's (snake_case);
 * dates are "YYYY-MM-DD"; instants are ISO 8601 in UTC with microseconds.
 */
import { z } from 'zod';
import {
  FORMS_OF_EXPLOITATION,
  MEANS_OF_CONTROL,
  NRM_STATUSES,
  RECRUITER_RELATIONSHIPS,
  RECRUITMENT_METHODS,
  REFERRAL_STATUSES,
  SERVICES,
  SEXES,
  SUSPECT_ROLES,
  VERDICTS,
} from '../nrm/codes.ts';
import { isCountryCode, localToday, victimCaseDateProblems } from '../victims/victim-case-rules.ts';

/** The `format` value of a header line. */
export const OPENNRM_JSON_FORMAT = 'opennrm';
/** The version of the format this code writes and reads. */
export const OPENNRM_JSON_VERSION = 1;

const id = z.uuid();
const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const iso2 = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "RO"')
  .refine(isCountryCode, 'not an assigned ISO 3166-1 alpha-2 country code');
/**
 * "Today" for an imported file: the date on the easternmost time zone (UTC+14), so that a
 * date that is today where the file was written is never taken for a future one.
 */
const latestToday = () => localToday('Pacific/Kiritimati');
const orgCode = z.string().min(1);
const year = z.number().int().min(1900).max(2200);
const age = z.number().int().min(0).max(130);

const identitySchema = z.strictObject({
  given_names: z.string().nullable().optional(),
  family_name: z.string().nullable().optional(),
  date_of_birth: date.nullable().optional(),
  documents: z.array(z.strictObject({ type: z.string(), number: z.string(), country: z.string().nullable().optional() })).optional(),
  contacts: z.array(z.strictObject({ kind: z.string(), value: z.string() })).optional(),
  address: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
});

/** Every line type of the format, validated strictly (an unknown field is an error). */
export const opennrmJsonLineSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('header'),
    format: z.literal(OPENNRM_JSON_FORMAT),
    version: z.literal(OPENNRM_JSON_VERSION),
    profile: z.string().min(1),
    exported_at: instant,
  }),
  z.strictObject({
    type: z.literal('organisation'),
    code: orgCode,
    name: z.string().min(1),
    kind: z.string().min(1),
    functions: z.array(z.string()),
    region: z.string().nullable(),
    from_profile: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('import_batch'),
    id,
    kind: z.string().min(1),
    file_name: z.string(),
    file_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex'),
    row_count: z.number().int().min(0),
    imported_at: instant,
  }),
  z.strictObject({
    type: z.literal('person'),
    id,
    sex: z.enum(SEXES),
    birth_year: year.nullable(),
    citizenships: z.array(iso2),
    synthetic: z.boolean(),
    import_batch_id: id.nullable(),
    source_ref: z.string().nullable(),
    created_at: instant,
    updated_at: instant,
    /** Identifying data, in clear (decrypted from person_identity_secret at export, sealed again at import), or null when none is recorded. */
    identity: identitySchema.nullable(),
    identity_updated_at: instant.nullable(),
  }),
  z
    .strictObject({
      type: z.literal('victim_case'),
      id,
      person_id: id,
      case_number: z.string().min(1),
      nrm_status: z.enum(NRM_STATUSES),
      potential_on: date.nullable(),
      presumed_on: date.nullable(),
      identified_on: date.nullable(),
      not_a_victim_on: date.nullable(),
      registration_year: year.nullable(),
      reporting_year: year.nullable(),
      identifying_organisation_code: orgCode.nullable(),
      forms: z.array(z.enum(FORMS_OF_EXPLOITATION)),
      sector: z.string().nullable(),
      countries_of_exploitation: z.array(iso2),
      regions_of_exploitation: z.array(z.string()),
      exploitation_started_on: date.nullable(),
      age_at_exploitation_start: age.nullable(),
      age_at_identification: age.nullable(),
      age_band: z.string().nullable(),
      is_child: z.boolean().nullable(),
      recruitment_methods: z.array(z.enum(RECRUITMENT_METHODS)),
      recruiter_relationship: z.enum(RECRUITER_RELATIONSHIPS).nullable(),
      means_of_control: z.array(z.enum(MEANS_OF_CONTROL)),
      synthetic: z.boolean(),
      import_batch_id: id.nullable(),
      source_ref: z.string().nullable(),
      created_at: instant,
      updated_at: instant,
    })
    // The API's victim case rules (victims/victim-case-rules.ts); records imported from CTDC carry
    // only a registration year, so an identified case may lack identified_on when it has one.
    .superRefine((c, ctx) => {
      const undatedIdentification = c.registration_year != null;
      for (const p of victimCaseDateProblems(c, latestToday(), { undatedIdentification }))
        ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
    }),
  z.strictObject({
    type: z.literal('referral'),
    id,
    victim_case_id: id,
    from_organisation_code: orgCode,
    to_organisation_code: orgCode,
    services: z.array(z.enum(SERVICES)),
    status: z.enum(REFERRAL_STATUSES),
    sent_at: instant,
    responded_at: instant.nullable(),
    decline_reason: z.string().nullable(),
    started_on: date.nullable(),
    created_at: instant,
  }),
  z.strictObject({
    type: z.literal('assistance'),
    id,
    victim_case_id: id,
    referral_id: id.nullable(),
    provider_organisation_code: orgCode,
    service: z.enum(SERVICES),
    started_on: date,
    ended_on: date.nullable(),
    created_at: instant,
  }),
  z.strictObject({
    type: z.literal('criminal_case'),
    id,
    case_number: z.string().min(1),
    investigating_organisation_code: orgCode.nullable(),
    opened_on: date,
    offence_articles: z.array(z.string()),
    forms: z.array(z.enum(FORMS_OF_EXPLOITATION)),
    synthetic: z.boolean(),
    created_at: instant,
    updated_at: instant,
  }),
  z.strictObject({
    type: z.literal('criminal_case_victim'),
    criminal_case_id: id,
    victim_case_id: id,
    role: z.string().min(1),
  }),
  z.strictObject({
    type: z.literal('suspect'),
    id,
    criminal_case_id: id,
    sex: z.enum(SEXES),
    age: z.number().int().min(10).max(130).nullable(),
    citizenships: z.array(iso2),
    role: z.enum(SUSPECT_ROLES),
    state_employee: z.boolean(),
    prosecuted_on: date.nullable(),
    verdict: z.enum(VERDICTS).nullable(),
    verdict_on: date.nullable(),
    sentence_months: z.number().int().min(0).nullable(),
    sentence_suspended: z.boolean().nullable(),
    created_at: instant,
  }),
]);

/** One line of an OpenNRM JSON Lines file. */
export type OpennrmJsonLine = z.infer<typeof opennrmJsonLineSchema>;
/** The record types, in the order a file lists them. */
export const OPENNRM_JSON_TYPES = [
  'organisation',
  'import_batch',
  'person',
  'victim_case',
  'referral',
  'assistance',
  'criminal_case',
  'criminal_case_victim',
  'suspect',
] as const;
export type OpennrmJsonType = (typeof OPENNRM_JSON_TYPES)[number];

/** A problem with one field of a line; `field` is a dotted path ("identity.family_name"), "" for the line itself. */
export interface LineProblem {
  field: string;
  reason: string;
}

/**
 * Parses and validates one line of an OpenNRM JSON Lines file.
 *
 * @param text the line, without its newline.
 * @returns the record, or every problem found (field path and reason). Never throws.
 */
export function parseOpennrmJsonLine(text: string): { ok: true; line: OpennrmJsonLine } | { ok: false; problems: LineProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ field: '', reason: `not JSON: ${(error as Error).message}` }] };
  }
  const result = opennrmJsonLineSchema.safeParse(value);
  if (result.success) return { ok: true, line: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
      reason: issue.message,
    })),
  };
}
