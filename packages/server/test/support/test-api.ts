import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { shippedProfile } from '@opennrm/domain';
import type { NrmDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { UsersRepository } from '../../src/accounts/users.repository.ts';
import type { SignInOptions } from '../../src/accounts/sign-in-options.ts';
import type { Keyring } from '../../src/security/crypto/keyring.ts';
import { freshDatabase } from './test-database.ts';
import type { PolicyOptions } from '../../src/access/access-control.ts';
import { TEST_KEYRING } from './test-keyring.ts';

/** A built API on a fresh database, and a way to sign users in. */
export interface TestApi {
  app: FastifyInstance;
  nrm: NrmDatabase;
  /** The keyring the app seals identities with (TEST_KEYRING). */
  keyring: Keyring;
  /** Creates a user of that role, changes the one-time password, and returns a session token. */
  signedIn(role?: string, organisationCode?: string | null): Promise<string>;
  /**
   * A signed-in user of a role in an organisation (code; null for none), for
   * the access-policy tests: the token and the account id.
   */
  user(role: string, organisationCode: string | null): Promise<{ token: string; id: string }>;
  /** `app.inject` with the bearer token. */
  as(token: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Sign-in settings of the test app: plain-http cookies (light-my-request
 * speaks http) and limits high enough for suites that sign in many users
 * from one address; a test of the limits themselves passes its own.
 */
export const TEST_SIGN_IN: SignInOptions = {
  secure_cookies: false,
  rate_limit_per_ip: { max: 10_000, window_minutes: 15 },
  rate_limit_per_account: { max: 10_000, window_minutes: 15 },
};

/** Builds the API on a fresh database of this run's engine (PGlite or PostgreSQL), logs off. */
export async function testApi(signIn: SignInOptions = {}, policy: PolicyOptions = {}): Promise<TestApi> {
  const nrm = await freshDatabase();
  const app = await buildApp({
    nrm,
    profile: shippedProfile('romania'),
    keyring: TEST_KEYRING,
    signIn: { ...TEST_SIGN_IN, ...signIn },
    logger: false,
    policy,
  });
  const as = (token: string, options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` } });
  return {
    app,
    nrm,
    keyring: TEST_KEYRING,
    as,
    async signedIn(role = 'case_worker', organisationCode = 'ANITP') {
      return (await user(role, organisationCode)).token;
    },
    user,
    async close() {
      await app.close();
      await nrm.close();
    },
  };

  async function user(role: string, organisationCode: string | null) {
    const username = `user${++counter}-${role.replace(/_/g, '-')}`;
    const { password, user: created } = await new UsersRepository(nrm.db).create({ username, role, organisation_code: organisationCode });
    const first = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
    const oneTime = first.json().token as string;
    const newPassword = `${password}-changed!`;
    const changed = await as(oneTime, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { current_password: password, new_password: newPassword },
    });
    if (changed.statusCode !== 204) throw new Error(`change-password failed: ${changed.body}`);
    return { token: oneTime, id: created.id };
  }
}
