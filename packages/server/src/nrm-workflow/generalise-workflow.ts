import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Coarsens the NRM workflow records of persons whose victim cases are being
 * generalised (gdpr/anonymise.ts, retention rule victim_case_generalised or an
 * erasure): each step keeps its event and states for the statistics, but its
 * day and instant become the first of their year (in the profile's time zone)
 * and the reasons written for
 * it are dropped; residence statuses keep their code with year-level dates.
 * Otherwise the exact days kept here would single out the person the case's
 * own coarsened dates no longer do. Call it in the same transaction, before
 * the cases are marked anonymised.
 * Source: GDPR art. 5(1)(e), 89(1); recital 26.
 */
export async function generaliseWorkflowOf(trx: Transaction<Database>, personIds: readonly string[], timeZone: string): Promise<void> {
  const cases = trx
    .selectFrom('victim_case')
    .select('id')
    .where('person_id', 'in', [...personIds])
    .where(sql<boolean>`anonymised_on IS NULL`);
  await trx
    .updateTable('nrm_transition')
    .set({
      occurred_on: sql`date_trunc('year', occurred_on)::date`,
      recorded_at: sql`(date_trunc('year', recorded_at AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})`,
      reason: null,
    })
    .where('victim_case_id', 'in', cases)
    .execute();
  await trx
    .updateTable('residence_status')
    .set({
      starts_on: sql`date_trunc('year', starts_on)::date`,
      expires_on: sql`date_trunc('year', expires_on)::date`,
      expiry_warned_on: null,
    })
    .where('victim_case_id', 'in', cases)
    .execute();
}
