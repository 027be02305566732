import { sql, type Kysely } from 'kysely';

/**
 * Sign-in (issue 3, point 6): TOTP second factor, OpenID Connect single
 * sign-on, two-step sign-in challenges and form drafts.
 *
 * - app_user.totp_secret: the RFC 6238 shared secret (base32), sealed with the
 *   keyring (AES-256-GCM envelope bound to the user), never returned after
 *   enrolment. totp_enabled_at is set once a code confirms the
 *   enrolment; totp_last_time_step is the last accepted 30-second step, so a
 *   code cannot be replayed within its window (RFC 6238 §5.2).
 * - app_user.oidc_issuer/oidc_subject: the OpenID Connect identity linked to
 *   a pre-provisioned local account (OpenID Connect Core 1.0 §5.7: iss + sub
 *   is the only stable identifier).
 * - api_session.sign_in_method: password, password+totp or oidc.
 * - sign_in_challenge: the second step of a password sign-in when TOTP is on;
 *   only the SHA-256 of the challenge token is stored.
 * - oidc_sign_in: state, nonce and PKCE verifier of an authorization request
 *   in flight (RFC 6749 §10.12, RFC 7636), keyed by the SHA-256 of the state.
 * - draft: half-filled forms kept per user across session timeouts, sealed
 *   with the keyring (a form holds identifying data).
 */
const statements = [
  `ALTER TABLE app_user ADD COLUMN totp_secret bytea`,
  `ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz`,
  `ALTER TABLE app_user ADD COLUMN totp_last_time_step integer`,
  `ALTER TABLE app_user ADD COLUMN oidc_issuer text`,
  `ALTER TABLE app_user ADD COLUMN oidc_subject text`,
  `CREATE UNIQUE INDEX app_user_oidc_identity ON app_user (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL`,
  `ALTER TABLE api_session ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password'
     CHECK (sign_in_method IN ('password', 'password+totp', 'oidc'))`,
  `CREATE TABLE sign_in_challenge (
     id uuid PRIMARY KEY,
     token_sha256 text NOT NULL UNIQUE,
     user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     failed_attempts integer NOT NULL DEFAULT 0,
     consumed_at timestamptz
   )`,
  `CREATE INDEX sign_in_challenge_user ON sign_in_challenge (user_id)`,
  `CREATE TABLE oidc_sign_in (
     state_sha256 text PRIMARY KEY,
     nonce text NOT NULL,
     code_verifier text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL
   )`,
  `CREATE TABLE draft (
     user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
     key text NOT NULL,
     content bytea NOT NULL,
     size_bytes integer NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     PRIMARY KEY (user_id, key)
   )`,
  `CREATE INDEX draft_expires ON draft (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
