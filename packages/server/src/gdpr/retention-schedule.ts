import type { Kysely } from 'kysely';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { runRetentionPurge, type PurgeResult } from './retention.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSchedule {
  /** Stops the timer; a purge already running finishes. */
  stop(): void;
}

export interface RetentionScheduleOptions {
  /** Between runs, milliseconds. Default one day. */
  intervalMs?: number;
  /** Before the first run, milliseconds. Default one minute (let the server start first). */
  firstRunAfterMs?: number;
  /** Told after each run, or of its error (the next run still happens). */
  onResult?: (result: PurgeResult) => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs the retention purge once a day inside `opennrm serve`: a plain
 * in-process timer, enough for one server. Two servers on one database
 * would both run it; that is safe (the purge skips what is anonymised) but
 * wasteful. The criminal-proceedings issue brings a PostgreSQL job queue,
 * which should call runRetentionPurge instead. Runs never overlap.
 */
export function scheduleRetentionPurge(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  options: RetentionScheduleOptions = {},
): RetentionSchedule {
  let running = false;
  let timer: NodeJS.Timeout;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      options.onResult?.(await runRetentionPurge(db, profile));
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => {
    void run();
    timer = setInterval(() => void run(), options.intervalMs ?? DAY_MS);
    timer.unref();
  }, options.firstRunAfterMs ?? 60_000);
  first.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
