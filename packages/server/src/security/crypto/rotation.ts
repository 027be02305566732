import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { IdentityCryptoError } from './errors.ts';
import { countIdentitiesByKey, openIdentity, replaceIdentity, type KeyUsage } from './identity-store.ts';
import { withIdentityTables } from './identity-tables.ts';
import type { Keyring } from './keyring.ts';

/** Progress after each committed batch. */
export interface RotationProgress {
  batches: number;
  /** Identities re-encrypted so far in this run. */
  reencrypted: number;
  /** Persons whose blind indexes were recomputed so far in this run. */
  reindexed: number;
}

/** What `rotateIdentityKeys` did, and what each key id holds afterwards. */
export interface RotationReport extends RotationProgress {
  active_key_id: string;
  /** Usage per key id after the run; only the active key should remain. */
  usage: Record<string, KeyUsage>;
}

export interface RotationOptions {
  /** Persons per transaction. Default 200. */
  batchSize?: number;
  /** Called after each batch commits. A throw stops the run; committed batches stay done. */
  onBatch?: (progress: RotationProgress) => void;
}

/**
 * Re-encrypts every identity not sealed with the keyring's active key, and
 * recomputes its blind indexes under that key, in batches of `batchSize`
 * persons, one transaction each. Each row is locked (SELECT ... FOR UPDATE)
 * and re-checked, so an edit made meanwhile is never overwritten with older
 * data. Idempotent and resumable: rows already under the active key are not
 * touched, and a run stopped half-way leaves only whole batches done, so the
 * next run carries on. Afterwards an old key can leave the keyring when
 * `usage` shows nothing under it.
 *
 * Run it after every server's configuration names the new key as active;
 * a server still sealing with the old key would leave rows for the next run.
 *
 * @throws IdentityCryptoError KEY_UNKNOWN before changing anything when some
 *   identities are sealed with a key the keyring does not hold; any openIdentity error for a
 *   damaged row (its batch is rolled back, earlier batches stay committed).
 * @throws Error when `db` is a transaction (batches must commit on their own).
 */
export async function rotateIdentityKeys(db: Kysely<Database>, keyring: Keyring, options: RotationOptions = {}): Promise<RotationReport> {
  if (db.isTransaction) throw new Error('rotateIdentityKeys commits batch by batch: pass the database, not a transaction');
  const batchSize = options.batchSize ?? 200;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive whole number, not ${batchSize}`);
  const active = keyring.activeKeyId;

  // Index entries under a lost key are harmless (they are recomputed or dropped); envelopes under one cannot be opened.
  const missing = Object.entries(await countIdentitiesByKey(db)).filter(([keyId, usage]) => usage.identities > 0 && !keyring.has(keyId));
  if (missing.length > 0)
    throw new IdentityCryptoError(
      'KEY_UNKNOWN',
      `cannot rotate: ${missing.map(([id, u]) => `${u.identities} identities are sealed with key "${id}"`).join('; ')}, ` +
        `which the keyring does not hold (held: ${keyring.keyIds().join(', ')}); put the old key back in the key file`,
    );

  const tables = withIdentityTables(db);
  const progress: RotationProgress = { batches: 0, reencrypted: 0, reindexed: 0 };
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
    options.onBatch?.({ ...progress });
  }
  return { ...progress, active_key_id: active, usage: await countIdentitiesByKey(db) };
}
