import type { Command } from 'commander';
import { withDatabase } from '../context.ts';

/** `opennrm migrate`: brings the database schema up to date (every other command does too). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('create or update the database schema and load the profile organisations')
    .action(async (_options, command: Command) => {
      await withDatabase(
        command,
        async ({ nrm, profile }) => {
          console.log(`database (${nrm.kind}) is up to date; profile "${profile.code}" loaded`);
        },
        { create: true },
      );
    });
}
