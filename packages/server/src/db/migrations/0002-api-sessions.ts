import { sql, type Kysely } from 'kysely';

/**
 * Sessions of the HTTP API. A session token is 32 random bytes given to the
 * client once; only its SHA-256 digest is stored, so a copy of this table
 * cannot be used to sign in. A session ends at `expires_at` (absolute
 * lifetime), after `idle_expires_at` passes without a request, or when
 * `revoked_at` is set (sign-out, password change).
 * Source: OWASP Session Management Cheat Sheet (idle and absolute timeouts).
 */
const statements = [
  `CREATE TABLE api_session (
     id uuid PRIMARY KEY,
     token_sha256 text NOT NULL UNIQUE,
     user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     idle_expires_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz
   )`,
  `CREATE INDEX api_session_user ON api_session (user_id)`,
  `ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz`,
  `ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
