import type { Kysely } from 'kysely';
import type { Role } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { AccessControl } from '../access/access-control.ts';
import { criminalCaseFacts } from '../access/facts.ts';

/** A reminder's recipient as the policy sees them. */
export interface RecipientAccount {
  id: string;
  username: string;
  role: string;
  organisation_id: string | null;
}

/** A system job has no HTTP request behind it. */
const NO_REQUEST = { source_ip: null, user_agent: 'opennrm-reminders', request_id: null };

/**
 * Whether a conflict-of-interest rule of the policy blocks `user` from the
 * criminal case `caseId`: they are recorded as a suspect in it, or their
 * organisation is under investigation in it (rules conflict.suspect and
 * conflict.institution; docs/access-policy.md, "Conflicts of interest": blocked
 * from the criminal case itself, whatever their role). Such a user gets no
 * reminder of the case's deadlines, even when named its prosecutor or manager.
 */
export async function blockedFromCriminalCase(db: Kysely<Database>, user: RecipientAccount, caseId: string): Promise<boolean> {
  const access = new AccessControl(
    { user_id: user.id, role: user.role as Role, organisation_id: user.organisation_id },
    user.username,
    NO_REQUEST,
  );
  const row = await db
    .selectFrom('criminal_case')
    .select((eb) => access.blocked(eb, 'read', 'CriminalCase', criminalCaseFacts()).as('blocked'))
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.blocked === true;
}
