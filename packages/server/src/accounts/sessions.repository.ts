import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '@opennrm/domain';
import type { Database, SignInMethod } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';

/**
 * Session lifetimes. OWASP Session Management Cheat Sheet: idle timeouts of
 * 15-30 minutes and an absolute timeout for high-value applications.
 */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

/** The signed-in user behind a request: what the policy layer (issue 3) decides on. */
export interface Actor {
  user_id: string;
  username: string;
  role: Role;
  organisation_id: string | null;
  must_change_password: boolean;
  session_id: string;
  /** How the session was opened: an "oidc" session never has to change a local password. */
  sign_in_method: SignInMethod;
  /** Whether the user has a confirmed TOTP second factor. */
  totp_enabled: boolean;
}

/** SHA-256 of a token, hex. Tokens have 256 bits of entropy, so a plain hash suffices (no salt, no stretching). */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const minutes = (n: number) => n * 60_000;

/** Sessions of the HTTP API (table api_session, migration 0002). */
export class SessionsRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;
  constructor(db: Kysely<Database>, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Opens a session for a user.
   * @returns the token (32 random bytes, base64url; shown to the client once, stored only as its SHA-256) and when it expires.
   */
  async open(userId: string, method: SignInMethod = 'password'): Promise<{ token: string; expires_at: Date; idle_expires_at: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    const expires_at = new Date(now.getTime() + minutes(SESSION_ABSOLUTE_HOURS * 60));
    const idle_expires_at = new Date(now.getTime() + minutes(SESSION_IDLE_MINUTES));
    await this.#db
      .insertInto('api_session')
      .values({
        id: newId(),
        token_sha256: tokenDigest(token),
        user_id: userId,
        created_at: now,
        last_seen_at: now,
        expires_at,
        idle_expires_at,
        sign_in_method: method,
      })
      .execute();
    return { token, expires_at, idle_expires_at };
  }

  /**
   * Resolves a presented token to the signed-in user and extends the idle
   * timeout. Returns null for an unknown, expired, idle, revoked or disabled-user session.
   */
  async resolve(token: string): Promise<Actor | null> {
    const now = this.#now();
    const row = await this.#db
      .selectFrom('api_session')
      .innerJoin('app_user', 'app_user.id', 'api_session.user_id')
      .select([
        'api_session.id as session_id',
        'app_user.id as user_id',
        'app_user.username',
        'app_user.role',
        'app_user.organisation_id',
        'app_user.must_change_password',
        'api_session.sign_in_method',
        'app_user.totp_enabled_at',
      ])
      .where('api_session.token_sha256', '=', tokenDigest(token))
      .where('api_session.revoked_at', 'is', null)
      .where('api_session.expires_at', '>', now)
      .where('api_session.idle_expires_at', '>', now)
      .where('app_user.disabled', '=', false)
      .executeTakeFirst();
    if (!row) return null;
    const idle = new Date(now.getTime() + minutes(SESSION_IDLE_MINUTES));
    await this.#db.updateTable('api_session').set({ last_seen_at: now, idle_expires_at: idle }).where('id', '=', row.session_id).execute();
    const { totp_enabled_at, ...actor } = row;
    return { ...actor, role: row.role as Role, totp_enabled: totp_enabled_at !== null };
  }

  /** Records that a session now has a second factor (TOTP confirmed during it). */
  async raiseMethod(sessionId: string, method: SignInMethod): Promise<void> {
    await this.#db.updateTable('api_session').set({ sign_in_method: method }).where('id', '=', sessionId).execute();
  }

  /** Ends one session (sign-out). */
  async revoke(sessionId: string): Promise<void> {
    await this.#db.updateTable('api_session').set({ revoked_at: this.#now() }).where('id', '=', sessionId).execute();
  }

  /** Ends every other session of a user (after a password change, so a stolen session dies with the old password). */
  async revokeOthers(userId: string, keepSessionId: string): Promise<void> {
    await this.#db
      .updateTable('api_session')
      .set({ revoked_at: this.#now() })
      .where('user_id', '=', userId)
      .where('id', '!=', keepSessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
