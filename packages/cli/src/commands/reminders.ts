import type { Command } from 'commander';
import { cliActorUsername } from '@opennrm/server';
import { withDatabase } from '../context.ts';
// The server index does not export the reminders capability; imported directly like the retention purge.
import { runDeadlineReminders } from '../../../server/src/deadline-reminders/run-deadline-reminders.ts';
import { reminderSettingsFromEnv, smtpServerName } from '../../../server/src/deadline-reminders/reminder-settings.ts';

interface RunOptions {
  asOf?: string;
  dryRun?: boolean;
}

/**
 * `opennrm reminders run [--as-of YYYY-MM-DD] [--dry-run]`: the daily job of
 * deadline reminders once (docs/proceedings.md, "Reminders"), with the
 * e-mail settings of `opennrm serve` (OPENNRM_SMTP_URL, OPENNRM_MAIL_FROM,
 * OPENNRM_PUBLIC_URL). Its audit events name "cli:<os user>". Exits 1 when
 * the SMTP server refused an e-mail (the next run sends it).
 */
export function registerReminders(program: Command): void {
  const reminders = program
    .command('reminders')
    .description("reminders of legal deadlines to criminal cases' prosecutors and managers (docs/proceedings.md)");

  reminders
    .command('run')
    .description(
      'run the daily reminders once: in-app alerts, and e-mails when OPENNRM_SMTP_URL is set; running it again sends nothing twice',
    )
    .option('--as-of <date>', "count days left from this day, YYYY-MM-DD (default: today in the profile's time zone)")
    .option('--dry-run', 'list the reminders due without writing, sending or auditing anything')
    .action(async (options: RunOptions, command: Command) => {
      if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
        throw new Error(`--as-of must be a date YYYY-MM-DD, got "${options.asOf}"`);
      const settings = reminderSettingsFromEnv(process.env);
      try {
        await withDatabase(command, async ({ nrm, profile }) => {
          const result = await runDeadlineReminders(nrm.db, profile, {
            as_of: options.asOf,
            dry_run: options.dryRun === true,
            mailer: settings.mailer,
            public_url: settings.public_url,
            actor: { actor_username: cliActorUsername(), user_agent: 'opennrm-cli' },
          });
          console.log(
            `deadline reminders for ${result.as_of} (lead times ${result.lead_days.join(', ')} days)${result.dry_run ? ': dry run, nothing written or sent' : ''}`,
          );
          for (const r of result.due) {
            const how = r.email ? 'in-app and e-mail' : 'in-app';
            console.log(
              `  ${r.case_number}: ${r.deadline.kind} due ${r.deadline.due_on}, ${r.deadline.days_left} days left (${r.lead_days}-day reminder) to ${r.recipient_username} (${r.recipient_role}, ${how})`,
            );
          }
          for (const r of result.refused) console.log(`  ${r.case_number}: no deadlines, the engine refused its facts: ${r.error}`);
          if (!result.dry_run) console.log(`  in-app alerts written: ${result.alerts}`);
          if (!settings.mailer) console.log('  e-mail off (OPENNRM_SMTP_URL unset): in-app only');
          else if (result.emails) {
            console.log(
              `  e-mails via ${smtpServerName(process.env.OPENNRM_SMTP_URL!)}: ${result.emails.sent} sent, ${result.emails.failed.length} refused`,
            );
            for (const f of result.emails.failed) console.log(`    alert ${f.alert_id}: ${f.error}`);
            if (result.emails.failed.length > 0) process.exitCode = 1;
          }
        });
      } finally {
        settings.mailer?.close();
      }
    });
}
