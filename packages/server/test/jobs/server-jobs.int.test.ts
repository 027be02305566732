import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { shippedProfile } from '@opennrm/domain';
import type { NrmDatabase } from '../../src/db/database.ts';
import { startJobSchedule } from '../../src/jobs/job-schedule.ts';
import { serverJobs } from '../../src/jobs/server-jobs.ts';
import { freshDatabase, TEST_DB_KIND, TEST_POSTGRES_URL } from '../support/test-database.ts';

const profile = shippedProfile('romania');

/** The jobs of `opennrm serve` on one scheduler: pg-boss on PostgreSQL, timers on PGlite. */
describe(`scheduled jobs of opennrm serve (${TEST_DB_KIND})`, () => {
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('schedules the retention purge, residence warnings, deadline reminders and overdue referrals, and runs each', async () => {
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(nrm.db)).rows[0]!.s;
    const jobsSchema = `${schema}_jobs`;
    const logged: string[] = [];
    const errors: unknown[] = [];
    const jobs = serverJobs({
      db: nrm.db,
      profile,
      reminders: { cron: '0 6 * * *', mailer: null, public_url: null },
      log: { info: (_details, message) => logged.push(message) },
    });
    expect(jobs.map((j) => [j.name, j.cron])).toEqual([
      ['retention-purge', '0 3 * * *'],
      ['residence-warnings', '0 5 * * *'],
      ['deadline-reminders', '0 6 * * *'],
      ['overdue-referrals', '0 * * * *'],
    ]);
    const schedule = await startJobSchedule({
      jobs,
      timeZone: profile.annual_report.time_zone,
      postgres: nrm.kind === 'postgres' ? { connectionString: TEST_POSTGRES_URL, schema: jobsSchema } : null,
      pollingIntervalSeconds: 0.5,
      firstRunAfterMs: 3_600_000,
      onError: (job, error) => errors.push([job, error]),
    });
    try {
      expect(schedule.engine).toBe(nrm.kind === 'postgres' ? 'pg-boss' : 'timer');
      for (const job of jobs) await schedule.runNow(job.name);
      if (nrm.kind === 'postgres') {
        const stored = await sql<{
          name: string;
          cron: string;
        }>`SELECT name, cron FROM ${sql.table(`${jobsSchema}.schedule`)} ORDER BY name`.execute(nrm.db);
        expect(stored.rows).toEqual([
          { name: 'deadline-reminders', cron: '0 6 * * *' },
          { name: 'overdue-referrals', cron: '0 * * * *' },
          { name: 'residence-warnings', cron: '0 5 * * *' },
          { name: 'retention-purge', cron: '0 3 * * *' },
        ]);
        for (let i = 0; i < 100; i++) {
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM ${sql.table(`${jobsSchema}.job`)} WHERE state = 'completed'`.execute(nrm.db);
          if (rows[0]!.n >= jobs.length) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const done = await sql<{ name: string }>`
          SELECT name FROM ${sql.table(`${jobsSchema}.job`)} WHERE state = 'completed' ORDER BY name`.execute(nrm.db);
        expect(done.rows.map((r) => r.name)).toEqual(['deadline-reminders', 'overdue-referrals', 'residence-warnings', 'retention-purge']);
      }
      expect(errors).toEqual([]);
      expect(logged).toContain('retention purge done');
    } finally {
      await schedule.stop();
      if (nrm.kind === 'postgres') await sql`DROP SCHEMA IF EXISTS ${sql.id(jobsSchema)} CASCADE`.execute(nrm.db);
    }
  });
});
