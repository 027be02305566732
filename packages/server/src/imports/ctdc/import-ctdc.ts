import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { ctdcRowMapper, type CtdcRowMapper, type CtdcVictim } from '@opennrm/domain';
import { lockForBulkLoad, suspendIndexesAndForeignKeys } from '../../db/bulk-load.ts';
import type { CopyValue } from '../../db/copy-format.ts';
import type { BulkTransaction, NrmDatabase } from '../../db/database.ts';
import { claimImportBatch, completeImportBatch, lineIds, type ImportOutcome, type ImportProgress } from '../import-batch.ts';
import { loadCtdcStaged } from './ctdc-staging.ts';
import { hashAndCountLines } from './file-summary.ts';
import { RowProblemCollector } from '../import-errors.ts';
import { checkImportFile } from '../import-file.ts';

/** `import_batch.kind` of CTDC files. */
export const CTDC_IMPORT_KIND = 'ctdc';

/** Options of importCtdcFile. */
export interface CtdcImportOptions {
  /** Called every few thousand rows and at the end of each pass. */
  onProgress?: (progress: ImportProgress) => void;
  /** Bad rows reported before giving up. Default 100. */
  maxProblems?: number;
  /** Latest registration year accepted. Default: the current year. */
  currentYear?: number;
  /**
   * Bulk load: take the indexes and foreign keys of `person` and
   * `victim_case` off for the COPY and put them back after it, in the same
   * transaction. Far faster for large files, but the two tables are locked
   * (ACCESS EXCLUSIVE: no reads, no writes) until the import ends.
   * Default: bulk when the file has at least CTDC_BULK_LOAD_MIN_ROWS lines.
   */
  bulk?: boolean;
}

/**
 * Files of at least this many lines are bulk-loaded unless told otherwise.
 * The bulk path rebuilds the indexes over the whole tables, not just the new
 * rows, and locks them for the whole import: for a small file into a large
 * record that costs more than it saves. Into an empty database even the
 * 48,773-row CTDC subset loads in about half the time on the bulk path
 * (packages/server/test/imports, both engines); at 200,000 rows on
 * PostgreSQL it needs a quarter of the server's CPU time and half to a third
 * of the wall time (bench/RESULTS.md, "Import throughput").
 */
export const CTDC_BULK_LOAD_MIN_ROWS = 100_000;

const PERSON_COLUMNS = ['id', 'sex', 'citizenships', 'import_batch_id', 'source_ref'] as const;
const CASE_COLUMNS = [
  'id',
  'person_id',
  'case_number',
  'nrm_status',
  'registration_year',
  'reporting_year',
  'forms',
  'sector',
  'countries_of_exploitation',
  'age_band',
  'is_child',
  'recruitment_methods',
  'recruiter_relationship',
  'means_of_control',
  'import_batch_id',
  'source_ref',
] as const;

const PROGRESS_EVERY_ROWS = 10_000;
const DEFAULT_MAX_PROBLEMS = 100;
/** Tables whose indexes and foreign keys the bulk path takes off. */
const BULK_TABLES = ['person', 'victim_case'] as const;
/**
 * Rows a slice: each slice is one COPY into person and one into victim_case.
 * Larger slices cost PGlite less (about 10% less from 20,000 to 200,000 rows)
 * but hold more rows in memory (about 30 MB at 50,000).
 */
const COPY_SLICE_ROWS = 50_000;

/**
 * What a CSV syntax error means, in words: csv-parse's own messages quote the
 * offending field, which may be binary data or a victim's details.
 */
const CSV_ERROR_REASONS: Partial<Record<string, string>> = {
  INVALID_OPENING_QUOTE: 'a field has a double quote (") inside it; quote the whole field and double the quote',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field has text after its closing double quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field has text after its closing double quote',
  CSV_QUOTE_NOT_CLOSED: 'a double quote opens a field that is never closed',
  CSV_MAX_RECORD_SIZE: 'a record is too large',
};

interface MappedLine {
  line: number;
  victim: CtdcVictim;
}

/**
 * Streams the data rows of a CTDC CSV through the mapper. Bad rows go to
 * `problems` and are not yielded; reading stops once `problems` is full.
 */
async function* readCtdc(
  path: string,
  totalBytes: number,
  currentYear: number,
  problems: RowProblemCollector,
  progress: (bytes: number, rows: number) => void,
): AsyncGenerator<MappedLine> {
  // Records end at CRLF or LF, mixed: the CTDC release uses CRLF, and rows
  // added by a text editor or `>>` often end in LF alone.
  const parser = createReadStream(path).pipe(
    parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true, record_delimiter: ['\r\n', '\n'] }),
  );
  let mapper: CtdcRowMapper | undefined;
  let width = 0;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      // csv-parse counts the line a record ends on; a quoted field may span lines.
      let line = info.lines;
      for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) line--;
      if (!mapper) {
        try {
          mapper = ctdcRowMapper(record, currentYear);
        } catch (error) {
          problems.add({ line, column: '', reason: (error as Error).message });
          return;
        }
        width = record.length;
        continue;
      }
      rows++;
      if (rows % PROGRESS_EVERY_ROWS === 0) progress(info.bytes, rows);
      if (record.length !== width) {
        if (
          !problems.add({
            line,
            column: '',
            reason: `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${width}`,
          })
        )
          break;
        continue;
      }
      const result = mapper.map(record);
      if (result.ok) yield { line, victim: result.victim };
      else {
        for (const p of result.problems) problems.add({ line, column: p.column, reason: p.reason });
        if (problems.full) break;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines } = error as CsvError & { lines?: number };
    problems.add({
      line: lines ?? 0,
      column: '',
      reason: `not valid CSV: ${CSV_ERROR_REASONS[error.code] ?? `csv-parse error ${error.code}`}`,
    });
  } finally {
    parser.destroy();
  }
  if (!mapper && problems.count === 0)
    problems.add({ line: 1, column: '', reason: 'the file is empty: a CTDC file starts with a header row' });
  // A header alone is a mistake (a wrong export, a truncated copy), not an import of nothing.
  if (mapper && rows === 0 && problems.count === 0)
    problems.add({ line: 2, column: '', reason: 'no data rows: the file has only its header' });
  progress(totalBytes, rows);
}

/**
 * Imports a CTDC global dataset CSV (see @opennrm/domain ctdc.ts for the
 * codebook mapping): each data row becomes one person and one identified
 * victim case, with case number `CTDC-<first 8 hex of the file's SHA-256>-<line>`,
 * source_ref `line N` and ids derived from the file's SHA-256 and the line
 * (lineIds), so that files never collide with each other.
 *
 * Not deduplicated record by record: CTDC rows are k-anonymised and carry no
 * identifier, so two identical rows may be two victims. A different file
 * (a later release, or a subset of a file imported before) adds all its rows;
 * docs/imports.md says how to avoid counting victims twice.
 *
 * Transactional: the whole file is loaded in one transaction, so a bad row
 * anywhere leaves the database as it was. Idempotent: a file whose content
 * (SHA-256) was imported before adds nothing and returns status "already_imported".
 * Row path: the file is read twice (hash and line count, then rows parsed and
 * mapped in Node, COPY into person and victim_case slice by slice) and never
 * held in memory beyond one slice of COPY_SLICE_ROWS rows.
 * Bulk path (options.bulk, by default for CTDC_BULK_LOAD_MIN_ROWS lines or
 * more): the file's lines go unparsed into a staging table and are mapped per
 * distinct line (loadCtdcStaged), unless the file needs the row path (mixed
 * line ends, quoted line breaks, bad CSV: loadCtdcStaged says which); either
 * way see suspendIndexesAndForeignKeys for what is taken off and the lock it
 * holds on person and victim_case until the import ends.
 *
 * Refused, saving nothing and recording no batch: any bad row (however
 * small `maxProblems`: it limits only the problems listed), a header that
 * names no CTDC column or repeats one, a file with a header and no data rows.
 * Records end at CRLF or LF, mixed in one file.
 *
 * @throws ImportFileError when the file is missing, a folder, unreadable or not UTF-8 text;
 *   ImportRowError naming line, column and reason of up to `maxProblems` problems;
 *   RangeError when `maxProblems` is not a whole number of 1 or more.
 */
export async function importCtdcFile(nrm: NrmDatabase, path: string, options: CtdcImportOptions = {}): Promise<ImportOutcome> {
  const started = performance.now();
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const problems = new RowProblemCollector(options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const totalBytes = await checkImportFile(path, 'a CSV text file');
  const report = (phase: string) => (bytes: number, rows: number) => options.onProgress?.({ phase, bytes, total_bytes: totalBytes, rows });
  options.onProgress?.({ phase: 'checking the file', bytes: 0, total_bytes: totalBytes, rows: 0 });
  const { sha256: fileSha256, lines } = await hashAndCountLines(path);
  const bulk = options.bulk ?? lines >= CTDC_BULK_LOAD_MIN_ROWS;

  return nrm.bulk(async (tx: BulkTransaction): Promise<ImportOutcome> => {
    if (bulk) await lockForBulkLoad(tx, BULK_TABLES);
    const claim = await claimImportBatch(tx, { kind: CTDC_IMPORT_KIND, file_name: basename(path), file_sha256: fileSha256 });
    if (!claim.claimed) {
      return {
        status: 'already_imported',
        batch_id: claim.batch.id,
        file_sha256: fileSha256,
        rows: 0,
        previous_rows: claim.batch.row_count,
        previous_imported_at: claim.batch.imported_at,
        elapsed_ms: performance.now() - started,
      };
    }
    const batchId = claim.id;
    if (bulk) {
      const staged = await loadCtdcStaged(tx, {
        path,
        total_bytes: totalBytes,
        lines,
        file_sha256: fileSha256,
        batch_id: batchId,
        current_year: currentYear,
        problems,
        max_problems: options.maxProblems ?? DEFAULT_MAX_PROBLEMS,
        onProgress: options.onProgress,
      });
      if (staged !== undefined) {
        await completeImportBatch(tx, batchId, staged);
        return { status: 'imported', batch_id: batchId, file_sha256: fileSha256, rows: staged, elapsed_ms: performance.now() - started };
      }
    }
    const personId = lineIds(fileSha256, 'person');
    const caseId = lineIds(fileSha256, 'victim_case');
    const casePrefix = `CTDC-${fileSha256.slice(0, 8)}-`;
    const suspended = bulk ? await suspendIndexesAndForeignKeys(tx, BULK_TABLES) : undefined;

    // One pass: every row is validated, and the rows go to the server in
    // slices (persons, then their cases) while the next slice is parsed. After
    // the first bad row nothing more is copied, but reading goes on to report
    // up to maxProblems problems; then the transaction rolls back.
    options.onProgress?.({ phase: 'validating and copying', bytes: 0, total_bytes: totalBytes, rows: 0 });
    let persons: CopyValue[][] = [];
    let cases: CopyValue[][] = [];
    let rows = 0;
    let inFlight: Promise<void> = Promise.resolve();
    const send = (personRows: CopyValue[][], caseRows: CopyValue[][]) => {
      inFlight = (async () => {
        await tx.copyRows('person', PERSON_COLUMNS, personRows);
        await tx.copyRows('victim_case', CASE_COLUMNS, caseRows);
      })();
      // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
      inFlight.catch(() => undefined);
      rows += personRows.length;
    };
    try {
      for await (const { line, victim: v } of readCtdc(path, totalBytes, currentYear, problems, report('validating and copying'))) {
        if (problems.count > 0) continue;
        const person = personId(line);
        const source = `line ${line}`;
        persons.push([person, v.sex, v.citizenships, batchId, source]);
        cases.push([
          caseId(line),
          person,
          casePrefix + line,
          'identified',
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
          batchId,
          source,
        ]);
        if (persons.length === COPY_SLICE_ROWS) {
          await inFlight;
          send(persons, cases);
          persons = [];
          cases = [];
        }
      }
    } finally {
      // The server may still be copying a slice: let it finish (or fail) before
      // the transaction ends either way.
      await inFlight.catch(() => undefined);
    }
    await inFlight;
    problems.throwIfAny(path);
    if (persons.length > 0) send(persons, cases);
    await inFlight;
    if (suspended) {
      options.onProgress?.({ phase: 'rebuilding indexes and checking foreign keys', bytes: totalBytes, total_bytes: totalBytes, rows });
      await suspended.restore();
    }
    await completeImportBatch(tx, batchId, rows);
    return { status: 'imported', batch_id: batchId, file_sha256: fileSha256, rows, elapsed_ms: performance.now() - started };
  });
}
