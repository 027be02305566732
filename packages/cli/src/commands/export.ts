import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { OPENNRM_JSON_TYPES } from '@opennrm/domain';
import { exportOpennrmJson, withCliAudit } from '@opennrm/server';
import { KEY_FILE_OPTION, withIdentityDatabase } from '../context.ts';
import { throughput } from '../progress.ts';

/** What an export carries, as the audit event names it: every record type of the format, identities decrypted. */
const EXPORTED = [...OPENNRM_JSON_TYPES, 'identity'];

/**
 * `opennrm export json FILE`: every record as OpenNRM JSON Lines, for backup
 * or transfer to another OpenNRM. Audited as an export (docs/audit.md,
 * "Commands") before the first line is written, so no export goes unlogged.
 */
export function registerExport(program: Command): void {
  const command = program.command('export').description('export the NRM record to a file');
  command
    .command('json')
    .argument('<file>', 'file to write (JSON Lines), or - for standard output')
    .option(...KEY_FILE_OPTION)
    .description('export every record as OpenNRM JSON Lines (opennrm import json reads it back losslessly)')
    .addHelpText(
      'after',
      `
One JSON object a line: a header (format, version, profile, exported_at), then
organisations (by code), accounts (who they are, never a password or second
factor), import batches, persons with their identity, victim cases and their
teams, referrals, assistance, criminal cases, their victims and suspects,
break-glass grants, alerts, consent and erasure requests. Not exported:
credentials, sessions, drafts and the audit trail (docs/imports.md).

The file contains identifying data of victims, decrypted with the keyring:
store and send it encrypted. The export is written to the audit trail.

Example:
  opennrm export json backup.jsonl`,
    )
    .action(async (file: string, options: { keyFile?: string }, cmd: Command) => {
      await withIdentityDatabase(cmd, { keyFile: options.keyFile }, async ({ nrm, profile, keyring }) => {
        await withCliAudit(nrm.db, 'export json', async () => ({
          result: undefined,
          events: [{ action: 'export', record_type: 'opennrm_json_export', fields: EXPORTED }],
        }));
        const out = file === '-' ? process.stdout : createWriteStream(file, { mode: 0o600 });
        const outcome = await exportOpennrmJson(nrm.db, out, { profile: profile.code, keyring });
        if (out !== process.stdout) {
          out.end();
          await finished(out);
        }
        const summary = Object.entries(outcome.counts)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ');
        console.error(`exported ${throughput(outcome.records, outcome.elapsed_ms)} to ${file}${summary ? `: ${summary}` : ''}`);
      });
    });
}
