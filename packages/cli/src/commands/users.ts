import type { Command } from 'commander';
import { ROLES } from '@opennrm/domain';
import { AccountError, resetSecondFactor, UsersRepository } from '@opennrm/server';
import { withDatabase } from '../context.ts';

/** `opennrm users add|list`: local accounts of the HTTP API. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage local user accounts');

  users
    .command('add')
    .description('create an account and print its one-time password (to be changed at first sign-in)')
    .requiredOption('--username <name>', 'login name: lower-case letters, digits, ".", "_" or "-"')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--organisation <code>', 'organisation code from the profile, e.g. ANITP (omit for a national administrator)')
    .option('--display-name <name>', 'name shown in the application')
    .action(async (options: { username: string; role: string; organisation?: string; displayName?: string }, command: Command) => {
      await withDatabase(
        command,
        async ({ nrm }) => {
          try {
            const { user, password } = await new UsersRepository(nrm.db).create({
              username: options.username,
              role: options.role,
              organisation_code: options.organisation ?? null,
              display_name: options.displayName,
            });
            console.log(`created ${user.role} "${user.username}"${user.organisation_code ? ` of ${user.organisation_code}` : ''}`);
            console.log(`one-time password: ${password}`);
          } catch (error) {
            if (error instanceof AccountError) throw new Error(`--${error.field}: ${error.message}`, { cause: error });
            throw error;
          }
        },
        { create: true },
      );
    });

  users
    .command('list')
    .description('list accounts (never passwords)')
    .action(async (_options, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        const list = await new UsersRepository(nrm.db).list();
        if (list.length === 0) console.log('no accounts yet; `opennrm serve` creates the administrator on first run');
        for (const u of list) {
          const flags = [u.disabled ? 'disabled' : null, u.must_change_password ? 'one-time password' : null].filter(Boolean).join(', ');
          console.log(
            `${u.username}\t${u.role}\t${u.organisation_code ?? '-'}\t${u.last_sign_in_at ?? 'never signed in'}${flags ? `\t(${flags})` : ''}`,
          );
        }
      });
    });

  users
    .command('reset-totp <username>')
    .description("remove a user's authenticator app (lost phone); they sign in with the password and enrol again")
    .action(async (username: string, _options, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        if (!(await resetSecondFactor(nrm.db, username))) throw new Error(`no account "${username}"`);
        console.log(`second factor of "${username}" removed; they enrol again at next sign-in`);
      });
    });
}
