import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** Dates of things that have happened are refused in the future (clock skew aside) and before 1900. */
describe(`future and absurdly old dates on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await testApi();
    token = await api.signedIn('coordinator', 'ANITP');
  });
  afterAll(async () => api?.close());

  const fieldsOf = async (method: 'POST', url: string, payload: object) => {
    const res = await api.as(token, { method, url, payload });
    expect(res.statusCode).toBe(400);
    return res.json().fields as { path: string; reason: string }[];
  };
  const referral = (sent_at: string) => ({
    victim_case_id: ID,
    from_organisation: 'ANITP',
    to_organisation: 'ANITP',
    services: ['legal'],
    sent_at,
  });
  const consent = (recorded_on: string) => ({ purpose: 'referral', given: true, recorded_on, method: 'oral_witnessed' });

  it('refuses a referral sent in 2099 or in 1899, naming body.sent_at', async () => {
    expect(await fieldsOf('POST', '/api/v1/referrals', referral('2099-01-01T10:00:00Z'))).toEqual([
      { path: 'body.sent_at', reason: 'must not be in the future' },
    ]);
    expect(await fieldsOf('POST', '/api/v1/referrals', referral('1899-12-31T10:00:00Z'))).toEqual([
      { path: 'body.sent_at', reason: 'must not be before 1900-01-01' },
    ]);
  });

  it('allows a device clock a minute fast', async () => {
    const res = await api.as(token, {
      method: 'POST',
      url: '/api/v1/referrals',
      payload: referral(new Date(Date.now() + 60_000).toISOString()),
    });
    expect(res.json().fields ?? []).not.toContainEqual(expect.objectContaining({ path: 'body.sent_at' }));
  });

  it('refuses a consent recorded after today in the profile time zone, or before 1900', async () => {
    expect(await fieldsOf('POST', `/api/v1/persons/${ID}/consents`, consent('2099-01-01'))).toEqual([
      { path: 'body.recorded_on', reason: expect.stringMatching(/^must not be after today \(\d{4}-\d{2}-\d{2} in Europe\/Bucharest\)$/) },
    ]);
    expect(await fieldsOf('POST', `/api/v1/persons/${ID}/consents`, consent('1899-01-01'))).toEqual([
      { path: 'body.recorded_on', reason: 'must not be before 1900-01-01' },
    ]);
  });
});
