import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { API_PREFIX, auditNewAccounts, buildApp, DOCS_PATH, ensureFirstAdministrator, signInOptionsFromEnv } from '@opennrm/server';
import { KEY_FILE_OPTION, withIdentityDatabase } from '../context.ts';
// Imported directly: the server index does not export the scheduled jobs.
import { reminderSettingsFromEnv, smtpServerName } from '../../../server/src/deadline-reminders/reminder-settings.ts';
import { startJobSchedule } from '../../../server/src/jobs/job-schedule.ts';
import { serverJobs } from '../../../server/src/jobs/server-jobs.ts';

interface ServeOptions {
  port: string;
  host: string;
  web: string;
  keyFile?: string;
}

/** The web app as `npm run build -w @opennrm/web` leaves it. */
const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * `opennrm serve`: runs the HTTP API until SIGINT or SIGTERM, then closes
 * connections and the database. On first run (no accounts) it creates the
 * administrator "admin" and prints its one-time password once. Needs the
 * keyring that seals identities (context.ts, withIdentityDatabase).
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (OpenAPI document at /api/openapi.json, docs at /api/docs)')
    .option('--port <port>', 'TCP port', '3000')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--web <dir>', 'the built web application to serve at / (none: the API alone)', WEB_DIST)
    .option(...KEY_FILE_OPTION)
    .action(async (options: ServeOptions, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a TCP port number, got "${options.port}"`);
      const web = existsSync(join(options.web, 'index.html')) ? { root: options.web } : undefined;
      // Read before the database opens: a bad SMTP or cron setting stops the start, naming the variable.
      const reminderSettings = reminderSettingsFromEnv(process.env);
      await withIdentityDatabase(command, { keyFile: options.keyFile, create: true }, async ({ nrm, profile, keyring }) => {
        const admin = await ensureFirstAdministrator(nrm.db);
        if (admin) await auditNewAccounts(nrm.db, 'serve', [admin.username]);
        const app = await buildApp({
          nrm,
          profile,
          keyring,
          signIn: signInOptionsFromEnv(process.env),
          logger: { level: process.env.LOG_LEVEL ?? 'info' },
          web,
        });
        const address = await app.listen({ port, host: options.host });
        if (admin) {
          console.log(`First run: created administrator "${admin.username}" with one-time password ${admin.password}`);
          console.log('It is shown only now; you must change it at first sign-in.');
        }
        console.log(`OpenNRM API (${nrm.kind}, profile ${profile.code}) at ${address}${API_PREFIX}`);
        console.log(`API docs at ${address}${DOCS_PATH}`);
        if (web) console.log(`Web application at ${address}/`);
        else console.log(`No web application in ${options.web} (build it with npm run build -w @opennrm/web): serving the API alone`);
        // The retention purge, residence warnings, deadline reminders and overdue-referral alerts (jobs/server-jobs.ts).
        const jobs = await startJobSchedule({
          jobs: serverJobs({ db: nrm.db, profile, reminders: reminderSettings, log: app.log }),
          timeZone: profile.annual_report.time_zone,
          postgres:
            nrm.kind === 'postgres' && process.env.DATABASE_URL
              ? { connectionString: process.env.DATABASE_URL, schema: 'opennrm_jobs' }
              : null,
          onError: (job, error) =>
            app.log.error({ err: error, job }, `scheduled job ${job} failed; it runs again (retried or at its next time)`),
        });
        console.log(
          jobs.engine === 'pg-boss'
            ? 'Scheduled jobs (retention purge, residence warnings, deadline reminders, overdue referrals) kept in PostgreSQL (pg-boss, schema opennrm_jobs)'
            : 'Scheduled jobs (retention purge, residence warnings, deadline reminders, overdue referrals) run on the embedded database only while this process runs',
        );
        console.log(`Deadline reminders daily at "${reminderSettings.cron}" (${profile.annual_report.time_zone})`);
        console.log(
          reminderSettings.mailer
            ? `Reminder e-mail on: ${smtpServerName(process.env.OPENNRM_SMTP_URL!)}, from ${reminderSettings.mailer.from}`
            : 'Reminder e-mail off (set OPENNRM_SMTP_URL and OPENNRM_MAIL_FROM): reminders are in-app only',
        );
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            console.log(`${signal}: shutting down`);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await jobs.stop();
        reminderSettings.mailer?.close();
        await app.close();
      });
    });
}
