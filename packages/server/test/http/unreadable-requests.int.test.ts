import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** Requests the server cannot read, and patterned texts: each refusal names a catalogued rule clients can translate. */
describe(`unreadable requests and patterned texts on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await testApi();
    token = await api.signedIn('coordinator');
  });
  afterAll(async () => api?.close());

  const send = (payload: string, contentType: string) =>
    api.as(token, { method: 'POST', url: '/api/v1/persons', payload, headers: { 'content-type': contentType } });

  it('answers a text/plain body with 415, as docs/errors.md lists, not as a body that is not an object', async () => {
    const res = await send('{"sex":"female"}', 'text/plain');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('OPENNRM_UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the rule of malformed and empty JSON', async () => {
    const malformed = await send('{"sex":', 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'OPENNRM_BAD_REQUEST', rule: 'body_not_json', message: 'the body is not valid JSON' });
    const empty = await send('', 'application/json');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'OPENNRM_BAD_REQUEST', rule: 'body_empty' });
  });

  it('names the rule of a NUL character', async () => {
    const res = await api.as(token, { method: 'POST', url: `/api/v1/victim-cases/${ID}/break-glass`, payload: { reason: 'x\u0000y' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        path: 'body.reason',
        rule: 'contains_nul_character',
        reason: 'contains a NUL character (U+0000), which text fields cannot hold',
      },
    ]);
  });

  it('names the rule of a patterned text: a region code, a TOTP code, a draft key', async () => {
    const notification = await api.as(token, {
      method: 'POST',
      url: '/api/v1/anonymous-notifications',
      payload: { notified_on: '2024-01-01', region: 'Cluj' },
    });
    expect(notification.json().fields).toContainEqual({
      path: 'body.region',
      rule: 'not_region_code_format',
      reason: 'an ISO 3166-2 code such as "RO-CJ"',
    });
    const totp = await api.as(token, { method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: '12345x' } });
    expect(totp.json().fields).toEqual([{ path: 'body.code', rule: 'not_six_digits', reason: 'six digits' }]);
    const draft = await api.as(token, { method: 'GET', url: '/api/v1/drafts/%20bad' });
    expect(draft.json().fields?.[0]).toMatchObject({ path: 'params.key', rule: 'not_draft_key_format' });
  });

  it('names the rule of an If-Match that is not an ETag', async () => {
    const res = await api.as(token, { method: 'PATCH', url: `/api/v1/persons/${ID}`, payload: {}, headers: { 'if-match': '4' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'headers.if-match', rule: 'not_an_etag' })]);
  });
});
