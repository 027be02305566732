import { problem, type CataloguedProblem } from '../problems/catalogue.ts';
/**
 * Field sets of the need-to-know policy. Field names are the API's
 * (snake_case); identity fields are prefixed "identity." so that one list can
 * name case facts and identifying data alike (referral.shared_fields).
 * Source: GDPR art. 5(1)(c) (data minimisation) and art. 9 (special
 * categories: a trafficking victim's data reveals sex life, health and
 * often ethnic origin).
 */

/** Identifying fields of a person (persons.schemas identitySchema). */
export const IDENTITY_FIELDS = ['given_names', 'family_name', 'date_of_birth', 'documents', 'contacts', 'address', 'notes'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/**
 * The least identity a prosecutor needs to tie a victim to a criminal file:
 * who the person is, not where they live or how to reach them.
 */
export const PROSECUTOR_IDENTITY_FIELDS: readonly IdentityField[] = ['given_names', 'family_name', 'date_of_birth'];

/** Facts of a victim case (victim-cases.schemas victimCaseSchema, without id and person_id, which are always shown). */
export const VICTIM_CASE_FIELDS = [
  'case_number',
  'nrm_status',
  'potential_on',
  'presumed_on',
  'identified_on',
  'not_a_victim_on',
  'registration_year',
  'forms',
  'sector',
  'countries_of_exploitation',
  'regions_of_exploitation',
  'exploitation_started_on',
  'age_at_exploitation_start',
  'age_at_identification',
  'age_band',
  'recruitment_methods',
  'recruiter_relationship',
  'means_of_control',
  'identifying_organisation_id',
  'identifying_organisation_code',
  'owner_organisation_id',
  'is_child',
  'reporting_year',
  'synthetic',
  'created_at',
  'updated_at',
] as const;

/**
 * Facts of a person that are not identifying on their own (persons.schemas
 * personSchema), shared as "person.<field>": a receiving organisation sees
 * them only when its referral names them.
 */
export const PERSON_FIELDS = ['sex', 'birth_year', 'citizenships'] as const;

/** What a referral may share with the receiving organisation: case facts, "person.<field>" and "identity.<field>". */
export const SHAREABLE_FIELDS: readonly string[] = [
  ...VICTIM_CASE_FIELDS,
  ...PERSON_FIELDS.map((f) => `person.${f}`),
  ...IDENTITY_FIELDS.map((f) => `identity.${f}`),
];

/**
 * What a referral shares when the sender says nothing: enough to shelter and
 * care for the person (who they are, how to reach them, whether a child, what
 * they went through), not the investigation's facts (recruiter, means of
 * control, documents, address). OSCE/ODIHR NRM handbook (2nd ed., 2022), ch. 4:
 * share only what the service needs, with the victim's informed consent.
 */
export const DEFAULT_SHARED_FIELDS: readonly string[] = [
  'case_number',
  'nrm_status',
  'forms',
  'is_child',
  'age_band',
  'identity.given_names',
  'identity.family_name',
  'identity.contacts',
];

/**
 * Why a list of shared fields is invalid: the index of the first bad name and the catalogued rule (problemText gives
 * the English), or null when every name is shareable and none repeats.
 */
export function sharedFieldsProblem(fields: readonly string[]): (CataloguedProblem & { index: number }) | null {
  const seen = new Set<string>();
  for (const [index, field] of fields.entries()) {
    if (!SHAREABLE_FIELDS.includes(field)) return { index, ...problem('field_not_shareable', { field }) };
    if (seen.has(field)) return { index, ...problem('shared_field_repeats', { field }) };
    seen.add(field);
  }
  return null;
}
