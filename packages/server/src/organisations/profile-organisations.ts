import type { JurisdictionProfile } from '@opennrm/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';

/**
 * Creates or updates the organisations a profile names (ANITP, DIICOT, each
 * county's DGASPC, ...). Organisations added by an administrator are left alone.
 * Idempotent: running it twice changes nothing the second time.
 *
 * @returns the number of profile organisations now in the database.
 */
export async function syncProfileOrganisations(db: Kysely<Database>, profile: JurisdictionProfile): Promise<number> {
  for (const inst of profile.institutions) {
    await db
      .insertInto('organisation')
      .values({
        id: newId(),
        code: inst.code,
        name: inst.name,
        kind: inst.kind,
        functions: inst.functions,
        region: inst.region ?? null,
        from_profile: true,
      })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({ name: inst.name, kind: inst.kind, functions: inst.functions, region: inst.region ?? null, from_profile: true }),
      )
      .execute();
  }
  return profile.institutions.length;
}
