import { sql, type Kysely } from 'kysely';
import type { Database, PersonIdentityData } from '../../db/schema.ts';
import { IdentityCryptoError } from './errors.ts';
import { inTransaction, withIdentityTables } from './identity-tables.ts';
import { replaceIdentity } from './identity-store.ts';
import type { Keyring } from './keyring.ts';

/**
 * Identities written in clear text before encryption (the jsonb table
 * `person_identity` of migration 0001). SQL cannot encrypt, so migration
 * 0008 drops that table when it is empty and otherwise renames it
 * `person_identity_legacy`, which no code path reads or writes. Until
 * `opennrm keys seal-legacy` has sealed its rows, the server and the
 * commands that handle identities refuse to run (`assertNoLegacyIdentities`),
 * so nobody believes the data encrypted while it is not.
 */
export const LEGACY_IDENTITY_TABLE = 'person_identity_legacy';

async function legacyTableExists(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ name: string | null }>`SELECT to_regclass(${LEGACY_IDENTITY_TABLE})::text AS name`.execute(db);
  return rows[0]?.name != null;
}

/** How many identities are still in clear text (0 when the legacy table is gone). */
export async function countLegacyIdentities(db: Kysely<Database>): Promise<number> {
  if (!(await legacyTableExists(db))) return 0;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(LEGACY_IDENTITY_TABLE)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Refuses to go on while identities are in clear text.
 * @throws IdentityCryptoError LEGACY_CLEAR_TEXT with the count and the command that fixes it.
 */
export async function assertNoLegacyIdentities(db: Kysely<Database>): Promise<void> {
  const n = await countLegacyIdentities(db);
  if (n > 0)
    throw new IdentityCryptoError(
      'LEGACY_CLEAR_TEXT',
      `${n} identities are still stored in clear text in ${LEGACY_IDENTITY_TABLE} (written before encryption); ` +
        'back up the key file, then run: opennrm keys seal-legacy (docs/encryption.md, "Identities written before encryption")',
    );
}

/** What `sealLegacyIdentities` did. */
export interface LegacySealReport {
  /** Clear-text identities now sealed. */
  sealed: number;
  /** Clear-text rows dropped because the person already had a sealed identity (written later, so newer). */
  superseded: number;
  /** True when the legacy table was empty at the end and was dropped. */
  dropped: boolean;
}

/**
 * Seals every clear-text identity of `person_identity_legacy` under the
 * keyring's active key (keeping its `updated_at`) and deletes the clear-text
 * row in the same transaction, `batchSize` persons per transaction; then drops
 * the empty table. Resumable: a run stopped half-way leaves whole batches
 * done. A person who already has a sealed identity keeps it (it was written
 * after the upgrade) and the clear-text row is only deleted.
 *
 * Clear text may survive outside the table: in backups and WAL archives
 * taken before, and in free space of the data files until PostgreSQL reuses
 * it (VACUUM FULL rewrites them). docs/encryption.md says what to do.
 *
 * @throws Error when `db` is a transaction (batches commit on their own).
 */
export async function sealLegacyIdentities(
  db: Kysely<Database>,
  keyring: Keyring,
  options: { batchSize?: number; onBatch?: (report: LegacySealReport) => void } = {},
): Promise<LegacySealReport> {
  if (db.isTransaction) throw new Error('sealLegacyIdentities commits batch by batch: pass the database, not a transaction');
  const batchSize = options.batchSize ?? 200;
  const report: LegacySealReport = { sealed: 0, superseded: 0, dropped: false };
  if (!(await legacyTableExists(db))) return report;
  const legacy = sql.table(LEGACY_IDENTITY_TABLE);
  for (;;) {
    const done = await inTransaction(db, async (tx) => {
      const { rows } = await sql<{ person_id: string; data: PersonIdentityData; updated_at: Date }>`
        SELECT person_id, data, updated_at FROM ${legacy} ORDER BY person_id LIMIT ${batchSize} FOR UPDATE`.execute(tx);
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.person_id);
      const sealedAlready = new Set(
        (await tx.selectFrom('person_identity_secret').select('person_id').where('person_id', 'in', ids).execute()).map((r) => r.person_id),
      );
      for (const row of rows) {
        if (sealedAlready.has(row.person_id)) {
          report.superseded++;
          continue;
        }
        await replaceIdentity(tx, keyring, row.person_id, row.data);
        await tx.updateTable('person_identity_secret').set({ updated_at: row.updated_at }).where('person_id', '=', row.person_id).execute();
        report.sealed++;
      }
      await sql`DELETE FROM ${legacy} WHERE person_id IN (${sql.join(ids)})`.execute(tx);
      return rows.length;
    });
    if (done === 0) break;
    options.onBatch?.({ ...report });
  }
  await withIdentityTables(db)
    .transaction()
    .execute(async (tx) => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${legacy}`.execute(tx);
      if (rows[0]?.n === 0) {
        await sql`DROP TABLE ${legacy}`.execute(tx);
        report.dropped = true;
      }
    });
  return report;
}
