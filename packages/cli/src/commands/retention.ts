import type { Command } from 'commander';
import { cliActorUsername } from '@opennrm/server';
import { withDatabase } from '../context.ts';
// The server package exports only its index; the GDPR capability is imported directly, like security/crypto in keys.ts.
import { runRetentionPurge } from '../../../server/src/gdpr/retention.repository.ts';

interface PurgeOptions {
  dryRun?: boolean;
  today?: string;
  batchSize: string;
  list?: boolean;
}

/**
 * `opennrm retention rules` prints the profile's retention periods;
 * `opennrm retention purge [--dry-run]` applies them (docs/gdpr.md): erases
 * identities and anonymises records whose period has run, one audit event
 * per record, persons in an open criminal case held, naming the
 * operating-system account that ran it ("cli:<os user>", docs/audit.md). The
 * same function runs daily inside `opennrm serve` as "system:retention".
 */
export function registerRetention(program: Command): void {
  const retention = program
    .command('retention')
    .description('retention periods of personal data and the purge that applies them (docs/gdpr.md)');

  retention
    .command('rules')
    .description("print the profile's retention rules with their legal sources")
    .action(async (_options: unknown, command: Command) => {
      await withDatabase(command, async ({ profile }) => {
        for (const rule of profile.retention.rules) {
          const verify = rule.verify_against_national_law ? ' [verify against national law]' : '';
          console.log(`${rule.code}: ${rule.record_type}, ${rule.action} ${rule.months} months after ${rule.runs_from}${verify}`);
          console.log(`  source: ${rule.source}`);
        }
      });
    });

  retention
    .command('purge')
    .description('anonymise every record whose retention period has run (statistics keep their counts)')
    .option('--dry-run', 'list what is due without changing anything')
    .option('--list', 'with --dry-run: one line per person and rule')
    .option('--today <date>', 'the day to purge for, YYYY-MM-DD (default: today, UTC)')
    .option('--batch-size <n>', 'persons per transaction', '200')
    .action(async (options: PurgeOptions, command: Command) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1)
        throw new Error(`--batch-size must be a positive integer, got "${options.batchSize}"`);
      await withDatabase(command, async ({ nrm, profile }) => {
        const result = await runRetentionPurge(nrm.db, profile, {
          dryRun: options.dryRun === true,
          batchSize,
          actor: { actor_username: cliActorUsername() },
          ...(options.today ? { today: options.today } : {}),
        });
        const verb = result.dry_run ? 'due' : 'anonymised';
        console.log(`retention ${result.dry_run ? 'dry run' : 'purge'} for ${result.today}`);
        for (const r of result.rules)
          console.log(`  ${r.rule}: ${r.persons} persons, ${r.records} ${r.record_type} records ${verb} (${r.action})`);
        console.log(`  held by an open criminal case (GDPR art. 17(3)(e)): ${result.held} persons`);
        for (const r of result.review)
          console.log(`  ${r.rule}: ${r.events_older_than_period} audit events older than ${r.cutoff} to review (never deleted)`);
        if (options.list)
          for (const d of result.due) console.log(`  ${d.person_id} ${d.rule} expired ${d.expired_on} (${d.records} records)`);
      });
    });
}
