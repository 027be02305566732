import { sql, type Kysely } from 'kysely';
import type { CaseDeadline } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Database } from '../db/schema.ts';
import type { ReminderActor } from './record-reminders.ts';
import { composeReminderEmail } from './reminder-email.ts';
import type { ReminderMailer } from './reminder-settings.ts';

/** How long a run may hold an e-mail it is sending before another run may take it (a crashed process lets go this way). */
const CLAIM_MINUTES = 10;
/** E-mails claimed at a time. */
const BATCH = 50;
/** Stored SMTP error text, characters. */
const ERROR_CHARS = 500;

/** What a sending pass did. `failed` lists the alerts whose e-mail the SMTP server did not take, with its error. */
export interface EmailPass {
  sent: number;
  failed: { alert_id: string; error: string }[];
}

/**
 * Sends the queued reminder e-mails (alert_email without sent_at), oldest
 * first, each claimed for CLAIM_MINUTES so that two runs never send one twice.
 * A message the SMTP server accepted gets sent_at and an `export` audit event
 * (e-mail is data leaving OpenNRM: the event names the fields it carried, never
 * their values or the address). One it refused keeps its row with the error
 * and goes out on the next run or retry; its in-app alert is already there.
 * A recipient who has since lost their address or been disabled is dropped
 * from the queue (the in-app alert stays).
 *
 * Delivery is at least once: should the database fail right after the SMTP
 * server accepted a message, the next run sends it again.
 */
export async function sendReminderEmails(
  db: Kysely<Database>,
  mailer: ReminderMailer,
  options: { public_url: string | null; actor: ReminderActor },
): Promise<EmailPass> {
  const pass: EmailPass = { sent: 0, failed: [] };
  const tried = new Set<string>();
  for (;;) {
    const claimed = await claim(db, [...tried]);
    if (claimed.length === 0) return pass;
    for (const alertId of claimed) {
      tried.add(alertId);
      const message = await db
        .selectFrom('alert')
        .innerJoin('app_user', 'app_user.id', 'alert.recipient_user_id')
        .innerJoin('criminal_case', 'criminal_case.id', 'alert.criminal_case_id')
        .select([
          'alert.recipient_user_id',
          'alert.lead_days',
          'alert.deadline',
          'alert.created_at',
          'app_user.email',
          'app_user.disabled',
          'criminal_case.id as criminal_case_id',
          'criminal_case.case_number',
          'criminal_case.prosecutor_user_id',
        ])
        .where('alert.id', '=', alertId)
        .executeTakeFirst();
      if (!message || message.email === null || message.disabled) {
        await db.deleteFrom('alert_email').where('alert_id', '=', alertId).execute();
        continue;
      }
      const deadline = message.deadline as CaseDeadline & { as_of?: string };
      const email = composeReminderEmail({
        criminal_case_id: message.criminal_case_id,
        case_number: message.case_number,
        deadline,
        lead_days: message.lead_days ?? 0,
        as_of: deadline.as_of ?? message.created_at.toISOString().slice(0, 10),
        recipient_role: message.prosecutor_user_id === message.recipient_user_id ? 'prosecutor' : 'manager',
        public_url: options.public_url,
      });
      try {
        await mailer.send({ to: message.email, ...email });
      } catch (error) {
        const text = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS);
        await db.updateTable('alert_email').set({ last_error: text, claimed_until: null }).where('alert_id', '=', alertId).execute();
        pass.failed.push({ alert_id: alertId, error: text });
        continue;
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('alert_email')
          .set({ sent_at: sql<Date>`now()`, last_error: null, claimed_until: null })
          .where('alert_id', '=', alertId)
          .execute();
        await appendAuditEvent(trx, {
          ...options.actor,
          action: 'export',
          record_type: 'alert_email',
          record_id: alertId,
          fields: ['case_number', 'deadline.days_left', 'deadline.due_on', 'deadline.kind', 'deadline.rule', 'recipient_user_id'],
          reason: 'deadline reminder e-mailed to the recipient',
        });
      });
      pass.sent++;
    }
  }
}

/** Takes up to BATCH unsent e-mails no other run holds, except those this pass already tried. */
async function claim(db: Kysely<Database>, tried: readonly string[]): Promise<string[]> {
  const rows = await db
    .updateTable('alert_email')
    .set({
      claimed_until: sql<Date>`now() + make_interval(mins => ${CLAIM_MINUTES})`,
      attempts: sql<number>`attempts + 1`,
    })
    .where('alert_id', 'in', (eb) => {
      let q = eb
        .selectFrom('alert_email')
        .select('alert_id')
        .where('sent_at', 'is', null)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', sql<Date>`now()`)]));
      if (tried.length > 0) q = q.where('alert_id', 'not in', tried);
      return q.orderBy('created_at').limit(BATCH).forUpdate().skipLocked();
    })
    .returning('alert_id')
    .execute();
  return rows.map((r) => r.alert_id);
}
