/**
 * Code lists of the NRM record. Values are stable machine codes (stored in the
 * database and exchanged in the API); labels live in translations.
 *
 * HTCDS 2.0 names the same concepts with prefixed fields (`vic_`, `prs_`, `per_`,
 * `cas_`); docs/htcds-mapping.md maps each code list to its HTCDS field.
 */

/**
 * NRM status of a victim case, in the order a case normally moves.
 * - potential: indicators seen by a first responder, not yet assessed;
 * - presumed: reasonable grounds to believe the person is a victim; assistance starts;
 * - identified: formal decision by the competent body (in Romania, ANITP or a prosecutor);
 * - not_a_victim: the competent body decided the person is not a victim.
 * Source: OSCE/ODIHR "National Referral Mechanisms" handbook (2nd ed., 2022), ch. 2.
 */
export const NRM_STATUSES = ['potential', 'presumed', 'identified', 'not_a_victim'] as const;
export type NrmStatus = (typeof NRM_STATUSES)[number];

/**
 * Detailed forms of exploitation (Palermo Protocol art. 3(a) purposes, as
 * refined by HTCDS `vic_TypeOfExploitation`). A case may carry several. Reports
 * group them into their own categories through the profile's `report_categories`.
 */
export const FORMS_OF_EXPLOITATION = [
  'sexual',
  'labour',
  'forced_begging',
  'forced_criminality',
  'domestic_servitude',
  'forced_marriage',
  'organ_removal',
  'other',
] as const;
export type FormOfExploitation = (typeof FORMS_OF_EXPLOITATION)[number];

/** Sex or gender as recorded (HTCDS `prs_Gender`, CTDC `gender`). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Assistance services a referral can request and a provider can deliver. */
export const SERVICES = [
  'shelter',
  'medical',
  'psychological',
  'legal',
  'social',
  'vocational',
  'financial',
  'interpretation',
  'repatriation',
] as const;
export type Service = (typeof SERVICES)[number];

/** Where a referral stands. A declined referral keeps its reason. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Role of a suspect in the trafficking chain (HTCDS `per_RoleInProcess`). */
export const SUSPECT_ROLES = ['recruiter', 'transporter', 'exploiter', 'controller', 'facilitator', 'buyer', 'other', 'unknown'] as const;
export type SuspectRole = (typeof SUSPECT_ROLES)[number];

/** Outcome of a trial for one suspect. */
export const VERDICTS = ['convicted', 'acquitted'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Relationship of the recruiter to the victim (CTDC `recruiterRelation*`; HTCDS "Relationship to Trafficker", see docs/htcds-mapping.md). */
export const RECRUITER_RELATIONSHIPS = [
  'intimate_partner',
  'family',
  'friend',
  'acquaintance',
  'employer',
  'stranger',
  'other',
  'unknown',
] as const;
export type RecruiterRelationship = (typeof RECRUITER_RELATIONSHIPS)[number];

/** Means of control (CTDC `meansOfControl*`, ILO indicators of coercion at destination). */
export const MEANS_OF_CONTROL = [
  'debt_bondage',
  'takes_earnings',
  'restricts_financial_access',
  'threats',
  'psychological_abuse',
  'physical_abuse',
  'sexual_abuse',
  'false_promises',
  'psychoactive_substances',
  'restricts_movement',
  'restricts_medical_care',
  'excessive_working_hours',
  'uses_children',
  'threat_of_law_enforcement',
  'withholds_necessities',
  'withholds_documents',
  'other',
] as const;
export type MeansOfControl = (typeof MEANS_OF_CONTROL)[number];

/** Recruitment methods named in the Romania narrative and the CTDC codebook. */
export const RECRUITMENT_METHODS = [
  'lover_boy',
  'deceptive_job_offer',
  'online_social_media',
  'family_sold',
  'abduction',
  'emotional_manipulation',
  'blackmail',
  'recruitment_agency',
  'other',
  'unknown',
] as const;
export type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number];

/** Why a criminal case was closed without trial (issue: criminal proceedings). */
export const CASE_CLOSURE_REASONS = ['no_offence', 'insufficient_evidence', 'statute_of_limitations', 'death', 'other'] as const;
export type CaseClosureReason = (typeof CASE_CLOSURE_REASONS)[number];

/**
 * Economic sectors of labour exploitation (a victim case's `sector`): the
 * CTDC codebook's "Type of labour" (HTCDS `vic_TypeOfLabour`), which the CTDC
 * import maps to these codes (interchange/ctdc.ts). The API keeps the field
 * open text so that older records load; the screens label these codes.
 */
export const LABOUR_SECTORS = [
  'agriculture',
  'aquafarming',
  'begging',
  'construction',
  'domestic_work',
  'hospitality',
  'illicit_activities',
  'manufacturing',
  'mining_or_drilling',
  'peddling',
  'transportation',
  'other',
] as const;
export type LabourSector = (typeof LABOUR_SECTORS)[number];

/**
 * Kinds of identity document in a person's identifying data (`documents[].type`;
 * HTCDS `prs_` identifiers). The API keeps the field open text; the screens
 * label these codes and show any other as written.
 */
export const IDENTITY_DOCUMENT_TYPES = [
  'identity_card',
  'passport',
  'residence_permit',
  'travel_document',
  'birth_certificate',
  'driving_licence',
  'other',
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** Kinds of contact in a person's identifying data (`contacts[].kind`); the API keeps the field open text. */
export const CONTACT_KINDS = ['phone', 'email', 'messaging', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
