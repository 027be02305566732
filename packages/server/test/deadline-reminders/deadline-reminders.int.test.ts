import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../src/shared/ids.ts';
import { runDeadlineReminders, type CasesAtRisk } from '../../src/deadline-reminders/run-deadline-reminders.ts';
import type { DueReminder } from '../../src/deadline-reminders/record-reminders.ts';
import type { CaseAtRisk } from '../../src/criminal-cases/cases-at-risk.ts';
import { smtpMailer, type ReminderMailer } from '../../src/deadline-reminders/reminder-settings.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/test-smtp-server.ts';
import { shippedProfile } from '@opennrm/domain';

const profile = shippedProfile('romania');
const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * What the deadline engine would say of the test's cases: one limitation deadline each, due on a day the
 * test sets, so that each lead-time rule is tested on exact days (the engine's own dates are tested in the
 * domain, and end to end in reminder-schedule.int.test.ts).
 */
const SENTINEL = 'Explanation naming the offence of 2014-03-01 (stays in the app)';
const dueOn = new Map<string, string>();

const fixtureCasesAtRisk =
  (api: TestApi): CasesAtRisk =>
  async ({ as_of, within_days }) => {
    const rows = await api.nrm.db
      .selectFrom('criminal_case')
      .select(['id', 'case_number', 'stage', 'prosecutor_user_id', 'manager_user_id'])
      .where('id', 'in', [...dueOn.keys(), newId()])
      .execute();
    const cases = rows
      .map((c): CaseAtRisk => {
        const due = dueOn.get(c.id) ?? as_of;
        const daysLeft = daysBetween(as_of, due);
        return {
          criminal_case_id: c.id,
          case_number: c.case_number,
          stage: c.stage as CaseAtRisk['stage'],
          prosecutor_user_id: c.prosecutor_user_id,
          manager_user_id: c.manager_user_id,
          deadline: {
            kind: 'limitation',
            subject: { offence_id: c.id },
            due_on: due,
            days_left: daysLeft,
            status: daysLeft < 0 ? 'passed' : 'running',
            explanation: SENTINEL,
            reason: { key: 'limitation_general', values: {} },
            rule: { code: 'limitation_general', source: 'Criminal Code art. 154(1)(b)', verify: false },
          },
        };
      })
      .filter((c) => (c.deadline.days_left ?? 0) <= within_days);
    return { cases, refused: [] };
  };

describe('deadline reminders (issue 6 point 3)', () => {
  let api: TestApi;
  let smtp: TestSmtpServer;
  let mailer: ReminderMailer;
  let casesAtRisk: CasesAtRisk;
  let prosecutor: { token: string; id: string };
  let manager: { token: string; id: string };
  let noEmail: { token: string; id: string };

  beforeAll(async () => {
    api = await testApi();
    smtp = await startTestSmtpServer();
    mailer = smtpMailer(smtp.url, 'OpenNRM <reminders@nrm.test>');
    casesAtRisk = fixtureCasesAtRisk(api);
    prosecutor = await api.user('prosecutor', 'DIICOT');
    manager = await api.user('prosecutor', 'DIICOT');
    noEmail = await api.user('prosecutor', 'DIICOT');
    await api.nrm.db.updateTable('app_user').set({ email: 'procuror@diicot.test' }).where('id', '=', prosecutor.id).execute();
    await api.nrm.db.updateTable('app_user').set({ email: 'sef.serviciu@diicot.test' }).where('id', '=', manager.id).execute();
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await api.close();
  });

  /** A criminal case due `daysLeft` days after `asOf`, with the test's prosecutor and manager. */
  async function criminalCase(caseNumber: string, asOf: string, daysLeft: number, managerId: string | null = manager.id): Promise<string> {
    const id = newId();
    await api.nrm.db
      .insertInto('criminal_case')
      .values({ id, case_number: caseNumber, opened_on: '2020-01-10', prosecutor_user_id: prosecutor.id, manager_user_id: managerId })
      .execute();
    dueOn.set(id, addDays(asOf, daysLeft));
    return id;
  }

  const run = (asOf: string, extra: { dry_run?: boolean } = {}) =>
    runDeadlineReminders(api.nrm.db, profile, { casesAtRisk, as_of: asOf, mailer, public_url: 'https://nrm.example.ro/', ...extra });
  const dueFor = (result: { due: DueReminder[] }, id: string) => result.due.filter((d) => d.criminal_case_id === id);
  const mailsOf = (caseNumber: string) => smtp.received.filter((m) => m.subject.includes(caseNumber));

  it('e-mails the prosecutor and the manager the case number, deadline, date, days left and rule, and nothing about a person; both see it in the app; it is audited', async () => {
    const id = await criminalCase('101/D/P/2024', '2026-03-02', 90);
    const result = await run('2026-03-02');
    expect(dueFor(result, id).map((d) => [d.recipient_user_id, d.lead_days])).toEqual([
      [prosecutor.id, 90],
      [manager.id, 90],
    ]);
    expect(result.alerts).toBe(2);
    expect(result.emails).toEqual({ sent: 2, failed: [] });
    const mails = mailsOf('101/D/P/2024').sort((a, b) => a.to.join().localeCompare(b.to.join()));
    expect(mails.map((m) => m.to)).toEqual([['procuror@diicot.test'], ['sef.serviciu@diicot.test']]);
    expect(mails[0]?.subject).toBe('[OpenNRM] 101/D/P/2024: limitation in 90 days (2026-05-31)');
    expect(mails[0]?.from).toBe('OpenNRM <reminders@nrm.test>');
    expect(mails[0]?.text).toBe(
      [
        'A legal deadline of criminal case 101/D/P/2024 is 90 days away.',
        '',
        'Case:      101/D/P/2024',
        'Deadline:  limitation',
        'Due on:    2026-05-31',
        'Days left: 90 (as of 2026-03-02; reminder at 90 days)',
        'Rule:      limitation_general, Criminal Code art. 154(1)(b)',
        '',
        `Open the case: https://nrm.example.ro/criminal-cases/${id}`,
        '',
        'You receive this because you are the prosecutor of the case in OpenNRM. This message names no',
        'victim, suspect or witness on purpose: sign in to see who the case concerns.',
        '',
      ].join('\n'),
    );
    expect(mails[1]?.text).toContain('you are the manager of the case');
    for (const m of mails) expect(m.raw).not.toContain('2014-03-01'); // the engine's explanation stays in the app

    for (const user of [prosecutor, manager]) {
      const alerts = await api.as(user.token, { method: 'GET', url: '/api/v1/alerts' });
      expect(alerts.statusCode).toBe(200);
      const mine = (alerts.json().items as { kind: string; criminal_case_id: string }[]).filter((a) => a.criminal_case_id === id);
      expect(mine).toMatchObject([
        {
          kind: 'deadline_reminder',
          case_number: '101/D/P/2024',
          lead_days: 90,
          deadline: { kind: 'limitation', due_on: '2026-05-31', days_left: 90, as_of: '2026-03-02', explanation: SENTINEL },
        },
      ]);
    }
    const events = await api.nrm.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'actor_username', 'fields'])
      .where(
        'record_id',
        'in',
        (await api.nrm.db.selectFrom('alert').select('id').where('criminal_case_id', '=', id).execute()).map((a) => a.id),
      )
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.record_type, e.actor_username])).toEqual([
      ['create', 'alert', 'system:reminders'],
      ['create', 'alert', 'system:reminders'],
      ['export', 'alert_email', 'system:reminders'],
      ['export', 'alert_email', 'system:reminders'],
    ]);
  });

  it('sends nothing twice: a second run the same day and the next day write and send nothing', async () => {
    const id = await criminalCase('102/D/P/2024', '2026-03-02', 30);
    expect(dueFor(await run('2026-03-02'), id)).toHaveLength(2);
    const before = smtp.received.length;
    const again = await run('2026-03-02');
    const nextDay = await run('2026-03-03');
    expect([dueFor(again, id), again.alerts, again.emails?.sent, dueFor(nextDay, id), nextDay.emails?.sent]).toEqual([[], 0, 0, [], 0]);
    expect(smtp.received.length).toBe(before);
    expect(mailsOf('102/D/P/2024')).toHaveLength(2);
  });

  it('reaches a lead time on its last day: 91 days left is the 180-day reminder, 90 the 90-day one, 181 none', async () => {
    const id = await criminalCase('103/D/P/2024', '2026-01-01', 181);
    expect(dueFor(await run('2026-01-01'), id)).toEqual([]);
    expect(dueFor(await run('2026-01-02'), id).map((d) => [d.deadline.days_left, d.lead_days])).toEqual([
      [180, 180],
      [180, 180],
    ]);
    expect(dueFor(await run('2026-04-01'), id).map((d) => [d.deadline.days_left, d.lead_days])).toEqual([]); // 91 days left: still 180
    expect(dueFor(await run('2026-04-02'), id).map((d) => [d.deadline.days_left, d.lead_days])).toEqual([
      [90, 90],
      [90, 90],
    ]);
    const leads = await api.nrm.db
      .selectFrom('alert')
      .select('lead_days')
      .where('criminal_case_id', '=', id)
      .orderBy('lead_days')
      .execute();
    expect(leads.map((a) => a.lead_days)).toEqual([90, 90, 180, 180]);
  });

  it('a deadline first seen 20 days out gets the 30-day reminder only, then the 7-day one', async () => {
    const id = await criminalCase('104/D/P/2024', '2026-03-02', 20);
    expect(dueFor(await run('2026-03-02'), id).map((d) => d.lead_days)).toEqual([30, 30]);
    expect(dueFor(await run('2026-03-10'), id)).toEqual([]);
    expect(dueFor(await run('2026-03-15'), id).map((d) => d.lead_days)).toEqual([7, 7]);
    expect(mailsOf('104/D/P/2024').map((m) => m.subject)).toEqual([
      '[OpenNRM] 104/D/P/2024: limitation in 20 days (2026-03-22)',
      '[OpenNRM] 104/D/P/2024: limitation in 20 days (2026-03-22)',
      '[OpenNRM] 104/D/P/2024: limitation in 7 days (2026-03-22)',
      '[OpenNRM] 104/D/P/2024: limitation in 7 days (2026-03-22)',
    ]);
  });

  it('a recipient without an e-mail address gets the in-app alert only; a disabled account gets nothing', async () => {
    const disabled = await api.user('prosecutor', 'DIICOT');
    await api.nrm.db.updateTable('app_user').set({ disabled: true, email: 'plecat@diicot.test' }).where('id', '=', disabled.id).execute();
    const id = await criminalCase('105/D/P/2024', '2026-03-02', 7, noEmail.id);
    await api.nrm.db.updateTable('criminal_case').set({ prosecutor_user_id: disabled.id }).where('id', '=', id).execute();
    const result = await run('2026-03-02');
    expect(dueFor(result, id).map((d) => [d.recipient_user_id, d.email])).toEqual([[noEmail.id, false]]);
    expect(mailsOf('105/D/P/2024')).toEqual([]);
    const alerts = await api.as(noEmail.token, { method: 'GET', url: '/api/v1/alerts' });
    expect((alerts.json().items as { criminal_case_id: string }[]).filter((a) => a.criminal_case_id === id)).toHaveLength(1);
  });

  it('a manager in conflict with the case (a suspect in it, or of an institution under investigation in it) gets no reminder', async () => {
    const suspected = await api.user('prosecutor', 'DIICOT');
    const suspectCase = await criminalCase('109/D/P/2024', '2026-03-02', 30, suspected.id);
    await api.nrm.db.insertInto('suspect').values({ id: newId(), criminal_case_id: suspectCase, app_user_id: suspected.id }).execute();
    const police = await api.user('case_manager', 'IGPR');
    const investigatedCase = await criminalCase('110/D/P/2024', '2026-03-02', 30, police.id);
    const igpr = await api.nrm.db.selectFrom('organisation').select('id').where('code', '=', 'IGPR').executeTakeFirstOrThrow();
    await api.nrm.db
      .updateTable('criminal_case')
      .set({ institutions_under_investigation: [igpr.id] })
      .where('id', '=', investigatedCase)
      .execute();
    const result = await run('2026-03-02');
    expect(dueFor(result, suspectCase).map((d) => d.recipient_user_id)).toEqual([prosecutor.id]);
    expect(dueFor(result, investigatedCase).map((d) => d.recipient_user_id)).toEqual([prosecutor.id]);
    for (const blocked of [suspected, police]) {
      const alerts = (await api.as(blocked.token, { method: 'GET', url: '/api/v1/alerts' })).json().items as { criminal_case_id: string }[];
      expect(alerts.filter((a) => [suspectCase, investigatedCase].includes(a.criminal_case_id))).toEqual([]);
    }
  });

  it('a refused e-mail is sent by the next run without a second in-app alert', async () => {
    const id = await criminalCase('106/D/P/2024', '2026-03-02', 30);
    smtp.refuseNext(1);
    const first = await run('2026-03-02');
    expect(dueFor(first, id)).toHaveLength(2);
    expect(first.alerts).toBe(2);
    expect(first.emails?.sent).toBe(1);
    expect(first.emails?.failed).toHaveLength(1);
    expect(first.emails?.failed[0]?.error).toContain('451');
    expect(mailsOf('106/D/P/2024')).toHaveLength(1);
    const retry = await run('2026-03-02');
    expect([retry.alerts, retry.emails?.sent, retry.emails?.failed]).toEqual([0, 1, []]);
    expect(
      mailsOf('106/D/P/2024')
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['procuror@diicot.test', 'sef.serviciu@diicot.test']);
    const outbox = await api.nrm.db
      .selectFrom('alert_email')
      .innerJoin('alert', 'alert.id', 'alert_email.alert_id')
      .select(['alert_email.attempts', 'alert_email.last_error', sql<boolean>`alert_email.sent_at IS NOT NULL`.as('sent')])
      .where('alert.criminal_case_id', '=', id)
      .orderBy('alert_email.attempts')
      .execute();
    expect(outbox).toEqual([
      { attempts: 1, last_error: null, sent: true },
      { attempts: 2, last_error: null, sent: true },
    ]);
  });

  it('a dry run lists what is due and writes, sends and audits nothing', async () => {
    const id = await criminalCase('107/D/P/2024', '2026-03-02', 7);
    const events = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event`.execute(api.nrm.db)).rows[0]?.n);
    const before = await events();
    const result = await run('2026-03-02', { dry_run: true });
    expect(dueFor(result, id).map((d) => d.lead_days)).toEqual([7, 7]);
    expect([result.alerts, result.emails]).toEqual([0, null]);
    expect(await api.nrm.db.selectFrom('alert').select('id').where('criminal_case_id', '=', id).execute()).toEqual([]);
    expect(mailsOf('107/D/P/2024')).toEqual([]);
    expect(await events()).toBe(before);
  });
});
