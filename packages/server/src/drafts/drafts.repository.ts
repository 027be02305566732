import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { open, seal } from '../security/crypto/envelope.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { draftContext as context } from '../security/crypto/sealed-columns.ts';

/** A draft is kept this many days after its last save, then purged (a form abandoned for a month is not coming back). */
export const DRAFT_KEEP_DAYS = 30;
/** Largest draft, in bytes of JSON: a screening or referral form with long notes fits many times over. */
export const DRAFT_MAX_BYTES = 256 * 1024;
/** Drafts one user may keep at once. */
export const DRAFT_MAX_PER_USER = 200;

/** One saved form, as listed. */
export interface DraftSummary {
  key: string;
  size_bytes: number;
  updated_at: string;
  expires_at: string;
}

/**
 * Half-filled forms, kept per user so that an idle timeout or a lost
 * connection never loses what was typed (developers' brief: "a screening
 * never loses what was typed"). A form holds identifying data, so drafts are
 * sealed with the keyring like identities; only the owner reads them.
 */
export class DraftsRepository {
  readonly #db: Kysely<Database>;
  readonly #keyring: Keyring;
  readonly #now: () => Date;
  constructor(db: Kysely<Database>, keyring: Keyring, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#keyring = keyring;
    this.#now = now;
  }

  /**
   * Saves (or replaces) a draft and restarts its 30 days.
   * @returns the summary, or "too_large" / "too_many" when a limit is reached (nothing is saved then).
   */
  async save(userId: string, key: string, content: unknown): Promise<DraftSummary | 'too_large' | 'too_many'> {
    const json = Buffer.from(JSON.stringify(content), 'utf8');
    if (json.length > DRAFT_MAX_BYTES) return 'too_large';
    const now = this.#now();
    const existing = await this.#db
      .selectFrom('draft')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max(eb.case().when('key', '=', key).then(1).else(0).end()).as('has')])
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    if (Number(existing.n) >= DRAFT_MAX_PER_USER && Number(existing.has) !== 1) return 'too_many';
    const expires_at = new Date(now.getTime() + DRAFT_KEEP_DAYS * 86_400_000);
    const { envelope } = seal(this.#keyring, context(userId, key), json);
    const row = { content: envelope, size_bytes: json.length, updated_at: now, expires_at };
    await this.#db
      .insertInto('draft')
      .values({ user_id: userId, key, ...row })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet(row))
      .execute();
    return { key, size_bytes: json.length, updated_at: now.toISOString(), expires_at: expires_at.toISOString() };
  }

  /** The user's draft under `key`, or undefined (none, expired, or another user's). */
  async find(userId: string, key: string): Promise<(DraftSummary & { content: unknown }) | undefined> {
    const row = await this.#db
      .selectFrom('draft')
      .select(['content', 'size_bytes', 'updated_at', 'expires_at'])
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('expires_at', '>', this.#now())
      .executeTakeFirst();
    if (!row) return undefined;
    const json = open(this.#keyring, context(userId, key), row.content).toString('utf8');
    return { key, ...summaryTimes(row), content: JSON.parse(json) as unknown };
  }

  /** The user's live drafts, latest first (without their content). */
  async list(userId: string): Promise<DraftSummary[]> {
    const rows = await this.#db
      .selectFrom('draft')
      .select(['key', 'size_bytes', 'updated_at', 'expires_at'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', this.#now())
      .orderBy('updated_at', 'desc')
      .execute();
    return rows.map((row) => ({ key: row.key, ...summaryTimes(row) }));
  }

  /** Deletes a draft (the form was submitted or abandoned); false when there was none. */
  async remove(userId: string, key: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('draft').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Deletes every expired draft of every user. @returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.#db.deleteFrom('draft').where('expires_at', '<=', this.#now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function summaryTimes(row: { size_bytes: number; updated_at: Date; expires_at: Date }) {
  return {
    size_bytes: row.size_bytes,
    updated_at: new Date(row.updated_at).toISOString(),
    expires_at: new Date(row.expires_at).toISOString(),
  };
}
