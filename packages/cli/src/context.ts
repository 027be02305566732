import type { Command } from 'commander';
import { shippedProfile, type JurisdictionProfile } from '@opennrm/domain';
import { rmSync } from 'node:fs';
import {
  assertNoLegacyIdentities,
  countSealedValuesByKey,
  developmentKeyWarning,
  holdsPgliteData,
  noDatabaseError,
  IdentityCryptoError,
  migrateToLatest,
  openDatabase,
  resolveKeyring,
  syncProfileOrganisations,
  type Keyring,
  type NrmDatabase,
} from '@opennrm/server';

/** Options every command shares (set on the root program). */
export interface GlobalOptions {
  /** PGlite data folder, used when DATABASE_URL is not set. */
  data: string;
  /** Jurisdiction profile code. */
  profile: string;
}

/** What a command gets: the open, migrated database and the profile. */
export interface CommandContext {
  nrm: NrmDatabase;
  profile: JurisdictionProfile;
}

/** Reads the root program's options from inside a subcommand's action. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/**
 * How a command uses the database. `create: true` for the commands that make
 * one (migrate, demo, import, serve, users add); every other command refuses
 * a --data folder or DATABASE_URL without an OpenNRM database, so that a typo
 * is an error instead of a new empty database that reports zeros.
 */
export interface DatabaseUse {
  create?: boolean;
}

/**
 * Opens the database named by DATABASE_URL (else PGlite in --data), migrates
 * it, loads the profile's organisations, runs `work`, and always closes.
 *
 * @throws DatabaseUnavailableError (server db/data-folder.ts): no database there and `use.create` unset,
 *   the PGlite folder in use by another process, or a folder that cannot be created.
 */
export async function withDatabase<T>(command: Command, work: (ctx: CommandContext) => Promise<T>, use: DatabaseUse = {}): Promise<T> {
  const options = globalOptions(command);
  const profile = shippedProfile(options.profile);
  const nrm = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: options.data, create: use.create ?? false });
  try {
    await migrateToLatest(nrm.db);
    await syncProfileOrganisations(nrm.db, profile);
    return await work({ nrm, profile });
  } finally {
    await nrm.close();
  }
}

/** The --key-file option of every command that reads or writes identities. */
export const KEY_FILE_OPTION = [
  '--key-file <path>',
  'keyring JSON file (default: $OPENNRM_KEY_FILE, else the JSON in $OPENNRM_KEYS; on the embedded database, <data>.keys.json)',
] as const;

/** What a command that handles identities gets: the database, the profile and the keyring. */
export interface IdentityCommandContext extends CommandContext {
  keyring: Keyring;
}

/**
 * withDatabase with the keyring (security/crypto/resolve-keyring.ts): the
 * configured one, else on the embedded database a development key file
 * beside the data folder (created on first use, with a warning on standard
 * error), else (DATABASE_URL set) a refusal naming the settings. Refuses too
 * while identities written before encryption are still in clear text.
 *
 * @param options.keyFile --key-file of the command.
 * @param options.allowLegacy true for `opennrm keys seal-legacy`, which is what fixes that.
 * @param options.create true for the commands that may create the database (DatabaseUse).
 * @throws IdentityCryptoError KEYRING_INVALID or LEGACY_CLEAR_TEXT.
 */
export async function withIdentityDatabase<T>(
  command: Command,
  options: { keyFile?: string | undefined; allowLegacy?: boolean; create?: boolean },
  work: (ctx: IdentityCommandContext) => Promise<T>,
): Promise<T> {
  const { data } = globalOptions(command);
  // Before the keyring: a development key file must not appear beside a mistyped --data.
  if (!options.create && !process.env.DATABASE_URL && !holdsPgliteData(data)) throw noDatabaseError(data);
  const resolved = resolveKeyring({ keyFile: options.keyFile, databaseUrl: process.env.DATABASE_URL, dataDir: data });
  if (resolved.development) console.error(developmentKeyWarning(resolved));
  return withDatabase(
    command,
    async (ctx) => {
      if (resolved.created && resolved.source !== 'memory' && Object.keys(await countSealedValuesByKey(ctx.nrm.db)).length > 0) {
        // A fresh key would seal new values beside old ones nobody can open: stop before writing anything.
        rmSync(resolved.source);
        throw new IdentityCryptoError(
          'KEYRING_INVALID',
          `${data} holds encrypted values but its development key file ${resolved.source} was missing; ` +
            'put the key file back, or name the right one with --key-file',
        );
      }
      if (!options.allowLegacy) await assertNoLegacyIdentities(ctx.nrm.db);
      return work({ ...ctx, keyring: resolved.keyring });
    },
    { create: options.create ?? false },
  );
}
