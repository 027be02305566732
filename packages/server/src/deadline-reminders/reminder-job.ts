import type { Kysely } from 'kysely';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { ScheduledJob } from '../jobs/job-schedule.ts';
import { runDeadlineReminders, type CasesAtRisk, type ReminderRunResult } from './run-deadline-reminders.ts';
import type { ReminderSettings } from './reminder-settings.ts';

/** The job's (and pg-boss queue's) name. */
export const REMINDER_JOB = 'deadline-reminders';

/** A run whose e-mails the SMTP server refused: thrown so that the run is retried. */
export class ReminderDeliveryError extends Error {
  constructor(result: ReminderRunResult) {
    const failed = result.emails?.failed ?? [];
    super(`${failed.length} reminder e-mail(s) not accepted by the SMTP server; first error: ${failed[0]?.error ?? 'none'}`);
    this.name = 'ReminderDeliveryError';
  }
}

/** A failed run is retried 6 times from 5 minutes, doubling: about 5 hours in all. */
const RETRY = { limit: 6, delaySeconds: 300 };

/**
 * The daily deadline reminders as a scheduled job (jobs/job-schedule.ts) on
 * `settings.cron`: runDeadlineReminders for today (or `as_of` in the job's
 * data), failing when an e-mail was refused so that the run is retried; the
 * retry writes no second alert and sends only what was not sent.
 */
export function deadlineReminderJob(options: {
  db: Kysely<Database>;
  profile: JurisdictionProfile;
  settings: ReminderSettings;
  /** Default: deadlinesToRemind. */
  casesAtRisk?: CasesAtRisk | undefined;
  retry?: { limit: number; delaySeconds: number };
  onResult?: (result: ReminderRunResult) => void;
}): ScheduledJob<{ as_of?: string }> {
  return {
    name: REMINDER_JOB,
    cron: options.settings.cron,
    retry: options.retry ?? RETRY,
    async run(data) {
      const result = await runDeadlineReminders(options.db, options.profile, {
        casesAtRisk: options.casesAtRisk,
        as_of: data.as_of,
        mailer: options.settings.mailer,
        public_url: options.settings.public_url,
      });
      options.onResult?.(result);
      if (result.emails && result.emails.failed.length > 0) throw new ReminderDeliveryError(result);
    },
  };
}
