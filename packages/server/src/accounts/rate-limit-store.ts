import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** What @fastify/rate-limit's store callbacks receive: hits in the window, and milliseconds until it ends. */
interface StoreResult {
  current: number;
  ttl: number;
}
type StoreCallback = (error: Error | null, result?: StoreResult) => void;

/** Rows whose window started longer ago than this are deleted now and then (every window we use is shorter). */
const STALE_AFTER_MS = 24 * 3_600_000;
/** About one increment in this many also deletes stale rows, so the table stays small without a job. */
const SWEEP_EVERY = 200;

/**
 * The attempt counters of sign-in rate limiting (accounts/sign-in-options.ts,
 * http/web-security.ts attemptLimits) in the database, table
 * `rate_limit_counter` (migration 0014), through @fastify/rate-limit's store
 * interface (`store` option: a class with `incr`, `read` and `child`). Every
 * server process on the same database shares the counters, so running
 * several processes behind a load balancer does not multiply the attempts a
 * guesser gets, and a restart does not reset them. Works on PGlite and
 * PostgreSQL alike (one INSERT ... ON CONFLICT a call).
 *
 * Fixed windows, as the library's own LocalStore: the first attempt opens a
 * window of `timeWindow` milliseconds; attempts in it add one; the first after
 * it opens a new one. Keys (they hold a client address or a username) are
 * stored only as their SHA-256, so the table names nobody.
 *
 * @returns the store class to pass as `store` when registering @fastify/rate-limit.
 */
export function databaseRateLimitStore(db: Kysely<Database>) {
  return class DatabaseRateLimitStore {
    /** @fastify/rate-limit passes its options; every route shares the one table. */
    constructor(_options?: unknown) {}

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      increment(db, key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    read(key: string, callback: StoreCallback, timeWindow: number): void {
      peek(db, key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(_routeOptions: unknown): DatabaseRateLimitStore {
      return this;
    }
  };
}

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

async function increment(db: Kysely<Database>, key: string, timeWindow: number): Promise<StoreResult> {
  const window = sql`make_interval(secs => ${timeWindow / 1000})`;
  // One statement: a new key starts at 1; an ended window restarts at 1; otherwise one more.
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_counter AS c (key_sha256, hits, window_started_at) VALUES (${digest(key)}, 1, clock_timestamp())
    ON CONFLICT (key_sha256) DO UPDATE SET
      hits = CASE WHEN c.window_started_at + ${window} <= clock_timestamp() THEN 1 ELSE c.hits + 1 END,
      window_started_at = CASE WHEN c.window_started_at + ${window} <= clock_timestamp() THEN clock_timestamp() ELSE c.window_started_at END
    RETURNING hits, (extract(epoch FROM (window_started_at + ${window} - clock_timestamp())) * 1000)::float8 AS ttl_ms`.execute(db);
  if (Math.random() * SWEEP_EVERY < 1)
    await sql`DELETE FROM rate_limit_counter WHERE window_started_at < clock_timestamp() - make_interval(secs => ${Math.max(timeWindow, STALE_AFTER_MS) / 1000})`.execute(
      db,
    );
  const row = rows[0]!;
  return { current: Number(row.hits), ttl: Math.max(0, Math.round(Number(row.ttl_ms))) };
}

async function peek(db: Kysely<Database>, key: string, timeWindow: number): Promise<StoreResult> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    SELECT hits, (extract(epoch FROM (window_started_at + make_interval(secs => ${timeWindow / 1000}) - clock_timestamp())) * 1000)::float8 AS ttl_ms
    FROM rate_limit_counter WHERE key_sha256 = ${digest(key)}`.execute(db);
  const row = rows[0];
  if (!row || Number(row.ttl_ms) <= 0) return { current: 0, ttl: 0 };
  return { current: Number(row.hits), ttl: Math.round(Number(row.ttl_ms)) };
}

/**
 * Takes back one attempt of `key` in its current window (never below zero), for an attempt that turned out to
 * succeed: the limits count failed attempts only (http/web-security.ts attemptLimits). A window that has ended
 * is left as it is: the next attempt restarts it anyway.
 */
export async function refundAttempt(db: Kysely<Database>, key: string, timeWindow: number): Promise<void> {
  await sql`UPDATE rate_limit_counter SET hits = greatest(hits - 1, 0)
    WHERE key_sha256 = ${digest(key)} AND window_started_at + make_interval(secs => ${timeWindow / 1000}) > clock_timestamp()`.execute(db);
}
