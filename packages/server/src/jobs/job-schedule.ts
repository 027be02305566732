import { PgBoss } from 'pg-boss';
import { CronExpressionParser } from 'cron-parser';

/** A job `opennrm serve` runs on a schedule: deadline reminders, the retention purge, overdue-referral alerts, ... */
export interface ScheduledJob<D extends object = object> {
  /** pg-boss queue name (letters, digits, "-"). */
  name: string;
  /** When, as a cron expression in the schedule's time zone. */
  cron: string;
  /** One run. Throwing fails the run, which is retried. Must be safe to repeat (runs are at least once). */
  run(data: D): Promise<void>;
  /** Retries of a failed run, `delaySeconds` apart, doubling. Default none: the next scheduled run is the retry. */
  retry?: { limit: number; delaySeconds: number };
}

export interface JobScheduleOptions {
  jobs: readonly ScheduledJob[];
  /** IANA time zone the cron expressions are read in (the profile's). */
  timeZone: string;
  /** pg-boss on PostgreSQL: the connection string and the schema of its tables. null on PGlite: in-process timers. */
  postgres: { connectionString: string; schema: string } | null;
  /** How often an idle pg-boss worker looks for work, seconds. Default 30 (tests shorten it). */
  pollingIntervalSeconds?: number;
  /** Timers only: the catch-up run of every job after start, milliseconds. Default one minute (let the server start first). */
  firstRunAfterMs?: number;
  /** A failed run (it is retried if the job says so) or a pg-boss error. */
  onError?: (job: string, error: unknown) => void;
}

export interface JobSchedule {
  /** "pg-boss": scheduled in PostgreSQL; "timer": in this process only (PGlite). */
  readonly engine: 'pg-boss' | 'timer';
  /** Queues one run of a job now, with its data (through pg-boss on PostgreSQL). */
  runNow(name: string, data?: object): Promise<void>;
  /** Stops scheduling; runs already going finish first. */
  stop(): Promise<void>;
}

/**
 * Runs `jobs` on their cron expressions.
 *
 * On PostgreSQL the schedules, the jobs and their retries live in pg-boss's
 * tables (https://github.com/timgit/pg-boss, schema `postgres.schema`): a
 * restart loses nothing, a failed run is retried with backoff, a schedule
 * missed while every server was down runs once when one is back, and with
 * several servers on one database each run happens once (each queue's
 * "singleton" policy lets one run be active at a time).
 *
 * On the embedded PGlite, in-process timers run the same functions on the
 * same cron expressions with the same retries, and once each a minute after
 * start to catch up on the time the process was down: jobs run only while
 * this process runs. The caller says so in its log.
 */
export async function startJobSchedule(options: JobScheduleOptions): Promise<JobSchedule> {
  return options.postgres ? startPgBoss(options.postgres, options) : startTimers(options);
}

async function startPgBoss(postgres: { connectionString: string; schema: string }, options: JobScheduleOptions): Promise<JobSchedule> {
  const boss = new PgBoss({ connectionString: postgres.connectionString, schema: postgres.schema, max: 2 });
  boss.on('error', (error) => options.onError?.('pg-boss', error));
  await boss.start();
  for (const job of options.jobs) {
    const queue = {
      policy: 'singleton' as const,
      retryLimit: job.retry?.limit ?? 0,
      retryDelay: job.retry?.delaySeconds ?? 0,
      retryBackoff: job.retry !== undefined,
    };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, queue);
    else await boss.createQueue(job.name, queue);
    // missed: 'once': a run that fell while every server was down happens when one is back.
    await boss.schedule(job.name, job.cron, {}, { tz: options.timeZone, missed: 'once' });
    await boss.work<object>(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async ([run]) => {
      try {
        await job.run(run?.data ?? {});
      } catch (error) {
        options.onError?.(job.name, error);
        throw error;
      }
    });
  }
  return {
    engine: 'pg-boss',
    async runNow(name, data = {}) {
      await boss.send(name, data);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}

/** setTimeout's largest delay (about 24.8 days); a later run is reached in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function startTimers(options: JobScheduleOptions): JobSchedule {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, then: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      then();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  const queues = new Map<string, { job: ScheduledJob; running: Promise<void> }>();
  const attempt = (name: string, data: object, retriesLeft: number, delayMs: number): Promise<void> => {
    const queue = queues.get(name);
    if (!queue) return Promise.reject(new Error(`no scheduled job "${name}"`));
    // One run of a job at a time: a run asked for while one is going waits for it.
    queue.running = queue.running.then(async () => {
      if (stopped) return;
      try {
        await queue.job.run(data);
      } catch (error) {
        options.onError?.(name, error);
        if (retriesLeft > 0) later(delayMs, () => void attempt(name, data, retriesLeft - 1, delayMs * 2));
      }
    });
    return queue.running;
  };
  const first = (job: ScheduledJob) => attempt(job.name, {}, job.retry?.limit ?? 0, (job.retry?.delaySeconds ?? 0) * 1000);
  for (const job of options.jobs) {
    queues.set(job.name, { job, running: Promise.resolve() });
    const cron = CronExpressionParser.parse(job.cron, { tz: options.timeZone });
    const arm = () => {
      const next = cron.next().toDate().getTime();
      const wait = () =>
        later(Math.min(Math.max(next - Date.now(), 0), MAX_TIMEOUT_MS), () => {
          if (stopped) return;
          if (next - Date.now() > 0) return wait();
          void first(job);
          arm();
        });
      wait();
    };
    arm();
    later(options.firstRunAfterMs ?? 60_000, () => void first(job));
  }
  return {
    engine: 'timer',
    runNow: (name, data = {}) => {
      const job = queues.get(name)?.job;
      return attempt(name, data, job?.retry?.limit ?? 0, (job?.retry?.delaySeconds ?? 0) * 1000);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([...queues.values()].map((q) => q.running));
    },
  };
}
