import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { Migrator, type Migration } from 'kysely/migration';
import { sql } from 'kysely';
import { shippedProfile } from '@opennrm/domain';
import { migrateToLatest, openDatabase, type NrmDatabase } from '../../src/db/database.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { syncProfileOrganisations } from '../../src/organisations/profile-organisations.ts';

/**
 * Which database the suite runs on: "pglite" (default) or "postgres".
 * `npm test` runs the suite once for each (vitest projects, vitest.config.ts).
 */
export const TEST_DB_KIND = (process.env.OPENNRM_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** PostgreSQL database the postgres run uses; each test database is a fresh schema in it. */
export const TEST_POSTGRES_URL = process.env.OPENNRM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/opennrm_test';

async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount)
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // another test file created it first
      });
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database with the Romania profile's organisations, on
 * the engine this run tests. Close it in afterAll/afterEach.
 */
export async function freshDatabase(): Promise<NrmDatabase> {
  const copied = await pgliteCopy('migrated');
  const nrm = copied ?? (await emptyDatabase());
  if (!copied) await migrateToLatest(nrm.db);
  await syncProfileOrganisations(nrm.db, shippedProfile('romania'));
  return nrm;
}

async function emptyDatabase(): Promise<NrmDatabase> {
  if (TEST_DB_KIND === 'postgres') {
    await ensurePostgresDatabase(TEST_POSTGRES_URL);
    return openDatabase({ databaseUrl: TEST_POSTGRES_URL, schema: `t_${randomBytes(6).toString('hex')}` });
  }
  return (await pgliteCopy('empty')) ?? openDatabase({ dataDir: 'memory://' });
}

/**
 * On PGlite, under the pglite project's global setup (pglite-templates.ts): a
 * new data folder copied from the template that setup initialised (and
 * migrated), opened as any data folder is; close() also deletes the copy.
 * Elsewhere (no template provided) null, and the caller builds the database itself.
 */
async function pgliteCopy(template: 'empty' | 'migrated'): Promise<NrmDatabase | null> {
  const templates = TEST_DB_KIND === 'pglite' ? inject('pgliteTemplates') : undefined;
  if (!templates) return null;
  const dataDir = path.join(templates.scratch, `${process.pid}-${randomBytes(6).toString('hex')}`);
  cpSync(templates[template], dataDir, { recursive: true });
  const nrm = await openDatabase({ dataDir });
  return {
    ...nrm,
    async close() {
      try {
        await nrm.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A fresh database migrated up to and including migration `name` (a key of
 * migrations/index.ts), with the Romania profile's organisations: to test
 * what a later migration does to data written before it. Bring it up to date
 * with migrateToLatest.
 */
export async function databaseMigratedTo(name: string): Promise<NrmDatabase> {
  const nrm = await emptyDatabase();
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(nrm.db);
  const migrator = new Migrator({
    db: nrm.db,
    provider: { getMigrations: async () => migrations as Record<string, Migration> },
    migrationTableSchema: rows[0]?.schema,
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await syncProfileOrganisations(nrm.db, shippedProfile('romania'));
  return nrm;
}
