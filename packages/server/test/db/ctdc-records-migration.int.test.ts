import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ctdcRowMapper, shippedProfile } from '@opennrm/domain';
import { databaseMigratedTo, TEST_DB_KIND } from '../support/test-database.ts';
import { migrateToLatest, type NrmDatabase } from '../../src/db/database.ts';
import { lineIds } from '../../src/imports/import-batch.ts';
import { newId } from '../../src/shared/ids.ts';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';

const profile = shippedProfile('romania');
const SMALL = path.resolve(import.meta.dirname, '../fixtures/ctdc-small.csv');

/** Victims by reporting year and facts: the victim year summary's persons plus the CTDC kinds' lines. */
async function victimsByFacts(nrm: NrmDatabase, withKinds: boolean): Promise<string[]> {
  const kinds = withKinds
    ? sql`UNION ALL SELECT reporting_year, fact_set_id, n FROM ctdc_record_kind WHERE reporting_year IS NOT NULL`
    : sql``;
  const { rows } = await sql<{ row: string }>`
    SELECT concat_ws(' | ', v.reporting_year, f.sex, f.citizenships, f.forms, f.countries_of_exploitation, f.forms_by_country,
      f.is_child, sum(v.n)) AS row
    FROM (SELECT reporting_year, fact_set_id, 1 AS n FROM victim_year_summary ${kinds}) AS v
      JOIN victim_fact_set f ON f.id = v.fact_set_id
    GROUP BY v.reporting_year, f.sex, f.citizenships, f.forms, f.countries_of_exploitation, f.forms_by_country, f.is_child
    ORDER BY 1`.execute(nrm.db);
  return rows.map((r) => r.row);
}

/**
 * Migration 0022 over CTDC data imported the old way (a person and an
 * identified victim case a line, as the importer wrote them until then).
 */
describe(`migration 0022 moves imported CTDC persons and cases into kinds on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let sha: string;
  let before: string[];
  let personOf: Map<number, string>;

  beforeAll(async () => {
    nrm = await databaseMigratedTo('0021-deadline-reminders');
    // ctdc-small.csv with its line 2 repeated as line 8: the same kind twice.
    const text = readFileSync(SMALL, 'utf8');
    const file = `${text}${text.split('\n')[1]}\n`;
    sha = createHash('sha256').update(file).digest('hex');
    const [header, ...records] = parse(file) as string[][];
    const mapper = ctdcRowMapper(header!, 2026);
    const batch = newId();
    await sql`INSERT INTO import_batch (id, kind, file_name, file_sha256, row_count)
      VALUES (${batch}, 'ctdc', 'ctdc-small-plus-one.csv', ${sha}, ${records.length})`.execute(nrm.db);
    personOf = new Map();
    for (const [i, record] of records.entries()) {
      const line = i + 2;
      const result = mapper.map(record);
      if (!result.ok) throw new Error(`line ${line} of the fixture does not map`);
      const v = result.victim;
      const person = newId();
      personOf.set(line, person);
      await sql`INSERT INTO person (id, sex, citizenships, import_batch_id, source_ref)
        VALUES (${person}, ${v.sex}, ${v.citizenships}, ${batch}, ${`line ${line}`})`.execute(nrm.db);
      await sql`INSERT INTO victim_case (id, person_id, case_number, nrm_status, registration_year, reporting_year, forms, sector,
          countries_of_exploitation, age_band, is_child, recruitment_methods, recruiter_relationship, means_of_control,
          import_batch_id, source_ref)
        VALUES (${newId()}, ${person}, ${`CTDC-${sha.slice(0, 8)}-${line}`}, 'identified', ${v.registration_year}, ${v.reporting_year},
          ${v.forms}, ${v.sector}, ${v.countries_of_exploitation}, ${v.age_band}, ${v.is_child}, ${v.recruitment_methods},
          ${v.recruiter_relationship}, ${v.means_of_control}, ${batch}, ${`line ${line}`})`.execute(nrm.db);
    }
    // Line 3's person has since been given a consent record; line 4's person a case of their own.
    await sql`INSERT INTO consent (id, person_id, purpose, given, recorded_on, method)
      VALUES (${newId()}, ${personOf.get(3)!}, 'assistance', true, '2024-01-01', 'written')`.execute(nrm.db);
    await sql`INSERT INTO victim_case (id, person_id, case_number, nrm_status)
      VALUES (${newId()}, ${personOf.get(4)!}, 'REAL-1', 'presumed')`.execute(nrm.db);
    before = await victimsByFacts(nrm, false);
    await migrateToLatest(nrm.db);
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('keeps every victim the report counted, by year and facts', async () => {
    expect(before.length).toBeGreaterThan(3);
    expect(await victimsByFacts(nrm, true)).toEqual(before);
    const report = await computeAnnualReport(nrm.db, profile, 2016);
    const in2016 = before.filter((row) => row.startsWith('2016 | ')).reduce((sum, row) => sum + Number(row.split(' | ').at(-1)), 0);
    expect(report.victims_identified.total).toBe(in2016);
  });

  it('moves the untouched lines into kinds with their line numbers and ids, and deletes their persons and cases', async () => {
    const kinds = await nrm.db
      .selectFrom('ctdc_record_kind')
      .select(['id', 'n', 'lines'])
      .orderBy(sql`lines[1]`)
      .execute();
    const kindId = lineIds(sha, 'ctdc_record_kind');
    expect(kinds).toEqual([
      { id: kindId(2), n: 2, lines: [2, 8] },
      { id: kindId(5), n: 1, lines: [5] },
      { id: kindId(6), n: 1, lines: [6] },
      { id: kindId(7), n: 1, lines: [7] },
    ]);
    const persons = await nrm.db.selectFrom('person').select('id').orderBy('id').execute();
    expect(persons.map((p) => p.id)).toEqual([personOf.get(3)!, personOf.get(4)!].sort());
  });

  it('leaves a CTDC person a user has linked to another record a person with their case', async () => {
    const { rows } = await sql<{ source_ref: string | null; case_number: string }>`
      SELECT source_ref, case_number FROM victim_case ORDER BY case_number`.execute(nrm.db);
    expect(rows).toEqual([
      { source_ref: 'line 3', case_number: `CTDC-${sha.slice(0, 8)}-3` },
      { source_ref: 'line 4', case_number: `CTDC-${sha.slice(0, 8)}-4` },
      { source_ref: null, case_number: 'REAL-1' },
    ]);
  });
});
