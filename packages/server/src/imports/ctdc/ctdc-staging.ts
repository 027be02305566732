import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseLines } from 'csv-parse/sync';
import { ctdcRowMapper, type CtdcRowMapper, type FieldProblem } from '@opennrm/domain';
import { suspendIndexesAndForeignKeys } from '../../db/bulk-load.ts';
import type { CopyValue } from '../../db/copy-format.ts';
import type { BulkTransaction } from '../../db/database.ts';
import { lineIdPrefix, type ImportProgress } from '../import-batch.ts';
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

/** The tables the staged load writes; their secondary indexes and foreign keys are off while it inserts. */
const TARGET_TABLES = ['person', 'victim_case'] as const;
/** Header bytes read to find the header row (a CTDC header is about 2 KB). */
const HEADER_BYTES = 64 * 1024;
const LINE_FEED = 0x0a;
/**
 * Distinct lines above which the staged path gives up: each one is mapped in
 * Node and held in memory at once, which pays off only while rows repeat
 * (CTDC's k-anonymised rows do: 936 kinds in the 48,773-row 2020 subset).
 */
const MAX_KINDS = 100_000;

/** A line's kind after the mapping: ctdc_kind's columns besides `line_text`. */
const KIND_COLUMNS: Record<string, string> = {
  bad: 'integer',
  sex: 'text',
  citizenships: 'text[]',
  registration_year: 'integer',
  reporting_year: 'integer',
  forms: 'text[]',
  sector: 'text',
  countries_of_exploitation: 'text[]',
  age_band: 'text',
  is_child: 'boolean',
  recruitment_methods: 'text[]',
  recruiter_relationship: 'text',
  means_of_control: 'text[]',
};

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

/** What the row path says of a record (mapper.map or a field count), as ctdc_kind values. */
function kindRow(line: string, record: string[], mapper: CtdcRowMapper, width: number, badKinds: FieldProblem[][]): CopyValue[] {
  const result: { ok: false; problems: FieldProblem[] } | ReturnType<CtdcRowMapper['map']> =
    record.length === width
      ? mapper.map(record)
      : {
          ok: false,
          problems: [{ column: '', reason: `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${width}` }],
        };
  if (!result.ok) {
    badKinds.push(result.problems);
    return [line, badKinds.length - 1, ...Array<null>(Object.keys(KIND_COLUMNS).length - 1).fill(null)];
  }
  const v = result.victim;
  return [
    line,
    null,
    v.sex,
    v.citizenships,
    v.registration_year,
    v.reporting_year,
    v.forms,
    v.sector,
    v.countries_of_exploitation,
    v.age_band,
    v.is_child,
    v.recruitment_methods,
    v.recruiter_relationship,
    v.means_of_control,
  ];
}

/**
 * Bulk-loads a CTDC file through a staging table. The file's lines go to the
 * server unparsed and unchanged (one COPY into a TEMP table of one text
 * column, numbered by line); the server lists the distinct lines, and each is
 * parsed, mapped and validated once in Node by the row path's csv-parse
 * options and the domain's ctdcRowMapper (the one source of the codebook
 * rules and their messages). The mapped kinds go back as a second, small
 * table; then one query returns the first bad rows by line, or two
 * INSERT ... SELECT statements join every line to its kind and write `person`
 * and `victim_case` with the ids (lineIds), case numbers and source
 * references of the row path. The secondary indexes and foreign keys of both
 * tables are off for the inserts (suspendIndexesAndForeignKeys) and rebuilt
 * after them. Empty lines are skipped, as on the row path.
 *
 * Returns undefined, with the transaction as it was (ROLLBACK TO SAVEPOINT),
 * when the file needs the row path (which reports exactly what is wrong):
 * a header the mapper refuses, mixed CRLF and LF line ends, a byte 0x01 or
 * 0x02 or NUL, a line "\." (COPY's end of data), a line that is not one
 * complete CSV record (a quoted field spanning lines, bad quoting), no data
 * row, or more than MAX_KINDS distinct lines.
 *
 * @returns the rows imported, or undefined (see above).
 * @throws ImportRowError (through `file.problems`) naming line, column and reason of the first bad rows, in line order;
 *   PostgreSQL's error when a rebuilt unique key or foreign key fails (see SuspendedSchema.restore).
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

  await tx.query('SAVEPOINT ctdc_staging');
  const giveUp = async () => {
    await tx.query('ROLLBACK TO SAVEPOINT ctdc_staging');
    await tx.query('RELEASE SAVEPOINT ctdc_staging');
    return undefined;
  };
  await tx.query(
    `CREATE TEMP TABLE ctdc_staging (line_text text NOT NULL, line bigint GENERATED ALWAYS AS IDENTITY (START WITH 2)) ON COMMIT DROP`,
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
  const groups = await tx.query<{ line_text: string; rows: number }>(
    `SELECT line_text, count(*)::int AS rows FROM ctdc_staging GROUP BY line_text LIMIT ${MAX_KINDS + 2}`,
  );
  const kinds = groups.filter((k) => k.line_text !== '');
  // Every line but the header must have arrived: COPY also ends at a line "\." (its end-of-data mark).
  const complete = groups.reduce((sum, k) => sum + k.rows, 0) + 1 === file.lines;
  const records = complete && kinds.length <= MAX_KINDS ? parseKinds(kinds.map((k) => k.line_text)) : undefined;
  if (!records || records.length === 0) return giveUp();
  await tx.query('RELEASE SAVEPOINT ctdc_staging');

  const badKinds: FieldProblem[][] = [];
  const kindRows = kinds.map((k, i) => kindRow(k.line_text, records[i]!, mapper, header.length, badKinds));
  await tx.query(
    `CREATE TEMP TABLE ctdc_kind (line_text text NOT NULL, ${Object.entries(KIND_COLUMNS)
      .map(([name, type]) => `${name} ${type}`)
      .join(', ')}) ON COMMIT DROP`,
  );
  await tx.copyRows('ctdc_kind', ['line_text', ...Object.keys(KIND_COLUMNS)], kindRows);
  await tx.query('ANALYZE ctdc_kind');

  if (badKinds.length > 0) {
    // One set-based query: the first bad rows by line, each with its kind's problems.
    const bad = await tx.query<{ line: number; bad: number }>(
      `SELECT s.line::int AS line, k.bad FROM ctdc_staging s JOIN ctdc_kind k USING (line_text)
       WHERE k.bad IS NOT NULL ORDER BY s.line LIMIT $1`,
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
  const suspended = await suspendIndexesAndForeignKeys(tx, TARGET_TABLES);
  const id = (table: string) => `('${lineIdPrefix(file.file_sha256, table)}' || lpad(to_hex(s.line), 12, '0'))::uuid`;
  const persons = await tx.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO person (id, sex, citizenships, import_batch_id, source_ref)
       SELECT ${id('person')}, k.sex, k.citizenships, $1::uuid, 'line ' || s.line
       FROM ctdc_staging s JOIN ctdc_kind k USING (line_text)
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [file.batch_id],
  );
  const cases = await tx.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO victim_case (id, person_id, case_number, nrm_status, registration_year, reporting_year, forms, sector,
         countries_of_exploitation, age_band, is_child, recruitment_methods, recruiter_relationship, means_of_control,
         import_batch_id, source_ref)
       SELECT ${id('victim_case')}, ${id('person')}, $2 || s.line, 'identified', k.registration_year, k.reporting_year,
         k.forms, k.sector, k.countries_of_exploitation, k.age_band, k.is_child, k.recruitment_methods,
         k.recruiter_relationship, k.means_of_control, $1::uuid, 'line ' || s.line
       FROM ctdc_staging s JOIN ctdc_kind k USING (line_text)
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [file.batch_id, `CTDC-${file.file_sha256.slice(0, 8)}-`],
  );
  // Every non-empty line has its kind: anything else is a bug, not bad input.
  if (persons[0]!.n !== rows || cases[0]!.n !== rows)
    throw new Error(`staged ${rows} rows but inserted ${persons[0]!.n} persons and ${cases[0]!.n} cases`);
  await tx.query('DROP TABLE ctdc_staging, ctdc_kind');

  progress('rebuilding indexes and checking foreign keys', file.total_bytes, rows);
  await suspended.restore();
  return rows;
}
