import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { shippedProfile } from '@opennrm/domain';
import { newId } from '../../src/shared/ids.ts';
import { deadlinesToRemind } from '../../src/deadline-reminders/deadlines-to-remind.ts';
import { runDeadlineReminders } from '../../src/deadline-reminders/run-deadline-reminders.ts';
import { deadlineReminderJob, REMINDER_JOB } from '../../src/deadline-reminders/reminder-job.ts';
import { startJobSchedule, type JobSchedule } from '../../src/jobs/job-schedule.ts';
import { smtpMailer, type ReminderMailer } from '../../src/deadline-reminders/reminder-settings.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND, TEST_POSTGRES_URL } from '../support/test-database.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/test-smtp-server.ts';

const profile = shippedProfile('romania');
const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The reminders end to end: deadlines from the domain's engine on stored
 * offences (Romania profile), the job through pg-boss on PostgreSQL and the
 * in-process timer on PGlite, e-mail to a real SMTP server.
 */
describe(`deadline reminders from the deadline engine, scheduled (${TEST_DB_KIND})`, () => {
  let api: TestApi;
  let smtp: TestSmtpServer;
  let mailer: ReminderMailer;
  let prosecutor: string;
  let manager: string;

  beforeAll(async () => {
    api = await testApi();
    smtp = await startTestSmtpServer();
    mailer = smtpMailer(smtp.url, 'OpenNRM <reminders@nrm.test>');
    prosecutor = (await api.user('prosecutor', 'DIICOT')).id;
    manager = (await api.user('prosecutor', 'DIICOT')).id;
    await api.nrm.db.updateTable('app_user').set({ email: 'procuror@diicot.test' }).where('id', '=', prosecutor).execute();
    await api.nrm.db.updateTable('app_user').set({ email: 'sef@diicot.test' }).where('id', '=', manager).execute();
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await api.close();
  });

  /** A case of pimping (art. 213, at most 7 years: an 8-year limitation term) committed before 30 May 2022; returns its id and the term's last day. */
  async function pimpingCase(caseNumber: string): Promise<{ id: string; dueOn: string }> {
    const id = newId();
    await api.nrm.db
      .insertInto('criminal_case')
      .values({ id, case_number: caseNumber, opened_on: '2019-02-01', prosecutor_user_id: prosecutor, manager_user_id: manager })
      .execute();
    await api.nrm.db
      .insertInto('criminal_case_offence')
      .values({ id: newId(), criminal_case_id: id, article: '213', committed_on: '2018-05-10' })
      .execute();
    const { cases } = await deadlinesToRemind(api.nrm.db, profile, { as_of: '2019-01-01', within_days: 10_000 });
    const limitation = cases.find((c) => c.criminal_case_id === id && c.deadline.kind === 'limitation');
    if (!limitation?.deadline.due_on) throw new Error('the engine gave the test case no limitation deadline');
    return { id, dueOn: limitation.deadline.due_on };
  }

  const mailsOf = (caseNumber: string) => smtp.received.filter((m) => m.subject.includes(caseNumber));

  it('reminds the prosecutor and the manager 90 days before the limitation term the engine computes, citing its article', async () => {
    const { id, dueOn } = await pimpingCase('201/D/P/2019');
    expect(dueOn).toMatch(/^2026-05-0\d$/); // 2018-05-10 plus 8 years (Criminal Code art. 154(1)(c))
    const asOf = addDays(dueOn, -90);
    const dayBefore = await runDeadlineReminders(api.nrm.db, profile, { as_of: addDays(asOf, -1), mailer });
    expect(dayBefore.due.map((d) => [d.deadline.days_left, d.lead_days])).toEqual([
      [91, 180],
      [91, 180],
    ]);
    const result = await runDeadlineReminders(api.nrm.db, profile, { as_of: asOf, mailer, public_url: 'https://nrm.example.ro' });
    expect(result.due.map((d) => [d.criminal_case_id, d.recipient_user_id, d.lead_days, d.deadline.kind])).toEqual([
      [id, prosecutor, 90, 'limitation'],
      [id, manager, 90, 'limitation'],
    ]);
    expect(result.refused).toEqual([]);
    const mails = mailsOf('201/D/P/2019').filter((m) => m.subject.includes('in 90 days'));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['procuror@diicot.test', 'sef@diicot.test']);
    expect(mails[0]?.subject).toBe(`[OpenNRM] 201/D/P/2019: limitation in 90 days (${dueOn})`);
    expect(mails[0]?.text).toMatch(
      /^Rule: {6}\S+, Criminal Code \(Law 286\/2009\) art\. 154.* \(marked in the profile: to verify against the law text\)$/m,
    );
    expect(mails[0]?.text).not.toContain('2018-05-10'); // the offence's date stays in the app
  });

  it(
    TEST_DB_KIND === 'postgres'
      ? 'runs through pg-boss: the daily schedule is stored in PostgreSQL, a refused e-mail is retried by pg-boss'
      : 'runs on an in-process timer on PGlite, a refused e-mail is retried by the timer',
    async () => {
      const { dueOn } = await pimpingCase('202/D/P/2019');
      const asOf = addDays(dueOn, -30);
      const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(api.nrm.db)).rows[0]!.s;
      const jobs = `${schema}_jobs`;
      const errors: unknown[] = [];
      let schedule: JobSchedule | undefined;
      try {
        schedule = await startJobSchedule({
          jobs: [
            deadlineReminderJob({
              db: api.nrm.db,
              profile,
              settings: { cron: '0 6 * * *', mailer, public_url: null },
              retry: { limit: 2, delaySeconds: 1 },
            }),
          ],
          timeZone: profile.annual_report.time_zone,
          postgres: api.nrm.kind === 'postgres' ? { connectionString: TEST_POSTGRES_URL, schema: jobs } : null,
          pollingIntervalSeconds: 0.5,
          firstRunAfterMs: 3_600_000,
          onError: (_job, error) => errors.push(error),
        });
        expect(schedule.engine).toBe(api.nrm.kind === 'postgres' ? 'pg-boss' : 'timer');
        smtp.refuseNext(1);
        await schedule.runNow(REMINDER_JOB, { as_of: asOf });
        await smtp.waitFor(() => mailsOf('202/D/P/2019').length >= 2);
        expect(
          mailsOf('202/D/P/2019')
            .flatMap((m) => m.to)
            .sort(),
        ).toEqual(['procuror@diicot.test', 'sef@diicot.test']);
        // The refused e-mail may be another case's of the same run: the run fails once it has sent the rest.
        for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(String(errors[0])).toContain('1 reminder e-mail(s) not accepted by the SMTP server');
        const alerts = await api.nrm.db
          .selectFrom('alert')
          .innerJoin('criminal_case', 'criminal_case.id', 'alert.criminal_case_id')
          .select('alert.lead_days')
          .where('criminal_case.case_number', '=', '202/D/P/2019')
          .execute();
        expect(alerts.map((a) => a.lead_days)).toEqual([30, 30]); // retried without a second alert
        if (api.nrm.kind === 'postgres') {
          const stored = await sql<{
            cron: string;
            timezone: string;
          }>`SELECT cron, timezone FROM ${sql.table(`${jobs}.schedule`)} WHERE name = ${REMINDER_JOB}`.execute(api.nrm.db);
          expect(stored.rows).toEqual([{ cron: '0 6 * * *', timezone: 'Europe/Bucharest' }]);
          const ran = await waitForJob(jobs);
          expect(ran).toMatchObject({ state: 'completed', retry_count: 1, data: { as_of: asOf } });
        }
      } finally {
        await schedule?.stop();
        if (api.nrm.kind === 'postgres') await sql`DROP SCHEMA IF EXISTS ${sql.id(jobs)} CASCADE`.execute(api.nrm.db);
      }
    },
  );

  /** pg-boss marks the job completed just after the handler returns. */
  async function waitForJob(jobs: string) {
    for (let i = 0; i < 50; i++) {
      const { rows } = await sql<{ state: string; retry_count: number; data: unknown }>`
        SELECT state, retry_count, data FROM ${sql.table(`${jobs}.job`)} WHERE name = ${REMINDER_JOB} AND data ? 'as_of'`.execute(
        api.nrm.db,
      );
      if (rows[0]?.state === 'completed') return rows[0];
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the pg-boss job never completed');
  }
});
