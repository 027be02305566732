import type { ColumnType } from 'kysely';
import type { AuditTables } from '../audit/audit-tables.ts';
import type { CompensationTables } from '../compensation/compensation-tables.ts';
import type { NrmWorkflowTables } from '../nrm-workflow/nrm-workflow-tables.ts';
import type { ScreeningTables } from '../screenings/screening-tables.ts';
import type { ServiceDirectoryTables } from '../service-directory/service-directory-tables.ts';
import type { PersonIdentityIndexTable, PersonIdentitySecretTable } from '../security/crypto/identity-tables.ts';
import type { VictimYearSummaryTables } from '../statistics/victim-year-summary-tables.ts';
import type { VictimsInProceedingsTables } from '../victims-in-proceedings/proceedings-tables.ts';

/**
 * Row types of the NRM record, as Kysely sees them. Column names are the
 * database's (snake_case) and are also the field names of the API.
 * Dates (`date`) are ISO strings "YYYY-MM-DD"; instants (`timestamptz`) are Date.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface OrganisationTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  functions: Defaulted<string[]>;
  region: string | null;
  from_profile: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  organisation_id: string | null;
  must_change_password: Defaulted<boolean>;
  disabled: Defaulted<boolean>;
  created_at: Timestamp;
  password_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_sign_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** TOTP shared secret (migration 0009), sealed with the keyring. */
  totp_secret: Uint8Array | null;
  totp_enabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  totp_last_time_step: number | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** Where deadline reminders are e-mailed (migration 0021); null: in-app only. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A session of the HTTP API (migration 0002); only the token's SHA-256 is stored. */
export interface ApiSessionTable {
  id: string;
  token_sha256: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: ColumnType<Date, Date | string, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sign_in_method: Defaulted<SignInMethod>;
}

/** How a session was opened (migration 0009). */
export type SignInMethod = 'password' | 'password+totp' | 'oidc';

/** The second step of a password sign-in when TOTP is on (migration 0009). */
export interface SignInChallengeTable {
  id: string;
  token_sha256: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  failed_attempts: Defaulted<number>;
  consumed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An OpenID Connect authorization request in flight (migration 0009). */
export interface OidcSignInTable {
  state_sha256: string;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** A half-filled form kept across session timeouts (migration 0009). */
export interface DraftTable {
  user_id: string;
  key: string;
  /** The JSON body, sealed with the keyring. */
  content: Uint8Array;
  size_bytes: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface ImportBatchTable {
  id: string;
  kind: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  imported_at: Timestamp;
}

/**
 * The lines of a CTDC file with the same mapped facts (migration 0022): de-identified
 * statistical records, not persons or cases. `fact_set_id` is set by a trigger.
 */
export interface CtdcRecordKindTable {
  id: string;
  import_batch_id: string;
  sex: string;
  citizenships: string[];
  registration_year: number | null;
  reporting_year: number | null;
  forms: string[];
  sector: string | null;
  countries_of_exploitation: string[];
  age_band: string | null;
  is_child: boolean | null;
  recruitment_methods: string[];
  recruiter_relationship: string | null;
  means_of_control: string[];
  fact_set_id: ColumnType<number, never, never>;
  /** Lines of this kind; equals the length of `lines`. */
  n: number;
  /** The file's line numbers of this kind, ascending. */
  lines: number[];
}

export interface PersonTable {
  id: string;
  sex: Defaulted<string>;
  birth_year: number | null;
  citizenships: Defaulted<string[]>;
  synthetic: Defaulted<boolean>;
  import_batch_id: string | null;
  source_ref: string | null;
  /** Who recorded the person (migration 0007); null for imports and demo data. */
  created_by_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Edit version: 1, then one more on every UPDATE, set by a trigger, never by the application (migration 0024). */
  version: ColumnType<number, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * Identifying data of a person (names, date of birth, documents, contacts,
 * address, notes). Stored only sealed, in `person_identity_secret`
 * (security/crypto/, docs/encryption.md).
 */
export interface PersonIdentityData {
  given_names?: string | null;
  family_name?: string | null;
  date_of_birth?: string | null;
  documents?: { type: string; number: string; country?: string | null }[];
  contacts?: { kind: string; value: string }[];
  address?: string | null;
  notes?: string | null;
}

export interface VictimCaseTable {
  id: string;
  person_id: string;
  case_number: string;
  nrm_status: string;
  potential_on: DateString | null;
  presumed_on: DateString | null;
  identified_on: DateString | null;
  not_a_victim_on: DateString | null;
  registration_year: number | null;
  reporting_year: number | null;
  identifying_organisation_id: string | null;
  forms: Defaulted<string[]>;
  sector: string | null;
  countries_of_exploitation: Defaulted<string[]>;
  regions_of_exploitation: Defaulted<string[]>;
  exploitation_started_on: DateString | null;
  age_at_exploitation_start: number | null;
  age_at_identification: number | null;
  age_band: string | null;
  is_child: boolean | null;
  recruitment_methods: Defaulted<string[]>;
  recruiter_relationship: string | null;
  means_of_control: Defaulted<string[]>;
  synthetic: Defaulted<boolean>;
  import_batch_id: string | null;
  source_ref: string | null;
  /** Who opened the case (migration 0007). */
  created_by_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The organisation whose team works the case: the creator's (migration 0007). */
  owner_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The case's latest NRM workflow step; null: implied by nrm_status (migration 0011, impliedWorkflowState). */
  workflow_state: ColumnType<string | null, string | null | undefined, string | null>;
  /** County the case is handled in (ISO 3166-2), whose child-protection service is notified of a child (migration 0011). */
  region: ColumnType<string | null, string | null | undefined, string | null>;
  /** Edit version: 1, then one more on every UPDATE, set by a trigger, never by the application (migration 0024). */
  version: ColumnType<number, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralTable {
  id: string;
  victim_case_id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  services: string[];
  status: Defaulted<string>;
  sent_at: ColumnType<Date, Date | string, Date | string>;
  responded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decline_reason: string | null;
  started_on: DateString | null;
  /** What the receiving organisation may see: case fields and "identity.<field>" (migration 0007). */
  shared_fields: Defaulted<string[]>;
  /** Decline reason code (migration 0012; DECLINE_REASON_CODES), beside the provider's own words in decline_reason. */
  decline_reason_code: string | null;
  urgency: Defaulted<string>;
  /** The declined referral this one re-sends to another provider. */
  resent_from_referral_id: string | null;
  /** When the overdue alert went out (one alert per referral). */
  overdue_alerted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

export interface AssistanceTable {
  id: string;
  victim_case_id: string;
  referral_id: string | null;
  provider_organisation_id: string;
  service: string;
  started_on: DateString;
  ended_on: DateString | null;
  /** Facility where the service was given (migration 0012). */
  facility_id: string | null;
  /** Financial support only: amount paid (numeric, read as a string), currency (ISO 4217) and scheme (profile services.financial_schemes). */
  amount: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  currency: string | null;
  payment_scheme: string | null;
  created_at: Timestamp;
}

export interface CriminalCaseTable {
  id: string;
  case_number: string;
  investigating_organisation_id: string | null;
  opened_on: DateString;
  offence_articles: Defaulted<string[]>;
  forms: Defaulted<string[]>;
  synthetic: Defaulted<boolean>;
  /** Organisations under investigation: their users are blocked from the linked victim cases (migration 0007). */
  institutions_under_investigation: Defaulted<string[]>;
  /** Proceedings (migration 0018): CRIMINAL_CASE_STAGES; closed_on and closure_reason (CLOSURE_REASONS) both or neither. */
  stage: Defaulted<string>;
  closed_on: DateString | null;
  closure_reason: string | null;
  organised_crime_group: Defaulted<boolean>;
  /** The accounts deadline reminders go to (migration 0018). */
  prosecutor_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  manager_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An offence of a criminal case with the dates it was committed (migration 0018). */
export interface CriminalCaseOffenceTable {
  id: string;
  criminal_case_id: string;
  article: string;
  committed_on: DateString;
  committed_until: DateString | null;
  suspect_id: string | null;
}

/** A dated procedural act on a case or one suspect (migration 0018; PROCEDURAL_EVENTS). */
export interface ProceduralEventTable {
  id: string;
  criminal_case_id: string;
  suspect_id: string | null;
  kind: string;
  occurred_on: DateString;
  ends_on: DateString | null;
  phase: string | null;
  sentence_months: number | null;
  sentence_suspended: boolean | null;
  /** Confiscation or seized assets: numeric, read as a string; currency ISO 4217. */
  amount: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  currency: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

/** International cooperation on a case: joint investigation teams and requests (migration 0018). */
export interface CriminalCaseCooperationTable {
  id: string;
  criminal_case_id: string;
  kind: string;
  countries: Defaulted<string[]>;
  opened_on: DateString;
  concluded_on: DateString | null;
}

export interface CriminalCaseVictimTable {
  criminal_case_id: string;
  victim_case_id: string;
  role: Defaulted<string>;
}

export interface SuspectTable {
  id: string;
  criminal_case_id: string;
  sex: Defaulted<string>;
  age: number | null;
  citizenships: Defaulted<string[]>;
  role: Defaulted<string>;
  state_employee: Defaulted<boolean>;
  prosecuted_on: DateString | null;
  verdict: string | null;
  verdict_on: DateString | null;
  sentence_months: number | null;
  sentence_suspended: boolean | null;
  /** The OpenNRM account of a suspect who is also a user: blocked from the case (migration 0007). */
  app_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** A user working a victim case (migration 0007). */
export interface CaseTeamTable {
  victim_case_id: string;
  user_id: string;
  role: Defaulted<string>;
  added_at: Timestamp;
}

/** Time-limited access to a case outside the user's team, for a written reason (migration 0007). */
export interface BreakGlassGrantTable {
  id: string;
  victim_case_id: string;
  user_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** An in-app alert for one user, e.g. a break-glass access to a case they manage (migration 0007). */
export interface AlertTable {
  id: string;
  recipient_user_id: string;
  kind: string;
  victim_case_id: string | null;
  actor_user_id: string | null;
  reason: string | null;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** A deadline reminder's criminal case, deadline identity, lead time (days) and deadline as computed (migration 0021). */
  criminal_case_id: ColumnType<string | null, string | null | undefined, string | null>;
  deadline_key: ColumnType<string | null, string | null | undefined, string | null>;
  lead_days: ColumnType<number | null, number | null | undefined, number | null>;
  deadline: ColumnType<unknown, string | null | undefined, string | null>;
}

/** The outbox of alerts to e-mail (migration 0021): sent_at is set once the SMTP server accepted the message. */
export interface AlertEmailTable {
  alert_id: string;
  created_at: Timestamp;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  attempts: Defaulted<number>;
  last_error: string | null;
  claimed_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The NRM record, with the audit trail (migration 0004) and the sealed identities (migration 0003). */
export interface Database
  extends
    AuditTables,
    CompensationTables,
    NrmWorkflowTables,
    ScreeningTables,
    ServiceDirectoryTables,
    VictimYearSummaryTables,
    VictimsInProceedingsTables {
  organisation: OrganisationTable;
  app_user: AppUserTable;
  api_session: ApiSessionTable;
  sign_in_challenge: SignInChallengeTable;
  oidc_sign_in: OidcSignInTable;
  draft: DraftTable;
  import_batch: ImportBatchTable;
  ctdc_record_kind: CtdcRecordKindTable;
  person: PersonTable;
  person_identity_secret: PersonIdentitySecretTable;
  person_identity_index: PersonIdentityIndexTable;
  victim_case: VictimCaseTable;
  referral: ReferralTable;
  assistance: AssistanceTable;
  criminal_case: CriminalCaseTable;
  criminal_case_victim: CriminalCaseVictimTable;
  suspect: SuspectTable;
  criminal_case_offence: CriminalCaseOffenceTable;
  procedural_event: ProceduralEventTable;
  criminal_case_cooperation: CriminalCaseCooperationTable;
  case_team: CaseTeamTable;
  break_glass_grant: BreakGlassGrantTable;
  alert: AlertTable;
  alert_email: AlertEmailTable;
}
