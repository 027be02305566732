import type { ColumnType } from 'kysely';

/**
 * Row types of migration 0019-victims-in-proceedings, as Kysely sees them
 * (merged into Database by one `extends`). Dates are ISO strings "YYYY-MM-DD"; instants are Date.
 */
type DateString = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** A hearing or interview of a victim (HEARING_STATUSES, HEARING_BODY_KINDS in @opennrm/domain). */
export interface VictimHearingTable {
  id: string;
  victim_case_id: string;
  criminal_case_id: string | null;
  status: string;
  planned_on: NullableDate;
  held_on: NullableDate;
  body_organisation_id: string;
  body_kind: string;
  /** Codes of profile victims_in_proceedings.hearing_settings. */
  settings: Defaulted<string[]>;
  /** Null while the hearing is planned or was cancelled. */
  counsel_present: boolean | null;
  /** BCP 47 tag of the interpreted language, e.g. "uk"; null: no interpreter. */
  interpreter_language: string | null;
  /** The team's note, sealed with the keyring (it may name people): JSON text of a string. */
  note: Buffer | null;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
  updated_at: Instant;
}

/** The lawyer (an organisation, or a bar) assigned to a victim. */
export interface LegalCounselAssignmentTable {
  id: string;
  victim_case_id: string;
  counsel_organisation_id: string | null;
  counsel_bar: string | null;
  counsel_name: string | null;
  assigned_on: DateString;
  ended_on: NullableDate;
  /** Appointed because the law makes counsel mandatory (ex officio). */
  mandatory: Defaulted<boolean>;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

/** A victim's time in a programme of profile victims_in_proceedings.programmes. */
export interface ProgrammeParticipationTable {
  id: string;
  victim_case_id: string;
  programme: string;
  started_on: DateString;
  ended_on: NullableDate;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

/** A protection measure of profile victims_in_proceedings.protection_measures ordered for the victim. */
export interface ProtectionMeasureTable {
  id: string;
  victim_case_id: string;
  measure: string;
  ordered_on: DateString;
  ended_on: NullableDate;
  ordered_by_organisation_id: string | null;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

export interface VictimsInProceedingsTables {
  victim_hearing: VictimHearingTable;
  legal_counsel_assignment: LegalCounselAssignmentTable;
  programme_participation: ProgrammeParticipationTable;
  protection_measure: ProtectionMeasureTable;
}
