import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { exportOpennrmJson } from '../../src/imports/opennrm-json/export-opennrm-json.ts';
import { importOpennrmJson } from '../../src/imports/opennrm-json/import-opennrm-json.ts';
import { ImportRowError } from '../../src/imports/import-errors.ts';
import { writeIdentity } from '../../src/security/crypto/identity-store.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import { keyringConfig } from '../security/keys.fixture.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'opennrm-json-'));
const TABLES = [
  'organisation',
  'person',
  'person_identity_secret',
  'person_identity_index',
  'victim_case',
  'referral',
  'assistance',
  'criminal_case',
  'criminal_case_victim',
  'suspect',
];

/** The receiving database has keys of its own: an import seals identities again under them. */
const TARGET_KEYRING = new Keyring(keyringConfig(['target1']));

async function exportTo(nrm: NrmDatabase, name: string, keyring = TEST_KEYRING): Promise<string> {
  const file = path.join(dir, name);
  const out = createWriteStream(file);
  await exportOpennrmJson(nrm.db, out, { profile: 'romania', keyring });
  out.end();
  await finished(out);
  return file;
}

async function tableCounts(nrm: NrmDatabase): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(nrm.db);
    result[t] = rows[0]!.n;
  }
  return result;
}

/** Records of every kind, with the awkward values: identities, µs timestamps, nulls, arrays, an organisation not in the profile. */
async function fillSource(nrm: NrmDatabase): Promise<void> {
  await importCtdcFile(nrm, path.resolve(import.meta.dirname, '../fixtures/ctdc-small.csv'), { currentYear: 2026 });
  const org = (code: string) => nrm.db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const anitp = (await org('ANITP')).id;
  const diicot = (await org('DIICOT')).id;
  const ngo = newId();
  await nrm.db
    .insertInto('organisation')
    .values({ id: ngo, code: 'NGO-TEST', name: 'Asociația "Test"\ttab', kind: 'ngo', functions: ['service_provider'] })
    .execute();
  const person = newId();
  await nrm.db
    .insertInto('person')
    .values({ id: person, sex: 'female', birth_year: 2006, citizenships: ['RO', 'MD'], created_at: '2023-02-01T10:11:12.123456Z' })
    .execute();
  await writeIdentity(nrm.db, TEST_KEYRING, person, {
    given_names: 'Ioana',
    family_name: 'Pop',
    documents: [{ type: 'id_card', number: 'RX123', country: 'RO' }],
    notes: 'line\nbreak "q"',
  });
  await nrm.db.insertInto('person').values({ id: newId(), sex: 'male' }).execute();
  const vcase = newId();
  await nrm.db
    .insertInto('victim_case')
    .values({
      id: vcase,
      person_id: person,
      case_number: 'RO-2023-0001',
      nrm_status: 'identified',
      presumed_on: '2023-02-01',
      identified_on: '2023-03-15',
      reporting_year: 2023,
      identifying_organisation_id: anitp,
      forms: ['sexual', 'labour'],
      countries_of_exploitation: ['RO', 'DE'],
      regions_of_exploitation: ['RO-B'],
      age_at_exploitation_start: 16,
      is_child: true,
      recruitment_methods: ['lover_boy'],
      recruiter_relationship: 'intimate_partner',
      means_of_control: ['threats', 'withholds_documents'],
      synthetic: true,
    })
    .execute();
  const referral = newId();
  await nrm.db
    .insertInto('referral')
    .values({
      id: referral,
      victim_case_id: vcase,
      from_organisation_id: anitp,
      to_organisation_id: ngo,
      services: ['shelter', 'legal'],
      status: 'accepted',
      sent_at: '2023-02-02T08:00:00.000001Z',
      responded_at: '2023-02-03T09:30:00Z',
      started_on: '2023-02-04',
    })
    .execute();
  await nrm.db
    .insertInto('assistance')
    .values({
      id: newId(),
      victim_case_id: vcase,
      referral_id: referral,
      provider_organisation_id: ngo,
      service: 'shelter',
      started_on: '2023-02-04',
      ended_on: '2023-06-30',
    })
    .execute();
  const ccase = newId();
  await nrm.db
    .insertInto('criminal_case')
    .values({
      id: ccase,
      case_number: 'DIICOT-123/2023',
      investigating_organisation_id: diicot,
      opened_on: '2023-04-01',
      offence_articles: ['210', '211'],
      forms: ['sexual'],
    })
    .execute();
  await nrm.db.insertInto('criminal_case_victim').values({ criminal_case_id: ccase, victim_case_id: vcase }).execute();
  await nrm.db
    .insertInto('suspect')
    .values({
      id: newId(),
      criminal_case_id: ccase,
      sex: 'male',
      age: 31,
      citizenships: ['RO'],
      role: 'recruiter',
      state_employee: true,
      prosecuted_on: '2023-09-01',
      verdict: 'convicted',
      verdict_on: '2024-05-20',
      sentence_months: 84,
      sentence_suspended: false,
    })
    .execute();
}

const withoutExportedAt = (file: string) => readFileSync(file, 'utf8').replace(/"exported_at":"[^"]*"/, '"exported_at":"-"');

describe(`OpenNRM JSON export and import on ${TEST_DB_KIND}`, () => {
  let source: NrmDatabase;
  let target: NrmDatabase;
  let first: string;
  beforeAll(async () => {
    source = await freshDatabase();
    target = await freshDatabase();
    await fillSource(source);
    first = await exportTo(source, 'first.jsonl');
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('writes a header and every record type in order, organisations by code', () => {
    const lines = readFileSync(first, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'header', format: 'opennrm', version: 1, profile: 'romania' });
    const types = [...new Set(lines.map((l) => l.type))];
    expect(types).toEqual([
      'header',
      'organisation',
      'import_batch',
      'person',
      'victim_case',
      'referral',
      'assistance',
      'criminal_case',
      'criminal_case_victim',
      'suspect',
    ]);
    const vcase = lines.find((l) => l.case_number === 'RO-2023-0001')!;
    expect(vcase.identifying_organisation_code).toBe('ANITP');
    expect(vcase).not.toHaveProperty('identifying_organisation_id');
    const person = lines.find((l) => l.type === 'person' && l.identity != null)!;
    expect(person).toMatchObject({ created_at: '2023-02-01T10:11:12.123456Z', identity: { family_name: 'Pop' } });
  });

  it('imports into another database losslessly: exporting it again gives the same lines', async () => {
    const outcome = await importOpennrmJson(target, first, { profile: 'romania', keyring: TARGET_KEYRING });
    expect(outcome.status).toBe('imported');
    expect(outcome.added).toMatchObject({ organisation: 1, person: 8, victim_case: 7, referral: 1, suspect: 1 });
    expect(outcome.already_present).toMatchObject({ organisation: 53 });
    const again = await exportTo(target, 'again.jsonl', TARGET_KEYRING);
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(first));
    // Sealed again under the importing database's key, not copied: the source's key opens nothing there.
    const sealed = await target.db.selectFrom('person_identity_secret').select('key_id').execute();
    expect(sealed.map((r) => r.key_id)).toEqual(['target1']);
    await expect(exportTo(target, 'wrong-key.jsonl', TEST_KEYRING)).rejects.toThrow(
      /sealed with key "target1", which is not in the keyring/,
    );
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
  });

  it('adds nothing when the same file, or another export of the same data, is imported again', async () => {
    const before = await tableCounts(target);
    expect(await importOpennrmJson(target, first, { profile: 'romania', keyring: TARGET_KEYRING })).toMatchObject({
      status: 'already_imported',
      rows: 0,
    });
    const second = await exportTo(source, 'second.jsonl');
    const outcome = await importOpennrmJson(target, second, { profile: 'romania', keyring: TARGET_KEYRING });
    expect(outcome).toMatchObject({ status: 'imported', rows: 0 });
    expect(await tableCounts(target)).toEqual(before);
  });

  it('refuses a file with bad lines, naming line, field and reason, and saves nothing', async () => {
    const fresh = await freshDatabase();
    try {
      const lines = readFileSync(first, 'utf8').trim().split('\n');
      const vcase = lines.findIndex((l) => l.includes('"RO-2023-0001"'));
      const suspect = lines.findIndex((l) => l.startsWith('{"type":"suspect"'));
      lines[vcase] = lines[vcase]!.replace('"ANITP"', '"NO-SUCH-ORG"');
      lines[suspect] = lines[suspect]!.replace('"sentence_months":84', '"sentence_months":-3');
      const bad = path.join(dir, 'bad.jsonl');
      writeFileSync(bad, `${lines.join('\n')}\n`);
      const before = await tableCounts(fresh);
      const error = (await importOpennrmJson(fresh, bad, { profile: 'romania', keyring: TEST_KEYRING }).catch(
        (e: unknown) => e,
      )) as ImportRowError;
      expect(error).toBeInstanceOf(ImportRowError);
      expect(error.problems).toEqual([
        {
          line: vcase + 1,
          column: 'identifying_organisation_code',
          reason: 'no organisation with code "NO-SUCH-ORG" in this database or earlier in the file',
        },
        { line: suspect + 1, column: 'sentence_months', reason: expect.stringContaining('>=0') },
      ]);
      expect(await tableCounts(fresh)).toEqual(before);
      await expect(importOpennrmJson(fresh, first, { profile: 'moldova', keyring: TEST_KEYRING })).rejects.toThrow(
        /line 1, column profile/,
      );
    } finally {
      await fresh.close();
    }
  });

  it('reports the line at fault only: not the lines that depend on it, nor a header problem twice', async () => {
    const fresh = await freshDatabase();
    const refuse = async (edit: (lines: string[]) => void) => {
      const lines = readFileSync(first, 'utf8').trim().split('\n');
      edit(lines);
      const file = path.join(dir, `edited-${newId()}.jsonl`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const error = (await importOpennrmJson(fresh, file, { profile: 'romania', keyring: TEST_KEYRING }).catch(
        (e: unknown) => e,
      )) as ImportRowError;
      expect(error).toBeInstanceOf(ImportRowError);
      return error.problems;
    };
    const at = (lines: string[], prefix: string, has = '') => lines.findIndex((l) => l.startsWith(prefix) && l.includes(has));
    try {
      const before = await tableCounts(fresh);
      // A bad import batch line: the persons and cases of that batch, and the
      // organisation codes of later lines, are not reported as problems of their own.
      let batchLine = 0;
      expect(
        await refuse((lines) => {
          batchLine = at(lines, '{"type":"import_batch"');
          lines[batchLine] = lines[batchLine]!.replace(/"row_count":\d+/, '"row_count":-1');
        }),
      ).toEqual([{ line: batchLine + 1, column: 'row_count', reason: expect.stringContaining('>=0') }]);
      // A victim case of a person that is nowhere: that line and field, checked before writing.
      const stranger = newId();
      let caseLine = 0;
      expect(
        await refuse((lines) => {
          caseLine = at(lines, '{"type":"victim_case"', '"RO-2023-0001"');
          lines[caseLine] = lines[caseLine]!.replace(/"person_id":"[^"]+"/, `"person_id":"${stranger}"`);
        }),
      ).toEqual([
        { line: caseLine + 1, column: 'person_id', reason: `no person with id ${stranger} in this database or earlier in the file` },
      ]);
      // A bad person line: its victim case is not reported again.
      let personLine = 0;
      expect(
        await refuse((lines) => {
          personLine = at(lines, '{"type":"person"', '"Pop"');
          lines[personLine] = lines[personLine]!.replace('"sex":"female"', '"sex":"robot"');
        }),
      ).toEqual([{ line: personLine + 1, column: 'sex', reason: expect.stringContaining('expected one of') }]);
      // Another version of the format: the header's problem alone.
      expect(await refuse((lines) => (lines[0] = lines[0]!.replace('"version":1', '"version":2')))).toEqual([
        { line: 1, column: 'version', reason: expect.stringContaining('expected 1') },
      ]);
      expect(await tableCounts(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });
});
