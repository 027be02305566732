import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

/**
 * Two caseworkers edit the same victim case (or person) from the same read: the second
 * edit is refused with 412 OPENNRM_STALE_VERSION instead of silently undoing
 * the first (RFC 9110 §13.1.1 If-Match; docs/errors.md).
 */
describe(`victim case and person edit versions (ETag / If-Match) on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let first: string;
  let second: string;
  let serial = 0;

  beforeAll(async () => {
    api = await testApi();
    first = await api.signedIn('coordinator', 'ANITP');
    second = await api.signedIn('coordinator', 'ANITP');
  });
  afterAll(async () => api?.close());

  const read = (token: string, id: string) => api.as(token, { method: 'GET', url: `/api/v1/victim-cases/${id}` });
  const edit = (token: string, id: string, payload: object, ifMatch?: string) =>
    api.as(token, {
      method: 'PATCH',
      url: `/api/v1/victim-cases/${id}`,
      payload,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    });

  async function openCase(): Promise<string> {
    const person = await api.as(first, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female', birth_year: 1990 } });
    const created = await api.as(first, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: { person_id: person.json().id, case_number: `EV-${++serial}`, nrm_status: 'potential', potential_on: '2024-03-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json().version).toBe(1);
    return created.json().id;
  }

  it('refuses the second of two edits made from the same read, saves nothing of it, and takes it from a fresh read', async () => {
    const id = await openCase();
    const [readByFirst, readBySecond] = [await read(first, id), await read(second, id)];
    expect(readByFirst.headers.etag).toBe('"1"');
    expect(readBySecond.headers.etag).toBe('"1"');

    const saved = await edit(first, id, { sector: 'agriculture' }, readByFirst.headers.etag as string);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json()).toMatchObject({ sector: 'agriculture', version: 2 });

    const stale = await edit(
      second,
      id,
      { sector: 'construction', means_of_control: ['debt_bondage'] },
      readBySecond.headers.etag as string,
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      error: 'stale_version',
      code: 'OPENNRM_STALE_VERSION',
      fields: [{ path: 'headers.if-match', reason: expect.stringContaining('now at version 2') }],
    });
    expect(stale.json().message).toContain(`Victim case ${id} was changed by someone else since you read it`);
    const after = (await read(second, id)).json();
    expect(after).toMatchObject({ sector: 'agriculture', means_of_control: [], version: 2 });

    const fresh = await read(second, id);
    const retried = await edit(second, id, { means_of_control: ['debt_bondage'] }, fresh.headers.etag as string);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.headers.etag).toBe('"3"');
    expect(retried.json()).toMatchObject({ sector: 'agriculture', means_of_control: ['debt_bondage'], version: 3 });
  });

  it('counts a workflow step as a change: an edit from the read before it is refused', async () => {
    const id = await openCase();
    const before = await read(first, id);
    const step = await api.as(second, {
      method: 'POST',
      url: `/api/v1/victim-cases/${id}/transitions`,
      payload: { event: 'open', occurred_on: '2024-03-01', region: 'RO-CJ' },
    });
    expect(step.statusCode, step.body).toBe(200);
    const stale = await edit(first, id, { sector: 'agriculture' }, before.headers.etag as string);
    expect(stale.statusCode).toBe(412);
    expect((await read(first, id)).headers.etag).toBe('"2"');
  });

  it('serves a PATCH without If-Match as before (last writer wins), and If-Match * or a list holding the current tag', async () => {
    const id = await openCase();
    const blind = await edit(first, id, { sector: 'fishing' });
    expect(blind.statusCode, blind.body).toBe(200);
    expect(blind.json()).toMatchObject({ sector: 'fishing', version: 2 });
    expect((await edit(second, id, { sector: 'textiles' }, '*')).json()).toMatchObject({ sector: 'textiles', version: 3 });
    const listed = await edit(first, id, { sector: 'hospitality' }, '"1", "3"');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.headers.etag).toBe('"4"');
  });

  it('keeps both of two simultaneous edits of different fields without If-Match: neither writes back what it read', async () => {
    const id = await openCase();
    const [a, b] = await Promise.all([
      edit(first, id, { sector: 'agriculture' }),
      edit(second, id, { means_of_control: ['debt_bondage'], recruitment_methods: ['lover_boy'] }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect((await read(first, id)).json()).toMatchObject({
      sector: 'agriculture',
      means_of_control: ['debt_bondage'],
      recruitment_methods: ['lover_boy'],
      version: 3,
    });
  });

  it('never matches a weak tag and names a header that is not an ETag', async () => {
    const id = await openCase();
    const weak = await edit(first, id, { sector: 'fishing' }, 'W/"1"');
    expect(weak.statusCode).toBe(412);
    expect(weak.json().code).toBe('OPENNRM_STALE_VERSION');
    const unquoted = await edit(first, id, { sector: 'fishing' }, '1');
    expect(unquoted.statusCode).toBe(400);
    expect(unquoted.json().fields).toEqual([
      expect.objectContaining({ path: 'headers.if-match', reason: expect.stringContaining('quotes') }),
    ]);
    expect((await read(first, id)).json()).toMatchObject({ sector: null, version: 1 });
  });

  it('refuses a stale edit of a person, identity included, and takes it from a fresh read', async () => {
    const created = await api.as(first, {
      method: 'POST',
      url: '/api/v1/persons',
      payload: { sex: 'female', birth_year: 1990, identity: { family_name: 'Popescu' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const id = created.json().id as string;
    const editPerson = (token: string, payload: object, ifMatch?: string) =>
      api.as(token, {
        method: 'PATCH',
        url: `/api/v1/persons/${id}`,
        payload,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    const readPerson = (token: string) => api.as(token, { method: 'GET', url: `/api/v1/persons/${id}` });

    const [readByFirst, readBySecond] = [await readPerson(first), await readPerson(second)];
    expect(readByFirst.headers.etag).toBe('"1"');
    const saved = await editPerson(first, { identity: { given_names: 'Ana' } }, readByFirst.headers.etag as string);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"2"');

    const stale = await editPerson(
      second,
      { identity: { given_names: 'Maria' }, citizenships: ['MD'] },
      readBySecond.headers.etag as string,
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'OPENNRM_STALE_VERSION', fields: [{ path: 'headers.if-match' }] });
    expect(stale.json().message).toContain(`Person ${id} was changed by someone else since you read it: it is now at version 2`);
    const after = await readPerson(second);
    expect(after.json()).toMatchObject({ citizenships: [], version: 2, identity: { family_name: 'Popescu', given_names: 'Ana' } });

    const retried = await editPerson(second, { citizenships: ['MD'] }, after.headers.etag as string);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ citizenships: ['MD'], version: 3, identity: { given_names: 'Ana' } });
    expect((await editPerson(first, { birth_year: 1991 })).json()).toMatchObject({ birth_year: 1991, version: 4 });

    const outsider = await api.signedIn('case_worker', 'DGASPC-AB');
    expect((await editPerson(outsider, { birth_year: 1992 }, '"1"')).statusCode).toBe(404);
  });

  it('answers 404, not 412, for a case the user may not see, whatever If-Match says', async () => {
    const id = await openCase();
    const outsider = await api.signedIn('case_worker', 'DGASPC-AB');
    expect((await edit(outsider, id, { sector: 'fishing' }, '"7"')).statusCode).toBe(404);
  });
});
