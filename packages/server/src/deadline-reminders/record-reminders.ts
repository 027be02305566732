import type { Kysely } from 'kysely';
import type { AuditEventInput } from '../audit/audit-event.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';
import type { CaseDeadline } from '@opennrm/domain';
import type { CaseAtRisk } from '../criminal-cases/cases-at-risk.ts';
import { deadlineKey, leadTimeReached } from './due-reminders.ts';
import { blockedFromCriminalCase } from './conflicted-recipients.ts';

/** Who audit events of the reminders name: "system:reminders" in `opennrm serve`, "cli:<os user>" for the command. */
export type ReminderActor = Pick<AuditEventInput, 'actor_username' | 'user_agent'>;

/** One reminder due to one user. */
export interface DueReminder {
  criminal_case_id: string;
  case_number: string;
  deadline_key: string;
  deadline: CaseDeadline;
  lead_days: number;
  /** The day days_left counts from, "YYYY-MM-DD". */
  as_of: string;
  recipient_user_id: string;
  recipient_username: string;
  recipient_role: 'prosecutor' | 'manager';
  /** Whether an e-mail goes too: e-mail is on and the user has an address. */
  email: boolean;
}

interface Recipient {
  id: string;
  username: string;
  email: string | null;
  /** The account's role and organisation, for the policy's conflict-of-interest rules. */
  account_role: string;
  organisation_id: string | null;
  role: 'prosecutor' | 'manager';
}

/**
 * The reminders due to be sent for these deadlines: for each running deadline
 * within a lead time, its prosecutor and manager (once if the same user; not a
 * disabled account), unless they were already reminded at that lead time or a
 * tighter one, or a conflict of interest blocks them from the case (a suspect in it, or of an
 * institution under investigation in it: conflicted-recipients.ts).
 * Reads only.
 *
 * @param leadDays the profile's criminal_procedure.reminder_lead_days.
 * @param asOf the day the deadlines' days_left count from.
 * @param emailOn whether a mailer is configured.
 */
export async function dueReminders(
  db: Kysely<Database>,
  cases: readonly CaseAtRisk[],
  leadDays: readonly number[],
  asOf: string,
  emailOn: boolean,
): Promise<DueReminder[]> {
  const candidates = cases.flatMap((c) => {
    const lead = leadTimeReached(c.deadline, leadDays);
    return lead === null ? [] : [{ c, lead, key: deadlineKey(c.deadline) }];
  });
  if (candidates.length === 0) return [];
  const userIds = [...new Set(candidates.flatMap(({ c }) => [c.prosecutor_user_id, c.manager_user_id]).filter((id) => id !== null))];
  const users = new Map(
    userIds.length === 0
      ? []
      : (
          await db
            .selectFrom('app_user')
            .select(['id', 'username', 'email', 'role as account_role', 'organisation_id'])
            .where('id', 'in', userIds)
            .where('disabled', '=', false)
            .execute()
        ).map((u) => [u.id, u]),
  );
  // The tightest lead time each recipient was reminded at, per deadline: a reminder at 30 days covers 90 and 180.
  const tightestSent = new Map<string, number>();
  for (const a of await db
    .selectFrom('alert')
    .select(['recipient_user_id', 'criminal_case_id', 'deadline_key', 'lead_days'])
    .where('kind', '=', 'deadline_reminder')
    .where('criminal_case_id', 'in', [...new Set(candidates.map(({ c }) => c.criminal_case_id))])
    .execute()) {
    const k = `${a.recipient_user_id}|${a.criminal_case_id}|${a.deadline_key}`;
    tightestSent.set(k, Math.min(tightestSent.get(k) ?? Infinity, a.lead_days ?? Infinity));
  }
  const due: DueReminder[] = [];
  for (const { c, lead, key } of candidates) {
    const recipients: Recipient[] = [];
    for (const [id, role] of [
      [c.prosecutor_user_id, 'prosecutor'],
      [c.manager_user_id, 'manager'],
    ] as const) {
      const user = id === null ? undefined : users.get(id);
      if (!user || recipients.some((r) => r.id === user.id)) continue;
      if (await blockedFromCriminalCase(db, { ...user, role: user.account_role }, c.criminal_case_id)) continue;
      recipients.push({ ...user, role });
    }
    const notYetReminded = recipients.filter((r) => (tightestSent.get(`${r.id}|${c.criminal_case_id}|${key}`) ?? Infinity) > lead);
    due.push(
      ...notYetReminded.map((r) => ({
        criminal_case_id: c.criminal_case_id,
        case_number: c.case_number,
        deadline_key: key,
        deadline: c.deadline,
        lead_days: lead,
        as_of: asOf,
        recipient_user_id: r.id,
        recipient_username: r.username,
        recipient_role: r.role,
        email: emailOn && r.email !== null,
      })),
    );
  }
  return due;
}

/**
 * Writes the in-app alerts of `due` (kind "deadline_reminder", one per
 * recipient, read through GET /api/v1/alerts), queues the e-mail of those
 * marked `email` (alert_email), and appends a `create` audit event per alert,
 * each alert in its own transaction. The unique index of migration 0021 makes
 * this safe to repeat and to run from two processes at once: an alert that
 * exists already is skipped, with its e-mail and its event.
 *
 * @returns the ids of the alerts written.
 */
export async function recordReminders(db: Kysely<Database>, due: readonly DueReminder[], actor: ReminderActor): Promise<string[]> {
  const written: string[] = [];
  for (const r of due) {
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('alert')
        .values({
          id: newId(),
          recipient_user_id: r.recipient_user_id,
          kind: 'deadline_reminder',
          criminal_case_id: r.criminal_case_id,
          deadline_key: r.deadline_key,
          lead_days: r.lead_days,
          deadline: JSON.stringify({ ...r.deadline, as_of: r.as_of }),
        })
        .onConflict((oc) =>
          oc
            .columns(['recipient_user_id', 'criminal_case_id', 'deadline_key', 'lead_days'])
            .where('kind', '=', 'deadline_reminder')
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      if (r.email) await trx.insertInto('alert_email').values({ alert_id: row.id }).execute();
      await appendAuditEvent(trx, {
        ...actor,
        action: 'create',
        record_type: 'alert',
        record_id: row.id,
        fields: ['criminal_case_id', 'deadline', 'lead_days', 'recipient_user_id'],
        reason: `deadline reminder at ${r.lead_days} days`,
      });
      return row.id;
    });
    if (id) written.push(id);
  }
  return written;
}
