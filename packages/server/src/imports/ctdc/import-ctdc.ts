import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { ctdcRowMapper, type CtdcRowMapper, type CtdcVictim } from '@opennrm/domain';
import type { CopyValue } from '../../db/copy-format.ts';
import type { BulkTransaction, NrmDatabase } from '../../db/database.ts';
import { claimImportBatch, completeImportBatch, lineIds, sha256File, type ImportOutcome, type ImportProgress } from '../import-batch.ts';
import { RowProblemCollector } from '../import-errors.ts';

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
}

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
  currentYear: number,
  problems: RowProblemCollector,
  progress: (bytes: number, rows: number) => void,
): AsyncGenerator<MappedLine> {
  const parser = createReadStream(path).pipe(parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true }));
  let mapper: CtdcRowMapper | undefined;
  let width = 0;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      // csv-parse counts the line a record ends on; a quoted field may span lines.
      let line = info.lines;
      for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) line--;
      if (!mapper) {
        mapper = ctdcRowMapper(record, currentYear);
        width = record.length;
        continue;
      }
      rows++;
      if (rows % PROGRESS_EVERY_ROWS === 0) progress(info.bytes, rows);
      if (record.length !== width) {
        if (!problems.add({ line, column: '', reason: `has ${record.length} fields; the header has ${width}` })) break;
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
    const e = error as { code?: string; lines?: number; message: string };
    if (!e.code?.startsWith('CSV_')) throw error;
    problems.add({ line: e.lines ?? 0, column: '', reason: `not valid CSV: ${e.message}` });
  } finally {
    parser.destroy();
  }
  if (!mapper && problems.count === 0)
    problems.add({ line: 1, column: '', reason: 'the file is empty: a CTDC file starts with a header row' });
  progress(statSync(path).size, rows);
}

/**
 * Imports a CTDC global dataset CSV (see @opennrm/domain ctdc.ts for the
 * codebook mapping): each data row becomes one person and one identified
 * victim case, with case number `CTDC-<first 8 hex of the file's SHA-256>-<line>`
 * and source_ref `line N`.
 *
 * Transactional: the whole file is loaded in one transaction (COPY into
 * person, then victim_case), so a bad row anywhere leaves the database as it
 * was. Idempotent: a file whose content (SHA-256) was imported before adds
 * nothing and returns status "already_imported".
 * Streaming: the file is read three times (hash, persons, cases) and never held in memory.
 *
 * @throws ImportRowError naming line, column and reason of up to `maxProblems` bad rows;
 *   Error when the header names no CTDC column or repeats one; the file system's error when unreadable.
 */
export async function importCtdcFile(nrm: NrmDatabase, path: string, options: CtdcImportOptions = {}): Promise<ImportOutcome> {
  const started = performance.now();
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const totalBytes = statSync(path).size;
  const report = (phase: string) => (bytes: number, rows: number) => options.onProgress?.({ phase, bytes, total_bytes: totalBytes, rows });
  const fileSha256 = await sha256File(path);

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
    const personId = lineIds();
    const caseId = lineIds();
    const casePrefix = `CTDC-${fileSha256.slice(0, 8)}-`;

    // Pass 1 validates every row and copies the persons; a bad row stops the
    // copy from growing (nothing after it is yielded) and fails the import.
    const problems = new RowProblemCollector(options.maxProblems ?? 100);
    const persons = await tx.copyRows(
      'person',
      PERSON_COLUMNS,
      (async function* (): AsyncGenerator<CopyValue[]> {
        for await (const { line, victim } of readCtdc(path, currentYear, problems, report('validating, copying persons'))) {
          if (problems.count === 0) yield [personId(line), victim.sex, victim.citizenships, batchId, `line ${line}`];
        }
      })(),
    );
    problems.throwIfAny(path);

    // Pass 2 reads the same rows again (the file is unchanged: its hash is the batch key).
    const cases = await tx.copyRows(
      'victim_case',
      CASE_COLUMNS,
      (async function* (): AsyncGenerator<CopyValue[]> {
        for await (const { line, victim: v } of readCtdc(path, currentYear, problems, report('copying victim cases'))) {
          yield [
            caseId(line),
            personId(line),
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
            `line ${line}`,
          ];
        }
      })(),
    );
    problems.throwIfAny(path);
    if (cases !== persons)
      throw new Error(`${path} changed while it was imported (${persons} persons, ${cases} cases); nothing was imported`);
    await completeImportBatch(tx, batchId, cases);
    return { status: 'imported', batch_id: batchId, file_sha256: fileSha256, rows: cases, elapsed_ms: performance.now() - started };
  });
}
