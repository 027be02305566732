import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { UsersRepository } from '../../src/accounts/users.repository.ts';
import { DRAFT_KEEP_DAYS, DRAFT_MAX_BYTES } from '../../src/drafts/drafts.repository.ts';

describe(`drafts on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Creates an account with a known password and signs it in; returns a function that signs in again. */
  async function user(username: string): Promise<() => Promise<string>> {
    const users = new UsersRepository(api.nrm.db);
    await users.create({ username, role: 'front_line_responder', organisation_code: 'ANITP' });
    const password = 'a long enough password for drafts';
    await users.setPassword((await users.credentials(username))!.id, password);
    return async () => {
      const res = await api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
      expect(res.statusCode).toBe(200);
      return res.json().token as string;
    };
  }

  const form = { given_names: 'Maria Elena', indicators: ['debt_bondage', 'withheld_documents'], notes: 'Met at the bus station' };

  it('keeps a half-filled form across sign-out and sign-in of the same user, sealed at rest', async () => {
    const signIn = await user('teodora');
    const first = await signIn();
    const saved = await api.as(first, { method: 'PUT', url: '/api/v1/drafts/screening:new', payload: { content: form } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'screening:new', size_bytes: JSON.stringify(form).length });
    const stored = await api.nrm.db.selectFrom('draft').select('content').executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).toString('latin1')).not.toContain('Maria');

    expect((await api.as(first, { method: 'POST', url: '/api/v1/auth/sign-out' })).statusCode).toBe(204);
    const second = await signIn();
    const back = await api.as(second, { url: '/api/v1/drafts/screening:new' });
    expect(back.statusCode).toBe(200);
    expect(back.json().content).toEqual(form);
    expect((await api.as(second, { url: '/api/v1/drafts' })).json().map((d: { key: string }) => d.key)).toEqual(['screening:new']);

    expect((await api.as(second, { method: 'DELETE', url: '/api/v1/drafts/screening:new' })).statusCode).toBe(204);
    expect((await api.as(second, { url: '/api/v1/drafts/screening:new' })).statusCode).toBe(404);
  });

  it('shows a draft to nobody but its owner', async () => {
    const owner = await (await user('owner-user'))();
    const other = await (await user('other-user'))();
    await api.as(owner, { method: 'PUT', url: '/api/v1/drafts/referral:1', payload: { content: form } });
    expect((await api.as(other, { url: '/api/v1/drafts/referral:1' })).statusCode).toBe(404);
    expect((await api.as(other, { url: '/api/v1/drafts' })).json()).toEqual([]);
    expect((await api.as(other, { method: 'DELETE', url: '/api/v1/drafts/referral:1' })).statusCode).toBe(404);
    // The other user's save under the same key is theirs alone.
    await api.as(other, { method: 'PUT', url: '/api/v1/drafts/referral:1', payload: { content: { mine: true } } });
    expect((await api.as(owner, { url: '/api/v1/drafts/referral:1' })).json().content).toEqual(form);
  });

  it('refuses a draft over the size limit or with a bad key, and forgets drafts after 30 days', async () => {
    const token = await (await user('limits-user'))();
    const big = await api.as(token, {
      method: 'PUT',
      url: '/api/v1/drafts/big',
      payload: { content: { notes: 'x'.repeat(DRAFT_MAX_BYTES) } },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().fields).toEqual([
      {
        path: 'body.content',
        reason: expect.stringContaining(`${DRAFT_MAX_BYTES} bytes`),
        rule: 'draft_too_large',
        params: { maximum: DRAFT_MAX_BYTES },
      },
    ]);
    const badKey = await api.as(token, { method: 'PUT', url: '/api/v1/drafts/..%2Fetc', payload: { content: {} } });
    expect(badKey.statusCode).toBe(400);

    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date();
    vi.setSystemTime(start);
    await api.as(token, { method: 'PUT', url: '/api/v1/drafts/old', payload: { content: form } });
    vi.setSystemTime(new Date(start.getTime() + (DRAFT_KEEP_DAYS - 1) * 86_400_000));
    // Reading a draft does not extend it, but the session must stay alive: sign in again.
    const later = await (async () => {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'limits-user', password: 'a long enough password for drafts' },
      });
      return res.json().token as string;
    })();
    expect((await api.as(later, { url: '/api/v1/drafts/old' })).statusCode).toBe(200);
    vi.setSystemTime(new Date(start.getTime() + (DRAFT_KEEP_DAYS + 1) * 86_400_000));
    expect((await api.as(later, { url: '/api/v1/drafts/old' })).statusCode).toBe(401); // the session is over too
    const latest = (
      await api.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'limits-user', password: 'a long enough password for drafts' },
      })
    ).json().token as string;
    expect((await api.as(latest, { url: '/api/v1/drafts/old' })).statusCode).toBe(404);
  });
});
