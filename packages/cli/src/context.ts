import type { Command } from 'commander';
import { shippedProfile, type JurisdictionProfile } from '@opennrm/domain';
import { migrateToLatest, openDatabase, syncProfileOrganisations, type NrmDatabase } from '@opennrm/server';

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
 * Opens the database named by DATABASE_URL (else PGlite in --data), migrates
 * it, loads the profile's organisations, runs `work`, and always closes.
 */
export async function withDatabase<T>(command: Command, work: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const options = globalOptions(command);
  const profile = shippedProfile(options.profile);
  const nrm = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: options.data });
  try {
    await migrateToLatest(nrm.db);
    await syncProfileOrganisations(nrm.db, profile);
    return await work({ nrm, profile });
  } finally {
    await nrm.close();
  }
}
