import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { shippedProfile } from '@opennrm/domain';
import {
  buildApp,
  createDemoAccounts,
  loadDemo,
  migrateToLatest,
  openDatabase,
  syncProfileOrganisations,
  type NrmDatabase,
} from '@opennrm/server';
import { UsersRepository } from '../../../server/src/accounts/users.repository.ts';
import { TEST_KEYRING } from '../../../server/test/support/test-keyring.ts';

/** The built web app (build-web-app.ts, the global setup). */
export const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** OpenNRM as `opennrm serve` runs it (API and web app, one origin), on PGlite in a temporary data folder. */
export interface WebServer {
  url: string;
  nrm: NrmDatabase;
  /** An account of that role and organisation with a password of its own (no one-time password left). */
  account(role: string, organisationCode: string): Promise<{ username: string; password: string; id: string }>;
  /** Loads the Romania demo (records, facilities, organisations) and its accounts (README, docs/demo.md). */
  loadDemo(): Promise<void>;
  /** A fresh one-time password for an account, as `opennrm users reset-password` prints it: changed at the next sign-in. */
  oneTimePassword(username: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function startWebServer(): Promise<WebServer> {
  const folder = await mkdtemp(join(tmpdir(), 'opennrm-web-'));
  const nrm = await openDatabase({ dataDir: join(folder, 'data') });
  await migrateToLatest(nrm.db);
  await syncProfileOrganisations(nrm.db, shippedProfile('romania'));
  const app: FastifyInstance = await buildApp({
    nrm,
    profile: shippedProfile('romania'),
    keyring: TEST_KEYRING,
    // Plain http on 127.0.0.1: cookies without Secure (as OPENNRM_INSECURE_COOKIES=1).
    signIn: { secure_cookies: false, totp_required_roles: [] },
    logger: false,
    web: { root: WEB_DIST },
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    nrm,
    async account(role, organisationCode) {
      const users = new UsersRepository(nrm.db);
      const username = `browser${++counter}-${role.replace(/_/g, '-')}`;
      const { user } = await users.create({ username, role, organisation_code: organisationCode });
      const password = `correct horse battery staple ${counter}`;
      await users.setPassword(user.id, password);
      return { username, password, id: user.id };
    },
    async loadDemo() {
      await loadDemo(nrm, shippedProfile('romania'), 'romania', { keyring: TEST_KEYRING });
      await createDemoAccounts(nrm.db);
    },
    async oneTimePassword(username) {
      const password = await new UsersRepository(nrm.db).issueOneTimePassword(username);
      if (!password) throw new Error(`no account "${username}"`);
      return password;
    },
    async close() {
      await app.close();
      await nrm.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
