import { z } from 'zod';
import {
  FORMS_OF_EXPLOITATION,
  MEANS_OF_CONTROL,
  NRM_STATUSES,
  RECRUITER_RELATIONSHIPS,
  RECRUITMENT_METHODS,
  problem,
  problemText,
} from '@opennrm/domain';
import { booleanQuery, countryCode, isoDate, organisationRef, pageOf, pageQuery, yearQuery } from '../http/common.schemas.ts';

const unique = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, {
    message: problemText(problem('values_repeat')),
    params: problem('values_repeat'),
  });

/** Fields a client writes; HTCDS 2.0 names in docs/htcds-mapping.md. */
const writable = {
  case_number: z.string().min(1).max(64).describe('the case number used by the identifying body; unique'),
  nrm_status: z.enum(NRM_STATUSES).describe('potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)'),
  potential_on: isoDate.nullable().describe('date first screened as a potential victim'),
  presumed_on: isoDate.nullable().describe('date of the reasonable-grounds (presumed victim) decision'),
  identified_on: isoDate.nullable().describe('date of formal identification; sets reporting_year. Required when nrm_status is identified'),
  not_a_victim_on: isoDate.nullable().describe('date of the negative decision. Required when nrm_status is not_a_victim'),
  registration_year: z.number().int().min(1900).max(2200).nullable().describe('year of registration, for records without dates'),
  forms: unique(z.enum(FORMS_OF_EXPLOITATION)).describe('forms of exploitation (Palermo Protocol art. 3(a)); several allowed'),
  sector: z.string().max(100).nullable().describe('economic sector of labour exploitation, e.g. "agriculture"'),
  countries_of_exploitation: unique(countryCode).describe('ISO 3166-1 alpha-2 codes'),
  regions_of_exploitation: unique(z.string()).describe('ISO 3166-2 regions of the profile\'s country, e.g. "RO-CJ"'),
  exploitation_started_on: isoDate.nullable(),
  age_at_exploitation_start: z.number().int().min(0).max(130).nullable().describe('years'),
  age_at_identification: z.number().int().min(0).max(130).nullable().describe('years'),
  age_band: z.string().max(20).nullable().describe('age band at identification when the exact age is unknown, e.g. "9--17" or "48+"'),
  recruitment_methods: unique(z.enum(RECRUITMENT_METHODS)),
  recruiter_relationship: z.enum(RECRUITER_RELATIONSHIPS).nullable(),
  means_of_control: unique(z.enum(MEANS_OF_CONTROL)).describe('ILO indicators of coercion'),
};

export const victimCaseSchema = z
  .object({
    id: z.uuid(),
    person_id: z.uuid(),
    ...writable,
    identifying_organisation_id: z.uuid().nullable(),
    identifying_organisation_code: z.string().nullable(),
    owner_organisation_id: z
      .uuid()
      .nullable()
      .describe("the organisation whose team works the case: the creator's (docs/access-policy.md)"),
    is_child: z
      .boolean()
      .nullable()
      .describe(
        'computed on every write: under 18 at the start of exploitation, else at identification, else by age band (countsAsChild); null when unknown',
      ),
    reporting_year: z
      .number()
      .int()
      .nullable()
      .describe(
        'computed on every write: year of identified_on, else registration_year (reportingYear); the year the victim counts in statistics',
      ),
    synthetic: z.boolean(),
    version: z
      .number()
      .int()
      .min(1)
      .describe(
        'edit version: 1 when opened, one more on every change (an edit, a workflow step). The ETag header is it in quotes ("4"); ' +
          'send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION)',
      ),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'VictimCase' });

const organisationField = organisationRef.nullable().describe('identifying organisation: code (e.g. "ANITP") or id');

export const createVictimCaseBody = z
  .object({
    person_id: z.uuid().describe('the person this case is about'),
    case_number: writable.case_number,
    nrm_status: writable.nrm_status,
    identifying_organisation: organisationField.optional(),
    potential_on: writable.potential_on.optional(),
    presumed_on: writable.presumed_on.optional(),
    identified_on: writable.identified_on.optional(),
    not_a_victim_on: writable.not_a_victim_on.optional(),
    registration_year: writable.registration_year.optional(),
    forms: writable.forms.default([]),
    sector: writable.sector.optional(),
    countries_of_exploitation: writable.countries_of_exploitation.default([]),
    regions_of_exploitation: writable.regions_of_exploitation.default([]),
    exploitation_started_on: writable.exploitation_started_on.optional(),
    age_at_exploitation_start: writable.age_at_exploitation_start.optional(),
    age_at_identification: writable.age_at_identification.optional(),
    age_band: writable.age_band.optional(),
    recruitment_methods: writable.recruitment_methods.default([]),
    recruiter_relationship: writable.recruiter_relationship.optional(),
    means_of_control: writable.means_of_control.default([]),
  })
  .strict();

export const updateVictimCaseBody = z.object(writable).extend({ identifying_organisation: organisationField }).partial().strict();

export const victimCaseQuery = pageQuery
  .extend({
    nrm_status: z.enum(NRM_STATUSES).optional(),
    reporting_year: yearQuery.optional().describe('cases counting in this statistics year'),
    case_number: z.string().optional().describe('exact case number'),
    person_id: z.uuid().optional(),
    form: z.enum(FORMS_OF_EXPLOITATION).optional().describe('cases with this form of exploitation'),
    is_child: booleanQuery.optional(),
    identifying_organisation: organisationRef.optional(),
    synthetic: booleanQuery.optional(),
  })
  .strict();

/**
 * A victim case as the reader may see it: id and person_id always; other
 * fields only when the policy allows them (an organisation that sees the case
 * through a referral gets the referral's shared_fields only; GDPR art. 5(1)(c)).
 */
export const visibleVictimCaseSchema = victimCaseSchema
  .partial()
  .required({ id: true, person_id: true })
  .meta({ id: 'VisibleVictimCase', description: 'fields the reader may not see are left out' });

export const victimCasePage = pageOf(visibleVictimCaseSchema);

export const caseTeamMemberSchema = z
  .object({
    user_id: z.uuid(),
    username: z.string(),
    role: z.enum(['lead', 'member']).describe('lead: answers for the case; member: works on it'),
    added_at: z.iso.datetime(),
  })
  .meta({ id: 'CaseTeamMember' });

export const addTeamMemberBody = z
  .object({
    user_id: z.uuid().describe("a user of the case's owning organisation"),
    role: z.enum(['lead', 'member']).default('member'),
  })
  .strict();

export const teamMemberParams = z.object({ id: z.uuid(), user_id: z.uuid() });

export const breakGlassBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10)
      .max(2000)
      .describe('why you must open a case outside your team, written for the case manager who will read it (at least 10 characters)'),
  })
  .strict();

export const breakGlassGrantSchema = z
  .object({
    victim_case_id: z.uuid(),
    expires_at: z.iso.datetime().describe('access ends then; ask again with a new reason after'),
  })
  .meta({ id: 'BreakGlassGrant' });

export type VisibleVictimCase = z.infer<typeof visibleVictimCaseSchema>;
export type CaseTeamMember = z.infer<typeof caseTeamMemberSchema>;

export type VictimCaseView = z.infer<typeof victimCaseSchema>;
export type CreateVictimCase = z.infer<typeof createVictimCaseBody>;
export type UpdateVictimCase = z.infer<typeof updateVictimCaseBody>;
export type VictimCaseQuery = z.infer<typeof victimCaseQuery>;
