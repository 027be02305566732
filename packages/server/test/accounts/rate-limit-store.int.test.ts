import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import { TEST_SIGN_IN } from '../support/test-api.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { databaseRateLimitStore } from '../../src/accounts/rate-limit-store.ts';

/**
 * Sign-in rate limits count in the database: two server processes on one
 * database (two apps here) share the counters, so a guesser spreading
 * attempts over them gets no more tries, and the table names nobody.
 */
describe(`sign-in rate limits in the database on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let apps: FastifyInstance[];

  beforeAll(async () => {
    nrm = await freshDatabase();
    const signIn = {
      ...TEST_SIGN_IN,
      rate_limit_per_ip: { max: 1000, window_minutes: 15 },
      rate_limit_per_account: { max: 3, window_minutes: 15 },
    };
    apps = [];
    for (let i = 0; i < 2; i++)
      apps.push(await buildApp({ nrm, profile: shippedProfile('romania'), keyring: TEST_KEYRING, signIn, logger: false }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await nrm.close();
  });

  const attempt = (app: FastifyInstance, username: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: 'not the password at all' } });

  it('counts attempts made on either process against one limit, and stores no username or address', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    expect((await attempt(a, 'elena.guess')).statusCode).toBe(401);
    expect((await attempt(b, 'elena.guess')).statusCode).toBe(401);
    expect((await attempt(a, 'elena.guess')).statusCode).toBe(401);
    const limited = await attempt(b, 'elena.guess');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('OPENNRM_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Another account is not affected.
    expect((await attempt(a, 'someone.else')).statusCode).toBe(401);

    const { rows } = await sql<{ text: string }>`SELECT row_to_json(c)::text AS text FROM rate_limit_counter c`.execute(nrm.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const { text } of rows) {
      expect(text).not.toContain('elena');
      expect(text).not.toContain('127.0.0.1');
    }
  });

  it('starts a new window once the old one has ended, and reads without counting', async () => {
    const Store = databaseRateLimitStore(nrm.db);
    const store = new Store();
    const incr = (key: string, window: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), window),
      );
    const read = (key: string, window: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.read(key, (error, result) => (error ? reject(error) : resolve(result!)), window),
      );
    expect(await incr('window-test', 60_000)).toMatchObject({ current: 1 });
    expect(await incr('window-test', 60_000)).toMatchObject({ current: 2 });
    expect(await read('window-test', 60_000)).toMatchObject({ current: 2 });
    expect((await incr('window-test', 60_000)).ttl).toBeLessThanOrEqual(60_000);
    // A 1 ms window has ended by the next call: the count starts again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await incr('window-test', 1)).toMatchObject({ current: 1 });
    expect(await read('unknown-key', 60_000)).toEqual({ current: 0, ttl: 0 });
  });
});
