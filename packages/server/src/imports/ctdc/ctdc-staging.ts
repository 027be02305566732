import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseLines } from 'csv-parse/sync';
import { ctdcRowMapper, type CtdcRowMapper, type FieldProblem } from '@opennrm/domain';
import type { CopyValue } from '../../db/copy-format.ts';
import type { BulkTransaction } from '../../db/database.ts';
import type { ImportProgress } from '../import-batch.ts';
import { CTDC_KIND_COLUMNS, CTDC_KIND_FIELDS, kindKey, kindValues } from './ctdc-kinds.ts';
import type { RowProblemCollector } from '../import-errors.ts';

/** What loadCtdcStaged needs to know of the file and its batch. */
export interface StagedCtdcFile {
  path: string;
  total_bytes: number;
  /** Lines of the file (hashAndCountLines). */
  lines: number;
  file_sha256: string;
  batch_id: string;
  current_year: number;
  problems: RowProblemCollector;
  /** Most problems listed (the collector's limit): at most this many bad rows are read back. */
  max_problems: number;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Header bytes read to find the header row (a CTDC header is about 2 KB). */
const HEADER_BYTES = 64 * 1024;
const LINE_FEED = 0x0a;
/**
 * Distinct lines above which the staged path gives up: each one is mapped in
 * Node and held in memory at once, which pays off only while rows repeat
 * (CTDC's k-anonymised rows do: 936 kinds in the 48,773-row 2020 subset).
 */
const MAX_KINDS = 100_000;

/** ctdc_kind's columns besides `line_text` and the mapped fields: the bad kind's index, or the kind's number. */
const LINE_KIND_COLUMNS = { bad: 'integer', kind: 'integer' } as const;

/** The header row's fields, or undefined when the first 64 KiB hold no well-formed CSV record. */
async function readHeader(path: string): Promise<string[] | undefined> {
  const parser = createReadStream(path, { end: HEADER_BYTES - 1 }).pipe(
    parse({ bom: true, to_line: 1, relax_column_count: true, record_delimiter: ['\r\n', '\n'] }),
  );
  try {
    for await (const record of parser as AsyncIterable<string[]>) return record;
    return undefined;
  } catch {
    return undefined;
  } finally {
    parser.destroy();
  }
}

/**
 * Parses distinct lines, one CSV record each, with the row path's csv-parse
 * options. Undefined when a line is not one complete record (bad quoting, or
 * a quoted field that goes on in the next line).
 */
function parseKinds(lines: readonly string[]): string[][] | undefined {
  try {
    const records = parseLines(lines.join('\n'), { relax_column_count: true, record_delimiter: '\n' }) as string[][];
    return records.length === lines.length ? records : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the row path says of a record (mapper.map or a field count), as ctdc_kind values:
 * a bad record points at its problems in `badKinds`, a good one at its kind's number in `kinds`
 * (lines that map to the same values are one kind, whatever their spelling: "0" and "-99").
 */
function kindRow(
  line: string,
  record: string[],
  mapper: CtdcRowMapper,
  width: number,
  badKinds: FieldProblem[][],
  kinds: Map<string, number>,
): CopyValue[] {
  const result: { ok: false; problems: FieldProblem[] } | ReturnType<CtdcRowMapper['map']> =
    record.length === width
      ? mapper.map(record)
      : {
          ok: false,
          problems: [{ column: '', reason: `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${width}` }],
        };
  if (!result.ok) {
    badKinds.push(result.problems);
    return [line, badKinds.length - 1, null, ...Array<null>(CTDC_KIND_COLUMNS.length).fill(null)];
  }
  const key = kindKey(result.victim);
  let kind = kinds.get(key);
  if (kind === undefined) kinds.set(key, (kind = kinds.size));
  return [line, null, kind, ...kindValues(result.victim)];
}

/**
 * Loads a CTDC file through a staging table and stores it by kind
 * (`ctdc_record_kind`, migration 0022). The file's lines go to the server
 * unparsed and unchanged (one COPY into a TEMP table of one text column,
 * numbered by line); the server lists the distinct lines, and each is parsed,
 * mapped and validated once in Node by the row path's csv-parse options and
 * the domain's ctdcRowMapper (the one source of the codebook rules and their
 * messages). The server keeps each distinct line with its line numbers; the
 * mapped lines go back as a small table, each with the number of its kind
 * (distinct mapped values); then one query returns the first bad rows by
 * line, or one INSERT ... SELECT merges the distinct lines of each kind and
 * writes each kind once with `n` and its line numbers, its id from the
 * file's SHA-256 and its first line (opennrm_line_id, migration 0022: the
 * row path's lineIds in SQL). Empty lines
 * are skipped, as on the row path.
 *
 * Returns undefined, with the transaction as it was (ROLLBACK TO SAVEPOINT),
 * when the file needs the row path (which reports exactly what is wrong):
 * a header the mapper refuses, mixed CRLF and LF line ends, a byte 0x01 or
 * 0x02 or NUL, a line "\." (COPY's end of data), a line that is not one
 * complete CSV record (a quoted field spanning lines, bad quoting), no data
 * row, or more than MAX_KINDS distinct lines.
 *
 * @returns the rows imported, or undefined (see above).
 * @throws ImportRowError (through `file.problems`) naming line, column and reason of the first bad rows, in line order.
 */
export async function loadCtdcStaged(tx: BulkTransaction, file: StagedCtdcFile): Promise<number | undefined> {
  const header = await readHeader(file.path);
  if (!header) return undefined;
  let mapper: CtdcRowMapper;
  try {
    mapper = ctdcRowMapper(header, file.current_year);
  } catch {
    return undefined;
  }
  const progress = (phase: string, bytes: number, rows: number) => file.onProgress?.({ phase, bytes, total_bytes: file.total_bytes, rows });

  // Each statement below takes well under a second; compiling it (its cost estimates pass jit_above_cost)
  // took 1.5 s of a million-row import on PostgreSQL. PGlite has no JIT.
  await tx.query('SET LOCAL jit = off');
  await tx.query('SAVEPOINT ctdc_staging');
  const giveUp = async () => {
    await tx.query('ROLLBACK TO SAVEPOINT ctdc_staging');
    await tx.query('RELEASE SAVEPOINT ctdc_staging');
    return undefined;
  };
  await tx.query(
    `CREATE TEMP TABLE ctdc_staging (line_text text NOT NULL, line integer GENERATED ALWAYS AS IDENTITY (START WITH 2)) ON COMMIT DROP`,
  );
  progress('copying the file', 0, 0);
  let bytes = 0;
  let lineFeeds = 0;
  try {
    await tx.copyFileLines('ctdc_staging', 'line_text', file.path, (chunk) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(LINE_FEED); i >= 0; i = chunk.indexOf(LINE_FEED, i + 1)) lineFeeds++;
      // Lines sent so far, less the header.
      progress('copying the file', bytes, Math.max(0, lineFeeds - 1));
    });
  } catch {
    // Whatever stopped the COPY (see copyFileLines), the row path reads the file
    // again and says what is wrong with it in its own words.
    return giveUp();
  }
  progress('validating', file.total_bytes, Math.max(0, file.lines - 1));
  // Each distinct line once with its line numbers: the one pass over every line the kinds need (grouping
  // them again by kind at the end would join and sort every line: about four times the server's time).
  await tx.query(
    `CREATE TEMP TABLE ctdc_text ON COMMIT DROP AS SELECT line_text, array_agg(line) AS lines FROM ctdc_staging GROUP BY line_text`,
  );
  await tx.query('DROP TABLE ctdc_staging');
  const groups = await tx.query<{ line_text: string; rows: number }>(
    `SELECT line_text, cardinality(lines) AS rows FROM ctdc_text LIMIT ${MAX_KINDS + 2}`,
  );
  const kinds = groups.filter((k) => k.line_text !== '');
  // Every line but the header must have arrived: COPY also ends at a line "\." (its end-of-data mark).
  const complete = groups.reduce((sum, k) => sum + k.rows, 0) + 1 === file.lines;
  const records = complete && kinds.length <= MAX_KINDS ? parseKinds(kinds.map((k) => k.line_text)) : undefined;
  if (!records || records.length === 0) return giveUp();
  await tx.query('RELEASE SAVEPOINT ctdc_staging');

  const badKinds: FieldProblem[][] = [];
  const kindNumbers = new Map<string, number>();
  const kindRows = kinds.map((k, i) => kindRow(k.line_text, records[i]!, mapper, header.length, badKinds, kindNumbers));
  const columns = { ...LINE_KIND_COLUMNS, ...CTDC_KIND_FIELDS };
  await tx.query(
    `CREATE TEMP TABLE ctdc_kind (line_text text NOT NULL, ${Object.entries(columns)
      .map(([name, type]) => `${name} ${type}`)
      .join(', ')}) ON COMMIT DROP`,
  );
  await tx.copyRows('ctdc_kind', ['line_text', ...Object.keys(columns)], kindRows);
  await tx.query('ANALYZE ctdc_kind');

  if (badKinds.length > 0) {
    // One set-based query: the first bad rows by line, each with its kind's problems.
    const bad = await tx.query<{ line: number; bad: number }>(
      `SELECT x AS line, k.bad FROM ctdc_text t JOIN ctdc_kind k USING (line_text), unnest(t.lines) AS x
       WHERE k.bad IS NOT NULL ORDER BY x LIMIT $1`,
      [file.max_problems],
    );
    for (const { line, bad: kind } of bad) {
      for (const p of badKinds[kind]!) file.problems.add({ line, column: p.column, reason: p.reason });
      if (file.problems.full) break;
    }
    file.problems.throwIfAny(file.path);
  }

  const rows = kinds.reduce((sum, k) => sum + k.rows, 0);
  progress('inserting', file.total_bytes, rows);
  const fields = CTDC_KIND_COLUMNS.join(', ');
  // A kind's lines are those of its distinct lines ("0" and "-99" are one kind), merged and sorted once
  // (MATERIALIZED: a subquery inlined would be evaluated for each use of `lines`).
  const [inserted] = await tx.query<{ n: number }>(
    `WITH texts AS MATERIALIZED (SELECT k.kind, t.lines FROM ctdc_text t JOIN ctdc_kind k USING (line_text) WHERE k.bad IS NULL),
     merged AS MATERIALIZED (
       SELECT k.kind, ARRAY(SELECT x FROM texts t, unnest(t.lines) AS x WHERE t.kind = k.kind ORDER BY x) AS lines
       FROM (SELECT DISTINCT kind FROM texts) k),
     inserted AS (
       INSERT INTO ctdc_record_kind (id, import_batch_id, ${fields}, n, lines)
       SELECT opennrm_line_id($2, 'ctdc_record_kind', m.lines[1]), $1::uuid, ${CTDC_KIND_COLUMNS.map((c) => `k.${c}`).join(', ')},
         cardinality(m.lines), m.lines
       FROM merged m JOIN (SELECT DISTINCT ON (kind) * FROM ctdc_kind WHERE bad IS NULL ORDER BY kind) k USING (kind)
       RETURNING n)
     SELECT coalesce(sum(n), 0)::int AS n FROM inserted`,
    [file.batch_id, file.file_sha256],
  );
  // Every non-empty line has its kind: anything else is a bug, not bad input.
  if (inserted!.n !== rows) throw new Error(`staged ${rows} rows but stored ${inserted!.n} lines by kind`);
  await tx.query('DROP TABLE ctdc_text, ctdc_kind');
  return rows;
}
