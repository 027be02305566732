import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import type { PersonIdentityData } from '../../src/db/schema.ts';
import { newId } from '../../src/shared/ids.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { generateKey, readKeyFile, removeKey } from '../../src/security/crypto/key-file.ts';
import {
  countIdentitiesByKey,
  findPersonsByDocument,
  findPersonsByName,
  readIdentities,
  writeIdentity,
} from '../../src/security/crypto/identity-store.ts';
import { countSealedValuesByKey, rotateKeys } from '../../src/security/crypto/rotation.ts';

const N = 23;
const identity = (i: number): PersonIdentityData => ({
  given_names: `Ioana ${i}`,
  family_name: i % 2 === 0 ? 'Ștefănescu' : `Family${i}`,
  date_of_birth: `19${70 + i}-0${1 + (i % 9)}-1${i % 10}`,
  documents: [{ type: 'passport', number: `RX-${100000 + i}`, country: 'RO' }],
  contacts: [{ kind: 'phone', value: `+40 700 000 ${String(i).padStart(3, '0')}` }],
  address: `Strada ${i}`,
  notes: i === 3 ? null : `note ${i}`,
});

describe(`key rotation on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let dir: string;
  beforeAll(async () => {
    nrm = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 'opennrm-rotation-'));
  });
  afterAll(async () => {
    await nrm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function seed(keyring: Keyring, count: number): Promise<Map<string, PersonIdentityData>> {
    const written = new Map<string, PersonIdentityData>();
    for (let i = 0; i < count; i++) {
      const id = newId();
      await nrm.db.insertInto('person').values({ id }).execute();
      await writeIdentity(nrm.db, keyring, id, identity(i));
      written.set(id, identity(i));
    }
    return written;
  }

  it('re-encrypts every identity under the new key, loses nothing, and lets the old key go', async () => {
    const keyFile = join(dir, 'keys.json');
    generateKey(keyFile);
    const before = new Keyring(readKeyFile(keyFile));
    const written = await seed(before, N);
    const ids = [...written.keys()];

    expect(generateKey(keyFile)).toMatchObject({ key_id: 'k2', created: false, key_ids: ['k1', 'k2'] });
    const both = new Keyring(readKeyFile(keyFile));
    expect(both.activeKeyId).toBe('k2');

    const seen: number[] = [];
    const report = await rotateKeys(nrm.db, both, { batchSize: 5, onBatch: (p) => seen.push(p.reencrypted) });
    expect(report).toEqual({
      batches: 5,
      reencrypted: N,
      reindexed: N,
      resealed: {},
      active_key_id: 'k2',
      usage: { k2: { 'person_identity_secret.envelope': N, 'person_identity_index.digest': expect.any(Number) as number } },
    });
    expect(seen).toEqual([5, 10, 15, 20, 23]);

    const underK1 = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM person_identity_secret WHERE key_id = 'k1')
           + (SELECT count(*) FROM person_identity_index WHERE key_id = 'k1')
           + (SELECT count(*) FROM person_identity_secret WHERE get_byte(envelope, 2) <> ascii('k') OR get_byte(envelope, 3) <> ascii('2')) AS n`.execute(
      nrm.db,
    );
    expect(Number(underK1.rows[0]!.n)).toBe(0);

    expect(() => removeKey(keyFile, 'k2', report.usage)).toThrow(/"k2" is the active key/);
    removeKey(keyFile, 'k1', await countSealedValuesByKey(nrm.db));
    const after = new Keyring(readKeyFile(keyFile));
    expect(after.keyIds()).toEqual(['k2']);

    const read = await readIdentities(nrm.db, after, ids);
    expect(read).toEqual(written);
    const stefanescu = ids.filter((_, i) => i % 2 === 0).sort();
    expect(await findPersonsByName(nrm.db, after, 'STEFANESCU')).toEqual(stefanescu);
    expect(await findPersonsByDocument(nrm.db, after, 'rx 100007')).toEqual([ids[7]]);

    const again = await rotateKeys(nrm.db, after);
    expect(again).toMatchObject({ batches: 0, reencrypted: 0, reindexed: 0 });
    expect(await readIdentities(nrm.db, after, ids)).toEqual(written);
  });

  it('resumes after an interruption: committed batches stay done and search works mid-way', async () => {
    await sql`DELETE FROM person_identity_index`.execute(nrm.db);
    await sql`DELETE FROM person_identity_secret`.execute(nrm.db);
    const config = { active: 'a', keys: { a: Buffer.alloc(32, 1).toString('base64'), b: Buffer.alloc(32, 2).toString('base64') } };
    const underA = new Keyring(config);
    const underB = new Keyring({ ...config, active: 'b' });
    const written = await seed(underA, 12);

    await expect(
      rotateKeys(nrm.db, underB, {
        batchSize: 4,
        onBatch: () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const midway = await countIdentitiesByKey(nrm.db);
    expect(midway.a?.identities).toBe(8);
    expect(midway.b?.identities).toBe(4);
    expect(await readIdentities(nrm.db, underB, [...written.keys()])).toEqual(written);
    expect(await findPersonsByName(nrm.db, underB, 'stefanescu')).toHaveLength(6);

    const rest = await rotateKeys(nrm.db, underB, { batchSize: 4 });
    expect(rest).toMatchObject({ batches: 2, reencrypted: 8 });
    expect(rest.usage).toEqual({ b: { 'person_identity_secret.envelope': 12, 'person_identity_index.digest': 48 } });
    expect(await readIdentities(nrm.db, new Keyring({ active: 'b', keys: { b: config.keys.b } }), [...written.keys()])).toEqual(written);
  });

  it('changes nothing when some rows use a key the keyring lacks', async () => {
    const lost = new Keyring({ active: 'lost', keys: { lost: Buffer.alloc(32, 9).toString('base64') } });
    await seed(lost, 2);
    const usage = await countIdentitiesByKey(nrm.db);
    const only = new Keyring({ active: 'fresh', keys: { fresh: Buffer.alloc(32, 7).toString('base64') } });
    const refusal = rotateKeys(nrm.db, only);
    await expect(refusal).rejects.toThrow(/^cannot rotate: .*put the old key back in the key file$/);
    await expect(refusal).rejects.toThrow(/2 values of person_identity_secret\.envelope are sealed with key "lost"/);
    await expect(refusal).rejects.toThrow(/12 values of person_identity_secret\.envelope are sealed with key "b"/);
    expect(await countIdentitiesByKey(nrm.db)).toEqual(usage);
  });

  it('drops blind-index rows left without an envelope (as a raw DELETE leaves them)', async () => {
    const keyring = new Keyring({ active: 'b', keys: { b: Buffer.alloc(32, 2).toString('base64') } });
    const orphan = newId();
    await nrm.db.insertInto('person').values({ id: orphan }).execute();
    await sql`INSERT INTO person_identity_index (person_id, field, key_id, digest) VALUES (${orphan}, 'family_name', 'gone', 'abcd')`.execute(
      nrm.db,
    );
    await sql`DELETE FROM person_identity_secret WHERE key_id = 'lost'`.execute(nrm.db);
    const report = await rotateKeys(nrm.db, keyring);
    expect(report).toMatchObject({
      reencrypted: 0,
      usage: { b: { 'person_identity_secret.envelope': 12, 'person_identity_index.digest': 48 } },
    });
    expect(Object.keys(report.usage)).toEqual(['b']);
  });

  it('refuses to run inside a transaction', async () => {
    const keyring = new Keyring({ active: 'b', keys: { b: Buffer.alloc(32, 2).toString('base64') } });
    await expect(nrm.db.transaction().execute((tx) => rotateKeys(tx, keyring))).rejects.toThrow(/not a transaction/);
  });
});
