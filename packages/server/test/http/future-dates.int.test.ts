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
      { path: 'body.sent_at', reason: 'must not be in the future', rule: 'time_in_future' },
    ]);
    expect(await fieldsOf('POST', '/api/v1/referrals', referral('1899-12-31T10:00:00Z'))).toEqual([
      { path: 'body.sent_at', reason: 'must not be before 1900-01-01', rule: 'date_before_earliest', params: { date: '1900-01-01' } },
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
      {
        path: 'body.recorded_on',
        reason: expect.stringMatching(/^must not be after today \(\d{4}-\d{2}-\d{2} in Europe\/Bucharest\)$/),
        rule: 'date_after_today',
        params: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), time_zone: 'Europe/Bucharest' },
      },
    ]);
    expect(await fieldsOf('POST', `/api/v1/persons/${ID}/consents`, consent('1899-01-01'))).toEqual([
      { path: 'body.recorded_on', reason: 'must not be before 1900-01-01', rule: 'date_before_earliest', params: { date: '1900-01-01' } },
    ]);
  });

  describe('dates that cannot be true (new-user tester)', () => {
    const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const post = (url: string, payload: object, who = token) => api.as(who, { method: 'POST', url, payload });

    it("refuses a person's birth in a future year, or a date of birth before 1900 or after today, naming the field", async () => {
      const nextYear = new Date().getUTCFullYear() + 2;
      expect(await fieldsOf('POST', '/api/v1/persons', { sex: 'female', birth_year: nextYear })).toEqual([
        {
          path: 'body.birth_year',
          reason: expect.stringMatching(/^must not be after this year \(\d{4}\)$/),
          rule: 'year_after_this_year',
          params: { year: expect.any(Number) },
        },
      ]);
      expect(await fieldsOf('POST', '/api/v1/persons', { sex: 'female', identity: { date_of_birth: '1899-12-31' } })).toEqual([
        {
          path: 'body.identity.date_of_birth',
          reason: 'must not be before 1900-01-01',
          rule: 'date_before_earliest',
          params: { date: '1900-01-01' },
        },
      ]);
      const person = await post('/api/v1/persons', { sex: 'female', birth_year: 1990 });
      expect(person.statusCode, person.body).toBe(201);
      const future = await api.as(token, {
        method: 'PATCH',
        url: `/api/v1/persons/${person.json().id}`,
        payload: { identity: { date_of_birth: later(400) } },
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().fields).toEqual([
        {
          path: 'body.identity.date_of_birth',
          reason: expect.stringMatching(/^must not be after today/),
          rule: 'date_after_today',
          params: { date: expect.any(String), time_zone: 'Europe/Bucharest' },
        },
      ]);
    });

    it("refuses an exploitation start before 1900 or before the person's year of birth, and names every bad date", async () => {
      const person = (await post('/api/v1/persons', { sex: 'female', birth_year: 2010 })).json();
      const opening = { person_id: person.id, case_number: `EXP-${TEST_DB_KIND}`, nrm_status: 'potential', potential_on: '2024-01-10' };
      expect(await fieldsOf('POST', '/api/v1/victim-cases', { ...opening, exploitation_started_on: '1850-01-01' })).toEqual([
        {
          path: 'body.exploitation_started_on',
          reason: 'must not be before 1900-01-01',
          rule: 'date_before_earliest',
          params: { date: '1900-01-01' },
        },
      ]);
      expect(await fieldsOf('POST', '/api/v1/victim-cases', { ...opening, exploitation_started_on: '2009-12-31' })).toEqual([
        {
          path: 'body.exploitation_started_on',
          reason: "must not be before the person's year of birth (2010)",
          rule: 'date_before_birth_year',
          params: { year: 2010 },
        },
      ]);
      // Several bad dates in one body: each is named, not only the first.
      const both = await fieldsOf('POST', '/api/v1/victim-cases', {
        ...opening,
        potential_on: later(400),
        exploitation_started_on: '2009-12-31',
      });
      expect(both.map((f) => f.path).sort()).toEqual(['body.exploitation_started_on', 'body.potential_on']);
      const created = await post('/api/v1/victim-cases', { ...opening, exploitation_started_on: '2010-01-01' });
      expect(created.statusCode, created.body).toBe(201);
      const patched = await api.as(token, {
        method: 'PATCH',
        url: `/api/v1/victim-cases/${created.json().id}`,
        payload: { exploitation_started_on: '2009-06-01' },
      });
      expect(patched.statusCode).toBe(400);
      expect(patched.json().fields).toMatchObject([{ path: 'body.exploitation_started_on', reason: expect.stringContaining('(2010)') }]);
    });

    it('refuses a service before its victim case began or more than a year ahead; a service planned next month is kept', async () => {
      const person = (await post('/api/v1/persons', { sex: 'female', birth_year: 1990 })).json();
      const victimCase = await post('/api/v1/victim-cases', {
        person_id: person.id,
        case_number: `DATES-${TEST_DB_KIND}`,
        nrm_status: 'presumed',
        presumed_on: '2022-05-01',
      });
      expect(victimCase.statusCode, victimCase.body).toBe(201);
      const service = (started_on: string, ended_on: string | null = null) => ({
        victim_case_id: victimCase.json().id,
        provider_organisation: 'ANITP',
        service: 'legal',
        started_on,
        ended_on,
      });
      expect(await fieldsOf('POST', '/api/v1/assistance', service('2022-04-30'))).toEqual([
        {
          path: 'body.started_on',
          reason: 'must not be before the victim case began (2022-05-01)',
          rule: 'date_before_case_began',
          params: { date: '2022-05-01' },
        },
      ]);
      expect(await fieldsOf('POST', '/api/v1/assistance', service(later(400)))).toEqual([
        {
          path: 'body.started_on',
          reason: expect.stringMatching(/^must not be more than 366 days after today/),
          rule: 'date_beyond_planning_horizon',
          params: { days: 366, date: expect.any(String) },
        },
      ]);
      expect(await fieldsOf('POST', '/api/v1/assistance', service('2022-06-01', '2022-05-20'))).toEqual([
        {
          path: 'body.ended_on',
          reason: 'must not be before started_on',
          rule: 'date_before_other_field',
          params: { other: 'started_on' },
        },
      ]);
      const planned = await post('/api/v1/assistance', service(later(30), later(60)));
      expect(planned.statusCode, planned.body).toBe(201);
      const moved = await api.as(token, {
        method: 'PATCH',
        url: `/api/v1/assistance/${planned.json().id}`,
        payload: { started_on: '2020-01-01' },
      });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().fields).toEqual([
        {
          path: 'body.started_on',
          reason: 'must not be before the victim case began (2022-05-01)',
          rule: 'date_before_case_began',
          params: { date: '2022-05-01' },
        },
      ]);
    });

    it('refuses a procedural event dated before its criminal case opened', async () => {
      const prosecutor = await api.signedIn('prosecutor', 'DIICOT');
      const cc = await post(
        '/api/v1/criminal-cases',
        { case_number: `DATES-K-${TEST_DB_KIND}`, investigating_organisation: 'DIICOT', opened_on: '2023-03-01' },
        prosecutor,
      );
      expect(cc.statusCode, cc.body).toBe(201);
      const early = await post(
        `/api/v1/criminal-cases/${cc.json().id}/events`,
        { kind: 'appeal_filed', occurred_on: '2023-02-28' },
        prosecutor,
      );
      expect(early.statusCode).toBe(400);
      expect(early.json().fields).toEqual([
        {
          path: 'body.occurred_on',
          reason: 'must not be before the case opened (2023-03-01)',
          rule: 'date_before_case_opened',
          params: { date: '2023-03-01' },
        },
      ]);
      const onTheDay = await post(
        `/api/v1/criminal-cases/${cc.json().id}/events`,
        { kind: 'limitation_suspended', occurred_on: '2023-03-01' },
        prosecutor,
      );
      expect(onTheDay.statusCode, onTheDay.body).toBe(201);
      // An appeal lies against a first-instance judgment (CPP art. 408): a case investigated in rem, with no suspect, has none.
      const appeal = await post(
        `/api/v1/criminal-cases/${cc.json().id}/events`,
        { kind: 'appeal_filed', occurred_on: '2023-03-02' },
        prosecutor,
      );
      expect(appeal.statusCode).toBe(409);
      expect(appeal.json()).toMatchObject({
        code: 'OPENNRM_INVALID_TRANSITION',
        rule: 'appeal_needs_judgment',
        params: { stage: 'investigation_in_rem' },
        fields: [{ path: 'body.kind', rule: 'appeal_needs_judgment', params: { stage: 'investigation_in_rem' } }],
      });
    });
  });
});
