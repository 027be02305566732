import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { countIdentitiesByKey, openIdentity, replaceIdentity } from './identity-store.ts';
import { withIdentityTables } from './identity-tables.ts';
import type { Keyring } from './keyring.ts';
import { assertKeysHeld, countSealedColumnByKey, locationOf, resealColumn, SEALED_COLUMNS } from './sealed-columns.ts';

/** Where identities and their blind indexes are, as usage reports name them. */
export const IDENTITY_LOCATION = 'person_identity_secret.envelope';
export const BLIND_INDEX_LOCATION = 'person_identity_index.digest';

/**
 * Values per key id, then per location ("table.column"): every envelope in
 * the database and every blind-index entry. Locations holding nothing are absent.
 */
export type SealedUsage = Record<string, Record<string, number>>;

/**
 * What each key id seals or keys in the whole database: identities, blind
 * indexes, and every column of SEALED_COLUMNS (sealed-columns.ts). Keys of
 * the keyring that seal nothing are absent.
 */
export async function countSealedValuesByKey(db: Kysely<Database>): Promise<SealedUsage> {
  const usage: SealedUsage = {};
  const add = (keyId: string, location: string, n: number) => {
    if (n > 0) (usage[keyId] ??= {})[location] = n;
  };
  for (const [keyId, { identities, index_entries }] of Object.entries(await countIdentitiesByKey(db))) {
    add(keyId, IDENTITY_LOCATION, identities);
    add(keyId, BLIND_INDEX_LOCATION, index_entries);
  }
  for (const column of SEALED_COLUMNS)
    for (const [keyId, n] of Object.entries(await countSealedColumnByKey(db, column))) add(keyId, locationOf(column), n);
  return usage;
}

/** Progress after each committed batch. */
export interface RotationProgress {
  batches: number;
  /** Identities re-encrypted so far in this run. */
  reencrypted: number;
  /** Persons whose blind indexes were recomputed so far in this run. */
  reindexed: number;
  /** Other sealed values (TOTP secrets, drafts) re-sealed so far, per location "table.column". */
  resealed: Record<string, number>;
}

/** What `rotateKeys` did, and what each key id holds afterwards. */
export interface RotationReport extends RotationProgress {
  active_key_id: string;
  /** Usage per key id after the run; only the active key should remain. */
  usage: SealedUsage;
}

export interface RotationOptions {
  /** Persons (or rows of another sealed table) per transaction. Default 200. */
  batchSize?: number;
  /** Called after each batch commits. A throw stops the run; committed batches stay done. */
  onBatch?: (progress: RotationProgress) => void;
}

/**
 * `opennrm keys rotate`: re-seals every sealed value of the database under
 * the keyring's active key. First every identity not sealed with the active
 * key, with its blind indexes recomputed under that key, in batches of
 * `batchSize` persons, one transaction each; then every column of
 * SEALED_COLUMNS (TOTP secrets, drafts: sealed-columns.ts, resealColumn). Each row is locked (SELECT ... FOR UPDATE)
 * and re-checked, so an edit made meanwhile is never overwritten with older
 * data. Idempotent and resumable: rows already under the active key are not
 * touched, and a run stopped half-way leaves only whole batches done, so the
 * next run carries on. Afterwards an old key can leave the keyring when
 * `usage` shows nothing under it (`removeKey` checks the same counts).
 *
 * Run it after every server's configuration names the new key as active;
 * a server still sealing with the old key would leave rows for the next run.
 *
 * @throws IdentityCryptoError KEY_UNKNOWN before changing anything when some
 *   value is sealed with a key the keyring does not hold (naming table and count); any
 *   open error for a damaged row (its batch is rolled back, earlier batches stay committed).
 * @throws Error when `db` is a transaction (batches must commit on their own).
 */
export async function rotateKeys(db: Kysely<Database>, keyring: Keyring, options: RotationOptions = {}): Promise<RotationReport> {
  if (db.isTransaction) throw new Error('rotateKeys commits batch by batch: pass the database, not a transaction');
  const batchSize = options.batchSize ?? 200;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive whole number, not ${batchSize}`);
  const active = keyring.activeKeyId;

  assertKeysHeld(keyring, await countSealedValuesByKey(db));

  const tables = withIdentityTables(db);
  const progress: RotationProgress = { batches: 0, reencrypted: 0, reindexed: 0, resealed: {} };
  for (;;) {
    const stale = await tables
      .selectFrom('person_identity_secret')
      .select('person_id')
      .where('key_id', '<>', active)
      .union(tables.selectFrom('person_identity_index').select('person_id').where('key_id', '<>', active))
      .orderBy('person_id')
      .limit(batchSize)
      .execute();
    if (stale.length === 0) break;
    const ids = stale.map((row) => row.person_id);
    const done = await tables.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('person_identity_secret')
        .select(['person_id', 'key_id', 'envelope'])
        .where('person_id', 'in', ids)
        .forUpdate()
        .execute();
      let reencrypted = 0;
      for (const row of rows) {
        const data = openIdentity(keyring, row.person_id, row.envelope, row.key_id);
        await replaceIdentity(tx, keyring, row.person_id, data);
        if (row.key_id !== active) reencrypted++;
      }
      // Index rows of a person with no envelope are left over from outside this module; they index nothing.
      const sealed = new Set(rows.map((row) => row.person_id));
      const orphans = ids.filter((id) => !sealed.has(id));
      if (orphans.length > 0) await tx.deleteFrom('person_identity_index').where('person_id', 'in', orphans).execute();
      return { reencrypted, reindexed: rows.length };
    });
    progress.batches++;
    progress.reencrypted += done.reencrypted;
    progress.reindexed += done.reindexed;
    options.onBatch?.({ ...progress, resealed: { ...progress.resealed } });
  }
  for (const column of SEALED_COLUMNS) {
    const location = locationOf(column);
    await resealColumn(db, keyring, column, batchSize, (resealed) => {
      progress.batches++;
      progress.resealed[location] = resealed;
      options.onBatch?.({ ...progress, resealed: { ...progress.resealed } });
    });
  }
  return { ...progress, active_key_id: active, usage: await countSealedValuesByKey(db) };
}
