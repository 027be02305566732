import { sql, type Kysely } from 'kysely';

/**
 * Reminders of legal deadlines (issue 6 point 3; docs/proceedings.md, "Reminders").
 *
 * 1. `app_user.email`: where a user's reminders are e-mailed; null means in-app only.
 * 2. `alert` gains the criminal case a reminder is about, the deadline's
 *    identity (`deadline_key`: kind, subject ids and due date), the lead time
 *    it answers (`lead_days`) and the deadline as computed (`deadline`: the
 *    domain's CaseDeadline, which holds ids, dates and rule references, never a
 *    name). The unique index is what makes the reminder job idempotent: one
 *    alert per recipient, case, deadline and lead time, however often it runs.
 * 3. `alert_email`: the outbox of reminders to e-mail, one row per alert whose
 *    recipient had an address when the alert was made; `sent_at` is set once the
 *    SMTP server accepted it, so a failed send is retried without a second alert.
 */
const statements = [
  `ALTER TABLE app_user ADD COLUMN email text CHECK (email IS NULL OR email ~ '^[^@[:space:]<>,;"]+@[^@[:space:]<>,;"]+$')`,
  `ALTER TABLE alert
     ADD COLUMN criminal_case_id uuid REFERENCES criminal_case(id) ON DELETE CASCADE,
     ADD COLUMN deadline_key text,
     ADD COLUMN lead_days integer CHECK (lead_days > 0),
     ADD COLUMN deadline jsonb,
     ADD CONSTRAINT alert_deadline_reminder CHECK (
       (kind = 'deadline_reminder') = (criminal_case_id IS NOT NULL AND deadline_key IS NOT NULL AND lead_days IS NOT NULL AND deadline IS NOT NULL))`,
  `CREATE UNIQUE INDEX alert_deadline_reminder_once ON alert (recipient_user_id, criminal_case_id, deadline_key, lead_days)
     WHERE kind = 'deadline_reminder'`,
  `CREATE TABLE alert_email (
     alert_id uuid PRIMARY KEY REFERENCES alert(id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     sent_at timestamptz,
     attempts integer NOT NULL DEFAULT 0,
     last_error text,
     claimed_until timestamptz
   )`,
  `CREATE INDEX alert_email_unsent ON alert_email (created_at) WHERE sent_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
