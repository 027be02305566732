import type { OpennrmJsonType } from '@opennrm/domain';
import { NO_PASSWORD } from '../../accounts/passwords.ts';
import { SCREENING_NOTES_COLUMN, type SealedColumn } from '../../security/crypto/sealed-columns.ts';
import { COMPENSATION_TABLES } from './compensation-tables.ts';
import { PROCEEDINGS_TABLES } from './proceedings-tables.ts';

/**
 * How each record type of the OpenNRM JSON Lines format maps to its table.
 * Fields ending in `_organisation_code` in the file are `_organisation_id`
 * columns in the database, resolved through organisation.code; a list of
 * organisation ids (`x`) is the list of their codes (`x_codes`).
 *
 * Every column of every table is either listed here or in NOT_EXPORTED with
 * its reason: test/imports/opennrm-json-coverage.int.test.ts reads the
 * migrated database's catalogue and fails on any other.
 */
export interface TableSpec {
  type: OpennrmJsonType;
  table: string;
  /** Primary-key columns, in sort order: export pages by them, import skips records whose key exists. */
  key: readonly string[];
  /** SQL types of the key columns: `text` for an organisation's code, else `uuid` unless given. */
  keyTypes: readonly ('uuid' | 'text' | 'int')[];
  /** Columns in file order. */
  columns: readonly string[];
  /** Columns of type timestamptz (exported in UTC with microseconds, nothing lost). */
  instants: readonly string[];
  /** Columns of type numeric: exported as decimal text ("1500.50"), since a JSON number may lose digits and the engines' drivers differ. */
  decimals: readonly string[];
  /** Organisation reference columns (`x_organisation_id` stored, `x_organisation_code` in the file). */
  organisations: readonly string[];
  /** Lists of organisation ids (uuid[] `x` stored, the codes in the same order as `x_codes` in the file). */
  organisationLists: readonly string[];
  /**
   * Columns unique in the table besides the key (`case_number`, `username`): the
   * import names the line of a record whose value another record of the database holds.
   */
  unique: readonly string[];
  /**
   * Columns sealed with the keyring (security/crypto/sealed-columns.ts) whose
   * plaintext is JSON: the file carries the value opened, the import seals it
   * again under the receiving database's active key.
   */
  sealed: readonly SealedColumn[];
  /** Columns the file does not carry and the import sets (an imported account's unusable password). */
  importValues: Readonly<Record<string, unknown>>;
  /**
   * Columns holding the id of another record (its type comes earlier in the
   * file): the import checks each names a record of the file or the database
   * before writing, so that a bad reference is reported by line and field.
   */
  references: readonly { column: string; type: OpennrmJsonType }[];
}

const spec = (s: Partial<TableSpec> & Pick<TableSpec, 'type' | 'columns'>): TableSpec => ({
  table: s.type,
  key: ['id'],
  keyTypes: (s.key ?? ['id']).map((k) => (k === 'code' ? 'text' : 'uuid')),
  instants: [],
  decimals: [],
  organisations: [],
  organisationLists: [],
  unique: [],
  sealed: [],
  importValues: {},
  references: [],
  ...s,
});

/** Record types in file order (parents before children, so that both directions stream). */
export const TABLES: readonly TableSpec[] = [
  spec({ type: 'organisation', key: ['code'], columns: ['code', 'name', 'kind', 'functions', 'region', 'from_profile'] }),
  spec({
    type: 'app_user',
    columns: [
      'id',
      'username',
      'display_name',
      'role',
      'organisation_id',
      'disabled',
      'oidc_issuer',
      'oidc_subject',
      'created_at',
      'email',
    ],
    instants: ['created_at'],
    organisations: ['organisation_id'],
    unique: ['username'],
    importValues: { password_hash: NO_PASSWORD, must_change_password: true },
  }),
  spec({
    type: 'service_facility',
    columns: [
      'id',
      'organisation_id',
      'code',
      'name',
      'region',
      'services',
      'accepts_children',
      'accepts_adults',
      'dedicated_to_trafficking',
      'capacity',
      'free_places',
      'free_places_updated_at',
      'free_places_updated_by',
      'licence_number',
      'licence_authority',
      'licence_expires_on',
      'active',
      'synthetic',
      'created_at',
      'updated_at',
    ],
    instants: ['free_places_updated_at', 'created_at', 'updated_at'],
    organisations: ['organisation_id'],
    unique: ['code'],
    references: [{ column: 'free_places_updated_by', type: 'app_user' }],
  }),
  spec({
    type: 'import_batch',
    columns: ['id', 'kind', 'file_name', 'file_sha256', 'row_count', 'imported_at'],
    instants: ['imported_at'],
  }),
  spec({
    type: 'ctdc_record_kind',
    columns: [
      'id',
      'import_batch_id',
      'sex',
      'citizenships',
      'registration_year',
      'reporting_year',
      'forms',
      'sector',
      'countries_of_exploitation',
      'age_band',
      'is_child',
      'recruitment_methods',
      'recruiter_relationship',
      'means_of_control',
      'n',
      'lines',
    ],
    references: [{ column: 'import_batch_id', type: 'import_batch' }],
  }),
  spec({
    type: 'person',
    columns: [
      'id',
      'sex',
      'birth_year',
      'citizenships',
      'synthetic',
      'import_batch_id',
      'source_ref',
      'created_by_user_id',
      'anonymised_on',
      'anonymisation_rule',
      'created_at',
      'updated_at',
    ],
    instants: ['created_at', 'updated_at'],
    references: [
      { column: 'import_batch_id', type: 'import_batch' },
      { column: 'created_by_user_id', type: 'app_user' },
    ],
  }),
  spec({
    type: 'victim_case',
    columns: [
      'id',
      'person_id',
      'case_number',
      'nrm_status',
      'potential_on',
      'presumed_on',
      'identified_on',
      'not_a_victim_on',
      'registration_year',
      'reporting_year',
      'identifying_organisation_id',
      'forms',
      'sector',
      'countries_of_exploitation',
      'regions_of_exploitation',
      'exploitation_started_on',
      'age_at_exploitation_start',
      'age_at_identification',
      'age_band',
      'is_child',
      'recruitment_methods',
      'recruiter_relationship',
      'means_of_control',
      'synthetic',
      'import_batch_id',
      'source_ref',
      'created_by_user_id',
      'owner_organisation_id',
      'anonymised_on',
      'anonymisation_rule',
      'created_at',
      'updated_at',
      'workflow_state',
      'region',
    ],
    instants: ['created_at', 'updated_at'],
    organisations: ['identifying_organisation_id', 'owner_organisation_id'],
    unique: ['case_number'],
    references: [
      { column: 'person_id', type: 'person' },
      { column: 'import_batch_id', type: 'import_batch' },
      { column: 'created_by_user_id', type: 'app_user' },
    ],
  }),
  spec({
    type: 'case_team',
    key: ['victim_case_id', 'user_id'],
    columns: ['victim_case_id', 'user_id', 'role', 'added_at'],
    instants: ['added_at'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'user_id', type: 'app_user' },
    ],
  }),
  spec({
    type: 'referral',
    columns: [
      'id',
      'victim_case_id',
      'from_organisation_id',
      'to_organisation_id',
      'services',
      'status',
      'sent_at',
      'responded_at',
      'decline_reason',
      'started_on',
      'shared_fields',
      'anonymised_on',
      'anonymisation_rule',
      'created_at',
      'decline_reason_code',
      'urgency',
      'resent_from_referral_id',
      'overdue_alerted_at',
      'days_from_screening',
      'days_to_first_service',
      'intervals_kept',
    ],
    instants: ['sent_at', 'responded_at', 'created_at', 'overdue_alerted_at'],
    organisations: ['from_organisation_id', 'to_organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'resent_from_referral_id', type: 'referral' },
    ],
  }),
  spec({
    type: 'assistance',
    columns: [
      'id',
      'victim_case_id',
      'referral_id',
      'provider_organisation_id',
      'service',
      'started_on',
      'ended_on',
      'anonymised_on',
      'anonymisation_rule',
      'created_at',
      'facility_id',
      'amount',
      'currency',
      'payment_scheme',
    ],
    instants: ['created_at'],
    decimals: ['amount'],
    organisations: ['provider_organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'referral_id', type: 'referral' },
      { column: 'facility_id', type: 'service_facility' },
    ],
  }),
  spec({
    type: 'criminal_case',
    columns: [
      'id',
      'case_number',
      'investigating_organisation_id',
      'opened_on',
      'offence_articles',
      'forms',
      'synthetic',
      'institutions_under_investigation',
      'created_at',
      'updated_at',
      'stage',
      'closed_on',
      'closure_reason',
      'organised_crime_group',
      'prosecutor_user_id',
      'manager_user_id',
    ],
    instants: ['created_at', 'updated_at'],
    organisations: ['investigating_organisation_id'],
    organisationLists: ['institutions_under_investigation'],
    unique: ['case_number'],
    references: [
      { column: 'prosecutor_user_id', type: 'app_user' },
      { column: 'manager_user_id', type: 'app_user' },
    ],
  }),
  spec({
    type: 'criminal_case_victim',
    key: ['criminal_case_id', 'victim_case_id'],
    columns: ['criminal_case_id', 'victim_case_id', 'role'],
    references: [
      { column: 'criminal_case_id', type: 'criminal_case' },
      { column: 'victim_case_id', type: 'victim_case' },
    ],
  }),
  spec({
    type: 'suspect',
    columns: [
      'id',
      'criminal_case_id',
      'sex',
      'age',
      'citizenships',
      'role',
      'state_employee',
      'prosecuted_on',
      'verdict',
      'verdict_on',
      'sentence_months',
      'sentence_suspended',
      'app_user_id',
      'created_at',
    ],
    instants: ['created_at'],
    references: [
      { column: 'criminal_case_id', type: 'criminal_case' },
      { column: 'app_user_id', type: 'app_user' },
    ],
  }),
  spec({
    type: 'criminal_case_offence',
    columns: ['id', 'criminal_case_id', 'article', 'committed_on', 'committed_until', 'suspect_id'],
    references: [
      { column: 'criminal_case_id', type: 'criminal_case' },
      { column: 'suspect_id', type: 'suspect' },
    ],
  }),
  spec({
    type: 'procedural_event',
    columns: [
      'id',
      'criminal_case_id',
      'suspect_id',
      'kind',
      'occurred_on',
      'ends_on',
      'phase',
      'sentence_months',
      'sentence_suspended',
      'amount',
      'currency',
      'note',
      'recorded_by',
      'created_at',
    ],
    instants: ['created_at'],
    decimals: ['amount'],
    references: [
      { column: 'criminal_case_id', type: 'criminal_case' },
      { column: 'suspect_id', type: 'suspect' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  }),
  spec({
    type: 'criminal_case_cooperation',
    columns: ['id', 'criminal_case_id', 'kind', 'countries', 'opened_on', 'concluded_on'],
    references: [{ column: 'criminal_case_id', type: 'criminal_case' }],
  }),
  spec({
    type: 'break_glass_grant',
    columns: ['id', 'victim_case_id', 'user_id', 'reason', 'granted_at', 'expires_at'],
    instants: ['granted_at', 'expires_at'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'user_id', type: 'app_user' },
    ],
  }),
  spec({
    type: 'alert',
    columns: [
      'id',
      'recipient_user_id',
      'kind',
      'victim_case_id',
      'actor_user_id',
      'reason',
      'created_at',
      'read_at',
      'criminal_case_id',
      'deadline_key',
      'lead_days',
      'deadline',
    ],
    instants: ['created_at', 'read_at'],
    references: [
      { column: 'recipient_user_id', type: 'app_user' },
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'actor_user_id', type: 'app_user' },
      { column: 'criminal_case_id', type: 'criminal_case' },
    ],
  }),
  spec({
    type: 'consent',
    columns: [
      'id',
      'person_id',
      'victim_case_id',
      'purpose',
      'given',
      'recorded_on',
      'recorded_by',
      'method',
      'withdrawn_on',
      'withdrawn_by',
      'created_at',
    ],
    instants: ['created_at'],
    references: [
      { column: 'person_id', type: 'person' },
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'recorded_by', type: 'app_user' },
      { column: 'withdrawn_by', type: 'app_user' },
    ],
  }),
  spec({
    type: 'erasure_request',
    columns: ['id', 'person_id', 'requested_by', 'requested_at', 'ground', 'reason', 'outcome', 'exemption', 'article'],
    instants: ['requested_at'],
    references: [
      { column: 'person_id', type: 'person' },
      { column: 'requested_by', type: 'app_user' },
    ],
  }),
  spec({
    type: 'screening',
    columns: [
      'id',
      'revision',
      'content_sha256',
      'recorded_at',
      'first_received_at',
      'received_at',
      'recorded_by_user_id',
      'organisation_id',
      'county',
      'context',
      'subject_age_years',
      'subject_age_group',
      'subject_sex',
      'subject_citizenships',
      'exploitation',
      'answers',
      'notes',
      'instrument',
      'indicator_set',
      'outcome',
      'evaluation',
      'victim_case_id',
      'case_opened_at',
      'synthetic',
      'anonymised_on',
      'anonymisation_rule',
    ],
    instants: ['recorded_at', 'first_received_at', 'received_at', 'case_opened_at'],
    organisations: ['organisation_id'],
    sealed: [SCREENING_NOTES_COLUMN],
    references: [
      { column: 'recorded_by_user_id', type: 'app_user' },
      { column: 'victim_case_id', type: 'victim_case' },
    ],
  }),
  spec({
    type: 'screening_revision',
    key: ['screening_id', 'revision'],
    keyTypes: ['uuid', 'int'],
    columns: ['screening_id', 'revision', 'content_sha256', 'recorded_at', 'received_at', 'answers', 'outcome'],
    instants: ['recorded_at', 'received_at'],
    references: [{ column: 'screening_id', type: 'screening' }],
  }),
  spec({
    type: 'anonymous_notification',
    columns: [
      'id',
      'notified_on',
      'notifying_organisation_id',
      'sex',
      'age_band',
      'citizenships',
      'forms',
      'region',
      'countries_of_exploitation',
      'withdrawn_on',
      'synthetic',
      'created_at',
    ],
    instants: ['created_at'],
    organisations: ['notifying_organisation_id'],
  }),
  spec({
    type: 'nrm_transition',
    columns: [
      'id',
      'victim_case_id',
      'event',
      'from_state',
      'to_state',
      'occurred_on',
      'recorded_at',
      'actor_user_id',
      'actor_organisation_id',
      'reason',
      'closure_reason',
      'grounds',
      'nrm_status',
      'source_type',
      'source_id',
      'anonymous_notification_id',
    ],
    instants: ['recorded_at'],
    organisations: ['actor_organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'actor_user_id', type: 'app_user' },
      { column: 'anonymous_notification_id', type: 'anonymous_notification' },
    ],
  }),
  spec({
    type: 'child_protection_notification',
    columns: ['id', 'victim_case_id', 'transition_id', 'region', 'organisation_id', 'status', 'recipients', 'notified_at'],
    instants: ['notified_at'],
    organisations: ['organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'transition_id', type: 'nrm_transition' },
    ],
  }),
  spec({
    type: 'residence_status',
    columns: ['id', 'victim_case_id', 'status', 'starts_on', 'expires_on', 'expiry_warned_on', 'recorded_by', 'synthetic', 'created_at'],
    instants: ['created_at'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  }),
  ...PROCEEDINGS_TABLES.map(spec),
  ...COMPENSATION_TABLES.map(spec),
];

/**
 * Columns that an export does not carry as columns, by table (`'*'`: the whole
 * table), each with its reason. Together with TABLES this names every column
 * of the migrated database; docs/imports.md explains the choices.
 */
export const NOT_EXPORTED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  organisation: {
    id: 'each database gives organisations ids of its own; the file refers to them by code',
    created_at:
      "when this database stored the row (a profile's organisations are stored by each database when it loads the profile): not NRM data",
  },
  app_user: {
    password_hash:
      'a credential: a file that leaves the instance lets nobody sign in; an imported account has no usable password until an administrator issues one',
    must_change_password: 'sign-in state of the instance: an imported account must change the password it is issued',
    password_changed_at: 'sign-in state of the instance',
    last_sign_in_at: 'sign-in state of the instance',
    totp_secret: 'a credential (the authenticator shared secret): the user enrols again on the receiving instance',
    totp_enabled_at: 'sign-in state of the instance (follows totp_secret)',
    totp_last_time_step: 'sign-in state of the instance (replay guard of totp_secret)',
  },
  person_identity_secret: {
    person_id: "carried by its person: the identity is the person record's `identity` field",
    key_id: "the key of this database's keyring: the receiving database seals the identity again under its own key",
    envelope: "carried opened, as the person record's `identity` (identities are sealed again on import)",
    updated_at: "carried as the person record's `identity_updated_at`",
  },
  person: {
    version:
      "the edit version of this instance's copy (migration 0024), for If-Match on its API: an imported person starts again at 1, as no client holds an ETag of the new instance",
  },
  victim_case: {
    version:
      "the edit version of this instance's copy (migration 0024), for If-Match on its API: an imported case starts again at 1, as no client holds an ETag of the new instance",
  },
  person_identity_index: {
    '*': "blind indexes are derived from the identity under this database's keys; the import computes them again",
  },
  api_session: { '*': 'sessions of this instance: signed-in browsers, not NRM data' },
  sign_in_challenge: { '*': 'second-step sign-in challenges in flight, minutes long: not NRM data' },
  oidc_sign_in: { '*': 'single sign-on requests in flight, minutes long: not NRM data' },
  rate_limit_counter: { '*': 'sign-in attempt counters of this instance (migration 0014), minutes long: not NRM data' },
  draft: { '*': "half-filled forms of one user, sealed under this instance's keyring and expiring: not the record yet" },
  audit_event: {
    '*': 'the hash-chained audit trail belongs to the instance that wrote it: re-inserting it elsewhere would break the chain; it is verified and read with `opennrm audit`',
  },
  audit_chain_head: { '*': "the end of this instance's audit chain (follows audit_event)" },
  ctdc_record_kind: {
    fact_set_id:
      "derived: the kind's victim fact set (migration 0016) with ids of this database, set by a trigger (migration 0022); the import's trigger sets it again",
  },
  victim_fact_set: {
    '*': 'derived: the distinct facts of victims, kept by triggers on person, victim_case (migration 0016) and ctdc_record_kind (migration 0022) with ids of this database; the import rebuilds it',
  },
  victim_year_summary: {
    '*': 'derived: each victim and reporting year, kept by triggers on person and victim_case (migration 0016); the import rebuilds it',
  },
  alert_email: {
    '*': "this instance's outbox of reminder e-mails (migration 0021): its SMTP deliveries, not NRM data; the alerts themselves are exported",
  },
  kysely_migration: { '*': 'which migrations ran here: the receiving database runs its own' },
  kysely_migration_lock: { '*': 'migration lock of this database' },
};

/** The file's name for an organisation reference column: `to_organisation_id` → `to_organisation_code`. */
export function organisationCodeField(column: string): string {
  return column.replace(/_id$/, '_code');
}

/** The file's name for a list of organisation ids: `institutions_under_investigation` → `institutions_under_investigation_codes`. */
export function organisationListField(column: string): string {
  return `${column}_codes`;
}

/** `import_batch.kind` of OpenNRM JSON files. Such batches record a transfer, not data: export leaves them out. */
export const OPENNRM_JSON_IMPORT_KIND = 'opennrm-json';
