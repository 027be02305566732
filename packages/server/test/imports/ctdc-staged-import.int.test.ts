import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import type { ImportProgress } from '../../src/imports/import-batch.ts';
import { ImportRowError } from '../../src/imports/import-errors.ts';
import { sharedPath } from '../support/shared-path.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const SHARED_CTDC = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');
const HEADER = 'yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,CountryOfExploitation';

function csv(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-staged-')), name);
  writeFileSync(file, text);
  return file;
}

/** Imports on the staged path and says whether it stored the kinds itself or handed the file to the row path (its phases say so). */
async function bulkImport(nrm: NrmDatabase, file: string, options: { maxProblems?: number } = {}) {
  const phases = new Set<string>();
  const outcome = await importCtdcFile(nrm, file, {
    currentYear: 2026,
    bulk: true,
    ...options,
    onProgress: (p: ImportProgress) => phases.add(p.phase),
  });
  return { outcome, staged: phases.has('copying the file') && !phases.has('validating and grouping') };
}

/** The problems an import reports, or the outcome when it succeeds. */
async function problemsOf(nrm: NrmDatabase, file: string, bulk: boolean, maxProblems?: number) {
  const error = await importCtdcFile(nrm, file, { currentYear: 2026, bulk, ...(maxProblems ? { maxProblems } : {}) }).catch(
    (e: unknown) => e,
  );
  if (!(error instanceof ImportRowError)) throw new Error(`expected an ImportRowError, got ${String(error)}`);
  return { problems: error.problems, truncated: error.truncated };
}

/**
 * Every column of a batch's kinds (their facts for the fact set, whose ids are each
 * database's own) as one digest in id order, with their lines and n summed.
 */
async function batchDigest(nrm: NrmDatabase, batch: string) {
  const { rows } = await sql<{ kinds: string; count: number; n: number }>`
    SELECT md5(string_agg(row(k.id, k.import_batch_id IS NOT NULL, k.sex, k.citizenships, k.registration_year, k.reporting_year,
                              k.forms, k.sector, k.countries_of_exploitation, k.age_band, k.is_child, k.recruitment_methods,
                              k.recruiter_relationship, k.means_of_control, f.forms_by_country, f.is_child, k.n, k.lines)::text,
                          ',' ORDER BY k.id)) AS kinds,
      count(*)::int AS count, coalesce(sum(k.n), 0)::int AS n
    FROM ctdc_record_kind k JOIN victim_fact_set f ON f.id = k.fact_set_id WHERE k.import_batch_id = ${batch}`.execute(nrm.db);
  return rows[0]!;
}

async function counts(nrm: NrmDatabase) {
  const { rows } = await sql<{ persons: number; cases: number; batches: number; kinds: number; lines: number }>`
    SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM victim_case) AS cases,
           (SELECT count(*)::int FROM import_batch) AS batches, (SELECT count(*)::int FROM ctdc_record_kind) AS kinds,
           (SELECT coalesce(sum(n), 0)::int FROM ctdc_record_kind) AS lines`.execute(nrm.db);
  return rows[0]!;
}

describe(`CTDC import through a staging table on ${TEST_DB_KIND}`, () => {
  // One database for the staging table's imports, one for the row path's: the same file gives the same ids in both.
  let staged: NrmDatabase;
  let rowByRow: NrmDatabase;
  beforeAll(async () => {
    staged = await freshDatabase();
    rowByRow = await freshDatabase();
  });
  afterAll(async () => {
    await staged.close();
    await rowByRow.close();
  });

  it('writes exactly the kinds of the row path (ids, every mapped field, n, lines) for the 48,773-row CTDC subset', async () => {
    const bulk = await bulkImport(staged, SHARED_CTDC);
    expect(bulk.staged).toBe(true);
    expect(bulk.outcome).toMatchObject({ status: 'imported', rows: 48_773 });
    const rows = await importCtdcFile(rowByRow, SHARED_CTDC, { currentYear: 2026, bulk: false });
    expect(rows.file_sha256).toBe(bulk.outcome.file_sha256);
    const digest = await batchDigest(staged, bulk.outcome.batch_id);
    expect(digest.n).toBe(48_773);
    expect(digest.count).toBeGreaterThan(100);
    expect(digest).toEqual(await batchDigest(rowByRow, rows.batch_id));
    expect(await counts(staged)).toMatchObject({ persons: 0, cases: 0 });
  });

  it('maps every codebook column as the row path does, quoted fields and empty lines included', async () => {
    const small = readFileSync(fixture('ctdc-small.csv'), 'utf8');
    const [header, ...data] = small.trimEnd().split('\n');
    // Line 3 quoted, an empty line 5 skipped (its number stays taken), lines in CRLF.
    const text = `${[header, data[0], `"2016","Male","30--38","Adult","MD","1","0","0","0","0","RO","1","0","0","1"`, ...data.slice(1, 2), '', ...data.slice(2)].join('\r\n')}\r\n`;
    const file = csv('quoted.csv', text);
    const bulk = await bulkImport(staged, file);
    expect(bulk.staged).toBe(true);
    expect(bulk.outcome).toMatchObject({ status: 'imported', rows: 7 });
    const rows = await importCtdcFile(rowByRow, file, { currentYear: 2026, bulk: false });
    expect(rows.rows).toBe(7);
    expect(await batchDigest(staged, bulk.outcome.batch_id)).toEqual(await batchDigest(rowByRow, rows.batch_id));
    const { rows: lines } = await sql<{ line: number }>`
      SELECT l AS line FROM ctdc_record_kind k, unnest(k.lines) AS l WHERE k.import_batch_id = ${bulk.outcome.batch_id} ORDER BY l`.execute(
      staged.db,
    );
    expect(lines.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8, 9]);
  });

  it('reports the bad rows with the row path’s lines, columns and reasons, and the problem limit', async () => {
    const before = await counts(staged);
    const bad = fixture('ctdc-bad.csv');
    // The bad file (5 good rows, lines 5 and 6 bad) repeated, so that bad kinds recur on later lines.
    const lines = readFileSync(bad, 'utf8').trimEnd().split('\n');
    const repeated = csv('bad-repeated.csv', `${[...lines, ...lines.slice(1), ...lines.slice(1)].join('\n')}\n`);
    for (const [file, limit] of [
      [bad, undefined],
      [bad, 1],
      [repeated, undefined],
      [repeated, 4],
    ] as const) {
      const viaStaging = await problemsOf(staged, file, true, limit);
      expect(viaStaging).toEqual(await problemsOf(rowByRow, file, false, limit));
    }
    expect((await problemsOf(staged, repeated, true)).problems.map((p) => p.line)).toEqual([5, 6, 6, 11, 12, 12, 17, 18, 18]);
    expect(await counts(staged)).toEqual(before);
  });

  it('reports a row with the wrong number of fields as the row path does', async () => {
    const file = csv('ragged.csv', `${HEADER}\n2016,Female,9--17,RO,0,1,IT\n2016,Female\n2016,Robot,,,,,\n`);
    const viaStaging = await problemsOf(staged, file, true);
    expect(viaStaging.problems).toEqual([
      { line: 3, column: '', reason: 'has 2 fields; the header has 7' },
      { line: 4, column: 'gender', reason: '"Robot" is not Female, Male, Transgender/other or -99' },
    ]);
    expect(viaStaging).toEqual(await problemsOf(rowByRow, file, false));
  });

  it('quotes at most 80 characters of a huge bad value and refuses ages past 120, as the row path does', async () => {
    const huge = 'x'.repeat(5_000_000);
    const file = csv('huge-value.csv', `${HEADER}\n2016,${huge},9--17,RO,0,1,IT\n2016,Female,200--300,RO,0,1,IT\n`);
    const viaStaging = await problemsOf(staged, file, true);
    expect(viaStaging.problems).toEqual([
      { line: 2, column: 'gender', reason: `"${'x'.repeat(80)}…" (5000000 characters) is not Female, Male, Transgender/other or -99` },
      { line: 3, column: 'ageBroad', reason: '"200--300" is not an age band: ages go up to 120 years' },
    ]);
    expect(viaStaging).toEqual(await problemsOf(rowByRow, file, false));
  });

  it('hands to the row path the files that only it reads line by line, with the same result', async () => {
    const before = await counts(staged);
    // Mixed CRLF and LF ends; a quoted field spanning two lines; bad quoting; a header alone; a line "\.".
    const mixed = csv('mixed.csv', `${HEADER}\r\n2016,Female,9--17,RO,0,1,IT\r\n2017,Male,18--20,MD,1,0,PL\n`);
    const spanning = csv('spanning.csv', `${HEADER}\n2016,"Fe\nmale",9--17,RO,0,1,IT\n2016,Female,9--17,RO,0,1,IT\n`);
    const quotes = csv('quotes.csv', `${HEADER}\n2016,Fe"male secret,9--17,RO,0,1,IT\n`);
    const headerOnly = csv('header-only.csv', `${HEADER}\r\n`);
    // COPY's end-of-data mark as a line: the lines after it must not be lost.
    const endMark = csv('end-mark.csv', `${HEADER}\n2016,Female,9--17,RO,0,1,IT\n\\.\n2016,Female,9--17,RO,0,1,IT\n`);
    const cutShort = await problemsOf(staged, endMark, true);
    expect(cutShort.problems).toEqual([{ line: 3, column: '', reason: 'has 1 field; the header has 7' }]);
    expect(cutShort).toEqual(await problemsOf(rowByRow, endMark, false));
    const imported = await bulkImport(staged, mixed);
    expect(imported).toMatchObject({ staged: false, outcome: { status: 'imported', rows: 2 } });
    for (const file of [spanning, quotes, headerOnly]) {
      const phases = new Set<string>();
      const error = await importCtdcFile(staged, file, { currentYear: 2026, bulk: true, onProgress: (p) => phases.add(p.phase) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportRowError);
      expect(phases.has('validating and grouping')).toBe(true);
      expect((error as ImportRowError).problems).toEqual((await problemsOf(rowByRow, file, false)).problems);
    }
    expect(await counts(staged)).toEqual({ ...before, kinds: before.kinds + 2, lines: before.lines + 2, batches: before.batches + 1 });
  });

  it('keeps no staging table after an import, whether it committed or rolled back', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('ctdc_staging', 'ctdc_text', 'ctdc_kind')`.execute(staged.db);
    expect(rows[0]!.n).toBe(0);
  });
});
