import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_KEYRING_CONFIG } from '../support/test-keyring.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { countIdentitiesByKey, readIdentities } from '../../src/security/crypto/identity-store.ts';
import { rotateKeys } from '../../src/security/crypto/rotation.ts';
import type { NrmDatabase } from '../../src/db/database.ts';

// Issue 3, done-when: "Reading the database directly (psql) shows no identifying
// value in clear text; the API shows it to a permitted user; after
// `opennrm keys rotate` nothing is lost."

/** A value no test data could hold by chance, so that finding it anywhere means a leak. */
const marker = (label: string) => `${label}${randomBytes(4).toString('hex')}`;

const ana = {
  given_names: `Ana ${marker('Ștefania')}`,
  family_name: marker('Zamfirescu'),
  date_of_birth: '1999-04-17',
  documents: [{ type: 'id_card', number: `RX 98${randomBytes(2).readUInt16BE()}-41`, country: 'RO' }],
  contacts: [
    { kind: 'phone', value: `+40 721 ${randomBytes(2).readUInt16BE()} 019` },
    { kind: 'email', value: `${marker('ana.z')}@example.org` },
  ],
  address: `Strada ${marker('Lalelelor')} 7, jud. Iași`,
  notes: `Met at ${marker('Gara de Nord')}; afraid of her recruiter.`,
};
const mihai = {
  given_names: marker('Mihăiță'),
  family_name: marker('Oprea'),
  date_of_birth: '2007-11-02',
  documents: [{ type: 'passport', number: marker('MD0') }],
  notes: marker('Minor; placed with DGASPC'),
};
/** What PATCH changes on Mihai: the old value must be gone too. */
const mihaiNewAddress = `Bulevardul ${marker('Unirii')} 3`;

/** Every identifying value, as typed and in the forms a careless writer might store (normalised, digits only). */
function identifyingValues(): string[] {
  const values = [ana, mihai].flatMap((p) => [
    p.given_names,
    p.family_name,
    p.date_of_birth,
    p.notes,
    ...p.documents.map((d) => d.number),
    ...p.documents.map((d) => d.number.replace(/[^A-Za-z0-9]/g, '').toUpperCase()),
  ]);
  values.push(...ana.contacts.map((c) => c.value), ana.contacts[0]!.value.replace(/\D/g, ''), ana.address, mihaiNewAddress);
  // Words of names alone (a given name without the family name would still identify).
  values.push(...[ana.family_name, mihai.given_names, mihai.family_name].map((n) => n.normalize('NFKD').replace(/\p{M}/gu, '')));
  return values;
}

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
}

/**
 * Every column of every table of the database, cast to text, searched for each
 * value (case-insensitive); bytea columns are also searched for the value's
 * UTF-8 bytes, which a cast to text would show only as hex.
 * @returns "table.column contains value" for each hit.
 */
async function clearTextHits(nrm: NrmDatabase, values: readonly string[]): Promise<string[]> {
  const { rows: columns } = await sql<Column>`
    SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(nrm.db);
  expect(columns.map((c) => c.table_name)).toContain('person_identity_secret');
  const hits: string[] = [];
  for (const { table_name, column_name, data_type } of columns) {
    const column = sql.ref(`${table_name}.${column_name}`);
    const match =
      data_type === 'bytea'
        ? sql`position(convert_to(v, 'UTF8') in ${column}) > 0 OR ${column}::text ILIKE '%' || v || '%'`
        : sql`${column}::text ILIKE '%' || v || '%'`;
    const { rows } = await sql<{ v: string }>`
      SELECT v FROM unnest(${[...values]}::text[]) AS v
      WHERE EXISTS (SELECT 1 FROM ${sql.table(table_name)} WHERE ${match})`.execute(nrm.db);
    hits.push(...rows.map(({ v }) => `${table_name}.${column_name} contains ${JSON.stringify(v)}`));
  }
  return hits;
}

describe(`identities encrypted at rest on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let token: string;
  const ids: Record<'ana' | 'mihai', string> = { ana: '', mihai: '' };

  const get = (url: string) => api.as(token, { method: 'GET', url });

  beforeAll(async () => {
    api = await testApi();
    token = await api.signedIn('case_manager');
    for (const [name, identity] of [
      ['ana', ana],
      ['mihai', { ...mihai, address: 'Strada Veche 1' }],
    ] as const) {
      const res = await api.as(token, {
        method: 'POST',
        url: '/api/v1/persons',
        payload: { sex: 'female', citizenships: ['RO'], identity },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id as string;
    }
    const patched = await api.as(token, {
      method: 'PATCH',
      url: `/api/v1/persons/${ids.mihai}`,
      payload: { identity: { address: mihaiNewAddress } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  it('holds no identifying value in clear text in any column of any table', async () => {
    expect(await clearTextHits(api.nrm, identifyingValues())).toEqual([]);
    // The scan itself finds a value stored in clear: the check can fail.
    await api.nrm.db.insertInto('organisation').values({ id: crypto.randomUUID(), code: 'LEAK', name: ana.notes, kind: 'ngo' }).execute();
    expect(await clearTextHits(api.nrm, [ana.notes])).toEqual([`organisation.name contains ${JSON.stringify(ana.notes)}`]);
    await api.nrm.db.deleteFrom('organisation').where('code', '=', 'LEAK').execute();
  });

  it('returns the identities through the API to a signed-in user, an update merged', async () => {
    expect((await get(`/api/v1/persons/${ids.ana}`)).json().identity).toEqual(ana);
    expect((await get(`/api/v1/persons/${ids.mihai}`)).json().identity).toEqual({ ...mihai, address: mihaiNewAddress });
  });

  it('finds persons by exact name in any word order and accents, or by document number in any spelling', async () => {
    const search = async (query: string) => {
      const res = await get(`/api/v1/persons/search?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string; identity?: unknown }[]).map((p) => {
        expect(p).not.toHaveProperty('identity');
        return p.id;
      });
    };
    expect(await search(`name=${encodeURIComponent(ana.family_name.toUpperCase())}`)).toEqual([ids.ana]);
    const plain = `${ana.family_name} ${ana.given_names}`.normalize('NFKD').replace(/\p{M}/gu, '');
    expect(await search(`name=${encodeURIComponent(plain)}`)).toEqual([ids.ana]);
    const number = ana.documents[0]!.number.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    expect(await search(`document=${encodeURIComponent(number)}`)).toEqual([ids.ana]);
    expect(await search(`document=${encodeURIComponent(mihai.documents[0]!.number)}`)).toEqual([ids.mihai]);
    expect(await search(`name=${encodeURIComponent(ana.family_name.slice(0, -2))}`)).toEqual([]);
  });

  it('refuses a search with neither, both, or an empty value, naming the query field', async () => {
    for (const [query, field] of [
      ['', 'query.name'],
      ['name=Pop&document=RX1', 'query.document'],
      ['name=%20-%20', 'query.name'],
    ] as const) {
      const res = await get(`/api/v1/persons/search?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });

  it('loses nothing when the keys are rotated: reads, search and the clear-text scan still pass', async () => {
    const rotated = new Keyring({ ...TEST_KEYRING_CONFIG, active: 't2' });
    const report = await rotateKeys(api.nrm.db, rotated, { batchSize: 1 });
    expect(report.reencrypted).toBe(2);
    expect(await countIdentitiesByKey(api.nrm.db)).toEqual({ t2: { identities: 2, index_entries: expect.any(Number) } });
    // The old key can go: the new one alone opens everything.
    const onlyNew = new Keyring({ active: 't2', keys: { t2: TEST_KEYRING_CONFIG.keys.t2 } });
    const opened = await readIdentities(api.nrm.db, onlyNew, [ids.ana, ids.mihai]);
    expect(opened.get(ids.ana)).toEqual(ana);
    expect(opened.get(ids.mihai)).toEqual({ ...mihai, address: mihaiNewAddress });
    // The running API (which holds both keys) still reads and finds them.
    expect((await get(`/api/v1/persons/${ids.ana}`)).json().identity).toEqual(ana);
    const found = await get(`/api/v1/persons/search?name=${encodeURIComponent(mihai.family_name)}`);
    expect(found.json().items.map((p: { id: string }) => p.id)).toEqual([ids.mihai]);
    expect(await clearTextHits(api.nrm, identifyingValues())).toEqual([]);
  });
});
