import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/test-api.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('a NUL character (U+0000) in any JSON string', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await testApi();
    token = await api.signedIn('coordinator');
  });
  afterAll(async () => api.close());

  it.each([
    ['POST', `/api/v1/victim-cases/${ID}/transitions`, { to: 'identified', reason: 'x\u0000y' }, 'body.reason'],
    ['POST', `/api/v1/victim-cases/${ID}/break-glass`, { reason: 'x\u0000y' }, 'body.reason'],
    ['PATCH', `/api/v1/referrals/${ID}`, { status: 'declined', decline_reason: 'no\u0000room' }, 'body.decline_reason'],
    ['POST', '/api/v1/persons', { identity: { given_names: 'A\u0000na' }, sex: 'female' }, 'body.identity.given_names'],
  ] as const)('%s %s is a 400 naming the field, never a 500', async (method, url, payload, path) => {
    const res = await api.as(token, { method, url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('OPENNRM_VALIDATION');
    expect(res.json().fields).toEqual([{ path, reason: expect.stringContaining('U+0000'), rule: 'contains_nul_character' }]);
  });

  it('names every field with one, in arrays too', async () => {
    const res = await api.as(token, {
      method: 'POST',
      url: `/api/v1/victim-cases/${ID}/transitions`,
      payload: { to: 'x\u0000', reason: '\u0000', extra: ['ok', 'b\u0000'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.to', 'body.reason', 'body.extra.1']);
  });

  it('a value without one reaches the route as before (here: no such case)', async () => {
    const res = await api.as(token, {
      method: 'POST',
      url: `/api/v1/victim-cases/${ID}/break-glass`,
      payload: { reason: 'urgent: at risk' },
    });
    expect(res.statusCode).not.toBe(400);
  });

  it('is still a 401 without a session: the check runs after authentication', async () => {
    const res = await api.app.inject({ method: 'POST', url: `/api/v1/victim-cases/${ID}/break-glass`, payload: { reason: '\u0000' } });
    expect(res.statusCode).toBe(401);
  });
});
