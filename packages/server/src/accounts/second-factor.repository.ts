import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';
import { open, seal } from '../security/crypto/envelope.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { totpSecretContext as secretContext } from '../security/crypto/sealed-columns.ts';
import { tokenDigest } from './sessions.repository.ts';
import { checkTotp } from './totp.ts';

/** A sign-in challenge lives 5 minutes: long enough to open an authenticator app. */
export const CHALLENGE_MINUTES = 5;
/** Wrong codes a challenge survives; the sixth ends it and the user starts again with the password. */
export const CHALLENGE_MAX_FAILURES = 5;

/** What a TOTP check found. */
export type TotpCheck = { ok: true } | { ok: false; reason: 'wrong_code' | 'not_enrolled' };

/**
 * The TOTP second factor of local accounts (RFC 6238) and the challenges of
 * two-step sign-in. Secrets are sealed with the keyring, bound to the user's
 * id (a secret copied to another account fails authentication).
 */
export class SecondFactorRepository {
  readonly #db: Kysely<Database>;
  readonly #keyring: Keyring;
  readonly #now: () => Date;
  constructor(db: Kysely<Database>, keyring: Keyring, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#keyring = keyring;
    this.#now = now;
  }

  /** Whether the user has confirmed a TOTP enrolment. */
  async isEnabled(userId: string): Promise<boolean> {
    const row = await this.#db.selectFrom('app_user').select('totp_enabled_at').where('id', '=', userId).executeTakeFirst();
    return Boolean(row?.totp_enabled_at);
  }

  /** Stores a new, not yet confirmed secret (replacing an unconfirmed one). */
  async storePendingSecret(userId: string, secret: string): Promise<void> {
    const { envelope } = seal(this.#keyring, secretContext(userId), Buffer.from(secret, 'utf8'));
    await this.#db
      .updateTable('app_user')
      .set({ totp_secret: envelope, totp_enabled_at: null, totp_last_time_step: null })
      .where('id', '=', userId)
      .execute();
  }

  /**
   * Checks a code against the user's secret and, when right, records its time
   * step so that the same code (or an earlier one) is refused from then on.
   * The update is conditional on the stored step, so two requests racing with
   * one code cannot both succeed.
   * @param confirming true to accept the pending (unconfirmed) secret and enable TOTP.
   */
  async check(userId: string, code: string, confirming = false): Promise<TotpCheck> {
    const row = await this.#db
      .selectFrom('app_user')
      .select(['totp_secret', 'totp_enabled_at', 'totp_last_time_step'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row?.totp_secret || (!confirming && !row.totp_enabled_at)) return { ok: false, reason: 'not_enrolled' };
    const secret = open(this.#keyring, secretContext(userId), row.totp_secret).toString('utf8').trimEnd();
    const step = await checkTotp(secret, code, row.totp_last_time_step, this.#now());
    if (step === null) return { ok: false, reason: 'wrong_code' };
    let update = this.#db
      .updateTable('app_user')
      .set({ totp_last_time_step: step, ...(confirming ? { totp_enabled_at: this.#now() } : {}) })
      .where('id', '=', userId);
    update =
      row.totp_last_time_step === null
        ? update.where('totp_last_time_step', 'is', null)
        : update.where('totp_last_time_step', '=', row.totp_last_time_step);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? { ok: true } : { ok: false, reason: 'wrong_code' };
  }

  /**
   * Opens the second step of a password sign-in.
   * @returns the challenge token (32 random bytes, base64url; stored only as its SHA-256) and when it expires.
   */
  async openChallenge(userId: string): Promise<{ challenge: string; expires_at: Date }> {
    const challenge = randomBytes(32).toString('base64url');
    const now = this.#now();
    const expires_at = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
    await this.#db
      .insertInto('sign_in_challenge')
      .values({ id: newId(), token_sha256: tokenDigest(challenge), user_id: userId, created_at: now, expires_at })
      .execute();
    return { challenge, expires_at };
  }

  /** The user of a live challenge (not expired, not used, fewer than the allowed failures), or null. */
  async challengeUser(challenge: string): Promise<{ challenge_id: string; user_id: string } | null> {
    const row = await this.#db
      .selectFrom('sign_in_challenge')
      .innerJoin('app_user', 'app_user.id', 'sign_in_challenge.user_id')
      .select(['sign_in_challenge.id as challenge_id', 'sign_in_challenge.user_id'])
      .where('sign_in_challenge.token_sha256', '=', tokenDigest(challenge))
      .where('sign_in_challenge.consumed_at', 'is', null)
      .where('sign_in_challenge.expires_at', '>', this.#now())
      .where('sign_in_challenge.failed_attempts', '<', CHALLENGE_MAX_FAILURES)
      .where('app_user.disabled', '=', false)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Counts a wrong code against a challenge. */
  async failChallenge(challengeId: string): Promise<void> {
    await this.#db
      .updateTable('sign_in_challenge')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', challengeId)
      .execute();
  }

  /** Uses a challenge up; false when another request used it first. */
  async consumeChallenge(challengeId: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('sign_in_challenge')
      .set({ consumed_at: this.#now() })
      .where('id', '=', challengeId)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

/**
 * Removes a user's second factor, for an administrator helping someone who
 * lost their phone (`opennrm users reset-totp`). The user signs in with the
 * password alone and, if their role requires TOTP, must enrol again before
 * anything else.
 * @returns false when there is no such user.
 */
export async function resetSecondFactor(db: Kysely<Database>, username: string): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_time_step: null })
    .where('username', '=', username)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
