import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { shippedProfile } from '@opennrm/domain';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { newId } from '../../src/shared/ids.ts';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';

/**
 * Issue 4, "Done when": a child and an adult walked from screening to
 * closure through the HTTP API (docs/nrm-workflow.md). The child's county
 * child-protection service is notified at once; the child's first shelter
 * declines and a second accepts; the competent body identifies; closing as
 * "the victim did not testify" is refused; the case closes as reintegrated.
 * The adult refuses consent to referral, cannot be referred, declines, and is
 * still counted as an anonymous notification in the year's report.
 */
describe(`NRM journey from screening to closure on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let police: string; // front-line responder, IGPR (screens; not an identifying body)
  let cps: { token: string; id: string }; // case manager of the county child protection, DGASPC-CJ
  let shelterX: string; // case worker of NGO-X
  let shelterY: string; // case worker of NGO-Y
  let anitp: string; // coordinator, ANITP (identifying body)
  const profile = shippedProfile('romania');

  const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    api.as(token, { method, url, ...(payload ? { payload } : {}) });
  const timeline = async (caseId: string) => (await call(anitp, 'GET', `/api/v1/victim-cases/${caseId}/transitions`)).json();
  const step = (token: string, caseId: string, body: object) => call(token, 'POST', `/api/v1/victim-cases/${caseId}/transitions`, body);

  /** Records a screening as the police officer and opens its victim case; returns the case and person. */
  async function screenAndOpen(subject: object, county: string, answers: Record<string, string>) {
    const id = randomUUID();
    const screened = await call(police, 'PUT', `/api/v1/screenings/${id}`, {
      revision: 1,
      recorded_at: '2026-03-02T09:15:00+02:00',
      county,
      context: 'police_operation',
      subject,
      exploitation: 'labour',
      answers,
    });
    expect(screened.statusCode).toBe(201);
    expect(screened.json().outcome).not.toBe('no_indicators');
    const opened = await call(police, 'POST', `/api/v1/screenings/${id}/case`);
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json().victim_case_id as string;
    const personId = (await call(anitp, 'GET', `/api/v1/victim-cases/${caseId}`)).json().person_id as string;
    return { caseId, personId };
  }

  beforeAll(async () => {
    api = await testApi();
    for (const code of ['NGO-X', 'NGO-Y'])
      await api.nrm.db
        .insertInto('organisation')
        .values({ id: newId(), code, name: `${code} shelter`, kind: 'ngo', functions: ['service_provider'], region: 'RO-CJ' })
        .execute();
    police = await api.signedIn('front_line_responder', 'IGPR');
    cps = await api.user('case_manager', 'DGASPC-CJ');
    shelterX = await api.signedIn('case_worker', 'NGO-X');
    shelterY = await api.signedIn('case_worker', 'NGO-Y');
    anitp = await api.signedIn('coordinator', 'ANITP');
  });
  afterAll(async () => api?.close());

  it('walks a child from screening to closure, notifying child protection at once', async () => {
    const { caseId } = await screenAndOpen({ age_years: 15, sex: 'female', citizenships: ['RO'] }, 'RO-CJ', {
      'child_labour.deceptive_recruitment.nature_of_job': 'yes',
      'child_labour.deceptive_recruitment.conditions_of_work': 'yes',
      'child_labour.exploitative_conditions.excessive_hours': 'yes',
      'child_labour.exploitative_conditions.hazardous_work': 'yes',
      'child_labour.coercive_recruitment.confiscation_of_documents': 'yes',
      'child_labour.coercive_recruitment.debt_bondage': 'yes',
    });

    // The county child protection (DGASPC-CJ) was notified on the case's first step, and its case manager alerted.
    const opened = await timeline(caseId);
    expect(opened.items[0]).toMatchObject({
      event: 'open',
      from_state: 'screening',
      to_state: 'potential_victim',
      source_type: 'screening',
    });
    expect(opened.items[0].child_protection).toEqual([
      expect.objectContaining({ status: 'sent', organisation_code: 'DGASPC-CJ', region: 'RO-CJ', recipients: 1 }),
    ]);
    const alerts = (await call(cps.token, 'GET', '/api/v1/alerts')).json().items;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'child_protection_notification', victim_case_id: caseId }));

    // Child protection refers the child to a shelter (no consent of the child needed); the shelter has no place.
    const first = await call(cps.token, 'POST', '/api/v1/referrals', {
      victim_case_id: caseId,
      from_organisation: 'DGASPC-CJ',
      to_organisation: 'NGO-X',
      services: ['shelter', 'psychological'],
      sent_at: '2026-03-03T10:00:00+02:00',
    });
    expect(first.statusCode).toBe(201);
    const declined = await call(shelterX, 'PATCH', `/api/v1/referrals/${first.json().id}`, {
      status: 'declined',
      decline_reason_code: 'no_free_places',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', decline_reason_code: 'no_free_places' });
    // ... so it is sent on to another shelter, which accepts and delivers the first service.
    const second = await call(cps.token, 'POST', `/api/v1/referrals/${first.json().id}/resend`, {
      to_organisation: 'NGO-Y',
      sent_at: '2026-03-04T09:00:00+02:00',
    });
    expect(second.statusCode).toBe(201);
    expect((await call(shelterY, 'PATCH', `/api/v1/referrals/${second.json().id}`, { status: 'accepted' })).json().status).toBe('accepted');
    const service = await call(shelterY, 'POST', '/api/v1/assistance', {
      victim_case_id: caseId,
      referral_id: second.json().id,
      provider_organisation: 'NGO-Y',
      service: 'shelter',
      started_on: '2026-03-05',
    });
    expect(service.statusCode).toBe(201);

    // The competent body decides; the organisation that only screened may not.
    const reasons =
      'Recruited by deception at 15, documents confiscated, debt bondage: act and purpose met (means not required for a child)';
    expect((await step(police, caseId, { event: 'identify', occurred_on: '2026-03-20', reason: reasons })).statusCode).toBe(403);
    expect((await step(anitp, caseId, { event: 'identify', occurred_on: '2026-03-20', reason: reasons })).statusCode).toBe(200);

    // Assistance is never conditional on testifying: that closure is refused.
    const refused = await step(anitp, caseId, {
      event: 'close',
      occurred_on: '2026-09-01',
      closure_reason: 'declined',
      grounds: ['did_not_testify'],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('OPENNRM_ASSISTANCE_CONDITIONAL');
    expect(refused.json().message).toContain('never conditional on taking part in criminal proceedings');

    const closed = await step(cps.token, caseId, {
      event: 'close',
      occurred_on: '2026-09-01',
      closure_reason: 'reintegrated',
      grounds: ['services_completed'],
    });
    expect(closed.statusCode).toBe(200);
    const journey = await timeline(caseId);
    expect(journey.workflow_state).toBe('closed');
    expect(journey.nrm_status).toBe('identified');
    expect(journey.items.map((t: { event: string }) => t.event)).toEqual(
      expect.arrayContaining(['open', 'refer', 'assist', 'identify', 'close']),
    );
    expect(journey.items.filter((t: { event: string }) => t.event === 'refer')).toHaveLength(1); // the re-sent referral changes nothing
    expect(journey.items.find((t: { event: string }) => t.event === 'identify')).toMatchObject({
      actor_organisation_code: 'ANITP',
      occurred_on: '2026-03-20',
      reason: reasons,
    });
    const view = (await call(anitp, 'GET', `/api/v1/victim-cases/${caseId}`)).json();
    expect(view).toMatchObject({ nrm_status: 'identified', identified_on: '2026-03-20', is_child: true, reporting_year: 2026 });
  });

  it('walks an adult who refuses consent to closure, and still counts them anonymously', async () => {
    const { caseId, personId } = await screenAndOpen({ age_years: 30, sex: 'male', citizenships: ['MD'] }, 'RO-B', {
      'adult_labour.deceptive_recruitment.nature_of_job': 'yes',
      'adult_labour.deceptive_recruitment.conditions_of_work': 'yes',
      'adult_labour.exploitative_conditions.excessive_hours': 'yes',
      'adult_labour.exploitative_conditions.low_or_no_salary': 'yes',
      'adult_labour.coercion_at_destination.confiscation_of_documents': 'yes',
      'adult_labour.coercion_at_destination.debt_bondage': 'yes',
    });
    expect((await timeline(caseId)).items[0].child_protection).toEqual([]);

    const refusal = await call(anitp, 'POST', `/api/v1/persons/${personId}/consents`, {
      purpose: 'referral',
      given: false,
      recorded_on: '2026-03-02',
      method: 'oral_witnessed',
      victim_case_id: caseId,
    });
    expect(refusal.statusCode).toBe(201);
    const referral = await call(anitp, 'POST', '/api/v1/referrals', {
      victim_case_id: caseId,
      from_organisation: 'ANITP',
      to_organisation: 'NGO-X',
      services: ['shelter'],
      sent_at: '2026-03-03T10:00:00+02:00',
    });
    expect(referral.statusCode).toBe(409);
    expect(referral.json().code).toBe('OPENNRM_CONSENT_REQUIRED');
    expect(referral.json().message).toContain('the person refused consent to referral');
    expect(referral.json().message).not.toContain('record the answer first');

    const closed = await step(police, caseId, {
      event: 'close',
      occurred_on: '2026-03-03',
      closure_reason: 'declined',
      grounds: ['victim_request'],
    });
    expect(closed.json()).toMatchObject({ to_state: 'closed', anonymous_notification: true });

    const notices = (await call(anitp, 'GET', '/api/v1/anonymous-notifications?year=2026')).json();
    expect(notices.items).toEqual([
      expect.objectContaining({ sex: 'male', citizenships: ['MD'], forms: ['labour'], region: 'RO-B', age_band: '30--38' }),
    ]);
    const report = await computeAnnualReport(api.nrm.db, profile, 2026);
    expect(report.anonymous_notifications).toMatchObject({ total: 1, by_form: { labour_exploitation: 1 } });
    expect(report.victims_identified.total).toBe(1); // the child only: the notification is never added to it
  });
});
