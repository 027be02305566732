import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { ImportRowError } from '../../src/imports/import-errors.ts';
import { ImportFileError } from '../../src/imports/import-file.ts';
import { lineIds } from '../../src/imports/import-batch.ts';
import { sharedPath } from '../support/shared-path.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const SHARED_CTDC = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');

/** Rows of every table a CTDC import may write; `lines` is the sum of the kinds' n. */
async function counts(nrm: NrmDatabase) {
  const { rows } = await sql<{ persons: number; cases: number; batches: number; kinds: number; lines: number }>`
    SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM victim_case) AS cases,
           (SELECT count(*)::int FROM import_batch) AS batches, (SELECT count(*)::int FROM ctdc_record_kind) AS kinds,
           (SELECT coalesce(sum(n), 0)::int FROM ctdc_record_kind) AS lines`.execute(nrm.db);
  return rows[0]!;
}

/** A batch's kinds in the order of their first line. */
async function kindsOf(nrm: NrmDatabase, batch: string) {
  return nrm.db
    .selectFrom('ctdc_record_kind')
    .select([
      'id',
      'lines',
      'n',
      'registration_year',
      'reporting_year',
      'forms',
      'sector',
      'countries_of_exploitation',
      'age_band',
      'is_child',
      'recruitment_methods',
      'means_of_control',
      'recruiter_relationship',
      'sex',
      'citizenships',
      'import_batch_id',
    ])
    .where('import_batch_id', '=', batch)
    .orderBy(sql`lines[1]`)
    .execute();
}

describe(`CTDC import on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('stores the rows by kind, mapped per the codebook, with no person and no victim case', async () => {
    const outcome = await importCtdcFile(nrm, fixture('ctdc-small.csv'), { currentYear: 2026 });
    expect(outcome).toMatchObject({ status: 'imported', rows: 6 });
    expect(await counts(nrm)).toEqual({ persons: 0, cases: 0, batches: 1, kinds: 6, lines: 6 });
    const kinds = (await kindsOf(nrm, outcome.batch_id)).map(({ id: _id, ...kind }) => kind);
    expect(kinds).toHaveLength(6);
    expect(kinds.map((k) => k.lines)).toEqual([[2], [3], [4], [5], [6], [7]]);
    expect(kinds[0]).toEqual({
      lines: [2],
      n: 1,
      registration_year: 2016,
      reporting_year: 2016,
      forms: ['sexual'],
      sector: null,
      countries_of_exploitation: ['IT'],
      age_band: '9--17',
      is_child: true,
      recruitment_methods: [],
      means_of_control: ['threats'],
      recruiter_relationship: 'family',
      sex: 'female',
      citizenships: ['RO'],
      import_batch_id: outcome.batch_id,
    });
    expect(kinds[1]).toMatchObject({
      forms: ['labour', 'forced_begging'],
      sector: 'begging',
      is_child: false,
      sex: 'male',
      means_of_control: ['debt_bondage'],
    });
    // Line 4: unknown citizenship (0) and country (0), band 18--20 but a minor when exploited.
    expect(kinds[2]).toMatchObject({ citizenships: [], countries_of_exploitation: [], is_child: true, forms: ['sexual'] });
    expect(kinds[3]).toMatchObject({ sex: 'other', forms: ['sexual', 'labour'], is_child: null, age_band: null });
    expect(kinds[4]).toMatchObject({ citizenships: [], forms: ['other', 'forced_marriage'], countries_of_exploitation: ['RO'] });
    expect(kinds[5]).toMatchObject({ forms: ['organ_removal'], countries_of_exploitation: [], is_child: false });
    // Each kind has the fact set a victim case with its facts gets (migration 0016's victim_case_fact_set).
    const { rows: facts } = await sql<{ same: boolean }>`
      SELECT k.fact_set_id = victim_case_fact_set(k.sex, k.citizenships, k.forms, k.countries_of_exploitation,
        coalesce(k.is_child, false)) AS same
      FROM ctdc_record_kind k WHERE k.import_batch_id = ${outcome.batch_id}`.execute(nrm.db);
    expect(facts.map((f) => f.same)).toEqual(Array(6).fill(true));
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
    const ids = async (db: NrmDatabase, batch: string) => (await kindsOf(db, batch)).map((k) => k.id);
    const [first] = await nrm.db
      .selectFrom('import_batch')
      .select(['id', 'file_sha256'])
      .where('file_name', '=', 'ctdc-small.csv')
      .execute();
    const here = await ids(nrm, first!.id);
    // UUIDv8 of the file's SHA-256 and the kind's first line: the database's opennrm_line_id is lineIds.
    const kindId = lineIds(first!.file_sha256, 'ctdc_record_kind');
    expect(here).toEqual([2, 3, 4, 5, 6, 7].map(kindId));
    // Another database that imports the same file gives its records the same ids, on either path.
    const other = await freshDatabase();
    try {
      const outcome = await importCtdcFile(other, fixture('ctdc-small.csv'), { currentYear: 2026, bulk: false });
      expect(await ids(other, outcome.batch_id)).toEqual(here);
    } finally {
      await other.close();
    }
    // The same file and line 2 again is another file: all 7 rows are added, under other ids; lines 2 and 8 are one kind.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'ctdc-small-plus-one.csv');
    writeFileSync(
      file,
      `${readFileSync(fixture('ctdc-small.csv'), 'utf8')}${readFileSync(fixture('ctdc-small.csv'), 'utf8').split('\n')[1]}\n`,
    );
    const before = await counts(nrm);
    const outcome = await importCtdcFile(nrm, file, { currentYear: 2026 });
    expect(outcome).toMatchObject({ status: 'imported', rows: 7 });
    expect(await counts(nrm)).toEqual({ ...before, batches: before.batches + 1, kinds: before.kinds + 6, lines: before.lines + 7 });
    const plus = await kindsOf(nrm, outcome.batch_id);
    expect(plus.map((k) => [k.n, k.lines])).toEqual([
      [2, [2, 8]],
      [1, [3]],
      [1, [4]],
      [1, [5]],
      [1, [6]],
      [1, [7]],
    ]);
    expect(plus.map((k) => k.id).filter((id) => here.includes(id))).toEqual([]);
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
    const kinds = await kindsOf(nrm, outcome.batch_id);
    // Lines 2 and 3 of the release are alike: one kind.
    expect(kinds.map((k) => k.lines)).toEqual([[2, 3], [4], [5]]);
    expect(kinds.slice(1).map((k) => [k.registration_year, k.countries_of_exploitation])).toEqual([
      [2016, ['IT']],
      [2017, ['PL']],
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

  it('imports the 48,773 rows of the CTDC 2020 subset, each line in exactly one kind', async () => {
    const before = await counts(nrm);
    const outcome = await importCtdcFile(nrm, SHARED_CTDC);
    expect(outcome).toMatchObject({ status: 'imported', rows: 48_773 });
    const after = await counts(nrm);
    expect(after.lines - before.lines).toBe(48_773);
    expect([after.persons, after.cases]).toEqual([before.persons, before.cases]);
    // Lines 2 to 48,774 (the header is line 1), each once.
    const { rows: lineSet } = await sql<{ n: number; lo: number; hi: number; distinct: number }>`
      SELECT count(*)::int AS n, min(l)::int AS lo, max(l)::int AS hi, count(DISTINCT l)::int AS distinct
      FROM ctdc_record_kind k CROSS JOIN LATERAL unnest(k.lines) AS l WHERE k.import_batch_id = ${outcome.batch_id}`.execute(nrm.db);
    expect(lineSet[0]).toEqual({ n: 48_773, lo: 2, hi: 48_774, distinct: 48_773 });
    const { rows: ascending } = await sql<{ kinds: number; sorted: number }>`
      SELECT count(*)::int AS kinds, count(*) FILTER (WHERE lines = ARRAY(SELECT unnest(lines) ORDER BY 1))::int AS sorted
      FROM ctdc_record_kind WHERE import_batch_id = ${outcome.batch_id}`.execute(nrm.db);
    expect(ascending[0]!.sorted).toBe(ascending[0]!.kinds);
    // Independent count over the CSV: 2016 registrations and their sexual-exploitation flags.
    const lines = readFileSync(SHARED_CTDC, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const in2016 = lines.filter((f) => f[0] === '2016');
    const { rows } = await sql<{ total: number; sexual: number; female: number }>`
      SELECT sum(n)::int AS total, (sum(n) FILTER (WHERE 'sexual' = ANY(forms)))::int AS sexual,
        (sum(n) FILTER (WHERE sex = 'female'))::int AS female
      FROM ctdc_record_kind WHERE reporting_year = 2016 AND import_batch_id = ${outcome.batch_id}`.execute(nrm.db);
    expect(rows[0]).toEqual({
      total: in2016.length,
      sexual: in2016.filter((f) => f[5] === '1').length,
      female: in2016.filter((f) => f[1] === 'Female').length,
    });
  });
});
