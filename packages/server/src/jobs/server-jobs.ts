import type { Kysely } from 'kysely';
import { localToday, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { runRetentionPurge } from '../gdpr/retention.repository.ts';
import { alertOverdueReferrals } from '../referrals/waiting-referrals.ts';
import { warnExpiringResidenceStatuses } from '../foreign-victims/expiry-warnings.ts';
import { deadlineReminderJob } from '../deadline-reminders/reminder-job.ts';
import type { ReminderSettings } from '../deadline-reminders/reminder-settings.ts';
import type { ScheduledJob } from './job-schedule.ts';

/** Where the jobs report (the server's pino logger). */
export interface JobLog {
  info(details: object, message: string): void;
}

/**
 * The jobs `opennrm serve` runs (startJobSchedule): each is safe to repeat,
 * so a retry, a catch-up run or a second server changes nothing twice.
 *
 * | job | when | what |
 * |---|---|---|
 * | `retention-purge` | 03:00 daily | the retention purge (docs/gdpr.md), as "system:retention" |
 * | `residence-warnings` | 05:00 daily | warnings before foreign victims' residence statuses expire (docs/nrm-workflow.md); a status is warned of once |
 * | `deadline-reminders` | OPENNRM_REMINDER_CRON, default 06:00 daily | reminders of legal deadlines (docs/proceedings.md, "Reminders"), retried when an e-mail is refused |
 * | `overdue-referrals` | every hour | alerts on referrals waiting too long (docs/services.md, "Timers"); the shortest Romanian threshold is one day; a referral is alerted once |
 *
 * Times are in the profile's time zone. The purge and the warnings run before
 * the working day; none of them needs an exact hour.
 */
export function serverJobs(options: {
  db: Kysely<Database>;
  profile: JurisdictionProfile;
  reminders: ReminderSettings;
  log: JobLog;
}): ScheduledJob[] {
  const { db, profile, log } = options;
  return [
    {
      name: 'retention-purge',
      cron: '0 3 * * *',
      async run() {
        const r = await runRetentionPurge(db, profile);
        log.info(
          { retention: r.rules.map(({ rule, persons, records }) => ({ rule, persons, records })), held: r.held },
          'retention purge done',
        );
      },
    },
    {
      name: 'residence-warnings',
      cron: '0 5 * * *',
      async run() {
        const warned = await warnExpiringResidenceStatuses(db, profile, localToday(profile.annual_report.time_zone));
        if (warned > 0) log.info({ warned }, 'residence status expiry warnings sent');
      },
    },
    deadlineReminderJob({
      db,
      profile,
      settings: options.reminders,
      onResult: (r) => {
        if (r.alerts > 0 || (r.emails?.sent ?? 0) > 0 || r.refused.length > 0)
          log.info({ as_of: r.as_of, alerts: r.alerts, emails_sent: r.emails?.sent ?? 0, refused: r.refused }, 'deadline reminders sent');
      },
    }),
    {
      name: 'overdue-referrals',
      cron: '0 * * * *',
      async run() {
        const r = await alertOverdueReferrals(db, profile);
        if (r.referrals > 0) log.info(r, 'overdue referrals alerted');
      },
    },
  ];
}
