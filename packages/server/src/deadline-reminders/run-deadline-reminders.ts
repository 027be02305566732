import type { Kysely } from 'kysely';
import { localToday, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { deadlinesToRemind, type DeadlinesToRemind } from './deadlines-to-remind.ts';
import { dueReminders, recordReminders, type DueReminder, type ReminderActor } from './record-reminders.ts';
import type { ReminderMailer } from './reminder-settings.ts';
import { sendReminderEmails, type EmailPass } from './send-reminder-emails.ts';

/** The jobs' audit identity, like "system:retention" for the purge (docs/audit.md). */
export const REMINDER_ACTOR: ReminderActor = { actor_username: 'system:reminders', user_agent: 'opennrm-reminders' };

/** The running deadlines on `as_of` due within `within_days`, one row per deadline (deadlines-to-remind.ts). */
export type CasesAtRisk = (query: { as_of: string; within_days: number }) => Promise<DeadlinesToRemind>;

export interface ReminderRunOptions {
  /** Where the deadlines come from. Default: deadlinesToRemind (every open case, the profile's rules). */
  casesAtRisk?: CasesAtRisk | undefined;
  /** The day to count days left from, "YYYY-MM-DD". Default: today in the profile's time zone. */
  as_of?: string | undefined;
  /** List what is due; write, send and audit nothing. */
  dry_run?: boolean | undefined;
  /** null or absent: e-mail is off, reminders are in-app only. */
  mailer?: ReminderMailer | null | undefined;
  /** OPENNRM_PUBLIC_URL, for the link in e-mails. */
  public_url?: string | null | undefined;
  /** Default REMINDER_ACTOR. */
  actor?: ReminderActor | undefined;
}

export interface ReminderRunResult {
  as_of: string;
  dry_run: boolean;
  /** The profile's lead times, days. */
  lead_days: readonly number[];
  /** Cases the deadline engine refused (a stored fact it cannot compute from): no reminder for them until fixed. */
  refused: DeadlinesToRemind['refused'];
  /** Reminders that were due (in a dry run: would be sent), one per recipient. */
  due: DueReminder[];
  /** In-app alerts written by this run (a concurrent run may have written some of `due`). */
  alerts: number;
  /** E-mails sent and refused in this run, including those queued by earlier runs; null when e-mail is off or in a dry run. */
  emails: EmailPass | null;
}

/**
 * One run of the deadline reminders (issue 6 point 3; docs/proceedings.md,
 * "Reminders"): for every case at risk within the largest lead time of the
 * profile (criminal_procedure.reminder_lead_days, default 180, 90, 30, 7
 * days), each running deadline that has reached a lead time and whose
 * prosecutor or manager was not yet reminded at that lead time gets an in-app
 * alert per recipient and, when e-mail is on and the recipient has an address,
 * an e-mail; then every queued e-mail is sent. Idempotent: a second run the
 * same day writes and sends nothing. The job that calls it (reminder-schedule.ts)
 * fails when `emails.failed` is not empty, so that the e-mails are retried.
 *
 * @throws the database's errors; a case whose facts the engine refuses is in `refused`, not thrown.
 */
export async function runDeadlineReminders(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  options: ReminderRunOptions,
): Promise<ReminderRunResult> {
  const asOf = options.as_of ?? localToday(profile.annual_report.time_zone);
  const leadDays = profile.criminal_procedure.reminder_lead_days;
  const query = { as_of: asOf, within_days: Math.max(...leadDays) };
  const { cases, refused } = await (options.casesAtRisk ? options.casesAtRisk(query) : deadlinesToRemind(db, profile, query));
  const mailer = options.mailer ?? null;
  const due = await dueReminders(db, cases, leadDays, asOf, mailer !== null);
  const result: ReminderRunResult = {
    as_of: asOf,
    dry_run: options.dry_run === true,
    lead_days: leadDays,
    refused,
    due,
    alerts: 0,
    emails: null,
  };
  if (result.dry_run) return result;
  const actor = options.actor ?? REMINDER_ACTOR;
  result.alerts = (await recordReminders(db, due, actor)).length;
  if (mailer) result.emails = await sendReminderEmails(db, mailer, { public_url: options.public_url ?? null, actor });
  return result;
}
