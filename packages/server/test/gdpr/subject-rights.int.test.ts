import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { withAuditTables } from '../../src/audit/index.ts';
import { withGdprTables } from '../../src/gdpr/gdpr-tables.ts';
import type { Keyring } from '../../src/security/crypto/index.ts';
import { victim, type Victim } from './gdpr-fixtures.ts';

describe(`consent, subject access and erasure on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let coordinator: string;
  let caseWorker: string;
  let analyst: string;
  let free: Victim;
  let held: Victim;
  const url = (v: Victim, rest: string) => `/api/v1/persons/${v.personId}/${rest}`;
  const events = (personId: string, action: string) =>
    withAuditTables(api.nrm.db)
      .selectFrom('audit_event')
      .selectAll()
      .where('person_id', '=', personId)
      .where('action', '=', action)
      .execute();

  beforeAll(async () => {
    api = await testApi();
    coordinator = await api.signedIn('coordinator');
    caseWorker = await api.signedIn('case_worker');
    analyst = await api.signedIn('analyst');
    // The app's own keyring when the test API has one (encryption wiring), so that the export can open identities.
    const appKeyring = (api as TestApi & { keyring?: Keyring }).keyring;
    free = await victim(api.nrm, { year: 2019, concludedCriminalCase: true, keyring: appKeyring });
    held = await victim(api.nrm, { year: 2019, openCriminalCase: true, keyring: appKeyring });
  });
  afterAll(async () => api?.close());

  it('records consent and its withdrawal without deleting it', async () => {
    const given = await api.as(coordinator, {
      method: 'POST',
      url: url(free, 'consents'),
      payload: { purpose: 'research', given: true, recorded_on: '2020-01-10', method: 'written_form' },
    });
    expect(given.statusCode).toBe(201);
    const consent = given.json();
    const withdrawn = await api.as(coordinator, {
      method: 'POST',
      url: url(free, `consents/${consent.id}/withdrawal`),
      payload: { withdrawn_on: '2020-03-01' },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ id: consent.id, given: true, withdrawn_on: '2020-03-01' });
    const again = await api.as(coordinator, {
      method: 'POST',
      url: url(free, `consents/${consent.id}/withdrawal`),
      payload: { withdrawn_on: '2020-04-01' },
    });
    expect(again.statusCode).toBe(409);
    const early = await api.as(coordinator, {
      method: 'POST',
      url: url(free, 'consents'),
      payload: { purpose: 'media', given: true, recorded_on: '2020-05-10', method: 'oral_witnessed' },
    });
    const bad = await api.as(coordinator, {
      method: 'POST',
      url: url(free, `consents/${early.json().id}/withdrawal`),
      payload: { withdrawn_on: '2020-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    const list = await api.as(coordinator, { method: 'GET', url: url(free, 'consents') });
    expect(list.json().items.map((c: { purpose: string }) => c.purpose)).toEqual(['referral', 'research', 'media']);
    const invalid = await api.as(coordinator, {
      method: 'POST',
      url: url(free, 'consents'),
      payload: { purpose: 'marketing', given: true, recorded_on: '2020-01-10', method: 'written_form' },
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('exports everything held about a person to a coordinator, audited as an export', async () => {
    const response = await api.as(coordinator, { method: 'GET', url: url(held, 'subject-access-export') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.person.id).toBe(held.personId);
    expect(body.victim_cases.map((c: { case_number: string }) => c.case_number)).toEqual([held.caseNumber]);
    expect(body.referrals).toHaveLength(1);
    expect(body.assistance).toHaveLength(1);
    expect(body.consents).toHaveLength(1);
    expect(body.criminal_cases.map((c: { case_number: string }) => c.case_number)).toEqual([held.criminalCaseNumber]);
    expect(['included', 'sealed_key_unavailable']).toContain(body.identity_status);
    if (body.identity_status === 'included') expect(body.identity).toMatchObject({ family_name: 'Popescu' });
    expect(body.retention.length).toBeGreaterThan(0);
    expect(await events(held.personId, 'export')).toHaveLength(1);
    // The second export lists the first in the access history.
    const second = (await api.as(coordinator, { method: 'GET', url: url(held, 'subject-access-export') })).json();
    expect(second.access_history.some((e: { action: string }) => e.action === 'export')).toBe(true);
  });

  it('refuses the export and erasure to other roles without telling whether the person exists', async () => {
    for (const token of [caseWorker, analyst]) {
      expect((await api.as(token, { method: 'GET', url: url(held, 'subject-access-export') })).statusCode).toBeGreaterThanOrEqual(403);
      const erase = await api.as(token, {
        method: 'POST',
        url: url(free, 'erasure'),
        payload: { reason: 'the person asked to be forgotten', legal_basis: 'consent_withdrawn' },
      });
      expect([403, 404]).toContain(erase.statusCode);
    }
    expect(await events(held.personId, 'export')).toHaveLength(2);
  });

  it('refuses erasure while a criminal case is open, naming art. 17(3)(e), and records the refusal', async () => {
    const response = await api.as(coordinator, {
      method: 'POST',
      url: url(held, 'erasure'),
      payload: { reason: 'the person asked to be forgotten', legal_basis: 'consent_withdrawn' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('GDPR art. 17(3)(e)');
    expect(response.json().message).toContain(held.criminalCaseNumber);
    const requests = await withGdprTables(api.nrm.db)
      .selectFrom('erasure_request')
      .selectAll()
      .where('person_id', '=', held.personId)
      .execute();
    expect(requests).toMatchObject([{ outcome: 'refused', exemption: 'legal_claims', article: 'GDPR art. 17(3)(e)' }]);
    expect(await events(held.personId, 'erase')).toHaveLength(0);
  });

  it('erases where the law allows: identity gone, statistics kept anonymised, every record audited', async () => {
    const response = await api.as(coordinator, {
      method: 'POST',
      url: url(free, 'erasure'),
      payload: { reason: 'the person asked to be forgotten', legal_basis: 'consent_withdrawn' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'erased', already_anonymised: false });
    const db = withGdprTables(api.nrm.db);
    expect(
      await db
        .selectFrom('person_identity_secret' as never)
        .selectAll()
        .where('person_id' as never, '=', free.personId as never)
        .execute(),
    ).toHaveLength(0);
    expect(await db.selectFrom('person').selectAll().where('id', '=', free.personId).executeTakeFirstOrThrow()).toMatchObject({
      anonymisation_rule: 'erasure_art17',
      citizenships: ['RO'],
    });
    expect(await db.selectFrom('victim_case').selectAll().where('id', '=', free.caseId).executeTakeFirstOrThrow()).toMatchObject({
      identified_on: '2019-01-01',
      reporting_year: 2019,
      forms: ['sexual'],
    });
    expect(await db.selectFrom('consent').selectAll().where('person_id', '=', free.personId).execute()).toHaveLength(0);
    const erased = await events(free.personId, 'erase');
    expect(erased.map((e) => e.record_type).sort()).toEqual([
      'assistance',
      'consent',
      'consent',
      'consent',
      'person_identity',
      'referral',
      'victim_case',
    ]);
    const exported = (await api.as(coordinator, { method: 'GET', url: url(free, 'subject-access-export') })).json();
    expect(exported).toMatchObject({ identity_status: 'erased', identity: null });
  });
});
