import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { ensureFirstAdministrator, UsersRepository } from '../../src/accounts/users.repository.ts';
import { SESSION_IDLE_MINUTES, SessionsRepository, tokenDigest } from '../../src/accounts/sessions.repository.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';

const sampleId = '01900000-0000-7000-8000-000000000000';

describe(`API authentication on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('opts only health, sign-in and its second step, single sign-on, the OpenAPI document and the docs page out of authentication', () => {
    const publicRoutes = api.app.registeredRoutes.filter((r) => r.public);
    const urls = [...new Set(publicRoutes.map((r) => r.url))];
    expect(urls.filter((u) => !u.startsWith('/api/docs')).sort()).toEqual([
      '/api/openapi.json',
      '/api/v1/auth/oidc',
      '/api/v1/auth/oidc/callback',
      '/api/v1/auth/oidc/start',
      '/api/v1/auth/sign-in',
      '/api/v1/auth/totp/verify',
      '/api/v1/health',
    ]);
    expect(urls.some((u) => u.startsWith('/api/docs'))).toBe(true);
  });

  it('answers 401 to every other route without a session, and to a bad token', async () => {
    const closed = api.app.registeredRoutes.filter((r) => !r.public);
    expect(closed.length).toBeGreaterThanOrEqual(20);
    for (const route of closed) {
      const url = route.url.replace(/:[a-z_]+/g, sampleId);
      for (const headers of [
        {},
        { authorization: 'Bearer not-a-real-session-token-0000000000' },
        { cookie: 'opennrm_session=forged-token-000000000000000' },
      ]) {
        const res = await api.app.inject({ method: route.method as 'GET', url, headers, payload: route.method === 'GET' ? undefined : {} });
        expect({ route: `${route.method} ${route.url}`, status: res.statusCode, code: res.json().code }).toEqual({
          route: `${route.method} ${route.url}`,
          status: 401,
          code: 'OPENNRM_UNAUTHENTICATED',
        });
      }
    }
  });

  it('answers 401 to an unknown route without a session, so it reveals nothing about the API', async () => {
    const res = await api.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(401);
  });

  it('signs in with the right password and refuses a wrong one or an unknown user alike', async () => {
    const { password } = await new UsersRepository(api.nrm.db).create({
      username: 'ioana',
      role: 'coordinator',
      organisation_code: 'ANITP',
    });
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'ioana', password: 'wrong password' },
    });
    const unknown = await api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'nobody', password } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'bad_credentials', code: 'OPENNRM_BAD_CREDENTIALS', message: 'Wrong username or password.' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const ok = await api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'ioana', password } });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({ username: 'ioana', role: 'coordinator', organisation_code: 'ANITP', must_change_password: true });
    expect(body.idle_timeout_minutes).toBe(SESSION_IDLE_MINUTES);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toContain(`opennrm_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; Secure is set behind https

    // The token is stored only as its SHA-256 digest.
    const stored = await api.nrm.db.selectFrom('api_session').select('token_sha256').execute();
    expect(stored.map((s) => s.token_sha256)).toContain(tokenDigest(body.token));
    expect(stored.map((s) => s.token_sha256)).not.toContain(body.token);
  });

  it('holds a user with a one-time password to changing it, then lets them in', async () => {
    const { password } = await new UsersRepository(api.nrm.db).create({
      username: 'mihai',
      role: 'case_worker',
      organisation_code: 'ANITP',
    });
    const token = (await api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'mihai', password } })).json()
      .token;
    const blocked = await api.as(token, { url: '/api/v1/persons' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('OPENNRM_PASSWORD_CHANGE_REQUIRED');
    expect((await api.as(token, { url: '/api/v1/auth/me' })).json().must_change_password).toBe(true);

    const short = await api.as(token, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { current_password: password, new_password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toMatchObject([{ path: 'body.new_password', rule: 'text_too_short', params: { minimum: 12 } }]);
    const wrongCurrent = await api.as(token, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { current_password: 'not the password', new_password: 'a long enough new password' },
    });
    expect(wrongCurrent.statusCode).toBe(401);

    const changed = await api.as(token, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { current_password: password, new_password: 'a long enough new password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await api.as(token, { url: '/api/v1/persons' })).statusCode).toBe(200);
    const again = await api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'mihai', password } });
    expect(again.statusCode).toBe(401);
  });

  it('accepts the session cookie as well as the bearer token, and signs out', async () => {
    const token = await api.signedIn('analyst');
    const byCookie = await api.app.inject({ url: '/api/v1/auth/me', cookies: { opennrm_session: token } });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json().role).toBe('analyst');
    const out = await api.as(token, { method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    expect((await api.as(token, { url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout and refuses a disabled account', async () => {
    const { user } = await new UsersRepository(api.nrm.db).create({ username: 'elena', role: 'prosecutor', organisation_code: 'DIICOT' });
    const start = new Date('2030-01-01T09:00:00Z');
    const opened = await new SessionsRepository(api.nrm.db, () => start).open(user.id);
    const at = (minutes: number) => new SessionsRepository(api.nrm.db, () => new Date(start.getTime() + minutes * 60_000));
    expect(await at(SESSION_IDLE_MINUTES - 1).resolve(opened.token)).toMatchObject({ username: 'elena', role: 'prosecutor' });
    // Activity at minute 29 extends the idle window to minute 59.
    expect(await at(SESSION_IDLE_MINUTES * 2 - 2).resolve(opened.token)).not.toBeNull();
    expect(await at(SESSION_IDLE_MINUTES * 4).resolve(opened.token)).toBeNull();

    const fresh = await new SessionsRepository(api.nrm.db).open(user.id);
    await api.nrm.db.updateTable('app_user').set({ disabled: true }).where('id', '=', user.id).execute();
    expect(await new SessionsRepository(api.nrm.db).resolve(fresh.token)).toBeNull();
  });
});

describe(`first run on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates one administrator with an Argon2id-hashed one-time password, only when no administrator exists', async () => {
    // Accounts of other roles (the demo creates some before the first serve) do not stand in for an administrator.
    await new UsersRepository(api.nrm.db).create({ username: 'demo.coordinator', role: 'coordinator', organisation_code: 'ANITP' });
    const first = await ensureFirstAdministrator(api.nrm.db);
    expect(first?.username).toBe('admin');
    expect(first?.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await ensureFirstAdministrator(api.nrm.db)).toBeNull();

    const row = await api.nrm.db.selectFrom('app_user').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'administrator', must_change_password: true, organisation_id: null });
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(first!.password);

    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'admin', password: first!.password },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().user.must_change_password).toBe(true);
  });
});

describe(`structured logs on ${TEST_DB_KIND}`, () => {
  it('never contain passwords, session tokens or identifying data', async () => {
    const { Writable } = await import('node:stream');
    const { shippedProfile } = await import('@opennrm/domain');
    const { buildApp } = await import('../../src/http/app.ts');
    const { freshDatabase } = await import('../support/test-database.ts');
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const nrm = await freshDatabase();
    const app = await buildApp({ nrm, profile: shippedProfile('romania'), keyring: TEST_KEYRING, logger: { level: 'trace', stream } });
    try {
      const { password } = await new UsersRepository(nrm.db).create({
        username: 'logcheck',
        role: 'case_worker',
        organisation_code: 'ANITP',
      });
      const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'logcheck', password } })).json()
        .token;
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      app.log.info({ identity: { family_name: 'Popescu' }, password }, 'a careless handler');
      const log = lines.join('');
      expect(log).toContain('incoming request');
      expect(log).toContain('a careless handler');
      expect(log).not.toContain(password);
      expect(log).not.toContain(token);
      expect(log).not.toContain('Popescu');
    } finally {
      await app.close();
      await nrm.close();
    }
  });
});
