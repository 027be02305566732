import { sql, type Kysely } from 'kysely';
import type { ReportDataOrigin } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';

/**
 * Whether a database's victim cases are the synthetic demo
 * (`victim_case.synthetic`, set by `opennrm demo`, docs/demo.md): 'synthetic'
 * when every case is, 'partly_synthetic' when some are, 'live' otherwise
 * (also for an empty database). The Markdown report puts it in its title so a
 * demo report cannot be mistaken for national figures.
 */
export async function reportDataOrigin(db: Kysely<Database>): Promise<ReportDataOrigin> {
  const row = await db
    .selectFrom('victim_case')
    .select([sql<string>`count(*)`.as('cases'), sql<string>`count(*) filter (where synthetic)`.as('synthetic')])
    .executeTakeFirstOrThrow();
  const synthetic = Number(row.synthetic);
  if (synthetic === 0) return 'live';
  return synthetic === Number(row.cases) ? 'synthetic' : 'partly_synthetic';
}
