import type { Kysely } from 'kysely';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../accounts/sessions.repository.ts';
import type { AccessControl } from '../access/access-control.ts';
import type { Keyring } from '../security/crypto/keyring.ts';

/**
 * What every repository of the NRM record is built with: the database, the
 * country's rules and the signed-in user it acts for. Repositories are the
 * only code that reads or writes personal data, so the policy check and the
 * audit event of issue 3 go into them, using `actor`.
 */
export interface RecordContext {
  db: Kysely<Database>;
  profile: JurisdictionProfile;
  actor: Actor;
  /** Seals and opens identifying data (security/crypto/); loaded once at start-up, never from the database. */
  keyring: Keyring;
  /** The request's access policy and audit identity (access/access-control.ts): every method checks it. */
  access: AccessControl;
}
