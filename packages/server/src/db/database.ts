import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { copyLine, type CopyValue } from './copy-format.ts';
import { createDataFolder, DatabaseUnavailableError, holdsPgliteData, lockDataFolder, noDatabaseError } from './data-folder.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Where the NRM record lives. */
export interface DatabaseOptions {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder, or "memory://" for a throw-away database. Default "./data". */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests give each file its own). Default: the server's search_path. */
  schema?: string | undefined;
  /**
   * true (default): create the data folder and database when missing (migrate, demo, import, serve).
   * false: refuse a folder or schema without an OpenNRM database (commands that only read), so a
   * mistyped --data is an error, not an empty database reporting zeros.
   */
  create?: boolean | undefined;
}

/**
 * A transaction for loading many rows at once. Everything done through it
 * commits together or not at all (imports are transactional: a bad row leaves
 * the database as it was).
 */
export interface BulkTransaction {
  /** Runs one SQL statement with $1-style parameters. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * Streams rows into a table with COPY. Rows are arrays in `columns` order.
   * @returns the number of rows copied.
   */
  copyRows(
    table: string,
    columns: readonly string[],
    rows: AsyncIterable<readonly CopyValue[]> | Iterable<readonly CopyValue[]>,
  ): Promise<number>;
}

/** An open NRM database: the typed query builder plus the bulk-load port. */
export interface NrmDatabase {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction with COPY available; rolls back if it throws. */
  bulk<T>(work: (tx: BulkTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Dates stay ISO strings ("YYYY-MM-DD") so that no time zone can shift a day;
// int8 (count(*), sum) becomes a number: NRM counts are far below 2^53.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const keepText = (v: string) => v;

/** PGlite copies from an in-memory blob, so rows go in slices of this many bytes. */
const PGLITE_COPY_SLICE_BYTES = 32 * 1024 * 1024;
/** PostgreSQL gets COPY data in messages of about this many characters. */
const POSTGRES_COPY_SLICE_CHARS = 256 * 1024;

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid SQL identifier "${name}"`);
  return `"${name}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source}`;
}

async function openPglite(dataDir: string, create: boolean): Promise<NrmDatabase> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) {
    if (!create && !holdsPgliteData(dataDir)) throw noDatabaseError(dataDir);
    createDataFolder(dataDir);
  }
  // PGlite is single-process: a second process on the folder silently loses data.
  const lock = inMemory ? null : lockDataFolder(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      parsers: { [DATE_OID]: keepText, [INT8_OID]: Number, [NUMERIC_OID]: Number },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    async bulk(work) {
      return pglite.transaction(async (tx) =>
        work({
          async query(text, params) {
            return (await tx.query(text, params)).rows as never[];
          },
          async copyRows(table, columns, rows) {
            let count = 0;
            let buffer: string[] = [];
            let bytes = 0;
            const flush = async () => {
              if (buffer.length === 0) return;
              await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob(buffer) });
              buffer = [];
              bytes = 0;
            };
            for await (const row of rows) {
              const line = copyLine(row);
              buffer.push(line);
              bytes += line.length;
              count++;
              if (bytes >= PGLITE_COPY_SLICE_BYTES) await flush();
            }
            await flush();
            return count;
          },
        }),
      );
    },
    async close() {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<NrmDatabase> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return keepText;
      if (oid === INT8_OID || oid === NUMERIC_OID) return Number;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: types as pg.CustomTypesConfig,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
  if (schema) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async bulk(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query(text, params) {
            return (await client.query(text, params)).rows;
          },
          async copyRows(table, columns, rows) {
            let count = 0;
            // One COPY message per row costs a socket write each (about 20 µs):
            // send the rows in slices instead.
            const lines = Readable.from(
              (async function* () {
                let slice = '';
                for await (const row of rows) {
                  count++;
                  slice += copyLine(row);
                  if (slice.length >= POSTGRES_COPY_SLICE_CHARS) {
                    yield slice;
                    slice = '';
                  }
                }
                if (slice) yield slice;
              })(),
            );
            await pipeline(lines, client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
            return count;
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Opens the NRM database: PostgreSQL when `databaseUrl` is given, otherwise
 * the embedded PGlite in `dataDir`, locked for this process until close()
 * (or exit). Same migrations and queries on both.
 *
 * @throws DatabaseUnavailableError NO_DATABASE (create: false and no OpenNRM
 *   database there), IN_USE (another process has the PGlite folder), UNUSABLE
 *   (the folder cannot be created); or the server's error when it cannot be reached.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<NrmDatabase> {
  const create = options.create ?? true;
  const nrm = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema)
    : await openPglite(options.dataDir ?? './data', create);
  if (!create && !(await holdsOpenNrmSchema(nrm.db))) {
    await nrm.close();
    if (nrm.kind === 'pglite') throw noDatabaseError(options.dataDir ?? './data');
    throw new DatabaseUnavailableError(
      'NO_DATABASE',
      `no OpenNRM database at DATABASE_URL${options.schema ? ` (schema ${options.schema})` : ''}: run \`opennrm migrate\` first`,
    );
  }
  return nrm;
}

/** Whether migrations have ever run here (Kysely's migration table is in the current schema). */
async function holdsOpenNrmSchema(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS found`.execute(db);
  return rows[0]?.found === true;
}

/**
 * Brings the schema up to the latest migration.
 * @throws the first migration error, after which nothing of that migration is applied.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Kysely looks for its migration table in every schema unless told which:
  // name the current one, so that schemas sharing a database (tests) stay apart.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations as Record<string, Migration> },
    migrationTableSchema: rows[0]?.schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
