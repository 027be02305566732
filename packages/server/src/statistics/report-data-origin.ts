import { sql, type Kysely } from 'kysely';
import type { ReportDataOrigin } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';

/**
 * Whether a database's victims are the synthetic demo
 * (`victim_case.synthetic`, set by `opennrm demo`, docs/demo.md): 'synthetic'
 * when every victim case is and no CTDC record is held, 'partly_synthetic'
 * when some are, 'live' otherwise (also for an empty database). Imported CTDC
 * records (ctdc_record_kind, migration 0022) are live data, counted by their
 * lines. The Markdown report puts it in its title so a demo report cannot be
 * mistaken for national figures.
 */
export async function reportDataOrigin(db: Kysely<Database>): Promise<ReportDataOrigin> {
  const { rows } = await sql<{ victims: string; synthetic: string }>`
    SELECT (SELECT count(*) FROM victim_case) + (SELECT coalesce(sum(n), 0) FROM ctdc_record_kind) AS victims,
      (SELECT count(*) FROM victim_case WHERE synthetic) AS synthetic`.execute(db);
  const synthetic = Number(rows[0]!.synthetic);
  if (synthetic === 0) return 'live';
  return synthetic === Number(rows[0]!.victims) ? 'synthetic' : 'partly_synthetic';
}
