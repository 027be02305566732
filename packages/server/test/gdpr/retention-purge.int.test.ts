import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';
import { readIdentity } from '../../src/security/crypto/index.ts';
import { verifyAuditChain, withAuditTables } from '../../src/audit/index.ts';
import { runRetentionPurge } from '../../src/gdpr/retention.repository.ts';
import { withGdprTables } from '../../src/gdpr/gdpr-tables.ts';
import { keyring, profile, screening, victim, type Victim } from './gdpr-fixtures.ts';
import type { AnnualReport } from '@opennrm/domain';

describe(`retention purge on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let old: Victim; // case of 2015, assistance ended 2016-06-30: due from 2021-06-30
  let held: Victim; // 2015 too, but a victim in an open criminal case
  let ongoing: Victim; // 2015, assistance still going: case open
  let recent: Victim; // 2021, assistance ended 2022-06-30: due from 2027-06-30
  let oldScreening: string; // no case opened, recorded 2015-06-01: due from 2018-06-01 (36 months)
  let recentScreening: string; // no case opened, recorded 2021-06-01: due from 2024-06-01
  const years = [2015, 2021, 2022, 2023];
  const reports = new Map<number, AnnualReport>();
  const purgeEvents = (personId: string) =>
    withAuditTables(nrm.db).selectFrom('audit_event').selectAll().where('action', '=', 'purge').where('person_id', '=', personId).execute();

  beforeAll(async () => {
    nrm = await freshDatabase();
    // The demo seals its synthetic identities with the keyring (encryption wiring in progress: older signatures ignore it).
    const demoOptions = { keyring };
    await loadDemo(nrm, profile, 'romania', demoOptions);
    // Screened on 1 February, referred on 3 March (30 days), first service on 1 April (29 days later).
    old = await victim(nrm, { year: 2015, screenedAt: '2015-02-01T09:00:00Z' });
    held = await victim(nrm, { year: 2015, openCriminalCase: true });
    ongoing = await victim(nrm, { year: 2015, ongoingAssistance: true });
    recent = await victim(nrm, { year: 2021, screenedAt: '2021-02-01T09:00:00Z' });
    oldScreening = await screening(nrm, { recordedAt: '2015-06-01T08:00:00Z' });
    recentScreening = await screening(nrm, { recordedAt: '2021-06-01T08:00:00Z' });
    for (const year of years) reports.set(year, await computeAnnualReport(nrm.db, profile, year));
  });
  afterAll(async () => nrm?.close());

  it('a dry run lists what is due, by rule, and changes nothing', async () => {
    const result = await runRetentionPurge(nrm.db, profile, { today: '2022-01-01', dryRun: true });
    const duePersons = new Set(result.due.map((d) => d.person_id));
    expect(duePersons.has(old.personId)).toBe(true);
    expect(duePersons.has(held.personId)).toBe(false);
    expect(duePersons.has(ongoing.personId)).toBe(false);
    expect(duePersons.has(recent.personId)).toBe(false);
    const identity = result.due.find((d) => d.person_id === old.personId && d.rule === 'identity_after_case_closure')!;
    expect(identity).toMatchObject({ event_on: '2016-06-30', expired_on: '2021-06-30', records: 1 });
    expect(
      result.due
        .filter((d) => d.person_id === old.personId)
        .map((d) => d.record_type)
        .sort(),
    ).toEqual(['assistance', 'consent', 'identity', 'referral', 'victim_case']);
    expect(result.held).toBeGreaterThanOrEqual(1);
    expect(await readIdentity(nrm.db, keyring, old.personId)).toMatchObject({ family_name: 'Popescu' });
    expect(await purgeEvents(old.personId)).toHaveLength(0);
  });

  it('a real run anonymises what is due and writes one audit event per record', async () => {
    const result = await runRetentionPurge(nrm.db, profile, { today: '2022-01-01' });
    expect(result.rules.find((r) => r.rule === 'identity_after_case_closure')).toMatchObject({ persons: 1, records: 1 });
    expect(await readIdentity(nrm.db, keyring, old.personId)).toBeUndefined();
    const db = withGdprTables(nrm.db);
    const person = await db.selectFrom('person').selectAll().where('id', '=', old.personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      anonymised_on: '2022-01-01',
      anonymisation_rule: 'identity_after_case_closure',
      sex: expect.any(String),
      birth_year: 1995,
      citizenships: ['RO'],
    });
    const kase = await db.selectFrom('victim_case').selectAll().where('id', '=', old.caseId).executeTakeFirstOrThrow();
    expect(kase).toMatchObject({
      presumed_on: '2015-01-01',
      identified_on: '2015-01-01',
      age_at_identification: null,
      age_band: '18-24',
      reporting_year: 2015,
      forms: ['sexual'],
      countries_of_exploitation: ['RO', 'IT'],
      anonymisation_rule: 'victim_case_generalised',
    });
    const referral = await db.selectFrom('referral').selectAll().where('id', '=', old.referralId).executeTakeFirstOrThrow();
    // Start of 2015 in Bucharest (UTC+2 in winter).
    expect(new Date(referral.sent_at).toISOString()).toBe('2014-12-31T22:00:00.000Z');
    expect(referral).toMatchObject({ started_on: '2015-01-01', decline_reason: null, anonymisation_rule: 'referral_generalised' });
    const assistance = await db.selectFrom('assistance').selectAll().where('id', '=', old.assistanceId).executeTakeFirstOrThrow();
    expect(assistance).toMatchObject({ started_on: '2015-01-01', ended_on: '2016-01-01' });
    expect(await db.selectFrom('consent').select('id').where('person_id', '=', old.personId).execute()).toHaveLength(0);
    // The medians' intervals were kept on the referral before its dates were coarsened.
    expect(referral).toMatchObject({ intervals_kept: true, days_from_screening: 30, days_to_first_service: 29 });

    // The screening the case was opened from goes with the case; one with no case after its own period (36 months).
    for (const [id, caseId] of [
      [old.screeningId!, old.caseId],
      [oldScreening, null],
    ] as const) {
      const s = await db.selectFrom('screening').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(new Date(s.recorded_at).toISOString()).toBe('2014-12-31T22:00:00.000Z');
      expect(s).toMatchObject({
        notes: null,
        subject_age_years: null,
        answers: {},
        evaluation: null,
        county: 'CJ',
        context: 'police_operation',
        subject_age_group: 'adult',
        victim_case_id: caseId,
        anonymised_on: '2022-01-01',
        anonymisation_rule: caseId ? 'victim_case_generalised' : 'screening_without_case_generalised',
      });
      expect(await db.selectFrom('screening_revision').select('revision').where('screening_id', '=', id).execute()).toHaveLength(0);
    }
    expect(result.rules.find((r) => r.rule === 'screening_without_case_generalised')).toMatchObject({ persons: 0, records: 1 });
    const unlinkedEvents = await withAuditTables(nrm.db)
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'purge')
      .where('record_id', '=', oldScreening)
      .execute();
    expect(unlinkedEvents).toMatchObject([{ record_type: 'screening', person_id: null, actor_username: 'system:retention' }]);
    for (const id of [recent.screeningId!, recentScreening]) {
      const s = await db.selectFrom('screening').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(s).toMatchObject({ anonymised_on: null, subject_age_years: 24, answers: { deceptive_recruitment_1: 'yes' } });
      expect(s.notes).not.toBeNull();
    }

    const events = await purgeEvents(old.personId);
    expect(events.map((e) => `${e.record_type}:${e.record_id}`).sort()).toEqual(
      [
        `assistance:${old.assistanceId}`,
        `consent:${old.consentId}`,
        `person_identity:${old.personId}`,
        `referral:${old.referralId}`,
        `screening:${old.screeningId}`,
        `victim_case:${old.caseId}`,
      ].sort(),
    );
    expect(events.every((e) => e.actor_username === 'system:retention' && e.reason!.includes('GDPR'))).toBe(true);

    // Held, open and recent victims are untouched.
    for (const v of [held, ongoing, recent]) {
      expect(await readIdentity(nrm.db, keyring, v.personId)).toMatchObject({ family_name: 'Popescu' });
      expect(await purgeEvents(v.personId)).toHaveLength(0);
    }
  });

  it('running again changes nothing and writes no event', async () => {
    const before = await withAuditTables(nrm.db)
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await runRetentionPurge(nrm.db, profile, { today: '2022-01-01' });
    expect(result.rules.every((r) => r.persons === 0 && r.records === 0)).toBe(true);
    const after = await withAuditTables(nrm.db)
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('purging everything that can be leaves every annual report unchanged and the audit chain valid', async () => {
    const result = await runRetentionPurge(nrm.db, profile, { today: '2040-01-01', batchSize: 97 });
    const identity = result.rules.find((r) => r.rule === 'identity_after_case_closure')!;
    expect(identity.persons).toBeGreaterThan(100); // the demo's closed cases
    const anonymisedCases = await withGdprTables(nrm.db)
      .selectFrom('victim_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('anonymised_on', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(anonymisedCases.n)).toBeGreaterThan(100);
    // Both medians have something to measure in the years of the fixture's screened victims (30 and 29 days).
    for (const year of [2015, 2021]) {
      expect(reports.get(year)!.median_days_screening_to_referral, `${year}`).toEqual(expect.any(Number));
      expect(reports.get(year)!.median_days_referral_to_first_service, `${year}`).toEqual(expect.any(Number));
    }
    const screeningsLeft = await withGdprTables(nrm.db)
      .selectFrom('screening')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('anonymised_on', 'is', null)
      .where('victim_case_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(screeningsLeft.n)).toBe(0);
    for (const year of years) expect(await computeAnnualReport(nrm.db, profile, year)).toEqual(reports.get(year));
    expect(await readIdentity(nrm.db, keyring, held.personId)).toMatchObject({ family_name: 'Popescu' });
    expect(result.review).toEqual([{ rule: 'audit_events_reviewed', events_older_than_period: expect.any(Number), cutoff: '2030-01-01' }]);
    expect(await verifyAuditChain(nrm.db)).toMatchObject({ ok: true });
  }, 300_000);
});
