import type { OpennrmJsonType } from '@opennrm/domain';

/**
 * How each record type of the OpenNRM JSON Lines format maps to its table.
 * Fields ending in `_organisation_code` in the file are `_organisation_id`
 * columns in the database, resolved through organisation.code.
 */
export interface TableSpec {
  type: OpennrmJsonType;
  table: string;
  /** Primary-key columns, in sort order: export pages by them, import skips records whose key exists. */
  key: readonly string[];
  /** Columns in file order. */
  columns: readonly string[];
  /** Columns of type timestamptz (exported in UTC with microseconds, nothing lost). */
  instants: readonly string[];
  /** Organisation reference columns (`x_organisation_id` stored, `x_organisation_code` in the file). */
  organisations: readonly string[];
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
  instants: [],
  organisations: [],
  references: [],
  ...s,
});

/** Record types in file order (parents before children, so that both directions stream). */
export const TABLES: readonly TableSpec[] = [
  spec({ type: 'organisation', key: ['code'], columns: ['code', 'name', 'kind', 'functions', 'region', 'from_profile'] }),
  spec({
    type: 'import_batch',
    columns: ['id', 'kind', 'file_name', 'file_sha256', 'row_count', 'imported_at'],
    instants: ['imported_at'],
  }),
  spec({
    type: 'person',
    columns: ['id', 'sex', 'birth_year', 'citizenships', 'synthetic', 'import_batch_id', 'source_ref', 'created_at', 'updated_at'],
    instants: ['created_at', 'updated_at'],
    references: [{ column: 'import_batch_id', type: 'import_batch' }],
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
      'created_at',
      'updated_at',
    ],
    instants: ['created_at', 'updated_at'],
    organisations: ['identifying_organisation_id'],
    references: [
      { column: 'person_id', type: 'person' },
      { column: 'import_batch_id', type: 'import_batch' },
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
      'created_at',
    ],
    instants: ['sent_at', 'responded_at', 'created_at'],
    organisations: ['from_organisation_id', 'to_organisation_id'],
    references: [{ column: 'victim_case_id', type: 'victim_case' }],
  }),
  spec({
    type: 'assistance',
    columns: ['id', 'victim_case_id', 'referral_id', 'provider_organisation_id', 'service', 'started_on', 'ended_on', 'created_at'],
    instants: ['created_at'],
    organisations: ['provider_organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'referral_id', type: 'referral' },
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
      'created_at',
      'updated_at',
    ],
    instants: ['created_at', 'updated_at'],
    organisations: ['investigating_organisation_id'],
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
      'created_at',
    ],
    instants: ['created_at'],
    references: [{ column: 'criminal_case_id', type: 'criminal_case' }],
  }),
];

/** The file's name for an organisation reference column: `to_organisation_id` → `to_organisation_code`. */
export function organisationCodeField(column: string): string {
  return column.replace(/_id$/, '_code');
}

/** `import_batch.kind` of OpenNRM JSON files. Such batches record a transfer, not data: export leaves them out. */
export const OPENNRM_JSON_IMPORT_KIND = 'opennrm-json';
