import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  countSealedValuesByKey,
  developmentKeyFilePath,
  generateKey,
  keyFilePath,
  removeKey,
  resolveKeyring,
  rotateKeys,
  sealLegacyIdentities,
  type SealedUsage,
} from '@opennrm/server';
import { KEY_FILE_OPTION, globalOptions, withDatabase, withIdentityDatabase } from '../context.ts';

interface KeyFileOptions {
  keyFile?: string;
}

/** The key file to write: --key-file, else OPENNRM_KEY_FILE, else (embedded database only) the development key file. */
function requireKeyFile(options: KeyFileOptions, command: Command): string {
  const path = keyFilePath({ keyFile: options.keyFile });
  if (path) return path;
  if (!process.env.DATABASE_URL) return developmentKeyFilePath(globalOptions(command).data);
  throw new Error('name the key file with --key-file or OPENNRM_KEY_FILE (a key in OPENNRM_KEYS cannot be written to)');
}

/** The keyring to read: as configured, else the existing development key file of the embedded database. */
function keyringOf(options: KeyFileOptions, command: Command) {
  return resolveKeyring({ keyFile: options.keyFile, databaseUrl: process.env.DATABASE_URL, dataDir: globalOptions(command).data }, false)
    .keyring;
}

function printUsage(usage: SealedUsage, held: readonly string[], active: string): void {
  const ids = [...new Set([...held, ...Object.keys(usage)])];
  for (const id of ids) {
    const locations = Object.entries(usage[id] ?? {});
    const note = id === active ? ' (active)' : held.includes(id) ? '' : ' (NOT IN THE KEYRING)';
    console.log(`  ${id}${note}: ${locations.length === 0 ? 'nothing' : locations.map(([where, n]) => `${n} in ${where}`).join(', ')}`);
  }
}

/**
 * `opennrm keys ...`: the keyring that encrypts identities, TOTP secrets and drafts (docs/encryption.md).
 * generate, rotate, status, remove, export-index-key and seal-legacy. Key material is never printed.
 */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage the keys that encrypt identifying data (docs/encryption.md)');

  keys
    .command('generate')
    .description('create the key file with a new key, or add a new key to it and make it active (mode 0600)')
    .option(...KEY_FILE_OPTION)
    .option('--id <key-id>', 'id of the new key (default: k1, k2, ...)')
    .action((options: KeyFileOptions & { id?: string }, command: Command) => {
      const generated = generateKey(requireKeyFile(options, command), options.id);
      console.log(
        `${generated.created ? 'created' : 'updated'} ${generated.path}: key "${generated.key_id}" is now active (keys: ${generated.key_ids.join(', ')})`,
      );
      if (!generated.created) console.log('existing identities stay sealed with the older keys until you run: opennrm keys rotate');
    });

  keys
    .command('rotate')
    .description(
      're-encrypt every sealed value (identities with their blind indexes, TOTP secrets, drafts) under the active key; resumable',
    )
    .option(...KEY_FILE_OPTION)
    .option('--batch-size <n>', 'persons (or rows) per transaction', '200')
    .action(async (options: KeyFileOptions & { batchSize: string }, command: Command) => {
      const keyring = keyringOf(options, command);
      await withDatabase(command, async ({ nrm }) => {
        const resealed = (p: { resealed: Record<string, number> }) =>
          Object.entries(p.resealed)
            .map(([where, n]) => `, ${n} in ${where}`)
            .join('');
        const report = await rotateKeys(nrm.db, keyring, {
          batchSize: Number(options.batchSize),
          onBatch: (p) => console.log(`batch ${p.batches}: ${p.reencrypted} re-encrypted, ${p.reindexed} re-indexed${resealed(p)} so far`),
        });
        console.log(
          `rotation to key "${report.active_key_id}" done: ${report.reencrypted} identities re-encrypted, ${report.reindexed} re-indexed` +
            resealed(report),
        );
        printUsage(report.usage, keyring.keyIds(), keyring.activeKeyId);
        const unused = keyring.keyIds().filter((id) => id !== keyring.activeKeyId && !report.usage[id]);
        if (unused.length > 0) console.log(`no longer needed: ${unused.join(', ')} (opennrm keys remove <id>)`);
      });
    });

  keys
    .command('status')
    .description('show the keyring and how many values of each table each key seals')
    .option(...KEY_FILE_OPTION)
    .action(async (options: KeyFileOptions, command: Command) => {
      const keyring = keyringOf(options, command);
      await withDatabase(command, async ({ nrm }) => {
        console.log(`keyring: ${keyring.keyIds().length} keys, active "${keyring.activeKeyId}"`);
        printUsage(await countSealedValuesByKey(nrm.db), keyring.keyIds(), keyring.activeKeyId);
      });
    });

  keys
    .command('remove <key-id>')
    .description('remove a key from the key file once no value of any table is sealed with it')
    .option(...KEY_FILE_OPTION)
    .action(async (keyId: string, options: KeyFileOptions, command: Command) => {
      const path = requireKeyFile(options, command);
      await withDatabase(command, async ({ nrm }) => {
        const next = removeKey(path, keyId, await countSealedValuesByKey(nrm.db));
        console.log(`removed key "${keyId}" from ${path} (keys: ${Object.keys(next.keys).join(', ')})`);
      });
    });

  keys
    .command('seal-legacy')
    .description('encrypt identities stored in clear text before encryption (person_identity_legacy), then drop that table')
    .option(...KEY_FILE_OPTION)
    .option('--batch-size <n>', 'persons per transaction', '200')
    .addHelpText(
      'after',
      `
Needed once after upgrading a database that held identities in clear text:
until it has run, the server refuses to start. Back up the key file first
(losing it loses every identity), then run this. Resumable.`,
    )
    .action(async (options: KeyFileOptions & { batchSize: string }, command: Command) => {
      await withIdentityDatabase(command, { keyFile: options.keyFile, allowLegacy: true }, async ({ nrm, keyring }) => {
        const report = await sealLegacyIdentities(nrm.db, keyring, {
          batchSize: Number(options.batchSize),
          onBatch: (p) => console.log(`${p.sealed} sealed so far`),
        });
        console.log(
          `sealed ${report.sealed} clear-text identities under key "${keyring.activeKeyId}"` +
            (report.superseded > 0 ? `; ${report.superseded} dropped (the person already had a newer, sealed identity)` : '') +
            (report.dropped ? '; the clear-text table is dropped' : ''),
        );
        if (report.sealed + report.superseded > 0)
          console.log(
            'Backups and WAL archives taken before now still hold those identities in clear text: destroy them; ' +
              'VACUUM FULL rewrites the data files (docs/encryption.md).',
          );
      });
    });

  keys
    .command('export-index-key')
    .description('write the blind-index keys (search without decryption) for a search service, mode 0600')
    .option(...KEY_FILE_OPTION)
    .requiredOption('--out <path>', 'file to write; must not exist')
    .action((options: KeyFileOptions & { out: string }, command: Command) => {
      const keyring = keyringOf(options, command);
      writeFileSync(options.out, `${JSON.stringify(keyring.blindIndexKeys.toConfig(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      console.log(
        `wrote the blind-index keys of ${keyring.keyIds().join(', ')} to ${options.out}; they compute search digests but cannot decrypt`,
      );
    });
}
