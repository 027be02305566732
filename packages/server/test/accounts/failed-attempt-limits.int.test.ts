import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { UsersRepository } from '../../src/accounts/users.repository.ts';

const SIGN_IN = '/api/v1/auth/sign-in';

/** The sign-in limits count failed attempts only (OWASP Authentication Cheat Sheet), per account and per address. */
describe(`failed sign-in limits on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let password: string;
  beforeAll(async () => {
    api = await testApi({
      rate_limit_per_ip: { max: 4, window_minutes: 15 },
      rate_limit_per_account: { max: 2, window_minutes: 15 },
      trust_proxy: '127.0.0.1',
    });
    ({ password } = await new UsersRepository(api.nrm.db).create({ username: 'maria', role: 'analyst', organisation_code: 'ANITP' }));
  });
  afterAll(async () => api.close());

  const attempt = (username: string, secret: string, from = '198.51.100.7') =>
    api.app.inject({ method: 'POST', url: SIGN_IN, payload: { username, password: secret }, headers: { 'x-forwarded-for': from } });

  it('never locks out a user who keeps signing in successfully from one address', async () => {
    for (let i = 0; i < 12; i++) expect((await attempt('maria', password)).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After after the failures of one account, even to the right password', async () => {
    expect((await attempt('maria', 'wrong one')).statusCode).toBe(401);
    expect((await attempt('maria', 'wrong two')).statusCode).toBe(401);
    const limited = await attempt('maria', password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('OPENNRM_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  it('counts the address behind a trusted proxy (X-Forwarded-For), each address on its own', async () => {
    // 198.51.100.7 has 3 failures counted above (the 429 included); one more reaches its limit of 4.
    expect((await attempt('nobody-1', 'x')).statusCode).toBe(401);
    expect((await attempt('nobody-2', 'x')).statusCode).toBe(429);
    expect((await attempt('nobody-3', 'x', '203.0.113.9')).statusCode).toBe(401);
  });
});
