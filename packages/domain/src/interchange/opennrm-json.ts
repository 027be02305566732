/**
 * OpenNRM's own interchange format: JSON Lines (https://jsonlines.org), one
 * record a line, each with a `type`. Lines come in dependency order so that
 * both export and import stream:
 *
 *   header, organisation*, app_user*, service_facility*, import_batch*, ctdc_record_kind*, person*, victim_case*,
 *   case_team*, referral*, assistance*, criminal_case*, criminal_case_victim*,
 *   suspect*, criminal_case_offence*, procedural_event*, criminal_case_cooperation*, break_glass_grant*, alert*, consent*, erasure_request*,
 *   screening*, screening_revision*, anonymous_notification*, nrm_transition*,
 *   child_protection_notification*, residence_status*, victim_hearing*, legal_counsel_assignment*,
 *   programme_participation*, protection_measure*, exchange_rate*, compensation_claim*,
 *   compensation_order*, compensation_payment*, state_advance_payment*
 *
 * Records keep their ids (UUIDs), so importing the same records twice adds
 * nothing. Organisations are referenced by their `code` (fields ending in
 * `_organisation_code`, and `institutions_under_investigation_codes`), never
 * by id: every database gives the profile's organisations ids of its own.
 * Accounts (`app_user`) carry who they are, never a credential. Field names
 * are the database's (snake_case); dates are "YYYY-MM-DD"; instants are ISO
 * 8601 in UTC with microseconds. What is exported and why the rest is not:
 * docs/imports.md.
 *
 * Version 2 added accounts, case teams, referral shared fields, conflicts of
 * interest, break-glass grants, alerts, consent, erasure requests and
 * anonymisation marks (migrations 0007, 0010), service facilities, referral
 * decline codes, urgency and re-sending, assistance facility and payments
 * (0012), screenings (0013), the NRM workflow's steps, notifications and
 * residence statuses (0011), kept referral intervals and screening
 * anonymisation marks (0017), criminal proceedings: stages, closures,
 * dated offences, procedural events, international cooperation (0018), victims' hearings, legal counsel, programmes and protection measures (0019), compensation claims, orders and payments, state advance payments and the exchange-rate table (0020), CTDC records stored by kind (0022: a file written before holds CTDC lines as persons and victim cases, which an import keeps as such). Version 1 files are still read: their records
 * get the values those migrations gave existing rows (upgradeVersion1Record).
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
import { problemText } from '../problems/catalogue.ts';
import { ROLES } from '../accounts/roles.ts';
import { DEFAULT_SHARED_FIELDS, sharedFieldsProblem } from '../access/fields.ts';
import { CONSENT_METHODS, CONSENT_PURPOSES } from '../gdpr/consent.ts';
import { ERASURE_GROUNDS } from '../gdpr/erasure.ts';
import { ANSWERS } from '../screening/evaluate-screening.ts';
import { EXPLOITATION_TYPES } from '../screening/instrument-schema.ts';
import { SUBJECT_AGE_GROUPS } from '../screening/screening-record.ts';
import { DECLINE_REASON_CODES, REFERRAL_URGENCIES } from '../services/decline-reasons.ts';
import { NRM_WORKFLOW_EVENTS, NRM_WORKFLOW_STATES } from '../nrm/workflow.ts';
import { COMPENSATION_LINE_TYPES, compensationLineSchemas } from './compensation-lines.ts';
import { PROCEEDINGS_LINE_TYPES, proceedingsLineSchemas } from './proceedings-lines.ts';
import {
  CLOSURE_REASONS,
  COOPERATION_KINDS,
  CRIMINAL_CASE_STAGES,
  PROCEDURAL_EVENT_KINDS,
  PROCEDURAL_EVENTS,
  VICTIM_ROLES_IN_PROCEEDINGS,
} from '../proceedings/procedural-events.ts';

/** The `format` value of a header line. */
export const OPENNRM_JSON_FORMAT = 'opennrm';
/** The version of the format this code writes. */
export const OPENNRM_JSON_VERSION = 2;
/** The versions this code reads (version 1 upgraded by upgradeVersion1Record). */
export const OPENNRM_JSON_READABLE_VERSIONS = [1, 2] as const;
export type OpennrmJsonVersion = (typeof OPENNRM_JSON_READABLE_VERSIONS)[number];

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
/** The mark of migration 0010 on an anonymised record: both set or both null (gdpr/anonymise.ts). */
const anonymisation = { anonymised_on: date.nullable(), anonymisation_rule: z.string().min(1).nullable() };
const anonymisationMarked = (r: { anonymised_on: string | null; anonymisation_rule: string | null }, ctx: z.RefinementCtx) => {
  if ((r.anonymised_on == null) !== (r.anonymisation_rule == null))
    ctx.addIssue({
      code: 'custom',
      path: ['anonymisation_rule'],
      message: 'anonymised_on and anonymisation_rule are both set or both null',
    });
};
/** A written reason of at least 10 characters besides spaces (the database's CHECK of break_glass_grant and erasure_request). */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex');
const screeningAnswers = z.record(z.string().min(1), z.enum(ANSWERS));
const writtenReason = z.string().refine((s) => s.trim().length >= 10, 'a written reason of at least 10 characters');

// The API's bounds (packages/server/src/persons/persons.schemas.ts): an import accepts no identity the API would refuse.
const identitySchema = z.strictObject({
  given_names: z.string().max(200).nullable().optional(),
  family_name: z.string().max(200).nullable().optional(),
  date_of_birth: date.nullable().optional(),
  documents: z
    .array(
      z.strictObject({ type: z.string().min(1).max(50), number: z.string().min(1).max(100), country: z.string().nullable().optional() }),
    )
    .max(20)
    .optional(),
  contacts: z
    .array(z.strictObject({ kind: z.string().min(1).max(30), value: z.string().min(1).max(200) }))
    .max(20)
    .optional(),
  address: z.string().max(500).nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
});

/** Every line type of the format, validated strictly (an unknown field is an error). */
export const opennrmJsonLineSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('header'),
    format: z.literal(OPENNRM_JSON_FORMAT),
    version: z.literal(OPENNRM_JSON_READABLE_VERSIONS),
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
    type: z.literal('app_user'),
    id,
    username: z.string().min(1),
    display_name: z.string(),
    role: z.enum(ROLES),
    organisation_code: orgCode.nullable(),
    disabled: z.boolean(),
    oidc_issuer: z.string().min(1).nullable(),
    oidc_subject: z.string().min(1).nullable(),
    created_at: instant,
    // Where deadline reminders are e-mailed (migration 0021; its CHECK); absent from files written before it.
    email: z
      .string()
      .regex(/^[^@\s<>,;"]+@[^@\s<>,;"]+$/, 'an e-mail address')
      .nullable()
      .default(null),
  }),
  z
    .strictObject({
      type: z.literal('service_facility'),
      id,
      organisation_code: orgCode,
      code: z.string().min(1),
      name: z.string().min(1),
      region: z.string().min(1),
      services: z.array(z.enum(SERVICES)),
      accepts_children: z.boolean(),
      accepts_adults: z.boolean(),
      dedicated_to_trafficking: z.boolean(),
      /** Places (beds for a shelter), persons. */
      capacity: z.number().int().min(0).nullable(),
      free_places: z.number().int().min(0).nullable(),
      free_places_updated_at: instant.nullable(),
      free_places_updated_by: id.nullable(),
      licence_number: z.string().nullable(),
      licence_authority: z.string().nullable(),
      licence_expires_on: date.nullable(),
      active: z.boolean(),
      synthetic: z.boolean(),
      created_at: instant,
      updated_at: instant,
    })
    // The database's CHECKs of migration 0012.
    .superRefine((f, ctx) => {
      if (f.free_places != null && (f.capacity == null || f.free_places > f.capacity))
        ctx.addIssue({ code: 'custom', path: ['free_places'], message: 'at most capacity, which must be given' });
      if ((f.licence_number == null) !== (f.licence_expires_on == null))
        ctx.addIssue({ code: 'custom', path: ['licence_expires_on'], message: 'given exactly when licence_number is' });
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
  // The lines of an imported CTDC file with the same mapped facts (migration 0022): statistical
  // records, no person. The receiving database derives the fact set (a trigger).
  z
    .strictObject({
      type: z.literal('ctdc_record_kind'),
      id,
      import_batch_id: id,
      sex: z.enum(SEXES),
      citizenships: z.array(iso2),
      registration_year: year.nullable(),
      reporting_year: year.nullable(),
      forms: z.array(z.enum(FORMS_OF_EXPLOITATION)),
      sector: z.string().nullable(),
      countries_of_exploitation: z.array(iso2),
      age_band: z.string().nullable(),
      is_child: z.boolean().nullable(),
      recruitment_methods: z.array(z.enum(RECRUITMENT_METHODS)),
      recruiter_relationship: z.enum(RECRUITER_RELATIONSHIPS).nullable(),
      means_of_control: z.array(z.enum(MEANS_OF_CONTROL)),
      /** How many lines of the file are of this kind: the length of `lines`. */
      n: z.number().int().min(1),
      /** The file's line numbers of this kind, ascending. */
      lines: z.array(z.number().int().min(1).max(2_147_483_647)).min(1),
    })
    .superRefine((k, ctx) => {
      if (k.lines.length !== k.n) ctx.addIssue({ code: 'custom', path: ['n'], message: `the number of lines (${k.lines.length})` });
      if (k.lines.some((line, i) => i > 0 && line <= k.lines[i - 1]!))
        ctx.addIssue({ code: 'custom', path: ['lines'], message: 'ascending, each line once' });
    }),
  z
    .strictObject({
      type: z.literal('person'),
      id,
      sex: z.enum(SEXES),
      birth_year: year.nullable(),
      citizenships: z.array(iso2),
      synthetic: z.boolean(),
      import_batch_id: id.nullable(),
      source_ref: z.string().nullable(),
      created_by_user_id: id.nullable(),
      ...anonymisation,
      created_at: instant,
      updated_at: instant,
      /** Identifying data, in clear (decrypted from person_identity_secret at export, sealed again at import), or null when none is recorded. */
      identity: identitySchema.nullable(),
      identity_updated_at: instant.nullable(),
    })
    .superRefine(anonymisationMarked),
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
      created_by_user_id: id.nullable(),
      owner_organisation_code: orgCode.nullable(),
      ...anonymisation,
      created_at: instant,
      updated_at: instant,
      /** The case's latest NRM workflow step (null: never moved through the workflow). */
      workflow_state: z.enum(NRM_WORKFLOW_STATES).nullable(),
      /** The county the case is handled in (ISO 3166-2). */
      region: z.string().min(1).nullable(),
    })
    // The API's victim case rules (victims/victim-case-rules.ts); records imported from CTDC carry
    // only a registration year, so an identified case may lack identified_on when it has one.
    .superRefine((c, ctx) => {
      const undatedIdentification = c.registration_year != null;
      for (const p of victimCaseDateProblems(c, latestToday(), { undatedIdentification }))
        ctx.addIssue({ code: 'custom', path: [p.field], message: problemText(p) });
      anonymisationMarked(c, ctx);
    }),
  z.strictObject({
    type: z.literal('case_team'),
    victim_case_id: id,
    user_id: id,
    role: z.enum(['lead', 'member']),
    added_at: instant,
  }),
  z
    .strictObject({
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
      /** What the receiving organisation may see (access/fields.ts SHAREABLE_FIELDS). */
      shared_fields: z.array(z.string()),
      ...anonymisation,
      created_at: instant,
      decline_reason_code: z.enum(DECLINE_REASON_CODES).nullable(),
      urgency: z.enum(REFERRAL_URGENCIES),
      /** The declined referral this one re-sends (a referral earlier in the file or in the database). */
      resent_from_referral_id: id.nullable(),
      overdue_alerted_at: instant.nullable(),
      /** Whole days, written by the retention purge before it coarsens the dates (migration 0017). */
      days_from_screening: z.number().int().min(0).nullable(),
      days_to_first_service: z.number().int().min(0).nullable(),
      intervals_kept: z.boolean(),
    })
    .superRefine((r, ctx) => {
      const problem = sharedFieldsProblem(r.shared_fields);
      if (problem) ctx.addIssue({ code: 'custom', path: ['shared_fields', problem.index], message: problemText(problem) });
      anonymisationMarked(r, ctx);
    }),
  z
    .strictObject({
      type: z.literal('assistance'),
      id,
      victim_case_id: id,
      referral_id: id.nullable(),
      provider_organisation_code: orgCode,
      service: z.enum(SERVICES),
      started_on: date,
      ended_on: date.nullable(),
      ...anonymisation,
      created_at: instant,
      facility_id: id.nullable(),
      /** Financial support only: the amount as a decimal string (numeric(14,2): exact, never a float), ISO 4217 currency, scheme. */
      amount: z
        .string()
        .regex(/^\d{1,12}(\.\d{1,2})?$/, 'an amount such as "1500.00"')
        .nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "RON"')
        .nullable(),
      payment_scheme: z.string().min(1).nullable(),
    })
    .superRefine((a, ctx) => {
      anonymisationMarked(a, ctx);
      // The database's CHECKs of migration 0012.
      if (a.service !== 'financial' && (a.amount != null || a.currency != null || a.payment_scheme != null))
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'an amount, currency or scheme only for financial support' });
      if (a.amount != null && a.currency == null)
        ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount needs its currency' });
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
    /** Codes of the organisations under investigation (criminal_case.institutions_under_investigation holds their ids). */
    institutions_under_investigation_codes: z.array(orgCode),
    created_at: instant,
    updated_at: instant,
    // Proceedings (migration 0018): defaults are what the migration gave cases a file written before it holds.
    stage: z.enum(CRIMINAL_CASE_STAGES).default('investigation_in_rem'),
    closed_on: date.nullable().default(null),
    closure_reason: z.enum(CLOSURE_REASONS).nullable().default(null),
    organised_crime_group: z.boolean().default(false),
    prosecutor_user_id: id.nullable().default(null),
    manager_user_id: id.nullable().default(null),
  }),
  z.strictObject({
    type: z.literal('criminal_case_victim'),
    criminal_case_id: id,
    victim_case_id: id,
    role: z.enum(VICTIM_ROLES_IN_PROCEEDINGS),
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
    app_user_id: id.nullable(),
    created_at: instant,
  }),
  z.strictObject({
    type: z.literal('criminal_case_offence'),
    id,
    criminal_case_id: id,
    article: z.string().min(1),
    committed_on: date,
    committed_until: date.nullable(),
    suspect_id: id.nullable(),
  }),
  z
    .strictObject({
      type: z.literal('procedural_event'),
      id,
      criminal_case_id: id,
      suspect_id: id.nullable(),
      kind: z.enum(PROCEDURAL_EVENT_KINDS as [string, ...string[]]),
      occurred_on: date,
      ends_on: date.nullable(),
      phase: z.enum(['investigation', 'trial']).nullable(),
      sentence_months: z.number().int().min(0).nullable(),
      sentence_suspended: z.boolean().nullable(),
      /** Confiscation or seized assets: decimal string (numeric(16,2)), ISO 4217 currency. */
      amount: z
        .string()
        .regex(/^\d{1,14}(\.\d{1,2})?$/, 'an amount such as "1500.00"')
        .nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"')
        .nullable(),
      note: z.string().nullable(),
      recorded_by: id.nullable(),
      created_at: instant,
    })
    .superRefine((e, ctx) => {
      // The database's CHECKs of migration 0018.
      const kind = PROCEDURAL_EVENTS[e.kind as keyof typeof PROCEDURAL_EVENTS];
      if ((kind.on === 'suspect') !== (e.suspect_id != null))
        ctx.addIssue({
          code: 'custom',
          path: ['suspect_id'],
          message: `a ${kind.on} event ${kind.on === 'suspect' ? 'needs' : 'has no'} suspect_id`,
        });
      if (e.ends_on != null && !kind.has_end)
        ctx.addIssue({ code: 'custom', path: ['ends_on'], message: `a ${e.kind} event has no end date` });
      if ((e.amount == null) !== (e.currency == null))
        ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount and its currency go together' });
    }),
  z.strictObject({
    type: z.literal('criminal_case_cooperation'),
    id,
    criminal_case_id: id,
    kind: z.enum(COOPERATION_KINDS),
    countries: z.array(iso2),
    opened_on: date,
    concluded_on: date.nullable(),
  }),
  z.strictObject({
    type: z.literal('break_glass_grant'),
    id,
    victim_case_id: id,
    user_id: id,
    reason: writtenReason,
    granted_at: instant,
    expires_at: instant,
  }),
  z.strictObject({
    type: z.literal('alert'),
    id,
    recipient_user_id: id,
    kind: z.string().min(1),
    victim_case_id: id.nullable(),
    actor_user_id: id.nullable(),
    reason: z.string().nullable(),
    created_at: instant,
    read_at: instant.nullable(),
    // A deadline reminder (migration 0021): its criminal case, the deadline's identity, the lead time (days) and the deadline as computed.
    criminal_case_id: id.nullable().default(null),
    deadline_key: z.string().min(1).nullable().default(null),
    lead_days: z.int().positive().nullable().default(null),
    deadline: z.record(z.string(), z.unknown()).nullable().default(null),
  }),
  z
    .strictObject({
      type: z.literal('consent'),
      id,
      person_id: id,
      victim_case_id: id.nullable(),
      purpose: z.enum(CONSENT_PURPOSES),
      given: z.boolean(),
      recorded_on: date,
      recorded_by: id.nullable(),
      method: z.enum(CONSENT_METHODS),
      withdrawn_on: date.nullable(),
      withdrawn_by: id.nullable(),
      created_at: instant,
    })
    // The database's consent_withdrawal CHECK (migration 0010).
    .refine((c) => c.withdrawn_on == null || (c.given && c.withdrawn_on >= c.recorded_on), {
      path: ['withdrawn_on'],
      message: 'only a given consent is withdrawn, on or after recorded_on',
    }),
  z
    .strictObject({
      type: z.literal('erasure_request'),
      id,
      person_id: id,
      requested_by: id.nullable(),
      requested_at: instant,
      ground: z.enum(ERASURE_GROUNDS),
      reason: writtenReason,
      outcome: z.enum(['erased', 'refused']),
      exemption: z.string().min(1).nullable(),
      article: z.string().min(1).nullable(),
    })
    // The database's erasure_request_refusal_named CHECK (migration 0010).
    .refine((e) => (e.outcome === 'refused') === (e.exemption != null && e.article != null), {
      path: ['exemption'],
      message: 'a refusal names its exemption and article; an erasure names neither',
    }),
  z
    .strictObject({
      type: z.literal('screening'),
      id,
      revision: z.number().int().min(1),
      content_sha256: sha256,
      recorded_at: instant,
      first_received_at: instant,
      received_at: instant,
      recorded_by_user_id: id,
      organisation_code: orgCode.nullable(),
      county: z.string().min(1),
      context: z.string().min(1),
      subject_age_years: age.nullable(),
      subject_age_group: z.enum(SUBJECT_AGE_GROUPS),
      subject_sex: z.enum(SEXES),
      subject_citizenships: z.array(iso2),
      exploitation: z.enum(EXPLOITATION_TYPES),
      answers: screeningAnswers,
      /** The responder's notes, in clear (opened at export, sealed again at import), or null. */
      notes: z.string().nullable(),
      instrument: z.string().min(1),
      indicator_set: z.string().min(1),
      outcome: z.enum(['no_indicators', 'potential_victim', 'presumed_victim']),
      /** The domain evaluator's ScreeningResult, as stored. */
      evaluation: z.record(z.string(), z.unknown()),
      victim_case_id: id.nullable(),
      case_opened_at: instant.nullable(),
      synthetic: z.boolean(),
      ...anonymisation,
    })
    .superRefine((r, ctx) => {
      // The database's screening_case_opened CHECK (migration 0013).
      if ((r.victim_case_id == null) !== (r.case_opened_at == null))
        ctx.addIssue({ code: 'custom', path: ['case_opened_at'], message: 'set exactly when victim_case_id is' });
      anonymisationMarked(r, ctx);
    }),
  z.strictObject({
    type: z.literal('screening_revision'),
    screening_id: id,
    revision: z.number().int().min(1),
    content_sha256: sha256,
    recorded_at: instant,
    received_at: instant,
    answers: screeningAnswers,
    outcome: z.enum(['no_indicators', 'potential_victim', 'presumed_victim']),
  }),
  z
    .strictObject({
      type: z.literal('anonymous_notification'),
      id,
      notified_on: date,
      notifying_organisation_code: orgCode.nullable(),
      sex: z.enum(SEXES),
      age_band: z.string().nullable(),
      citizenships: z.array(iso2),
      forms: z.array(z.enum(FORMS_OF_EXPLOITATION)),
      region: z.string().min(1).nullable(),
      countries_of_exploitation: z.array(iso2),
      withdrawn_on: date.nullable(),
      synthetic: z.boolean(),
      created_at: instant,
    })
    // The database's anonymous_notification_withdrawal CHECK (migration 0011).
    .refine((n) => n.withdrawn_on == null || n.withdrawn_on >= n.notified_on, {
      path: ['withdrawn_on'],
      message: 'on or after notified_on',
    }),
  z.strictObject({
    type: z.literal('nrm_transition'),
    id,
    victim_case_id: id,
    event: z.enum(NRM_WORKFLOW_EVENTS),
    from_state: z.enum(NRM_WORKFLOW_STATES),
    to_state: z.enum(NRM_WORKFLOW_STATES),
    occurred_on: date,
    recorded_at: instant,
    actor_user_id: id.nullable(),
    actor_organisation_code: orgCode.nullable(),
    reason: z.string().nullable(),
    closure_reason: z.string().min(1).nullable(),
    grounds: z.array(z.string().min(1)),
    nrm_status: z.enum(NRM_STATUSES).nullable(),
    /** The record that caused the step ("referral", ...) and its id: carried as they are, not checked. */
    source_type: z.string().min(1).nullable(),
    source_id: id.nullable(),
    anonymous_notification_id: id.nullable(),
  }),
  z
    .strictObject({
      type: z.literal('child_protection_notification'),
      id,
      victim_case_id: id,
      transition_id: id,
      region: z.string().min(1).nullable(),
      organisation_code: orgCode.nullable(),
      status: z.enum(['sent', 'unrouted']),
      /** How many users were alerted in-app. */
      recipients: z.number().int().min(0),
      notified_at: instant,
    })
    // The database's child_protection_notification_routed CHECK (migration 0011).
    .refine((n) => (n.status === 'sent') === (n.organisation_code != null), {
      path: ['organisation_code'],
      message: 'given exactly when status is "sent"',
    }),
  z
    .strictObject({
      type: z.literal('residence_status'),
      id,
      victim_case_id: id,
      /** A code of the profile's nrm_workflow.residence_statuses. */
      status: z.string().min(1),
      starts_on: date,
      expires_on: date.nullable(),
      expiry_warned_on: date.nullable(),
      recorded_by: id.nullable(),
      synthetic: z.boolean(),
      created_at: instant,
    })
    // The database's residence_status_dates CHECK (migration 0011).
    .refine((r) => r.expires_on == null || r.expires_on >= r.starts_on, { path: ['expires_on'], message: 'on or after starts_on' }),
  ...proceedingsLineSchemas(id, date, instant, orgCode),
  ...compensationLineSchemas(id, date, instant, orgCode),
]);

/** One line of an OpenNRM JSON Lines file. */
export type OpennrmJsonLine = z.infer<typeof opennrmJsonLineSchema>;
/** The record types, in the order a file lists them. */
export const OPENNRM_JSON_TYPES = [
  'organisation',
  'app_user',
  'service_facility',
  'import_batch',
  'ctdc_record_kind',
  'person',
  'victim_case',
  'case_team',
  'referral',
  'assistance',
  'criminal_case',
  'criminal_case_victim',
  'suspect',
  'criminal_case_offence',
  'procedural_event',
  'criminal_case_cooperation',
  'break_glass_grant',
  'alert',
  'consent',
  'erasure_request',
  'screening',
  'screening_revision',
  'anonymous_notification',
  'nrm_transition',
  'child_protection_notification',
  'residence_status',
  ...PROCEEDINGS_LINE_TYPES,
  ...COMPENSATION_LINE_TYPES,
] as const;
export type OpennrmJsonType = (typeof OPENNRM_JSON_TYPES)[number];

/** A problem with one field of a line; `field` is a dotted path ("identity.family_name"), "" for the line itself. */
export interface LineProblem {
  field: string;
  reason: string;
}

/** Fields that version 2 added, with the values migrations 0007 to 0017 gave the rows that existed then. */
const VERSION_2_FIELDS: Partial<Record<OpennrmJsonType, (record: Record<string, unknown>) => Record<string, unknown>>> = {
  person: () => ({ created_by_user_id: null, anonymised_on: null, anonymisation_rule: null }),
  // Migration 0007: an existing case is owned by its identifying organisation.
  victim_case: (r) => ({
    created_by_user_id: null,
    owner_organisation_code: r.identifying_organisation_code ?? null,
    anonymised_on: null,
    anonymisation_rule: null,
    workflow_state: null,
    region: null,
  }),
  // Migration 0012: a referral declined before reason codes existed gets "other".
  referral: (r) => ({
    shared_fields: [...DEFAULT_SHARED_FIELDS],
    anonymised_on: null,
    anonymisation_rule: null,
    decline_reason_code: r.status === 'declined' ? 'other' : null,
    urgency: 'routine',
    resent_from_referral_id: null,
    overdue_alerted_at: null,
    days_from_screening: null,
    days_to_first_service: null,
    intervals_kept: false,
  }),
  assistance: () => ({
    anonymised_on: null,
    anonymisation_rule: null,
    facility_id: null,
    amount: null,
    currency: null,
    payment_scheme: null,
  }),
  criminal_case: () => ({
    institutions_under_investigation_codes: [],
    stage: 'investigation_in_rem',
    closed_on: null,
    closure_reason: null,
    organised_crime_group: false,
    prosecutor_user_id: null,
    manager_user_id: null,
  }),
  suspect: () => ({ app_user_id: null }),
};

/**
 * A version 1 record as version 2 writes it: the fields version 2 added,
 * when absent, get the values migrations 0007 to 0017 gave existing rows.
 * Other records are left as they are.
 */
export function upgradeVersion1Record(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const added = VERSION_2_FIELDS[record.type as OpennrmJsonType]?.(record);
  return added ? { ...added, ...record } : record;
}

/** Dotted paths of the strings (and keys) in a parsed JSON value that hold U+0000. */
function pathsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsWithNul(item, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      return key.includes('\u0000') ? [at] : pathsWithNul(item, at);
    });
  return [];
}

/**
 * Parses and validates one line of an OpenNRM JSON Lines file.
 *
 * @param text the line, without its newline.
 * @param version the file's version (its header's); a version 1 record is upgraded first.
 * @returns the record, or every problem found (field path and reason). Never throws.
 */
export function parseOpennrmJsonLine(
  text: string,
  version: OpennrmJsonVersion = OPENNRM_JSON_VERSION,
): { ok: true; line: OpennrmJsonLine } | { ok: false; problems: LineProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ field: '', reason: `not JSON: ${(error as Error).message}` }] };
  }
  // PostgreSQL text cannot hold U+0000: name the field here rather than fail in the database (as the API does, 400).
  const nul = pathsWithNul(value);
  if (nul.length > 0) return { ok: false, problems: nul.map((field) => ({ field, reason: 'contains a NUL character (U+0000)' })) };
  const result = opennrmJsonLineSchema.safeParse(version === 1 ? upgradeVersion1Record(value) : value);
  if (result.success) return { ok: true, line: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
      reason: issue.message,
    })),
  };
}
