import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createReadStream } from 'node:fs';
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
  /**
   * Streams a text file's lines, unparsed, into one text column of a table
   * with COPY (FREEZE): one row a line, in file order, the first line (a
   * header) skipped, the line's end (LF or CRLF, whichever the first line has)
   * removed and nothing else changed. The table must have been created in the
   * current (sub)transaction (FREEZE requires it).
   * @param onChunk called with each chunk of the file as it is sent (for progress).
   * @throws RangeError when the file holds a byte 0x01 or 0x02 (COPY's delimiter
   *   and quote here, so such a line could not arrive unchanged); the server's
   *   error when the file mixes CRLF and LF line ends, has a NUL byte or is not
   *   UTF-8. Either way, roll the (sub)transaction back: part of the file may have been copied.
   */
  copyFileLines(table: string, column: string, path: string, onChunk?: (chunk: Buffer) => void): Promise<void>;
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

/**
 * COPY of whole lines into one column: CSV mode with a delimiter and a quote
 * (0x01, 0x02) that never occur in the file (copyFileLines checks), so no line
 * is split or unquoted, and no backslash escapes as in text mode.
 */
function copyLinesStatement(table: string, column: string, source: string, header: boolean): string {
  return `${copyStatement(table, [column], source)} WITH (FORMAT csv, HEADER ${header}, FREEZE true, DELIMITER E'\\x01', QUOTE E'\\x02', FORCE_NOT_NULL (${quoteIdent(column)}))`;
}

/** Chunks of a file read for a COPY of its lines. */
const FILE_CHUNK_BYTES = 1024 * 1024;
const LINE_FEED = 0x0a;
const COPY_DELIMITER = 0x01;
const COPY_QUOTE = 0x02;

/** Reads a file in chunks for copyFileLines, refusing the bytes its COPY reserves. */
async function* fileChunks(path: string, onChunk: ((chunk: Buffer) => void) | undefined): AsyncGenerator<Buffer<ArrayBuffer>> {
  for await (const chunk of createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }) as AsyncIterable<Buffer<ArrayBuffer>>) {
    if (chunk.includes(COPY_DELIMITER) || chunk.includes(COPY_QUOTE))
      throw new RangeError(`${path} holds a byte 0x01 or 0x02, which a COPY of its lines cannot carry`);
    onChunk?.(chunk);
    yield chunk;
  }
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
          async copyFileLines(table, column, path, onChunk) {
            // PGlite copies from a blob in memory: the file goes in slices cut
            // after a line feed, the header skipped in the first one only.
            let pending: Uint8Array<ArrayBuffer>[] = [];
            let size = 0;
            let first = true;
            const flush = async () => {
              await tx.query(copyLinesStatement(table, column, `'/dev/blob'`, first), [], { blob: new Blob(pending) });
              first = false;
              pending = [];
              size = 0;
            };
            for await (const chunk of fileChunks(path, onChunk)) {
              const cut = size + chunk.length >= PGLITE_COPY_SLICE_BYTES ? chunk.lastIndexOf(LINE_FEED) : -1;
              if (cut < 0) {
                pending.push(chunk);
                size += chunk.length;
                continue;
              }
              pending.push(chunk.subarray(0, cut + 1));
              await flush();
              if (cut + 1 < chunk.length) {
                pending.push(chunk.subarray(cut + 1));
                size = chunk.length - cut - 1;
              }
            }
            if (pending.length > 0 || first) await flush();
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
          async copyFileLines(table, column, path, onChunk) {
            const statement = copyLinesStatement(table, column, 'STDIN', true);
            await pipeline(Readable.from(fileChunks(path, onChunk)), client.query(copyFrom(statement)));
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
