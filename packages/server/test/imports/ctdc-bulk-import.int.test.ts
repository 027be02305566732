import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { hashAndCountLines } from '../../src/imports/ctdc/file-summary.ts';
import { ImportRowError } from '../../src/imports/import-errors.ts';
import { sharedPath } from '../support/shared-path.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const SHARED_CTDC = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');

/** Every index and constraint of the schema, as the catalogue defines them. */
async function schemaShape(nrm: NrmDatabase) {
  const indexes = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2`.execute(nrm.db);
  const constraints = await sql<{ table_name: string; conname: string; contype: string; def: string; convalidated: boolean }>`
    SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype::text AS contype,
           pg_get_constraintdef(c.oid) AS def, c.convalidated
    FROM pg_constraint c WHERE c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) ORDER BY 1, 2`.execute(
    nrm.db,
  );
  return { indexes: indexes.rows, constraints: constraints.rows };
}

async function counts(nrm: NrmDatabase) {
  const { rows } = await sql<{ persons: number; cases: number; batches: number }>`
    SELECT (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM victim_case) AS cases,
           (SELECT count(*) FROM import_batch) AS batches`.execute(nrm.db);
  return rows[0]!;
}

describe(`CTDC bulk import (indexes and foreign keys off for the COPY) on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let shape: Awaited<ReturnType<typeof schemaShape>>;
  beforeAll(async () => {
    nrm = await freshDatabase();
    shape = await schemaShape(nrm);
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('the snapshot covers what the bulk path takes off', () => {
    expect(shape.indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining(['victim_case_person', 'victim_case_reporting_year', 'victim_case_case_number_key']),
    );
    expect(shape.constraints.map((c) => c.conname)).toEqual(
      expect.arrayContaining(['person_import_batch_id_fkey', 'victim_case_person_id_fkey', 'victim_case_import_batch_id_fkey']),
    );
  });

  it('imports the same records as the row-by-row path and leaves every index and constraint as it was', async () => {
    const outcome = await importCtdcFile(nrm, fixture('ctdc-small.csv'), { currentYear: 2026, bulk: true });
    expect(outcome).toMatchObject({ status: 'imported', rows: 6 });
    expect(await schemaShape(nrm)).toEqual(shape);
    const first = await nrm.db
      .selectFrom('victim_case')
      .innerJoin('person', 'person.id', 'victim_case.person_id')
      .select([
        'case_number',
        'forms',
        'countries_of_exploitation',
        'is_child',
        'person.sex',
        'person.citizenships',
        'person.import_batch_id',
      ])
      .where('victim_case.source_ref', '=', 'line 2')
      .executeTakeFirstOrThrow();
    expect(first).toEqual({
      case_number: `CTDC-${outcome.file_sha256.slice(0, 8)}-2`,
      forms: ['sexual'],
      countries_of_exploitation: ['IT'],
      is_child: true,
      sex: 'female',
      citizenships: ['RO'],
      import_batch_id: outcome.batch_id,
    });
    // The re-created foreign keys are enforced again.
    const orphan = await sql`INSERT INTO victim_case (id, person_id, case_number, nrm_status)
      VALUES (gen_random_uuid(), gen_random_uuid(), 'orphan', 'identified')`
      .execute(nrm.db)
      .catch((e: unknown) => e);
    expect((orphan as { code?: string }).code).toBe('23503');
  });

  it('adds nothing when the same file is bulk-imported again', async () => {
    const before = await counts(nrm);
    const again = await importCtdcFile(nrm, fixture('ctdc-small.csv'), { currentYear: 2026, bulk: true });
    expect(again).toMatchObject({ status: 'already_imported', rows: 0, previous_rows: 6 });
    expect(await counts(nrm)).toEqual(before);
  });

  it('rolls back the rows and the dropped indexes and foreign keys on a bad row', async () => {
    const before = await counts(nrm);
    const error = await importCtdcFile(nrm, fixture('ctdc-bad.csv'), { currentYear: 2026, bulk: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRowError);
    expect((error as ImportRowError).problems[0]).toEqual({
      line: 5,
      column: 'yearOfRegistration',
      reason: '"1850" is not a year from 1990 to 2026',
    });
    expect(await counts(nrm)).toEqual(before);
    expect(await schemaShape(nrm)).toEqual(shape);
  });

  it('rolls back everything when a restored constraint finds a conflict', async () => {
    // A file not imported yet whose line 2 case number is already taken: the
    // unique constraint fails only when it is re-created after the COPY.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ctdc-')), 'clash.csv');
    writeFileSync(file, `${readFileSync(fixture('ctdc-small.csv'), 'utf8')}2019,Female,18--20,-99,UA,0,1,0,0,0,PL,0,0,0,0\n`);
    const { sha256 } = await hashAndCountLines(file);
    await sql`INSERT INTO person (id) VALUES ('00000000-0000-7000-8000-00000000c1a5')`.execute(nrm.db);
    await sql`INSERT INTO victim_case (id, person_id, case_number, nrm_status)
      VALUES ('00000000-0000-7000-8000-00000000c1a6', '00000000-0000-7000-8000-00000000c1a5', ${`CTDC-${sha256.slice(0, 8)}-2`}, 'identified')`.execute(
      nrm.db,
    );
    const before = await counts(nrm);
    const error = await importCtdcFile(nrm, file, { currentYear: 2026, bulk: true }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('23505');
    expect(await counts(nrm)).toEqual(before);
    expect(await schemaShape(nrm)).toEqual(shape);
  });

  it('runs two bulk imports at once without a deadlock: the second waits for the first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ctdc-'));
    const small = readFileSync(fixture('ctdc-small.csv'), 'utf8');
    const files = ['PL', 'DE'].map((country) => {
      const file = path.join(dir, `${country}.csv`);
      writeFileSync(file, `${small}2020,Male,18--20,-99,UA,1,0,0,0,0,${country},0,0,0,0\n`);
      return file;
    });
    const before = await counts(nrm);
    const outcomes = await Promise.all(files.map((file) => importCtdcFile(nrm, file, { currentYear: 2026, bulk: true })));
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(await counts(nrm)).toEqual({ persons: before.persons + 14, cases: before.cases + 14, batches: before.batches + 2 });
    expect(await schemaShape(nrm)).toEqual(shape);
  });

  it('bulk-imports the 48,773 rows of the CTDC 2020 subset with the same counts as a plain reading of the CSV', async () => {
    const before = await counts(nrm);
    const outcome = await importCtdcFile(nrm, SHARED_CTDC, { bulk: true });
    expect(outcome).toMatchObject({ status: 'imported', rows: 48_773 });
    const after = await counts(nrm);
    expect(after.cases - before.cases).toBe(48_773);
    expect(after.persons - before.persons).toBe(48_773);
    const lines = readFileSync(SHARED_CTDC, 'utf8').trim().split('\n').slice(1);
    const in2016 = lines.filter((l) => l.startsWith('2016,')).length;
    const { rows } = await sql<{ total: number }>`
      SELECT count(*) AS total FROM victim_case v JOIN person p ON p.id = v.person_id
      WHERE v.reporting_year = 2016 AND v.import_batch_id = ${outcome.batch_id}`.execute(nrm.db);
    expect(rows[0]!.total).toBe(in2016);
    expect(await schemaShape(nrm)).toEqual(shape);
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
