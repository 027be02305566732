import type { Command } from 'commander';
import { ROLES } from '@opennrm/domain';
import { AccountError, resetSecondFactor, UsersRepository, withCliAudit, type CliAuditEvent } from '@opennrm/server';
import { withDatabase } from '../context.ts';

/**
 * `opennrm users add|list|email|reset-password|reset-totp`: local accounts of the
 * HTTP API. Each writes an audit event like the API (docs/audit.md, "Commands"):
 * creating an account or resetting its second factor is a permission change,
 * a new one-time password a password change, the list a search of accounts,
 * a new e-mail address an update.
 */
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
            const { user, password } = await withCliAudit(nrm.db, 'users add', async (trx) => {
              const created = await new UsersRepository(trx).create({
                username: options.username,
                role: options.role,
                organisation_code: options.organisation ?? null,
                display_name: options.displayName,
              });
              const event: CliAuditEvent = {
                action: 'permission_change',
                record_type: 'app_user',
                record_id: created.user.id,
                fields: ['username', 'role', 'organisation_id', 'display_name'],
              };
              return { result: created, events: [event] };
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
        const list = await withCliAudit(nrm.db, 'users list', async (trx) => ({
          result: await new UsersRepository(trx).list(),
          events: [{ action: 'search', record_type: 'app_user', fields: ['username', 'display_name', 'role', 'organisation_id'] }],
        }));
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
    .command('reset-password <username>')
    .description('issue a new one-time password (an account imported without one, or a lost password) and end its sessions')
    .action(async (username: string, _options, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        const password = await withCliAudit(nrm.db, 'users reset-password', async (trx) => {
          const issued = await new UsersRepository(trx).issueOneTimePassword(username);
          if (!issued) throw new Error(`no account "${username}"`);
          const event: CliAuditEvent = {
            action: 'password_change',
            record_type: 'app_user',
            record_id: (await new UsersRepository(trx).credentials(username))?.id ?? null,
          };
          return { result: issued, events: [event] };
        });
        console.log(`one-time password of "${username}": ${password}`);
        console.log('It is shown only now; they must change it at first sign-in.');
      });
    });

  users
    .command('email <username> [address]')
    .description("set the address a user's deadline reminders are e-mailed to; without an address, remove it (reminders in the app only)")
    .action(async (username: string, address: string | undefined, _options, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        try {
          await withCliAudit(nrm.db, 'users email', async (trx) => {
            const id = await new UsersRepository(trx).setEmail(username, address ?? null);
            if (!id) throw new Error(`no account "${username}"`);
            return { result: undefined, events: [{ action: 'update', record_type: 'app_user', record_id: id, fields: ['email'] }] };
          });
        } catch (error) {
          if (error instanceof AccountError) throw new Error(`address: ${error.message}`, { cause: error });
          throw error;
        }
        console.log(
          address
            ? `reminders of "${username}" are e-mailed to ${address}`
            : `"${username}" has no e-mail address: reminders in the app only`,
        );
      });
    });

  users
    .command('reset-totp <username>')
    .description("remove a user's authenticator app (lost phone); they sign in with the password and enrol again")
    .action(async (username: string, _options, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        await withCliAudit(nrm.db, 'users reset-totp', async (trx) => {
          if (!(await resetSecondFactor(trx, username))) throw new Error(`no account "${username}"`);
          const event: CliAuditEvent = {
            action: 'permission_change',
            record_type: 'app_user',
            record_id: (await new UsersRepository(trx).credentials(username))?.id ?? null,
            fields: ['totp_secret', 'totp_enabled_at'],
          };
          return { result: undefined, events: [event] };
        });
        console.log(`second factor of "${username}" removed; they enrol again at next sign-in`);
      });
    });
}
