import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { hashAndCountLines } from '../../src/imports/ctdc/file-summary.ts';
import { computeAnnualReport, traceFigure } from '../../src/statistics/annual-report.ts';
import { lineIds } from '../../src/imports/import-batch.ts';
import { sharedPath } from '../support/shared-path.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const SHARED_CTDC = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');
const profile = shippedProfile('romania');

async function counts(nrm: NrmDatabase) {
  const { rows } = await sql<{ persons: number; cases: number; batches: number; kinds: number; lines: number }>`
    SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM victim_case) AS cases,
           (SELECT count(*)::int FROM import_batch) AS batches, (SELECT count(*)::int FROM ctdc_record_kind) AS kinds,
           (SELECT coalesce(sum(n), 0)::int FROM ctdc_record_kind) AS lines`.execute(nrm.db);
  return rows[0]!;
}

describe(`CTDC records stored by kind on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('runs two imports at once: each file its own batch and kinds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ctdc-'));
    const small = readFileSync(fixture('ctdc-small.csv'), 'utf8');
    const files = ['PL', 'DE'].map((country) => {
      const file = path.join(dir, `${country}.csv`);
      writeFileSync(file, `${small}2020,Male,18--20,-99,UA,1,0,0,0,0,${country},0,0,0,0\n`);
      return file;
    });
    const outcomes = await Promise.all(files.map((file) => importCtdcFile(nrm, file, { currentYear: 2026 })));
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(await counts(nrm)).toEqual({ persons: 0, cases: 0, batches: 2, kinds: 14, lines: 14 });
  });

  it('traces each line of a figure as the file and line it came from, under an id of its own', async () => {
    await importCtdcFile(nrm, SHARED_CTDC, { currentYear: 2020 });
    const report = await computeAnnualReport(nrm.db, profile, 2016);
    const trace = await traceFigure(nrm.db, profile, 2016, 'victims_identified.children');
    expect(trace.value).toBe(report.victims_identified.children);
    const records = trace.parts[0]!.records;
    expect(records).toHaveLength(report.victims_identified.children as number);
    // The children of 2016 in every file imported, read from the kinds directly.
    const { rows } = await sql<{ file_name: string; file_sha256: string; line: number }>`
      SELECT b.file_name, b.file_sha256, l AS line
      FROM ctdc_record_kind k JOIN import_batch b ON b.id = k.import_batch_id, unnest(k.lines) AS l
      WHERE k.reporting_year = 2016 AND k.is_child`.execute(nrm.db);
    expect(rows.length).toBeGreaterThan(1000);
    const expected = rows.map((r) => ({
      id: lineIds(r.file_sha256, 'ctdc_record')(r.line),
      case_numbers: [`${r.file_name} line ${r.line}`],
    }));
    const byLine = (a: { case_numbers: string[] }, b: { case_numbers: string[] }) => a.case_numbers[0]!.localeCompare(b.case_numbers[0]!);
    expect([...records].sort(byLine)).toEqual(expected.sort(byLine));
  });

  it('forgets a batch and its kinds together (docs/imports.md: removing a file imported by mistake)', async () => {
    const before = await counts(nrm);
    const [batch] = await nrm.db.selectFrom('import_batch').select('id').where('file_name', '=', 'PL.csv').execute();
    await sql`DELETE FROM import_batch WHERE id = ${batch!.id}`.execute(nrm.db);
    expect(await counts(nrm)).toEqual({ ...before, batches: before.batches - 1, kinds: before.kinds - 7, lines: before.lines - 7 });
  });
});

describe('hashAndCountLines', () => {
  it('counts a last line without a line feed and agrees with a plain split', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ctdc-lines-'));
    writeFileSync(path.join(dir, 'a.csv'), 'h\r\n1\r\n2');
    writeFileSync(path.join(dir, 'b.csv'), 'h\n1\n2\n');
    writeFileSync(path.join(dir, 'c.csv'), '');
    expect((await hashAndCountLines(path.join(dir, 'a.csv'))).lines).toBe(3);
    expect((await hashAndCountLines(path.join(dir, 'b.csv'))).lines).toBe(3);
    expect(await hashAndCountLines(path.join(dir, 'c.csv'))).toEqual({
      lines: 0,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    const shared = readFileSync(SHARED_CTDC, 'utf8');
    expect((await hashAndCountLines(SHARED_CTDC)).lines).toBe(shared.trimEnd().split('\n').length);
  });
});
