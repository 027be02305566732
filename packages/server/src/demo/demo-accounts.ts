import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { UsersRepository } from '../accounts/users.repository.ts';

/**
 * One account per kind of user the demo is meant to show, so that a new
 * user can see the record through each role's need-to-know
 * (docs/access-policy.md): the administrator that `opennrm serve` creates
 * sees no victim data at all, by design. The police officer, the county
 * child-protection case manager and the NGO case worker together can walk a
 * case from screening to an accepted referral (docs/demo.md) without anyone
 * creating accounts first.
 */
export const DEMO_ACCOUNTS = [
  { username: 'demo.police', role: 'front_line_responder', organisation_code: 'IGPR', display_name: 'Demo police officer (IGPR)' },
  {
    username: 'demo.dgaspc',
    role: 'case_manager',
    organisation_code: 'DGASPC-B',
    display_name: 'Demo child-protection case manager (DGASPC Bucharest)',
  },
  { username: 'demo.coordinator', role: 'coordinator', organisation_code: 'ANITP', display_name: 'Demo coordinator (ANITP)' },
  { username: 'demo.prosecutor', role: 'prosecutor', organisation_code: 'DIICOT', display_name: 'Demo prosecutor (DIICOT)' },
  { username: 'demo.ngo', role: 'case_worker', organisation_code: 'DEMO-NGO-B', display_name: 'Demo NGO case worker (Bucharest)' },
  { username: 'demo.analyst', role: 'analyst', organisation_code: 'ANITP', display_name: 'Demo analyst (ANITP)' },
  { username: 'demo.auditor', role: 'auditor', organisation_code: 'ANITP', display_name: 'Demo auditor (ANITP)' },
] as const;

/** A demo account and its one-time password (changed at first sign-in). */
export interface DemoAccount {
  username: string;
  role: string;
  organisation_code: string;
  password: string;
}

/**
 * Creates the demo accounts that do not exist yet, each with its own
 * one-time password. Call after the demo is loaded (DEMO-NGO-B is a demo
 * organisation).
 *
 * @returns the accounts created now (none on a second call).
 * @throws AccountError when an organisation the accounts need is missing.
 */
export async function createDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const users = new UsersRepository(db);
  const existing = new Set((await users.list()).map((u) => u.username));
  const created: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.username)) continue;
    const { password } = await users.create({ ...account });
    created.push({ username: account.username, role: account.role, organisation_code: account.organisation_code, password });
  }
  return created;
}
