import type { ColumnType } from 'kysely';

/**
 * Row types of the victim year summary (migration 0016-victim-year-summary),
 * as Kysely sees them. Database triggers write both tables whenever a
 * victim case or a person changes; application code only reads them, hence
 * `never` on insert and update.
 */
type Derived<T> = ColumnType<T, never, never>;

/** One combination of the raw facts the victims figures test; arrays sorted, without repeats. */
export interface VictimFactSetTable {
  id: Derived<number>;
  sex: Derived<string>;
  citizenships: Derived<string[]>;
  forms: Derived<string[]>;
  countries_of_exploitation: Derived<string[]>;
  /** "country:form" for every country and form of one identified case, e.g. "RO:labour". */
  forms_by_country: Derived<string[]>;
  is_child: Derived<boolean>;
}

/** A person with an identified victim case in a reporting year, and the facts of that year. */
export interface VictimYearSummaryTable {
  reporting_year: Derived<number>;
  person_id: Derived<string>;
  fact_set_id: Derived<number>;
}

export interface VictimYearSummaryTables {
  victim_fact_set: VictimFactSetTable;
  victim_year_summary: VictimYearSummaryTable;
}
