import { Migrator, type Migration } from 'kysely/migration';
import type { NrmDatabase } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';

/** Which migrations the database has and lacks. */
export interface MigrationState {
  applied: string[];
  pending: string[];
}

/**
 * Reads the migration state (Kysely's migration table) of the database.
 * @throws when the database cannot be reached.
 */
export async function migrationState(nrm: NrmDatabase): Promise<MigrationState> {
  const migrator = new Migrator({ db: nrm.db, provider: { getMigrations: async () => migrations as Record<string, Migration> } });
  const all = await migrator.getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
