import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { newId } from '../../src/shared/ids.ts';

/** A provider that can see a case (it was referred there) but names another organisation as provider. */
describe(`assistance refused to a provider on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let coordinator: string;
  let shelter: string;
  let caseId: string;
  let referralId: string;

  beforeAll(async () => {
    api = await testApi();
    await api.nrm.db
      .insertInto('organisation')
      .values({ id: newId(), code: 'NGO-X', name: 'NGO-X shelter', kind: 'ngo', functions: ['service_provider'], region: 'RO-CJ' })
      .execute();
    coordinator = await api.signedIn('coordinator', 'ANITP');
    shelter = await api.signedIn('case_worker', 'NGO-X');
    const person = (
      await api.as(coordinator, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female', citizenships: ['RO'] } })
    ).json();
    caseId = (
      await api.as(coordinator, {
        method: 'POST',
        url: '/api/v1/victim-cases',
        payload: { person_id: person.id, case_number: 'AS-1', nrm_status: 'presumed', presumed_on: '2023-02-01' },
      })
    ).json().id;
    const consent = await api.as(coordinator, {
      method: 'POST',
      url: `/api/v1/persons/${person.id}/consents`,
      payload: { purpose: 'referral', given: true, recorded_on: '2023-02-01', method: 'oral_witnessed', victim_case_id: caseId },
    });
    expect(consent.statusCode).toBe(201);
    const referral = await api.as(coordinator, {
      method: 'POST',
      url: '/api/v1/referrals',
      // Sent before the service started (2023-02-10): a service never starts before its referral was sent.
      payload: {
        victim_case_id: caseId,
        from_organisation: 'ANITP',
        to_organisation: 'NGO-X',
        services: ['shelter'],
        sent_at: '2023-02-02T09:00:00Z',
      },
    });
    expect(referral.statusCode).toBe(201);
    referralId = referral.json().id;
    expect(
      (await api.as(shelter, { method: 'PATCH', url: `/api/v1/referrals/${referralId}`, payload: { status: 'accepted' } })).statusCode,
    ).toBe(200);
  });
  afterAll(async () => api?.close());

  const post = (provider: string, victimCaseId = caseId) =>
    api.as(shelter, {
      method: 'POST',
      url: '/api/v1/assistance',
      payload: {
        victim_case_id: victimCaseId,
        referral_id: referralId,
        provider_organisation: provider,
        service: 'shelter',
        started_on: '2023-02-10',
      },
    });

  it('names body.provider_organisation with 403, not the case it can see', async () => {
    const res = await post('ANITP');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'OPENNRM_FORBIDDEN',
      fields: [{ path: 'body.provider_organisation', reason: 'you may record only services your own organisation gives' }],
    });
  });

  it('still answers "no victim case" for a case it cannot see', async () => {
    const res = await post('NGO-X', '01900000-0000-7000-8000-0000000000ff');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: 'body.victim_case_id', reason: 'no victim case with this id', rule: 'no_victim_case_with_id' },
    ]);
  });

  it('records the service its own organisation gives', async () => {
    expect((await post('NGO-X')).statusCode).toBe(201);
  });
});
