import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { ctdcRowMapper, type CtdcRowMapper, type CtdcVictim } from '@opennrm/domain';
import type { BulkTransaction, NrmDatabase } from '../../db/database.ts';
import { claimImportBatch, completeImportBatch, lineIds, type ImportOutcome, type ImportProgress } from '../import-batch.ts';
import { CTDC_KIND_COLUMNS, kindKey, kindValues } from './ctdc-kinds.ts';
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
   * true (the default): the staged path, which sends the file's lines to the
   * server and maps each distinct line once (loadCtdcStaged), and takes the
   * row path by itself for a file it cannot split by lines. false: the row
   * path, every row parsed and mapped in Node (several times slower; the
   * same records).
   */
  bulk?: boolean;
}

const PROGRESS_EVERY_ROWS = 10_000;
const DEFAULT_MAX_PROBLEMS = 100;

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

/** Values of one `ctdc_record_kind` row besides its id and batch: the mapped line, then `n` and `lines`. */
interface KindOfLines {
  victim: CtdcVictim;
  lines: number[];
}

/**
 * Imports a CTDC global dataset CSV (see @opennrm/domain ctdc.ts for the
 * codebook mapping) as de-identified statistical records stored by kind
 * (`ctdc_record_kind`, migration 0022, docs/data-model.md "CTDC records"):
 * one row per distinct mapped line, with `n`, the number of the file's lines
 * of that kind, and `lines`, their line numbers ascending. No person and no
 * victim case: a CTDC line is nobody anyone can work on, trace or erase. The
 * annual report counts each line as one identified victim of its
 * registration year (report-populations.ts). Kind ids are UUIDv8 from the
 * file's SHA-256 and the kind's first line (lineIds), so a file gives the
 * same ids in every database.
 *
 * Not deduplicated line by line: CTDC rows are k-anonymised and carry no
 * identifier, so two identical rows may be two victims (they are one kind
 * with n = 2). A different file (a later release, or a subset of a file
 * imported before) adds all its rows; docs/imports.md says how to avoid
 * counting victims twice.
 *
 * Transactional: the whole file is loaded in one transaction, so a bad row
 * anywhere leaves the database as it was. Idempotent: a file whose content
 * (SHA-256) was imported before adds nothing and returns status "already_imported".
 * Staged path (the default, options.bulk): the file is read once for its
 * hash and line count, its lines are copied unparsed into a staging table
 * and each distinct line is mapped once (loadCtdcStaged), unless the file
 * needs the row path (mixed line ends, quoted line breaks, bad CSV:
 * loadCtdcStaged says which). Row path: rows parsed and mapped in Node,
 * grouped by kind in memory (a few thousand kinds and one number a line),
 * then written in one COPY.
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

  return nrm.bulk(async (tx: BulkTransaction): Promise<ImportOutcome> => {
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
    if (options.bulk ?? true) {
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

    // One pass: every row is validated and grouped by kind. After the first bad
    // row nothing more is grouped, but reading goes on to report up to
    // maxProblems problems; then the transaction rolls back.
    options.onProgress?.({ phase: 'validating and grouping', bytes: 0, total_bytes: totalBytes, rows: 0 });
    const kinds = new Map<string, KindOfLines>();
    let rows = 0;
    for await (const { line, victim } of readCtdc(path, totalBytes, currentYear, problems, report('validating and grouping'))) {
      if (problems.count > 0) continue;
      const key = kindKey(victim);
      const kind = kinds.get(key);
      if (kind) kind.lines.push(line);
      else kinds.set(key, { victim, lines: [line] });
      rows++;
    }
    problems.throwIfAny(path);
    options.onProgress?.({ phase: 'inserting', bytes: totalBytes, total_bytes: totalBytes, rows });
    const kindId = lineIds(fileSha256, 'ctdc_record_kind');
    await tx.copyRows(
      'ctdc_record_kind',
      ['id', 'import_batch_id', ...CTDC_KIND_COLUMNS, 'n', 'lines'],
      [...kinds.values()].map(({ victim, lines: kindLines }) => [
        kindId(kindLines[0]!),
        batchId,
        ...kindValues(victim),
        kindLines.length,
        kindLines.map(String),
      ]),
    );
    await completeImportBatch(tx, batchId, rows);
    return { status: 'imported', batch_id: batchId, file_sha256: fileSha256, rows, elapsed_ms: performance.now() - started };
  });
}
