import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

/**
 * A service recorded under a referral (new-user tester): not under a declined referral, not before the referral was
 * sent; and a payment's currency is an assigned ISO 4217 currency of money, as for orders and payments.
 */
describe(`a service under a referral on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let coordinator: string;
  let caseId: string;
  const referral = async (to: string, sentAt: string) => {
    const res = await api.as(coordinator, {
      method: 'POST',
      url: '/api/v1/referrals',
      payload: { victim_case_id: caseId, from_organisation: 'ANITP', to_organisation: to, services: ['legal'], sent_at: sentAt },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const service = (payload: object) =>
    api.as(coordinator, {
      method: 'POST',
      url: '/api/v1/assistance',
      payload: { victim_case_id: caseId, provider_organisation: 'ANITP', service: 'legal', started_on: '2023-03-01', ...payload },
    });

  beforeAll(async () => {
    api = await testApi();
    coordinator = await api.signedIn('coordinator', 'ANITP');
    const person = (
      await api.as(coordinator, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female', citizenships: ['RO'] } })
    ).json();
    caseId = (
      await api.as(coordinator, {
        method: 'POST',
        url: '/api/v1/victim-cases',
        payload: { person_id: person.id, case_number: 'UR-1', nrm_status: 'presumed', presumed_on: '2023-02-01' },
      })
    ).json().id;
    const consent = await api.as(coordinator, {
      method: 'POST',
      url: `/api/v1/persons/${person.id}/consents`,
      payload: { purpose: 'referral', given: true, recorded_on: '2023-02-01', method: 'oral_witnessed', victim_case_id: caseId },
    });
    expect(consent.statusCode).toBe(201);
  });
  afterAll(async () => api?.close());

  it('refuses a service under a declined referral, naming the referral and its status', async () => {
    const declined = await referral('ANITP', '2023-02-10T09:00:00Z');
    const answer = await api.as(coordinator, {
      method: 'PATCH',
      url: `/api/v1/referrals/${declined}`,
      payload: { status: 'declined', decline_reason_code: 'no_free_places' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const res = await service({ referral_id: declined });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        path: 'body.referral_id',
        rule: 'referral_not_open_for_services',
        params: { status: 'declined' },
        reason: 'the referral is declined: a service is given under a referral that is sent or accepted',
      },
    ]);
  });

  it('refuses a service that starts before its referral was sent, and takes one from that day', async () => {
    const sent = await referral('ANITP', '2023-03-05T09:00:00Z');
    const early = await service({ referral_id: sent, started_on: '2023-03-04' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([
      {
        path: 'body.started_on',
        rule: 'service_before_referral_sent',
        params: { date: '2023-03-05' },
        reason: 'must not be before the referral was sent (2023-03-05)',
      },
    ]);
    const onTheDay = await service({ referral_id: sent, started_on: '2023-03-05' });
    expect(onTheDay.statusCode, onTheDay.body).toBe(201);
    const moved = await api.as(coordinator, {
      method: 'PATCH',
      url: `/api/v1/assistance/${onTheDay.json().id}`,
      payload: { started_on: '2023-03-01' },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().fields[0]).toMatchObject({ path: 'body.started_on', rule: 'service_before_referral_sent' });
  });

  it('refuses a currency that is not assigned, on financial support', async () => {
    const res = await service({ service: 'financial', amount: 100, currency: 'XYZ', payment_scheme: 'state_advance_payment' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ path: 'body.currency', rule: 'currency_unknown', params: { currency: 'XYZ' } }),
    ]);
    const pattern = await service({ service: 'financial', amount: 100, currency: 'ron' });
    expect(pattern.json().fields).toEqual([expect.objectContaining({ path: 'body.currency', rule: 'not_a_currency_code' })]);
  });
});
