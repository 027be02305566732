import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { exportOpennrmJson } from '../../src/imports/opennrm-json/export-opennrm-json.ts';
import { importOpennrmJson } from '../../src/imports/opennrm-json/import-opennrm-json.ts';
import { anonymiseRecords } from '../../src/gdpr/anonymise.ts';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';

const profile = shippedProfile('romania');
const dir = mkdtempSync(path.join(tmpdir(), 'opennrm-summary-'));
const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);

/**
 * The victim year summary recomputed from the records, independently of the
 * triggers: for every person and year with an identified case, the person's
 * sex and citizenships and the union of those cases' facts.
 */
async function expectedSummary(nrm: NrmDatabase): Promise<string[]> {
  const union = (element: string, from: string) =>
    sql.raw(`ARRAY(SELECT DISTINCT ${element} FROM victim_case x, ${from}
      WHERE x.person_id = c.person_id AND x.reporting_year = c.reporting_year AND x.nrm_status = 'identified' ORDER BY 1)`);
  const { rows } = await sql<{ row: string }>`
    SELECT concat_ws(' | ', c.reporting_year, c.person_id, p.sex,
      ARRAY(SELECT DISTINCT v FROM unnest(p.citizenships) v ORDER BY v),
      ${union('f', 'unnest(x.forms) f')}, ${union('y', 'unnest(x.countries_of_exploitation) y')},
      ${union(`y || ':' || f`, 'unnest(x.countries_of_exploitation) y, unnest(x.forms) f')},
      bool_or(coalesce(c.is_child, false))) AS row
    FROM victim_case c JOIN person p ON p.id = c.person_id
    WHERE c.nrm_status = 'identified' AND c.reporting_year IS NOT NULL
    GROUP BY c.reporting_year, c.person_id, p.sex, p.citizenships
    ORDER BY 1`.execute(nrm.db);
  return rows.map((r) => r.row);
}

/** The victim year summary as the triggers keep it, in the same shape. */
async function storedSummary(nrm: NrmDatabase): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`
    SELECT concat_ws(' | ', s.reporting_year, s.person_id, f.sex, f.citizenships, f.forms, f.countries_of_exploitation,
      f.forms_by_country, f.is_child) AS row
    FROM victim_year_summary s JOIN victim_fact_set f ON f.id = s.fact_set_id
    ORDER BY 1`.execute(nrm.db);
  return rows.map((r) => r.row);
}

async function expectConsistent(nrm: NrmDatabase): Promise<string[]> {
  const expected = await expectedSummary(nrm);
  expect(await storedSummary(nrm)).toEqual(expected);
  return expected;
}

/**
 * Victims of a year and per form, counted straight from the records: persons with
 * identified cases, plus the lines of imported CTDC files (ctdc_record_kind, one victim a line).
 */
async function countedVictims(nrm: NrmDatabase, year: number): Promise<{ total: number; sexual: number; unspecified: number }> {
  const sexualForms = profile.annual_report.form_categories.sexual_exploitation!;
  const { rows } = await sql<{ total: number; sexual: number; unspecified: number }>`
    SELECT count(DISTINCT person_id)::int + ctdc.total AS total,
      count(DISTINCT person_id) FILTER (WHERE forms && ${sexualForms}::text[])::int + ctdc.sexual AS sexual,
      count(DISTINCT person_id) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM victim_case o WHERE o.person_id = v.person_id AND o.reporting_year = ${year}
          AND o.nrm_status = 'identified' AND cardinality(o.forms) > 0))::int + ctdc.unspecified AS unspecified
    FROM (SELECT coalesce(sum(n), 0)::int AS total,
            coalesce(sum(n) FILTER (WHERE forms && ${sexualForms}::text[]), 0)::int AS sexual,
            coalesce(sum(n) FILTER (WHERE cardinality(forms) = 0), 0)::int AS unspecified
          FROM ctdc_record_kind WHERE reporting_year = ${year}) AS ctdc
      LEFT JOIN victim_case v ON v.reporting_year = ${year} AND v.nrm_status = 'identified'
    GROUP BY ctdc.total, ctdc.sexual, ctdc.unspecified`.execute(nrm.db);
  return rows[0]!;
}

describe(`victim year summary kept by the database on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let nrm: NrmDatabase;
  let token: string;
  const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await api.as(token, { method, url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    api = await testApi();
    nrm = api.nrm;
    token = await api.signedIn('coordinator');
  });
  afterAll(async () => {
    await api.close();
  });

  it('leaves CTDC imports out: statistical records stored by kind, no person, no case, not in case lists', async () => {
    await importCtdcFile(nrm, fixture('ctdc-small.csv'), { currentYear: 2026, bulk: false });
    const [header, ...rows] = readFileSync(fixture('ctdc-small.csv'), 'utf8').trim().split('\n');
    const larger = path.join(dir, 'ctdc-larger.csv');
    writeFileSync(larger, `${[header, ...rows, ...rows, ...rows].join('\n')}\n`);
    await importCtdcFile(nrm, larger, { currentYear: 2026, bulk: true });
    expect(await expectConsistent(nrm)).toEqual([]);
    const { rows: held } = await sql<{ persons: number; cases: number; lines: number }>`
      SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM victim_case) AS cases,
        (SELECT sum(n)::int FROM ctdc_record_kind) AS lines`.execute(nrm.db);
    // 6 lines on the row path, 18 on the staged path.
    expect(held[0]).toEqual({ persons: 0, cases: 0, lines: 24 });
    const list = await api.as(token, { method: 'GET', url: '/api/v1/victim-cases' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 0 });
  });

  it('follows a bulk INSERT of persons and cases (one set-based statement)', async () => {
    await sql`INSERT INTO person (id, sex, citizenships)
      SELECT ('00000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, (ARRAY['female', 'male', 'other', 'unknown'])[1 + i % 4],
        (CASE i % 3 WHEN 0 THEN '{RO}' WHEN 1 THEN '{MD,RO}' ELSE '{}' END)::text[]
      FROM generate_series(1, 24) AS i`.execute(nrm.db);
    await sql`INSERT INTO victim_case (id, person_id, case_number, nrm_status, registration_year, reporting_year, forms,
        countries_of_exploitation, is_child)
      SELECT ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid,
        'BULK-' || lpad(i::text, 2, '0'), 'identified', 2016 + i % 2, 2016 + i % 2,
        (CASE i % 4 WHEN 0 THEN '{sexual}' WHEN 1 THEN '{labour,forced_begging}' WHEN 2 THEN '{}' ELSE '{sexual,labour}' END)::text[],
        (CASE i % 3 WHEN 0 THEN '{IT}' WHEN 1 THEN '{RO}' ELSE '{}' END)::text[],
        CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false END
      FROM generate_series(1, 24) AS i`.execute(nrm.db);
    expect(await expectConsistent(nrm)).toHaveLength(24);
  });

  it('follows the API: cases added, changed in form, year and status, and a person whose sex and citizenships change', async () => {
    const person = (await call('POST', '/api/v1/persons', { sex: 'female', citizenships: ['RO'] })).id;
    const identified = (number: string, on: string, forms: string[], countries: string[]) =>
      call('POST', '/api/v1/victim-cases', {
        person_id: person,
        case_number: number,
        nrm_status: 'identified',
        identified_on: on,
        identifying_organisation: 'ANITP',
        forms,
        countries_of_exploitation: countries,
      });
    const first = await identified('SUM-1', '2023-03-01', ['sexual'], ['RO']);
    const second = await identified('SUM-2', '2023-06-01', ['labour'], ['DE']);
    await expectConsistent(nrm);
    // The two cases of 2023 are one victim, in both forms; labour happened in DE, not in RO.
    const { rows } = await sql<{ forms: string[]; forms_by_country: string[] }>`
      SELECT f.forms, f.forms_by_country FROM victim_year_summary s JOIN victim_fact_set f ON f.id = s.fact_set_id
      WHERE s.person_id = ${person} AND s.reporting_year = 2023`.execute(nrm.db);
    expect(rows).toEqual([{ forms: ['labour', 'sexual'], forms_by_country: ['DE:labour', 'RO:sexual'] }]);

    await call('PATCH', `/api/v1/victim-cases/${second.id}`, { forms: ['labour', 'forced_begging'], countries_of_exploitation: ['RO'] });
    await expectConsistent(nrm);
    await call('PATCH', `/api/v1/victim-cases/${first.id}`, { identified_on: '2024-02-01' });
    await expectConsistent(nrm);
    await call('PATCH', `/api/v1/persons/${person}`, { sex: 'male', citizenships: ['RO', 'MD'] });
    await expectConsistent(nrm);
    await call('PATCH', `/api/v1/persons/${person}`, { citizenships: ['MD', 'RO'] });
    await expectConsistent(nrm);
  });

  it('follows direct SQL: a status change, a case moved to another person, several rows at once, deletes', async () => {
    const { rows: cases } = await sql<{ id: string; person_id: string }>`
      SELECT id, person_id FROM victim_case ORDER BY case_number`.execute(nrm.db);
    await sql`UPDATE victim_case SET nrm_status = 'presumed' WHERE id = ${cases[0]!.id}`.execute(nrm.db);
    await expectConsistent(nrm);
    await sql`UPDATE victim_case SET nrm_status = 'identified' WHERE id = ${cases[0]!.id}`.execute(nrm.db);
    await sql`UPDATE victim_case SET person_id = ${cases[2]!.person_id}, reporting_year = 2016 WHERE id = ${cases[1]!.id}`.execute(nrm.db);
    await expectConsistent(nrm);
    await sql`UPDATE victim_case SET reporting_year = reporting_year + 1, is_child = NOT coalesce(is_child, false)
              WHERE case_number LIKE 'BULK-%'`.execute(nrm.db);
    await expectConsistent(nrm);
    await sql`UPDATE person SET sex = 'unknown' WHERE id IN (SELECT person_id FROM victim_case WHERE case_number LIKE 'BULK-%')`.execute(
      nrm.db,
    );
    await expectConsistent(nrm);
    await sql`DELETE FROM victim_case WHERE id IN (${cases[3]!.id}, ${cases[4]!.id})`.execute(nrm.db);
    await expectConsistent(nrm);
  });

  it('follows GDPR anonymisation, which keeps the facts the statistics count', async () => {
    const persons = (await nrm.db.selectFrom('person').select('id').execute()).map((p) => p.id);
    const before = await expectConsistent(nrm);
    await nrm.db.transaction().execute(async (trx) => {
      const mark = { rule: 'test', on: '2026-01-01', reason: 'test of the summary', action: 'purge' as const };
      for (const type of ['victim_case', 'identity'] as const)
        await anonymiseRecords(trx, profile, type, persons, mark, { actor_username: 'retention' });
    });
    expect(await expectConsistent(nrm)).toEqual(before);
  });

  it('gives the report the counts of the records', async () => {
    for (const year of [2016, 2017, 2023, 2024]) {
      const report = await computeAnnualReport(nrm.db, profile, year);
      const counted = await countedVictims(nrm, year);
      expect(report.victims_identified.total, `${year}`).toBe(counted.total);
      expect(report.victims_identified.by_form.sexual_exploitation, `${year}`).toBe(counted.sexual);
      expect(report.victims_identified.by_form.unspecified, `${year}`).toBe(counted.unspecified);
    }
  });

  it('is rebuilt by an OpenNRM JSON import into another database', async () => {
    const file = path.join(dir, 'export.jsonl');
    const out = createWriteStream(file);
    await exportOpennrmJson(nrm.db, out, { profile: 'romania', keyring: TEST_KEYRING });
    out.end();
    await finished(out);
    const target = await freshDatabase();
    try {
      await importOpennrmJson(target, file, { profile: 'romania', keyring: TEST_KEYRING });
      expect(await expectConsistent(target)).toEqual(await expectedSummary(nrm));
    } finally {
      await target.close();
    }
  });
});
