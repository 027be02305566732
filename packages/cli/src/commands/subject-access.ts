import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AccessControl, CLI_USER_AGENT, cliActorUsername } from '@opennrm/server';
import { withDatabase } from '../context.ts';
// Imported directly, like security/crypto in keys.ts: the server index does not export the GDPR capability.
import { GdprRepository, SUBJECT_RIGHTS_ROLES, type GdprContext } from '../../../server/src/gdpr/gdpr.repository.ts';
import { keyFilePath, loadKeyring } from '../../../server/src/security/crypto/index.ts';

interface SubjectAccessOptions {
  as: string;
  out?: string;
  keyFile?: string;
}

/**
 * `opennrm subject-access <person-id> --as <username> [--out file]`: the
 * GDPR art. 15 export of everything held about one person, as the API's
 * GET /persons/:id/subject-access-export returns it, audited as an export
 * by the named coordinator or case manager, who reaches only the persons
 * they could read through the API (the policy layer), with user agent
 * "opennrm-cli (cli:<os user>)" naming the shell account that ran it (docs/audit.md, "Commands").
 */
export function registerSubjectAccess(program: Command): void {
  program
    .command('subject-access')
    .description('export everything held about one person (GDPR art. 15), audited')
    .argument('<person-id>', 'the person id (UUID)')
    .requiredOption('--as <username>', `the account answering the request (role: ${SUBJECT_RIGHTS_ROLES.join(' or ')})`)
    .option('--out <file>', 'write the JSON here (mode 0600) instead of standard output')
    .option('--key-file <path>', 'keyring JSON file to open the identity (default: $OPENNRM_KEY_FILE, else $OPENNRM_KEYS)')
    .action(async (personId: string, options: SubjectAccessOptions, command: Command) => {
      await withDatabase(command, async ({ nrm, profile }) => {
        const user = await nrm.db
          .selectFrom('app_user')
          .select(['id', 'username', 'role', 'organisation_id', 'disabled'])
          .where('username', '=', options.as)
          .executeTakeFirst();
        if (!user || user.disabled) throw new Error(`--as: no active account "${options.as}"`);
        const keyring =
          (keyFilePath({ keyFile: options.keyFile }) ?? process.env.OPENNRM_KEYS) ? loadKeyring({ keyFile: options.keyFile }) : undefined;
        const origin = { source_ip: null, user_agent: `${CLI_USER_AGENT} (${cliActorUsername()})`, request_id: null };
        const actor = { user_id: user.id, role: user.role as GdprContext['actor']['role'], organisation_id: user.organisation_id };
        const repository = new GdprRepository({
          db: nrm.db,
          profile,
          keyring,
          origin,
          // The named account reaches only the persons it could reach through the API.
          access: new AccessControl(actor, user.username, origin),
          actor: { ...actor, username: user.username, must_change_password: false, session_id: 'cli' } as unknown as GdprContext['actor'],
        });
        const exported = JSON.stringify(await repository.subjectAccessExport(personId), null, 2);
        if (options.out) {
          writeFileSync(options.out, exported + '\n', { mode: 0o600 });
          console.error(`wrote ${options.out}`);
        } else console.log(exported);
      });
    });
}
