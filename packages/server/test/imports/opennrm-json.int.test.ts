import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEFAULT_SHARED_FIELDS, OPENNRM_JSON_TYPES } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { exportOpennrmJson } from '../../src/imports/opennrm-json/export-opennrm-json.ts';
import { importOpennrmJson } from '../../src/imports/opennrm-json/import-opennrm-json.ts';
import { ImportRowError } from '../../src/imports/import-errors.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import { NO_PASSWORD, verifyPassword } from '../../src/accounts/passwords.ts';
import { ensureFirstAdministrator } from '../../src/accounts/users.repository.ts';
import { keyringConfig } from '../security/keys.fixture.ts';
import { fillExportFixture, RICH_CASE_NUMBER } from './opennrm-json.fixture.ts';
import { OPENNRM_JSON_IMPORT_KIND, TABLES as EXPORTED } from '../../src/imports/opennrm-json/tables.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'opennrm-json-'));
const TABLES = [...EXPORTED.map((t) => t.table), 'person_identity_secret', 'person_identity_index'];

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
    // A JSON import records itself as a batch (how a second import of the file knows): bookkeeping, not data.
    const transfers = t === 'import_batch' ? sql`WHERE kind <> ${OPENNRM_JSON_IMPORT_KIND}` : sql``;
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)} ${transfers}`.execute(nrm.db);
    result[t] = rows[0]!.n;
  }
  return result;
}

const withoutExportedAt = (file: string) => readFileSync(file, 'utf8').replace(/"exported_at":"[^"]*"/, '"exported_at":"-"');

describe(`OpenNRM JSON export and import on ${TEST_DB_KIND}`, () => {
  let source: NrmDatabase;
  let target: NrmDatabase;
  let first: string;
  beforeAll(async () => {
    source = await freshDatabase();
    target = await freshDatabase();
    await fillExportFixture(source);
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
    expect(lines[0]).toMatchObject({ type: 'header', format: 'opennrm', version: 2, profile: 'romania' });
    const types = [...new Set(lines.map((l) => l.type))];
    expect(types).toEqual(['header', ...OPENNRM_JSON_TYPES]);
    const vcase = lines.find((l) => l.case_number === RICH_CASE_NUMBER)!;
    expect(vcase).toMatchObject({ identifying_organisation_code: 'ANITP', owner_organisation_code: 'NGO-TEST' });
    expect(vcase).not.toHaveProperty('identifying_organisation_id');
    const person = lines.find((l) => l.type === 'person' && l.identity != null)!;
    expect(person).toMatchObject({ created_at: '2023-02-01T10:11:12.123456Z', identity: { family_name: 'Pop' } });
    const criminal = lines.find((l) => l.type === 'criminal_case')!;
    expect(criminal.institutions_under_investigation_codes).toEqual(['NGO-TEST', 'IGPR']);
    // Accounts say who they are, never how they sign in.
    const account = lines.find((l) => l.type === 'app_user' && l.username === 'ana.ngo')!;
    expect(account).toEqual({
      type: 'app_user',
      id: account.id,
      username: 'ana.ngo',
      display_name: 'Ana "NGO"',
      role: 'case_worker',
      organisation_code: 'NGO-TEST',
      disabled: false,
      oidc_issuer: 'https://sso.example.ro',
      oidc_subject: 'ana-42',
      created_at: '2023-01-05T08:00:00.000007Z',
      email: null,
    });
  });

  it('imports into another database losslessly: exporting it again gives the same lines', async () => {
    const outcome = await importOpennrmJson(target, first, { profile: 'romania', keyring: TARGET_KEYRING });
    expect(outcome.status).toBe('imported');
    expect(outcome.added).toMatchObject({
      organisation: 1,
      app_user: 4,
      // The fixture's CTDC file: 6 lines of 6 kinds, stored by kind (migration 0022), no person.
      ctdc_record_kind: 6,
      person: 2,
      victim_case: 2,
      case_team: 2,
      referral: 3,
      assistance: 3,
      service_facility: 1,
      suspect: 1,
      break_glass_grant: 1,
      alert: 3,
      consent: 2,
      erasure_request: 2,
      screening: 2,
      screening_revision: 2,
      anonymous_notification: 1,
      nrm_transition: 2,
      child_protection_notification: 2,
      residence_status: 1,
    });
    expect(outcome.already_present).toMatchObject({ organisation: 53 });
    const again = await exportTo(target, 'again.jsonl', TARGET_KEYRING);
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(first));
    // The file does not carry the kinds' fact sets (ids of each database): the target's trigger derives the same facts.
    const factsOfKinds = async (nrm: NrmDatabase) =>
      (
        await sql<{ id: string; facts: string }>`
          SELECT k.id, row(f.sex, f.citizenships, f.forms, f.countries_of_exploitation, f.forms_by_country, f.is_child)::text AS facts
          FROM ctdc_record_kind k JOIN victim_fact_set f ON f.id = k.fact_set_id ORDER BY k.id`.execute(nrm.db)
      ).rows;
    expect(await factsOfKinds(target)).toEqual(await factsOfKinds(source));
    expect(await factsOfKinds(target)).toHaveLength(6);
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
      const vcase = lines.findIndex((l) => l.includes(`"${RICH_CASE_NUMBER}"`));
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

  it('names the line and field of bad records of the version 2 types and saves nothing', async () => {
    const fresh = await freshDatabase();
    try {
      const lines = readFileSync(first, 'utf8').trim().split('\n');
      const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
      const criminal = at('{"type":"criminal_case"');
      const grant = at('{"type":"break_glass_grant"');
      const consent = lines.findIndex((l) => l.startsWith('{"type":"consent"') && l.includes('"withdrawn_on":"2023-08-01"'));
      lines[criminal] = lines[criminal]!.replace(
        '"institutions_under_investigation_codes":["NGO-TEST","IGPR"]',
        '"institutions_under_investigation_codes":["NGO-TEST","NOPE"]',
      );
      lines[grant] = lines[grant]!.replace(/"reason":"[^"]*"/, '"reason":"because"');
      lines[consent] = lines[consent]!.replace('"withdrawn_on":"2023-08-01"', '"withdrawn_on":"2022-08-01"');
      const bad = path.join(dir, 'bad-v2.jsonl');
      writeFileSync(bad, `${lines.join('\n')}\n`);
      const before = await tableCounts(fresh);
      const error = (await importOpennrmJson(fresh, bad, { profile: 'romania', keyring: TEST_KEYRING }).catch(
        (e: unknown) => e,
      )) as ImportRowError;
      expect(error).toBeInstanceOf(ImportRowError);
      expect(error.problems).toEqual([
        {
          line: criminal + 1,
          column: 'institutions_under_investigation_codes.1',
          reason: 'no organisation with code "NOPE" in this database or earlier in the file',
        },
        { line: grant + 1, column: 'reason', reason: 'a written reason of at least 10 characters' },
        { line: consent + 1, column: 'withdrawn_on', reason: 'only a given consent is withdrawn, on or after recorded_on' },
      ]);
      expect(await tableCounts(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it('bounds dates as the API does (a birth after this year, a service before its case began or over 366 days ahead, an event before its case opened), naming line and field, and saves nothing', async () => {
    const fresh = await freshDatabase();
    try {
      const lines = readFileSync(first, 'utf8').trim().split('\n');
      const born = lines.findIndex((l) => l.startsWith('{"type":"person"') && l.includes('"birth_year":2006'));
      const service = lines.findIndex((l) => l.startsWith('{"type":"assistance"') && l.includes('"started_on":"2023-07-01"'));
      const planned = lines.findIndex((l) => l.startsWith('{"type":"assistance"') && l.includes('"started_on":"2023-02-04"'));
      const event = lines.findIndex((l) => l.startsWith('{"type":"procedural_event"') && l.includes('"occurred_on":"2023-09-02"'));
      expect([born, service, planned, event].every((i) => i > 0)).toBe(true);
      // "Today" is 1 January 2024 in Bucharest: 2025 is after this year, 3 January 2025 is 368 days ahead.
      const now = new Date('2024-01-01T10:00:00Z');
      const problemsOf = async (name: string, edit: (lines: string[]) => void) => {
        const edited = [...lines];
        edit(edited);
        const bad = path.join(dir, name);
        writeFileSync(bad, `${edited.join('\n')}\n`);
        const before = await tableCounts(fresh);
        const error = (await importOpennrmJson(fresh, bad, { profile: 'romania', keyring: TEST_KEYRING, now }).catch(
          (e: unknown) => e,
        )) as ImportRowError;
        expect(error).toBeInstanceOf(ImportRowError);
        expect(await tableCounts(fresh)).toEqual(before);
        return error.problems;
      };
      // A person refused leaves out the lines that refer to it unreported: the birth goes in a file of its own.
      expect(
        await problemsOf('bad-birth.jsonl', (l) => {
          l[born] = l[born]!.replace('"birth_year":2006', '"birth_year":2025');
        }),
      ).toEqual([{ line: born + 1, column: 'birth_year', reason: 'must not be after this year (2024)' }]);
      const problems = await problemsOf('bad-dates.jsonl', (l) => {
        l[service] = l[service]!.replace('"started_on":"2023-07-01"', '"started_on":"2001-07-01"');
        l[planned] = l[planned]!.replace('"started_on":"2023-02-04"', '"started_on":"2025-01-03"').replace(
          /"ended_on":"[^"]*"/,
          '"ended_on":null',
        );
        l[event] = l[event]!.replace('"occurred_on":"2023-09-02"', '"occurred_on":"2001-09-02"');
      });
      expect(problems).toEqual(
        [
          {
            line: service + 1,
            column: 'started_on',
            reason: expect.stringMatching(/^must not be before the victim case began \(20\d\d-\d\d-\d\d\)$/),
          },
          { line: planned + 1, column: 'started_on', reason: 'must not be more than 366 days after today (2025-01-01 at the latest)' },
          { line: event + 1, column: 'occurred_on', reason: expect.stringMatching(/^must not be before the case opened \(2023-0\d-01\)$/) },
        ].sort((a, b) => a.line - b.line),
      );
    } finally {
      await fresh.close();
    }
  });

  it('refuses a username or case number that another record of the database holds, naming line and field', async () => {
    const fresh = await freshDatabase();
    try {
      const ngo = newId();
      await fresh.db.insertInto('organisation').values({ id: ngo, code: 'NGO-TEST', name: 'Other', kind: 'ngo' }).execute();
      await fresh.db
        .insertInto('app_user')
        .values({ id: newId(), username: 'coord', display_name: 'Someone else', password_hash: 'x', role: 'analyst' })
        .execute();
      const person = newId();
      await fresh.db.insertInto('person').values({ id: person }).execute();
      await fresh.db
        .insertInto('victim_case')
        .values({ id: newId(), person_id: person, case_number: RICH_CASE_NUMBER, nrm_status: 'potential' })
        .execute();
      const before = await tableCounts(fresh);
      const lines = readFileSync(first, 'utf8').trim().split('\n');
      const error = (await importOpennrmJson(fresh, first, { profile: 'romania', keyring: TEST_KEYRING }).catch(
        (e: unknown) => e,
      )) as ImportRowError;
      expect(error).toBeInstanceOf(ImportRowError);
      // The case team, break-glass grant, alerts and consent of "coord" follow from that line: not reported again.
      expect(error.problems).toEqual([
        {
          line: lines.findIndex((l) => l.includes('"username":"coord"')) + 1,
          column: 'username',
          reason: '"coord" belongs to another app_user of this database',
        },
        {
          line: lines.findIndex((l) => l.includes(`"case_number":"${RICH_CASE_NUMBER}"`)) + 1,
          column: 'case_number',
          reason: `"${RICH_CASE_NUMBER}" belongs to another victim_case of this database`,
        },
      ]);
      expect(await tableCounts(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it('imports accounts without a password: the first run gives the imported administrator a one-time password', async () => {
    const chief = await target.db
      .selectFrom('app_user')
      .select(['password_hash', 'must_change_password'])
      .where('username', '=', 'chief')
      .executeTakeFirstOrThrow();
    expect(chief).toEqual({ password_hash: NO_PASSWORD, must_change_password: true });
    expect(await verifyPassword(chief.password_hash, '')).toBe(false);
    const first = await ensureFirstAdministrator(target.db);
    expect(first).toEqual({ username: 'chief', password: expect.any(String) });
    const issued = await target.db.selectFrom('app_user').select('password_hash').where('username', '=', 'chief').executeTakeFirstOrThrow();
    expect(await verifyPassword(issued.password_hash, first!.password)).toBe(true);
    expect(await ensureFirstAdministrator(target.db)).toBeNull();
  });

  it('reads a version 1 file: its records get the values migrations 0007 to 0012 gave existing rows', async () => {
    const fresh = await freshDatabase();
    try {
      const v2Only = new Set([
        'app_user',
        'ctdc_record_kind',
        'case_team',
        'break_glass_grant',
        'alert',
        'consent',
        'erasure_request',
        'screening',
        'screening_revision',
        'service_facility',
        'anonymous_notification',
        'nrm_transition',
        'child_protection_notification',
        'residence_status',
        'criminal_case_offence',
        'procedural_event',
        'criminal_case_cooperation',
        'victim_hearing',
        'legal_counsel_assignment',
        'programme_participation',
        'protection_measure',
        'exchange_rate',
        'compensation_claim',
        'compensation_order',
        'compensation_payment',
        'state_advance_payment',
      ]);
      // Fields version 2 added to the record types version 1 had (written out here, not taken from the code).
      const anonymised = ['anonymised_on', 'anonymisation_rule'];
      const v2Fields: Record<string, string[]> = {
        person: ['created_by_user_id', ...anonymised],
        victim_case: ['created_by_user_id', 'owner_organisation_code', ...anonymised, 'workflow_state', 'region'],
        referral: [
          'shared_fields',
          ...anonymised,
          'decline_reason_code',
          'urgency',
          'resent_from_referral_id',
          'overdue_alerted_at',
          'days_from_screening',
          'days_to_first_service',
          'intervals_kept',
        ],
        assistance: [...anonymised, 'facility_id', 'amount', 'currency', 'payment_scheme'],
        criminal_case: [
          'institutions_under_investigation_codes',
          'stage',
          'closed_on',
          'closure_reason',
          'organised_crime_group',
          'prosecutor_user_id',
          'manager_user_id',
        ],
        suspect: ['app_user_id'],
      };
      const v1 = readFileSync(first, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => !v2Only.has(r.type as string))
        .map((r) => {
          for (const f of v2Fields[r.type as string] ?? []) delete r[f];
          return JSON.stringify(r.type === 'header' ? { ...r, version: 1 } : r);
        });
      const file = path.join(dir, 'version-1.jsonl');
      writeFileSync(file, `${v1.join('\n')}\n`);
      const outcome = await importOpennrmJson(fresh, file, { profile: 'romania', keyring: TEST_KEYRING });
      expect(outcome).toMatchObject({ status: 'imported', added: { person: 2, victim_case: 2, referral: 3, suspect: 1 } });
      const rich = await fresh.db
        .selectFrom('victim_case as v')
        .innerJoin('organisation as o', 'o.id', 'v.owner_organisation_id')
        .innerJoin('referral as r', 'r.victim_case_id', 'v.id')
        .select(['o.code', 'r.shared_fields', 'r.status', 'r.decline_reason_code', 'r.urgency', 'v.created_by_user_id', 'v.workflow_state'])
        .where('v.case_number', '=', RICH_CASE_NUMBER)
        .orderBy('r.status')
        .execute();
      expect(rich).toEqual(
        ['accepted', 'declined'].map((status) => ({
          code: 'ANITP',
          shared_fields: [...DEFAULT_SHARED_FIELDS],
          status,
          decline_reason_code: status === 'declined' ? 'other' : null,
          urgency: 'routine',
          created_by_user_id: null,
          workflow_state: null,
        })),
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
          caseLine = at(lines, '{"type":"victim_case"', `"${RICH_CASE_NUMBER}"`);
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
      expect(await refuse((lines) => (lines[0] = lines[0]!.replace('"version":2', '"version":3')))).toEqual([
        { line: 1, column: 'version', reason: expect.stringContaining('expected one of 1|2') },
      ]);
      expect(await tableCounts(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });
});
