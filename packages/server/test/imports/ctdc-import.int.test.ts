import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { ImportRowError } from '../../src/imports/import-errors.ts';
import { ImportFileError } from '../../src/imports/import-file.ts';
import { sharedPath } from '../support/shared-path.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const SHARED_CTDC = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');

async function counts(nrm: NrmDatabase) {
  const { rows } = await sql<{ persons: number; cases: number; batches: number }>`
    SELECT (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM victim_case) AS cases,
           (SELECT count(*) FROM import_batch) AS batches`.execute(nrm.db);
  return rows[0]!;
}

describe(`CTDC import on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('imports each row as a person and an identified victim case, mapped per the codebook', async () => {
    const outcome = await importCtdcFile(nrm, fixture('ctdc-small.csv'), { currentYear: 2026 });
    expect(outcome).toMatchObject({ status: 'imported', rows: 6 });
    const cases = await nrm.db
      .selectFrom('victim_case')
      .innerJoin('person', 'person.id', 'victim_case.person_id')
      .select([
        'victim_case.source_ref',
        'case_number',
        'nrm_status',
        'registration_year',
        'reporting_year',
        'forms',
        'sector',
        'countries_of_exploitation',
        'age_band',
        'is_child',
        'means_of_control',
        'recruiter_relationship',
        'person.sex',
        'person.citizenships',
        'victim_case.import_batch_id',
      ])
      .orderBy('victim_case.source_ref')
      .execute();
    expect(cases).toHaveLength(6);
    const sha8 = outcome.file_sha256.slice(0, 8);
    expect(cases[0]).toEqual({
      source_ref: 'line 2',
      case_number: `CTDC-${sha8}-2`,
      nrm_status: 'identified',
      registration_year: 2016,
      reporting_year: 2016,
      forms: ['sexual'],
      sector: null,
      countries_of_exploitation: ['IT'],
      age_band: '9--17',
      is_child: true,
      means_of_control: ['threats'],
      recruiter_relationship: 'family',
      sex: 'female',
      citizenships: ['RO'],
      import_batch_id: outcome.batch_id,
    });
    expect(cases[1]).toMatchObject({
      forms: ['labour', 'forced_begging'],
      sector: 'begging',
      is_child: false,
      sex: 'male',
      means_of_control: ['debt_bondage'],
    });
    // Line 4: unknown citizenship (0) and country (0), band 18--20 but a minor when exploited.
    expect(cases[2]).toMatchObject({ citizenships: [], countries_of_exploitation: [], is_child: true, forms: ['sexual'] });
    expect(cases[3]).toMatchObject({ sex: 'other', forms: ['sexual', 'labour'], is_child: null, age_band: null });
    expect(cases[4]).toMatchObject({ citizenships: [], forms: ['other', 'forced_marriage'], countries_of_exploitation: ['RO'] });
    expect(cases[5]).toMatchObject({ forms: ['organ_removal'], countries_of_exploitation: [], is_child: false });
    const batch = await nrm.db.selectFrom('import_batch').selectAll().where('id', '=', outcome.batch_id).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'ctdc', file_name: 'ctdc-small.csv', row_count: 6 });
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await counts(nrm);
    const again = await importCtdcFile(nrm, fixture('ctdc-small.csv'), { currentYear: 2026 });
    expect(again).toMatchObject({ status: 'already_imported', rows: 0, previous_rows: 6 });
    expect(await counts(nrm)).toEqual(before);
  });

  it('gives a file ids of its own, the same in every database: an overlapping file adds its rows without colliding', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const ids = async (db: NrmDatabase, batch: string) =>
      (
        await sql<{ person_id: string; id: string }>`
          SELECT person_id, id FROM victim_case WHERE import_batch_id = ${batch} ORDER BY source_ref`.execute(db.db)
      ).rows;
    const [first] = await nrm.db.selectFrom('import_batch').select('id').where('file_name', '=', 'ctdc-small.csv').execute();
    const here = await ids(nrm, first!.id);
    expect(here).toHaveLength(6);
    for (const { person_id, id } of here) {
      expect(person_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // Another database that imports the same file gives its records the same ids.
    const other = await freshDatabase();
    try {
      const outcome = await importCtdcFile(other, fixture('ctdc-small.csv'), { currentYear: 2026 });
      expect(await ids(other, outcome.batch_id)).toEqual(here);
    } finally {
      await other.close();
    }
    // The same file and one more row is another file: all 7 rows are added, under other ids.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'ctdc-small-plus-one.csv');
    writeFileSync(
      file,
      `${readFileSync(fixture('ctdc-small.csv'), 'utf8')}${readFileSync(fixture('ctdc-small.csv'), 'utf8').split('\n')[1]}\n`,
    );
    const before = await counts(nrm);
    const outcome = await importCtdcFile(nrm, file, { currentYear: 2026 });
    expect(outcome).toMatchObject({ status: 'imported', rows: 7 });
    expect(await counts(nrm)).toEqual({ persons: before.persons + 7, cases: before.cases + 7, batches: before.batches + 1 });
    const plus = await ids(nrm, outcome.batch_id);
    const earlier = new Set(here.flatMap((r) => [r.person_id, r.id]));
    expect(plus.flatMap((r) => [r.person_id, r.id]).filter((id) => earlier.has(id))).toEqual([]);
  });

  it('refuses a file with bad rows, naming line, column and reason, and leaves the database as it was', async () => {
    const before = await counts(nrm);
    const error = await importCtdcFile(nrm, fixture('ctdc-bad.csv'), { currentYear: 2026 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRowError);
    expect((error as ImportRowError).problems).toEqual([
      { line: 5, column: 'yearOfRegistration', reason: '"1850" is not a year from 1990 to 2026' },
      { line: 6, column: 'isSexualExploit', reason: '"yes" is not a flag: expected 1, 0, -99 or empty' },
      { line: 6, column: 'CountryOfExploitation', reason: '"ITA" is not an ISO 3166-1 alpha-2 country code' },
    ]);
    expect((error as Error).message).toContain('line 5, column yearOfRegistration');
    expect(await counts(nrm)).toEqual(before);
  });

  it('never imports a file with a bad row, whatever the problem limit; a limit that would list nothing is refused', async () => {
    const before = await counts(nrm);
    // The fixture has 5 good rows and 2 bad ones (lines 5 and 6).
    for (const maxProblems of [0, -5, Number.NaN, 1.5]) {
      const error = await importCtdcFile(nrm, fixture('ctdc-bad.csv'), { currentYear: 2026, maxProblems }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toContain('a whole number of 1 or more');
    }
    const error = (await importCtdcFile(nrm, fixture('ctdc-bad.csv'), { currentYear: 2026, maxProblems: 1 }).catch(
      (e: unknown) => e,
    )) as ImportRowError;
    expect(error).toBeInstanceOf(ImportRowError);
    expect(error.problems).toEqual([{ line: 5, column: 'yearOfRegistration', reason: '"1850" is not a year from 1990 to 2026' }]);
    expect(error.truncated).toBe(true);
    expect(await counts(nrm)).toEqual(before);
  });

  it('reports a row with the wrong number of fields and stops at the problem limit', async () => {
    const dir = path.resolve(import.meta.dirname, '../fixtures');
    const good = readFileSync(path.join(dir, 'ctdc-bad.csv'), 'utf8').split('\n')[1];
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'ragged.csv');
    writeFileSync(
      file,
      `${['yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,CountryOfExploitation', good, '2016,Female', ...Array(5).fill('2016,Robot,,,,,')].join('\n')}\n`,
    );
    const before = await counts(nrm);
    const error = (await importCtdcFile(nrm, file, { maxProblems: 3 }).catch((e: unknown) => e)) as ImportRowError;
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toEqual({ line: 3, column: '', reason: 'has 2 fields; the header has 7' });
    expect(error.problems[1]).toMatchObject({ line: 4, column: 'gender' });
    expect(error.truncated).toBe(true);
    expect(await counts(nrm)).toEqual(before);
  });

  it("names a missing file, a folder and a binary file in words, without errno codes or the file's bytes", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(path.join(tmpdir(), 'ctdc-'));
    const binary = path.join(folder, 'garbage.csv');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x22, 0xff, 0xfe, 0x00, 0x01, 0x22, 0x2c, 0x0a, 0x9c, 0x22]));
    const before = await counts(nrm);
    const missing = path.join(folder, 'nope.csv');
    const failures = await Promise.all([missing, folder, binary].map((f) => importCtdcFile(nrm, f).catch((e: unknown) => e as Error)));
    for (const error of failures) expect(error).toBeInstanceOf(ImportFileError);
    expect(failures.map((e) => (e as Error).message)).toEqual([
      `cannot read ${missing}: no such file`,
      `cannot read ${folder}: it is a folder, not a file`,
      `cannot read ${binary}: it is not a CSV text file (binary data, or text not in UTF-8)`,
    ]);
    expect(await counts(nrm)).toEqual(before);
  });

  it('reads rows ending in CRLF and LF mixed in one file (LF rows appended to the CRLF release)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'mixed.csv');
    const crlf = readFileSync(SHARED_CTDC, 'utf8').split('\r\n').slice(0, 3).join('\r\n');
    writeFileSync(file, `${crlf}\r\n2016,Female,9--17,RO,0,1,IT\n"2017",Male,18--20,MD,1,0,"PL"\n`);
    const outcome = await importCtdcFile(nrm, file, { currentYear: 2026 });
    expect(outcome).toMatchObject({ status: 'imported', rows: 4 });
    const { rows } = await sql<{ source_ref: string; registration_year: number; countries_of_exploitation: string[] }>`
      SELECT source_ref, registration_year, countries_of_exploitation FROM victim_case
      WHERE import_batch_id = ${outcome.batch_id} ORDER BY source_ref`.execute(nrm.db);
    expect(rows.slice(2)).toEqual([
      { source_ref: 'line 4', registration_year: 2016, countries_of_exploitation: ['IT'] },
      { source_ref: 'line 5', registration_year: 2017, countries_of_exploitation: ['PL'] },
    ]);
  });

  it('reports broken CSV quoting in words, without echoing the field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'quotes.csv');
    writeFileSync(file, 'yearOfRegistration,gender\n2016,Fe"male secret\n');
    const error = (await importCtdcFile(nrm, file).catch((e: unknown) => e)) as ImportRowError;
    expect(error).toBeInstanceOf(ImportRowError);
    expect(error.problems).toEqual([{ line: 2, column: '', reason: expect.stringMatching(/^not valid CSV: a field has a double quote/) }]);
    expect(error.message).not.toContain('secret');
  });

  it('refuses a file with a header and no data rows, recording no batch', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'header-only.csv');
    writeFileSync(file, 'yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,CountryOfExploitation\r\n');
    const before = await counts(nrm);
    const error = (await importCtdcFile(nrm, file).catch((e: unknown) => e)) as ImportRowError;
    expect(error).toBeInstanceOf(ImportRowError);
    expect(error.problems).toEqual([{ line: 2, column: '', reason: 'no data rows: the file has only its header' }]);
    expect(await counts(nrm)).toEqual(before);
  });

  it('imports the 48,773 rows of the CTDC 2020 subset', async () => {
    const before = await counts(nrm);
    const outcome = await importCtdcFile(nrm, SHARED_CTDC);
    expect(outcome).toMatchObject({ status: 'imported', rows: 48_773 });
    const after = await counts(nrm);
    expect(after.cases - before.cases).toBe(48_773);
    expect(after.persons - before.persons).toBe(48_773);
    // Independent count over the CSV: 2016 registrations and their sexual-exploitation flags.
    const lines = readFileSync(SHARED_CTDC, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const in2016 = lines.filter((f) => f[0] === '2016');
    const { rows } = await sql<{ total: number; sexual: number; female: number }>`
      SELECT count(*) AS total, count(*) FILTER (WHERE 'sexual' = ANY(forms)) AS sexual, count(*) FILTER (WHERE p.sex = 'female') AS female
      FROM victim_case v JOIN person p ON p.id = v.person_id WHERE v.reporting_year = 2016 AND v.import_batch_id = ${outcome.batch_id}`.execute(
      nrm.db,
    );
    expect(rows[0]).toEqual({
      total: in2016.length,
      sexual: in2016.filter((f) => f[5] === '1').length,
      female: in2016.filter((f) => f[1] === 'Female').length,
    });
  });
});
