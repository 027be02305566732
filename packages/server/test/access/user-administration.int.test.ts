import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

/**
 * Creating an account and resetting its password over HTTP (POST /api/v1/users, POST /api/v1/users/:id/one-time-password):
 * the one-time password is answered once, signs in and must be changed; a reset ends the account's sessions; only
 * administrators may do either (rule administrator.accounts); both are audited in their transaction.
 */
describe(`user administration on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let admin: string;
  let coordinator: string;

  const signIn = (username: string, password: string) =>
    api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });

  beforeAll(async () => {
    api = await testApi();
    admin = await api.signedIn('administrator', null);
    coordinator = await api.signedIn('coordinator', 'ANITP');
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates an account whose one-time password is shown once and must be changed', async () => {
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'ioana.pop', display_name: 'Ioana Pop', role: 'case_worker', organisation: 'DGASPC-CJ' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { user, one_time_password } = res.json();
    expect(user).toMatchObject({ username: 'ioana.pop', display_name: 'Ioana Pop', role: 'case_worker', organisation_code: 'DGASPC-CJ' });
    expect(user.must_change_password).toBe(true);
    const session = await signIn('ioana.pop', one_time_password);
    expect(session.statusCode).toBe(200);
    expect(session.json().user.must_change_password).toBe(true);
    const listed = (await api.as(admin, { method: 'GET', url: '/api/v1/users' })).json();
    expect(JSON.stringify(listed)).not.toContain(one_time_password);
    const audit = await api.nrm.db
      .selectFrom('audit_event')
      .select(['action', 'fields'])
      .where('record_type', '=', 'app_user')
      .where('record_id', '=', user.id)
      .execute();
    expect(audit).toContainEqual({ action: 'create', fields: ['display_name', 'organisation', 'role', 'username'] });
  });

  it('names the field of a taken username, a malformed one and an unknown organisation', async () => {
    const post = (payload: object) => api.as(admin, { method: 'POST', url: '/api/v1/users', payload });
    const taken = await post({ username: 'ioana.pop', role: 'analyst', organisation: 'ANITP' });
    expect(taken.statusCode).toBe(400);
    // The API does not repeat the username (often a person's name); the rule lets the web say it in the user's language.
    expect(taken.json().fields).toEqual([{ path: 'body.username', reason: 'this username is taken', rule: 'username_taken' }]);
    expect((await post({ username: 'Ioana Pop', role: 'analyst', organisation: 'ANITP' })).json().fields[0].path).toBe('body.username');
    expect((await post({ username: 'x.y', role: 'analyst', organisation: 'NOPE' })).json().fields[0].path).toBe('body.organisation');
  });

  it('resets a password: a new one-time password, every session ended', async () => {
    const created = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'mihai.lost', role: 'analyst', organisation: 'ANITP' },
      })
    ).json();
    const first = await signIn('mihai.lost', created.one_time_password);
    const token = first.json().token as string;
    const reset = await api.as(admin, { method: 'POST', url: `/api/v1/users/${created.user.id}/one-time-password` });
    expect(reset.statusCode).toBe(200);
    const password = reset.json().one_time_password as string;
    expect(password).not.toBe(created.one_time_password);
    expect((await signIn('mihai.lost', created.one_time_password)).statusCode).toBe(401);
    expect((await signIn('mihai.lost', password)).statusCode).toBe(200);
    expect((await api.as(token, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const audit = await api.nrm.db
      .selectFrom('audit_event')
      .select(['action', 'fields'])
      .where('record_id', '=', created.user.id)
      .where('action', '=', 'password_change')
      .execute();
    expect(audit).toEqual([{ action: 'password_change', fields: ['password'] }]);
    const missing = await api.as(admin, { method: 'POST', url: '/api/v1/users/01900000-0000-7000-8000-0000000000ff/one-time-password' });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses both to anyone but an administrator', async () => {
    const created = await api.as(coordinator, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'not.allowed', role: 'coordinator', organisation: 'ANITP' },
    });
    expect(created.statusCode).toBe(403);
    const someone = (await api.as(admin, { method: 'GET', url: '/api/v1/users' })).json().items[0].id;
    expect((await api.as(coordinator, { method: 'POST', url: `/api/v1/users/${someone}/one-time-password` })).statusCode).toBe(403);
  });
});
