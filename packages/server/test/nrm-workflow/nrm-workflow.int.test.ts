import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CTDC_AGE_BANDS, shippedProfile } from '@opennrm/domain';
import { testApi, type TestApi } from '../support/test-api.ts';
import { anonymiseRecords } from '../../src/gdpr/anonymise.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';

/**
 * The NRM workflow through the API (docs/nrm-workflow.md): each rule of
 * planTransition as the server enforces it, and the records a step leaves
 * (nrm_status and dates, child-protection notification and alerts,
 * anonymous notification).
 */
describe(`NRM workflow on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let police: string; // front-line responder of IGPR (first responder, not an identifying body)
  let anitp: string; // coordinator of ANITP (identifying body)
  let cpsManager: { token: string; id: string }; // case manager of DGASPC-CJ
  let cpsWorkerElsewhere: string; // case worker of DGASPC-AB
  let serial = 0;

  const post = (token: string, url: string, payload: object) => api.as(token, { method: 'POST', url, payload });
  async function openCase(token: string, facts: { age: number; sex?: string }) {
    const person = await post(token, '/api/v1/persons', {
      sex: facts.sex ?? 'female',
      citizenships: ['RO'],
      identity: { family_name: 'Test' },
    });
    expect(person.statusCode).toBe(201);
    const created = await post(token, '/api/v1/victim-cases', {
      person_id: person.json().id,
      case_number: `WF-${TEST_DB_KIND}-${++serial}`,
      nrm_status: 'potential',
      potential_on: '2024-03-01',
      age_at_identification: facts.age,
      forms: ['labour'],
    });
    expect(created.statusCode).toBe(201);
    return { caseId: created.json().id as string, personId: person.json().id as string };
  }
  const step = (token: string, caseId: string, body: object) => post(token, `/api/v1/victim-cases/${caseId}/transitions`, body);

  beforeAll(async () => {
    api = await testApi();
    police = await api.signedIn('front_line_responder', 'IGPR');
    anitp = await api.signedIn('coordinator', 'ANITP');
    cpsManager = await api.user('case_manager', 'DGASPC-CJ');
    cpsWorkerElsewhere = await api.signedIn('case_worker', 'DGASPC-AB');
  });
  afterAll(async () => api?.close());

  it("notifies a child's county child-protection service at once, alerts its case managers and lets them work the case", async () => {
    const { caseId } = await openCase(police, { age: 15 });
    const before = await api.as(cpsManager.token, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` });
    expect(before.statusCode).toBe(404);

    const noCounty = await step(police, caseId, { event: 'open', occurred_on: '2024-03-01' });
    expect(noCounty.statusCode).toBe(400);
    expect(noCounty.json().fields[0].path).toBe('body.region');

    const opened = await step(police, caseId, { event: 'open', occurred_on: '2024-03-01', region: 'RO-CJ' });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ from_state: 'screening', to_state: 'potential_victim', nrm_status: null });
    expect(opened.json().child_protection).toEqual([
      expect.objectContaining({ status: 'sent', organisation_code: 'DGASPC-CJ', region: 'RO-CJ', recipients: 1 }),
    ]);
    const alerts = await api.as(cpsManager.token, { method: 'GET', url: '/api/v1/alerts' });
    expect(alerts.json().items).toContainEqual(expect.objectContaining({ kind: 'child_protection_notification', victim_case_id: caseId }));
    expect((await api.as(cpsManager.token, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` })).statusCode).toBe(200);
    expect((await api.as(cpsWorkerElsewhere, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` })).statusCode).toBe(404);

    // No consent needed to refer a child; the service is not notified twice.
    const referred = await step(cpsManager.token, caseId, { event: 'refer', occurred_on: '2024-03-02' });
    expect(referred.statusCode).toBe(200);
    expect(referred.json().child_protection).toEqual([]);
  });

  it('alerts the coordinators when no child-protection service is known for the county, never skipping silently', async () => {
    await sql`UPDATE organisation SET functions = array_remove(functions, 'child_protection') WHERE region = 'RO-TL'`.execute(api.nrm.db);
    const { caseId } = await openCase(police, { age: 12 });
    const opened = await step(police, caseId, { event: 'open', occurred_on: '2024-03-01', region: 'RO-TL' });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().child_protection).toEqual([
      expect.objectContaining({ status: 'unrouted', organisation_code: null, recipients: 1 }),
    ]);
    const alerts = await api.as(anitp, { method: 'GET', url: '/api/v1/alerts' });
    expect(alerts.json().items).toContainEqual(expect.objectContaining({ kind: 'child_protection_unrouted', victim_case_id: caseId }));
  });

  it('lets only an identifying body decide, with reasons, and keeps nrm_status, its date and the reporting year in step', async () => {
    const { caseId, personId } = await openCase(police, { age: 30 });
    await step(police, caseId, { event: 'open', occurred_on: '2024-03-01', region: 'RO-CJ' });
    expect((await step(police, caseId, { event: 'presume', occurred_on: '2024-03-03' })).json().nrm_status).toBe('presumed');
    const reasons = 'Debt bondage and withheld documents confirmed at interview';
    const bySreener = await step(police, caseId, { event: 'identify', occurred_on: '2024-03-10', reason: reasons });
    expect(bySreener.statusCode).toBe(403);
    expect(bySreener.json().code).toBe('OPENNRM_NOT_IDENTIFYING_BODY');
    expect(bySreener.json().message).toContain('screened');
    const noReasons = await step(anitp, caseId, { event: 'identify', occurred_on: '2024-03-10' });
    expect(noReasons.json().fields[0].path).toBe('body.reason');
    const decided = await step(anitp, caseId, { event: 'identify', occurred_on: '2024-03-10', reason: reasons });
    expect(decided.statusCode).toBe(200);
    const view = (await api.as(anitp, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` })).json();
    expect(view).toMatchObject({
      nrm_status: 'identified',
      potential_on: '2024-03-01',
      presumed_on: '2024-03-03',
      identified_on: '2024-03-10',
      reporting_year: 2024,
      identifying_organisation_code: 'ANITP',
    });
    const again = await step(anitp, caseId, { event: 'reject', occurred_on: '2024-03-11', reason: reasons });
    expect([again.statusCode, again.json().code]).toEqual([409, 'OPENNRM_INVALID_TRANSITION']);
    // The refusal names its rule, and the state and step as codes the web shows by their labels.
    expect(again.json()).toMatchObject({
      rule: 'workflow_step_not_allowed',
      params: { from: 'identified_victim', event: 'reject', values: 'potential_victim, referred, presumed_victim, assisted' },
      message:
        'a case at "identified_victim" cannot take the step "reject" (allowed from: potential_victim, referred, presumed_victim, assisted)',
    });
    const timeline = (await api.as(anitp, { method: 'GET', url: `/api/v1/victim-cases/${caseId}/transitions` })).json();
    expect(timeline.workflow_state).toBe('identified_victim');
    expect(timeline.items.map((t: { event: string }) => t.event)).toEqual(['open', 'presume', 'identify']);
    expect(timeline.items[2]).toMatchObject({ actor_organisation_code: 'ANITP', reason: reasons, occurred_on: '2024-03-10' });
    // The person's subject access export (GDPR art. 15) carries the steps too.
    const exported = (await api.as(anitp, { method: 'GET', url: `/api/v1/persons/${personId}/subject-access-export` })).json();
    expect(exported.nrm_transitions.map((t: { event: string }) => t.event)).toEqual(['open', 'presume', 'identify']);
  });

  it('refers an adult only with consent, and refuses a closure because the victim did not testify', async () => {
    const { caseId, personId } = await openCase(anitp, { age: 25 });
    await step(anitp, caseId, { event: 'open', occurred_on: '2024-03-01', region: 'RO-B' });
    const withoutConsent = await step(anitp, caseId, { event: 'refer', occurred_on: '2024-03-02' });
    expect([withoutConsent.statusCode, withoutConsent.json().code]).toEqual([409, 'OPENNRM_CONSENT_REQUIRED']);
    expect(withoutConsent.json()).toMatchObject({ rule: 'referral_consent_missing', params: { date: '2024-03-02' } });
    const consent = await post(anitp, `/api/v1/persons/${personId}/consents`, {
      purpose: 'referral',
      given: true,
      recorded_on: '2024-03-02',
      method: 'written_form',
      victim_case_id: caseId,
    });
    expect(consent.statusCode).toBe(201);
    expect((await step(anitp, caseId, { event: 'refer', occurred_on: '2024-03-02' })).statusCode).toBe(200);
    expect((await step(anitp, caseId, { event: 'assist', occurred_on: '2024-03-05' })).json().to_state).toBe('assisted');
    const refused = await step(anitp, caseId, {
      event: 'close',
      occurred_on: '2024-04-01',
      closure_reason: 'declined',
      grounds: ['did_not_testify'],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'OPENNRM_ASSISTANCE_CONDITIONAL',
      rule: 'assistance_conditional_ground',
      params: { ground: 'did_not_testify' },
      fields: [{ path: 'body.grounds.0', rule: 'assistance_conditional_ground', params: { ground: 'did_not_testify' } }],
    });
    expect(refused.json().message).toContain('never conditional on taking part in criminal proceedings');
    const timeline = (await api.as(anitp, { method: 'GET', url: `/api/v1/victim-cases/${caseId}/transitions` })).json();
    expect(timeline.workflow_state).toBe('assisted');
  });

  it('counts an adult who declines in an anonymous notification, withdrawn if the case is reopened', async () => {
    const { caseId } = await openCase(anitp, { age: 41, sex: 'male' });
    await step(anitp, caseId, { event: 'open', occurred_on: '2024-03-01', region: 'RO-IS' });
    const closed = await step(anitp, caseId, {
      event: 'close',
      occurred_on: '2024-03-04',
      closure_reason: 'declined',
      grounds: ['victim_request'],
    });
    expect(closed.json()).toMatchObject({ to_state: 'closed', anonymous_notification: true });
    const listed = (await api.as(anitp, { method: 'GET', url: '/api/v1/anonymous-notifications?year=2024' })).json();
    const notice = listed.items.find((n: { region: string }) => n.region === 'RO-IS');
    expect(notice).toMatchObject({ sex: 'male', age_band: '39--47', citizenships: ['RO'], forms: ['labour'], withdrawn_on: null });
    expect(Object.keys(notice)).not.toContain('victim_case_id');

    const reopened = await step(anitp, caseId, { event: 'reopen', occurred_on: '2024-03-20', reason: 'The person came back and consents' });
    expect(reopened.json().to_state).toBe('potential_victim');
    const after = (await api.as(anitp, { method: 'GET', url: '/api/v1/anonymous-notifications?year=2024' })).json();
    expect(after.items.find((n: { id: string }) => n.id === notice.id).withdrawn_on).toBe('2024-03-20');
  });

  it('takes an anonymous notification only in a CTDC age band, the one list every notification uses', async () => {
    const notify = (age_band: string) =>
      post(anitp, '/api/v1/anonymous-notifications', { notified_on: '2024-05-02', sex: 'female', age_band, forms: ['sexual'] });
    const outside = await notify('25--34');
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual([expect.objectContaining({ path: 'body.age_band' })]);
    expect(outside.json().fields[0].reason).toContain(CTDC_AGE_BANDS.join(', '));
    const inside = await notify('30--38');
    expect(inside.statusCode).toBe(201);
    expect(inside.json().age_band).toBe('30--38');
  });

  it('coarsens the steps and residence statuses with the case when it is generalised (GDPR art. 89(1))', async () => {
    const { caseId, personId } = await openCase(anitp, { age: 33 });
    await step(anitp, caseId, { event: 'open', occurred_on: '2024-03-01', region: 'RO-CJ' });
    await step(anitp, caseId, { event: 'reject', occurred_on: '2024-05-17', reason: 'No act of recruitment or transfer established' });
    await post(anitp, `/api/v1/victim-cases/${caseId}/residence-statuses`, { status: 'tolerated_stay', starts_on: '2024-05-20' });
    await api.nrm.db.transaction().execute((trx) =>
      anonymiseRecords(
        trx,
        shippedProfile('romania'),
        'victim_case',
        [personId],
        {
          rule: 'victim_case_generalised',
          on: '2030-01-01',
          reason: 'test',
          action: 'purge',
        },
        { actor_username: 'system:purge' },
      ),
    );
    const steps = await api.nrm.db
      .selectFrom('nrm_transition')
      .select(['event', 'occurred_on', 'reason'])
      .where('victim_case_id', '=', caseId)
      .execute();
    expect(steps).toEqual([
      { event: 'open', occurred_on: '2024-01-01', reason: null },
      { event: 'reject', occurred_on: '2024-01-01', reason: null },
    ]);
    const statuses = await api.nrm.db
      .selectFrom('residence_status')
      .select(['status', 'starts_on', 'expires_on'])
      .where('victim_case_id', '=', caseId)
      .execute();
    expect(statuses).toEqual([{ status: 'tolerated_stay', starts_on: '2024-01-01', expires_on: '2024-01-01' }]);
  });
});
