import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import type { PersonIdentityData } from '../../src/db/schema.ts';
import { newId } from '../../src/shared/ids.ts';
import { IdentityCryptoError } from '../../src/security/crypto/errors.ts';
import { blindIndex } from '../../src/security/crypto/blind-index.ts';
import { withIdentityTables } from '../../src/security/crypto/identity-tables.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import {
  eraseIdentity,
  findBlindIndexCandidates,
  findPersonsByDocument,
  findPersonsByName,
  readIdentity,
  writeIdentity,
} from '../../src/security/crypto/identity-store.ts';
import { keyringConfig } from './keys.fixture.ts';

const stefan: PersonIdentityData = {
  given_names: 'Ștefan-Ionuț',
  family_name: 'Țăranu',
  date_of_birth: '2007-04-19',
  documents: [{ type: 'identity_card', number: 'RX 482913', country: 'RO' }],
  contacts: [{ kind: 'phone', value: '+40 723 555 019' }],
  address: 'Strada Florilor 12, Iași',
  notes: 'Recruited in Vaslui by a neighbour; fears the recruiter brother',
};

async function rejection(promise: Promise<unknown>): Promise<IdentityCryptoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdentityCryptoError) return error;
    throw error;
  }
  throw new Error('expected an IdentityCryptoError');
}

describe(`encrypted identities on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  const keyring = new Keyring(keyringConfig(['k1']));
  const newPerson = async () => {
    const id = newId();
    await nrm.db.insertInto('person').values({ id }).execute();
    return id;
  };

  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('reads back exactly what was written, and replaces it on a second write', async () => {
    const id = await newPerson();
    expect(await writeIdentity(nrm.db, keyring, id, stefan)).toBe('k1');
    expect(await readIdentity(nrm.db, keyring, id)).toEqual(stefan);
    const corrected = { ...stefan, address: null, documents: [] };
    await writeIdentity(nrm.db, keyring, id, corrected);
    expect(await readIdentity(nrm.db, keyring, id)).toEqual(corrected);
    expect(await findPersonsByDocument(nrm.db, keyring, 'RX482913')).not.toContain(id);
  });

  it('returns undefined for a person without an identity, and erases one with its indexes', async () => {
    const id = await newPerson();
    expect(await readIdentity(nrm.db, keyring, id)).toBeUndefined();
    await writeIdentity(nrm.db, keyring, id, { family_name: 'Erasmus', given_names: 'Dora' });
    expect(await findPersonsByName(nrm.db, keyring, 'Erasmus')).toEqual([id]);
    expect(await eraseIdentity(nrm.db, id)).toBe(true);
    expect(await eraseIdentity(nrm.db, id)).toBe(false);
    expect(await readIdentity(nrm.db, keyring, id)).toBeUndefined();
    const left = await withIdentityTables(nrm.db)
      .selectFrom('person_identity_index')
      .select('digest')
      .where('person_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });

  it('shows no identifying value in any column when the rows are read as text', async () => {
    const id = await newPerson();
    await writeIdentity(nrm.db, keyring, id, stefan);
    const rows = await sql<{ row: string }>`
      SELECT s::text AS row FROM person_identity_secret s WHERE s.person_id = ${id}
      UNION ALL SELECT i::text FROM person_identity_index i WHERE i.person_id = ${id}
      UNION ALL SELECT encode(s.envelope, 'escape') FROM person_identity_secret s WHERE s.person_id = ${id}`.execute(nrm.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(5); // secret, its escape form, and 4 index rows
    const dump = rows.rows.map((r) => r.row).join('\n');
    const values = [
      'Ștefan',
      'Stefan',
      'Ionuț',
      'Țăranu',
      'Taranu',
      '2007-04-19',
      '482913',
      '723 555',
      'Florilor',
      'Iași',
      'Vaslui',
      'recruiter',
    ];
    for (const value of values) {
      expect(dump.toLowerCase()).not.toContain(value.toLowerCase());
      expect(dump).not.toContain(Buffer.from(value, 'utf8').toString('hex'));
    }
  });

  it('refuses a ciphertext altered in the database, naming the person', async () => {
    const id = await newPerson();
    await writeIdentity(nrm.db, keyring, id, stefan);
    await sql`UPDATE person_identity_secret SET envelope = set_byte(envelope, 30, get_byte(envelope, 30) # 1) WHERE person_id = ${id}`.execute(
      nrm.db,
    );
    const error = await rejection(readIdentity(nrm.db, keyring, id));
    expect(error.code).toBe('DECRYPTION_FAILED');
    expect(error.message).toContain(`record ${id} failed authentication under key "k1"`);
  });

  it('refuses a ciphertext copied onto another person', async () => {
    const victim = await newPerson();
    const other = await newPerson();
    await writeIdentity(nrm.db, keyring, victim, stefan);
    await writeIdentity(nrm.db, keyring, other, { family_name: 'Other' });
    await sql`UPDATE person_identity_secret SET envelope = (SELECT envelope FROM person_identity_secret WHERE person_id = ${victim})
              WHERE person_id = ${other}`.execute(nrm.db);
    expect((await rejection(readIdentity(nrm.db, keyring, other))).code).toBe('DECRYPTION_FAILED');
    expect(await readIdentity(nrm.db, keyring, victim)).toEqual(stefan);
  });

  it('refuses a key_id column that disagrees with the envelope', async () => {
    const id = await newPerson();
    await writeIdentity(nrm.db, keyring, id, stefan);
    await sql`UPDATE person_identity_secret SET key_id = 'k0' WHERE person_id = ${id}`.execute(nrm.db);
    const error = await rejection(readIdentity(nrm.db, keyring, id));
    expect(error.code).toBe('KEY_ID_MISMATCH');
    expect(error.message).toContain('key_id column says "k0" but the envelope was sealed with "k1"');
  });

  it('refuses to open with the wrong key', async () => {
    const id = await newPerson();
    await writeIdentity(nrm.db, keyring, id, stefan);
    const impostor = new Keyring(keyringConfig(['k1']));
    expect((await rejection(readIdentity(nrm.db, impostor, id))).code).toBe('DECRYPTION_FAILED');
  });

  it('finds a person by any spelling of a name: diacritics, case, spaces, word order', async () => {
    const id = await newPerson();
    await writeIdentity(nrm.db, keyring, id, { given_names: 'Ana-Maria', family_name: 'Șerban' });
    for (const query of ['Șerban', 'Şerban', 'SERBAN', ' serban ', 'ana maria', 'ANA-MARIA', 'Ana Maria Serban', 'Șerban Ana-Maria'])
      expect(await findPersonsByName(nrm.db, keyring, query), query).toEqual([id]);
    expect(await findPersonsByName(nrm.db, keyring, 'Ana')).toEqual([]); // exact match only, not one given name of two
    expect(await findPersonsByName(nrm.db, keyring, 'Serbanescu')).toEqual([]);
  });

  it('finds a person by a document number written with spaces, dashes or lower case', async () => {
    const a = await newPerson();
    const b = await newPerson();
    await writeIdentity(nrm.db, keyring, a, { documents: [{ type: 'passport', number: '05-123-4567' }] });
    await writeIdentity(nrm.db, keyring, b, { documents: [{ type: 'identity_card', number: 'kv 771204' }] });
    expect(await findPersonsByDocument(nrm.db, keyring, '051234567')).toEqual([a]);
    expect(await findPersonsByDocument(nrm.db, keyring, 'KV-771204')).toEqual([b]);
    expect(await findPersonsByDocument(nrm.db, keyring, 'KV771205')).toEqual([]);
  });

  it('drops the false positives of the truncated index by decrypting', async () => {
    const keys = keyring.blindIndexKeys;
    const target = blindIndex(keys, 'k1', 'family_name', 'lupu');
    let lookalike = '';
    for (let i = 0; lookalike === ''; i++) if (blindIndex(keys, 'k1', 'family_name', `zz${i}`) === target) lookalike = `zz${i}`;
    const real = await newPerson();
    const collision = await newPerson();
    await writeIdentity(nrm.db, keyring, real, { family_name: 'Lupu' });
    await writeIdentity(nrm.db, keyring, collision, { family_name: lookalike });
    const candidates = await findBlindIndexCandidates(nrm.db, keys, [{ field: 'family_name', normalised: 'lupu' }]);
    expect(candidates).toEqual(expect.arrayContaining([real, collision]));
    expect(await findPersonsByName(nrm.db, keyring, 'LUPU')).toEqual([real]);
  });

  it('refuses a search with nothing to search for', async () => {
    expect((await rejection(findPersonsByName(nrm.db, keyring, ' - '))).code).toBe('SEARCH_VALUE_EMPTY');
    expect((await rejection(findPersonsByDocument(nrm.db, keyring, '--'))).code).toBe('SEARCH_VALUE_EMPTY');
  });

  it("joins the caller's transaction: a rollback leaves neither envelope nor index", async () => {
    const id = await newPerson();
    await expect(
      nrm.db.transaction().execute(async (tx) => {
        await writeIdentity(tx, keyring, id, { family_name: 'Rollback' });
        expect(await readIdentity(tx, keyring, id)).toEqual({ family_name: 'Rollback' });
        throw new Error('caseworker cancelled');
      }),
    ).rejects.toThrow('caseworker cancelled');
    expect(await readIdentity(nrm.db, keyring, id)).toBeUndefined();
    expect(await findPersonsByName(nrm.db, keyring, 'Rollback')).toEqual([]);
  });

  it('refuses an identity for a person that does not exist', async () => {
    await expect(writeIdentity(nrm.db, keyring, newId(), { family_name: 'Nobody' })).rejects.toThrow(/foreign key/);
  });
});
