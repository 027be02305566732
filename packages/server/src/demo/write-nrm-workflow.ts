import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * Writes the demo's anonymous notifications and residence statuses inside
 * the demo's transaction, every row marked synthetic.
 * @returns how many of each were written.
 */
export async function writeDemoNrmWorkflow(
  tx: BulkTransaction,
  plan: DemoPlan,
  caseIds: readonly string[],
  org: (code: string) => string,
): Promise<{ anonymous_notifications: number; residence_statuses: number }> {
  for (const n of plan.anonymous_notifications)
    await tx.query(
      `INSERT INTO anonymous_notification (id, notified_on, notifying_organisation_id, sex, age_band, citizenships, forms, region,
         countries_of_exploitation, synthetic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)`,
      [newId(), n.notified_on, org(n.organisation), n.sex, n.age_band, n.citizenships, n.forms, n.region, n.countries_of_exploitation],
    );
  for (const r of plan.residence_statuses)
    await tx.query(
      `INSERT INTO residence_status (id, victim_case_id, status, starts_on, expires_on, synthetic) VALUES ($1, $2, $3, $4, $5, true)`,
      [newId(), caseIds[r.victim], r.status, r.starts_on, r.expires_on],
    );
  return { anonymous_notifications: plan.anonymous_notifications.length, residence_statuses: plan.residence_statuses.length };
}
