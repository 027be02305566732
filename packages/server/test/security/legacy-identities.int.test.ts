import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { shippedProfile } from '@opennrm/domain';
import { migrateToLatest, openDatabase, type NrmDatabase } from '../../src/db/database.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { newId } from '../../src/shared/ids.ts';
import { readIdentity, writeIdentity } from '../../src/security/crypto/identity-store.ts';
import { countLegacyIdentities, sealLegacyIdentities } from '../../src/security/crypto/legacy-identities.ts';
import { TEST_DB_KIND, TEST_POSTGRES_URL, freshDatabase } from '../support/test-database.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';

/** A database migrated only up to `last`, as one written before encryption was wired in. */
async function databaseBefore(last: string): Promise<NrmDatabase> {
  // freshDatabase migrates to the latest; open a bare one of the same engine instead.
  const nrm =
    TEST_DB_KIND === 'postgres'
      ? await openDatabase({ databaseUrl: TEST_POSTGRES_URL, schema: `t_${randomBytes(6).toString('hex')}` })
      : await openDatabase({ dataDir: 'memory://' });
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(nrm.db);
  const migrator = new Migrator({
    db: nrm.db,
    provider: { getMigrations: async () => migrations as Record<string, Migration> },
    migrationTableSchema: rows[0]!.schema,
  });
  const { error } = await migrator.migrateTo(last);
  if (error) throw error;
  return nrm;
}

const clearIdentity = (n: number) => ({
  given_names: `Elena${n}`,
  family_name: 'Dumitrescu',
  documents: [{ type: 'id_card', number: `RX10000${n}` }],
});

describe(`identities written in clear text before encryption, on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase | undefined;
  afterEach(async () => {
    await nrm?.close();
    nrm = undefined;
  });

  it('migration 0008 drops the clear-text table when it is empty', async () => {
    nrm = await freshDatabase();
    const { rows } = await sql<{ name: string | null }>`SELECT to_regclass('person_identity')::text AS name`.execute(nrm.db);
    expect(rows[0]!.name).toBeNull();
    expect(await countLegacyIdentities(nrm.db)).toBe(0);
  });

  it('quarantines clear-text rows, refuses to serve until seal-legacy has sealed them, then drops the table', async () => {
    nrm = await databaseBefore('0005-statistics-report-indexes');
    const ids = [newId(), newId(), newId()];
    for (const [i, id] of ids.entries()) {
      await sql`INSERT INTO person (id) VALUES (${id})`.execute(nrm.db);
      await sql`INSERT INTO person_identity (person_id, data, updated_at)
                VALUES (${id}, ${JSON.stringify(clearIdentity(i))}::jsonb, ${'2024-05-06T07:08:09.123456Z'}::timestamptz)`.execute(nrm.db);
    }
    await migrateToLatest(nrm.db);
    expect(await countLegacyIdentities(nrm.db)).toBe(3);
    await expect(buildApp({ nrm, profile: shippedProfile('romania'), keyring: TEST_KEYRING, logger: false })).rejects.toMatchObject({
      code: 'LEGACY_CLEAR_TEXT',
      message: expect.stringContaining('3 identities are still stored in clear text'),
    });

    // A person given a sealed identity after the upgrade keeps it: the clear-text copy is older.
    await writeIdentity(nrm.db, TEST_KEYRING, ids[2]!, { given_names: 'Newer' });

    const report = await sealLegacyIdentities(nrm.db, TEST_KEYRING, { batchSize: 2 });
    expect(report).toEqual({ sealed: 2, superseded: 1, dropped: true });
    expect(await countLegacyIdentities(nrm.db)).toBe(0);
    expect(await readIdentity(nrm.db, TEST_KEYRING, ids[0]!)).toEqual(clearIdentity(0));
    expect(await readIdentity(nrm.db, TEST_KEYRING, ids[2]!)).toEqual({ given_names: 'Newer' });
    const kept = await nrm.db
      .selectFrom('person_identity_secret')
      .select('updated_at')
      .where('person_id', '=', ids[1]!)
      .executeTakeFirstOrThrow();
    expect(new Date(kept.updated_at).toISOString()).toBe('2024-05-06T07:08:09.123Z');
    const app = await buildApp({ nrm, profile: shippedProfile('romania'), keyring: TEST_KEYRING, logger: false });
    await app.close();
    expect(await sealLegacyIdentities(nrm.db, TEST_KEYRING)).toEqual({ sealed: 0, superseded: 0, dropped: false });
  });
});
