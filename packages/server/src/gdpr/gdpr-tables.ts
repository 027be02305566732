import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Row types of migration 0010-gdpr, as Kysely sees them. Kept beside the
 * capability (like audit/audit-tables.ts) and merged into the NRM record's
 * types by withGdprTables. Dates are ISO strings "YYYY-MM-DD".
 */
type DateString = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface ConsentTable {
  id: string;
  person_id: string;
  victim_case_id: string | null;
  purpose: string;
  given: boolean;
  recorded_on: DateString;
  recorded_by: string | null;
  method: string;
  withdrawn_on: NullableDate;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ErasureRequestTable {
  id: string;
  person_id: string;
  requested_by: string | null;
  requested_at: ColumnType<Date, Date | string | undefined, Date | string>;
  ground: string;
  reason: string;
  outcome: 'erased' | 'refused';
  exemption: string | null;
  article: string | null;
}

/** The mark an anonymised record carries: the day and the rule (a retention rule code, or "erasure_art17"). */
export interface AnonymisationMark {
  anonymised_on: NullableDate;
  anonymisation_rule: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The intervals a referral keeps for the report's medians once its dates are generalised (migration 0017, keep-intervals.ts). Whole days. */
export interface KeptIntervals {
  days_from_screening: ColumnType<number | null, number | null | undefined, number | null>;
  days_to_first_service: ColumnType<number | null, number | null | undefined, number | null>;
  intervals_kept: ColumnType<boolean, boolean | undefined, boolean>;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type GdprTables = {
  consent: ConsentTable;
  erasure_request: ErasureRequestTable;
  person: AnonymisationMark;
  victim_case: AnonymisationMark;
  referral: AnonymisationMark & KeptIntervals;
  assistance: AnonymisationMark;
  screening: AnonymisationMark;
};

/** The NRM record with the GDPR tables and marks (person & its mark, and so on). */
export type GdprDatabase = Omit<Database, keyof GdprTables> & {
  [K in keyof GdprTables]: K extends keyof Database ? Database[K] & GdprTables[K] : GdprTables[K];
};

/** Views a handle on the NRM record as one that also knows the GDPR tables and marks. */
export function withGdprTables(db: Kysely<Database>): Kysely<GdprDatabase> {
  return db as unknown as Kysely<GdprDatabase>;
}
