import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * Writes the demo's service directory inside the demo's transaction; every
 * facility is marked synthetic, its free places dated as planned (the scenario's day).
 * @returns the number of facilities written.
 */
export async function writeDemoFacilities(tx: BulkTransaction, plan: DemoPlan, org: (code: string) => string): Promise<number> {
  for (const f of plan.facilities) {
    await tx.query(
      `INSERT INTO service_facility (id, organisation_id, code, name, region, services, accepts_children, accepts_adults,
         dedicated_to_trafficking, capacity, free_places, free_places_updated_at, licence_number, licence_authority,
         licence_expires_on, synthetic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, true)`,
      [
        newId(),
        org(f.organisation),
        f.code,
        f.name,
        f.region,
        f.services,
        f.accepts_children,
        f.accepts_adults,
        f.dedicated_to_trafficking,
        f.capacity,
        f.free_places,
        f.free_places_updated_on == null ? null : `${f.free_places_updated_on} 08:00:00+00`,
        f.licence_number,
        f.licence_authority,
        f.licence_expires_on,
      ],
    );
  }
  return plan.facilities.length;
}
