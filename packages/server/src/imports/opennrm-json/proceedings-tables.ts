import { VICTIM_HEARING_NOTE_COLUMN } from '../../security/crypto/sealed-columns.ts';
import type { TableSpec } from './tables.ts';

type PartialSpec = Partial<TableSpec> & Pick<TableSpec, 'type' | 'columns'>;

/**
 * How victims in proceedings (migration 0019) map to OpenNRM JSON lines,
 * after the victim cases and criminal cases they refer to. Organisations
 * (the hearing body, the counsel, the ordering body) are codes in the file;
 * a hearing's note is carried opened and sealed again on import.
 * Line schemas: @opennrm/domain interchange/proceedings-lines.ts.
 */
export const PROCEEDINGS_TABLES: readonly PartialSpec[] = [
  {
    type: 'victim_hearing',
    columns: [
      'id',
      'victim_case_id',
      'criminal_case_id',
      'status',
      'planned_on',
      'held_on',
      'body_organisation_id',
      'body_kind',
      'settings',
      'counsel_present',
      'interpreter_language',
      'note',
      'recorded_by',
      'synthetic',
      'created_at',
      'updated_at',
    ],
    instants: ['created_at', 'updated_at'],
    organisations: ['body_organisation_id'],
    sealed: [VICTIM_HEARING_NOTE_COLUMN],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'criminal_case_id', type: 'criminal_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
  {
    type: 'legal_counsel_assignment',
    columns: [
      'id',
      'victim_case_id',
      'counsel_organisation_id',
      'counsel_bar',
      'counsel_name',
      'assigned_on',
      'ended_on',
      'mandatory',
      'recorded_by',
      'synthetic',
      'created_at',
    ],
    instants: ['created_at'],
    organisations: ['counsel_organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
  {
    type: 'programme_participation',
    columns: ['id', 'victim_case_id', 'programme', 'started_on', 'ended_on', 'recorded_by', 'synthetic', 'created_at'],
    instants: ['created_at'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
  {
    type: 'protection_measure',
    columns: [
      'id',
      'victim_case_id',
      'measure',
      'ordered_on',
      'ended_on',
      'ordered_by_organisation_id',
      'recorded_by',
      'synthetic',
      'created_at',
    ],
    instants: ['created_at'],
    organisations: ['ordered_by_organisation_id'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
];
