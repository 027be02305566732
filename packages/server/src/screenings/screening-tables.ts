import type { ColumnType } from 'kysely';

type Instant = ColumnType<Date, Date | string, Date | string>;
type DefaultedInstant = ColumnType<Date, Date | string | undefined, Date | string>;

/** A screening (migration 0013): one row per client-generated id, at its latest accepted revision. */
export interface ScreeningTable {
  id: string;
  revision: number;
  content_sha256: string;
  recorded_at: Instant;
  first_received_at: DefaultedInstant;
  received_at: DefaultedInstant;
  recorded_by_user_id: string;
  organisation_id: string | null;
  county: string;
  context: string;
  subject_age_years: number | null;
  subject_age_group: string;
  subject_sex: string;
  subject_citizenships: ColumnType<string[], string[] | undefined, string[]>;
  exploitation: string;
  /** Indicator id -> yes/no/unknown (JSON). */
  answers: ColumnType<Record<string, string>, string, string>;
  /** The responder's notes, sealed with the keyring (they may name people). */
  notes: Uint8Array | null;
  instrument: string;
  indicator_set: string;
  outcome: string;
  /** The stored ScreeningResult of the domain evaluator (JSON). */
  evaluation: ColumnType<unknown, string, string>;
  victim_case_id: string | null;
  case_opened_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  synthetic: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Every accepted revision of a screening: answers replaced by a later revision stay here. */
export interface ScreeningRevisionTable {
  screening_id: string;
  revision: number;
  content_sha256: string;
  recorded_at: Instant;
  received_at: DefaultedInstant;
  answers: ColumnType<Record<string, string>, string, string>;
  outcome: string;
}

export interface ScreeningTables {
  screening: ScreeningTable;
  screening_revision: ScreeningRevisionTable;
}
