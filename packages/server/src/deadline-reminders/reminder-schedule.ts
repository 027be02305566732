import type { Kysely } from 'kysely';
import { PgBoss } from 'pg-boss';
import { CronExpressionParser } from 'cron-parser';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { runDeadlineReminders, type CasesAtRisk, type ReminderRunResult } from './run-deadline-reminders.ts';
import type { ReminderSettings } from './reminder-settings.ts';

/** The pg-boss queue (and schedule) of the daily run. */
export const REMINDER_QUEUE = 'deadline-reminders';

/** A run whose e-mails the SMTP server refused: thrown so that pg-boss (or the timer) retries the run. */
export class ReminderDeliveryError extends Error {
  constructor(result: ReminderRunResult) {
    const failed = result.emails?.failed ?? [];
    super(`${failed.length} reminder e-mail(s) not accepted by the SMTP server; first error: ${failed[0]?.error ?? 'none'}`);
    this.name = 'ReminderDeliveryError';
  }
}

export interface ReminderScheduleOptions {
  db: Kysely<Database>;
  profile: JurisdictionProfile;
  settings: ReminderSettings;
  /** Default: deadlinesToRemind. */
  casesAtRisk?: CasesAtRisk | undefined;
  /**
   * pg-boss on PostgreSQL: the connection string and the schema pg-boss keeps
   * its tables in. null on the embedded PGlite: an in-process timer instead.
   */
  postgres: { connectionString: string; schema: string } | null;
  /** A failed run is retried this many times, `delaySeconds` apart, doubling (pg-boss retryBackoff). Default 6 from 5 minutes (about 5 hours in all). */
  retry?: { limit: number; delaySeconds: number };
  /** Timer only: the catch-up run after start, milliseconds. Default one minute (let the server start first). */
  firstRunAfterMs?: number;
  /** How often an idle pg-boss worker looks for work, seconds. Default 30 (the run is daily; tests shorten it). */
  pollingIntervalSeconds?: number;
  onResult?: (result: ReminderRunResult) => void;
  /** A failed run (it is retried) or a pg-boss error. */
  onError?: (error: unknown) => void;
}

export interface ReminderSchedule {
  /** "pg-boss": scheduled in PostgreSQL; "timer": in this process only (PGlite). */
  readonly engine: 'pg-boss' | 'timer';
  /** Queues one run now (through pg-boss on PostgreSQL), e.g. for a given day. */
  runNow(asOf?: string): Promise<void>;
  /** Stops scheduling; a run already going finishes first. */
  stop(): Promise<void>;
}

const DEFAULT_RETRY = { limit: 6, delaySeconds: 300 };

/**
 * Schedules the daily deadline reminders (runDeadlineReminders) on
 * `settings.cron`, in the profile's time zone.
 *
 * On PostgreSQL the schedule, the jobs and their retries live in pg-boss's
 * tables (https://github.com/timgit/pg-boss): a restart loses nothing, a run
 * that fails (an e-mail the SMTP server refused) is retried with backoff, and
 * with several servers on one database each run happens once (the queue's
 * "singleton" policy lets one run be active at a time).
 *
 * On the embedded PGlite an in-process timer runs the same function on the
 * same cron, with the same retries, and once a minute after start to catch
 * up on a day the process was down (a lead time reached and not yet reminded
 * is reminded whenever a run finds it): reminders go out only while this
 * process runs. The caller says so in its log.
 */
export async function startReminderSchedule(options: ReminderScheduleOptions): Promise<ReminderSchedule> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeZone = options.profile.annual_report.time_zone;
  const run = async (asOf: string | undefined) => {
    const result = await runDeadlineReminders(options.db, options.profile, {
      casesAtRisk: options.casesAtRisk,
      as_of: asOf,
      mailer: options.settings.mailer,
      public_url: options.settings.public_url,
    });
    options.onResult?.(result);
    if (result.emails && result.emails.failed.length > 0) throw new ReminderDeliveryError(result);
  };
  if (options.postgres) return startPgBoss(options.postgres, options, retry, timeZone, run);
  return startTimer(options, retry, timeZone, run);
}

async function startPgBoss(
  postgres: { connectionString: string; schema: string },
  options: ReminderScheduleOptions,
  retry: { limit: number; delaySeconds: number },
  timeZone: string,
  run: (asOf: string | undefined) => Promise<void>,
): Promise<ReminderSchedule> {
  const boss = new PgBoss({ connectionString: postgres.connectionString, schema: postgres.schema, max: 2 });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  const queue = { policy: 'singleton' as const, retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: true };
  if (await boss.getQueue(REMINDER_QUEUE)) await boss.updateQueue(REMINDER_QUEUE, queue);
  else await boss.createQueue(REMINDER_QUEUE, queue);
  // missed: 'once': a day the servers were down at the scheduled hour is run when they are back.
  await boss.schedule(REMINDER_QUEUE, options.settings.cron, {}, { tz: timeZone, missed: 'once' });
  await boss.work<{ as_of?: string }>(REMINDER_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async ([job]) => {
    try {
      await run(job?.data.as_of);
    } catch (error) {
      options.onError?.(error);
      throw error;
    }
  });
  return {
    engine: 'pg-boss',
    async runNow(asOf) {
      await boss.send(REMINDER_QUEUE, asOf ? { as_of: asOf } : {});
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}

/** setTimeout's largest delay (about 24.8 days); a later run is reached in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function startTimer(
  options: ReminderScheduleOptions,
  retry: { limit: number; delaySeconds: number },
  timeZone: string,
  run: (asOf: string | undefined) => Promise<void>,
): ReminderSchedule {
  const cron = CronExpressionParser.parse(options.settings.cron, { tz: timeZone });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const attempt = (asOf: string | undefined, retriesLeft: number, delayMs: number): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await run(asOf);
      } catch (error) {
        options.onError?.(error);
        if (retriesLeft > 0 && !stopped) {
          const again = setTimeout(() => void attempt(asOf, retriesLeft - 1, delayMs * 2), delayMs);
          again.unref();
        }
      }
    });
    return running;
  };
  const arm = () => {
    if (stopped) return;
    const next = cron.next().toDate().getTime();
    const wait = () => {
      const left = next - Date.now();
      timer = setTimeout(
        () => {
          if (left > MAX_TIMEOUT_MS) return wait();
          void attempt(undefined, retry.limit, retry.delaySeconds * 1000);
          arm();
        },
        Math.min(Math.max(left, 0), MAX_TIMEOUT_MS),
      );
      timer.unref();
    };
    wait();
  };
  arm();
  const catchUp = setTimeout(() => void attempt(undefined, retry.limit, retry.delaySeconds * 1000), options.firstRunAfterMs ?? 60_000);
  catchUp.unref();
  return {
    engine: 'timer',
    runNow: (asOf) => attempt(asOf, retry.limit, retry.delaySeconds * 1000),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(catchUp);
      await running;
    },
  };
}
