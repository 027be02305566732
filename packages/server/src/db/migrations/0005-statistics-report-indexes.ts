import { sql, type Kysely } from 'kysely';

/**
 * A covering index for the annual report (packages/server/src/statistics/).
 * The victims population reads one year's identified victim cases in person
 * order; with this index that is an index-only scan of the year's slice (no
 * heap visits, no sort before the per-person aggregate), about 8x faster than
 * the heap scan through victim_case_person on a million cases. Measured by
 * bench/report.bench.ts ("Annual report time" in bench/RESULTS.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX victim_case_report ON victim_case (reporting_year, person_id)
    INCLUDE (nrm_status, forms, countries_of_exploitation, is_child)`.execute(db);
}
