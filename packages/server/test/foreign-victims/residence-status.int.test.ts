import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday, shippedProfile } from '@opennrm/domain';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { warnExpiringResidenceStatuses } from '../../src/foreign-victims/expiry-warnings.ts';

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Residence status of foreign victims (issue 4 point 5; profile nrm_workflow.residence_statuses). */
describe(`residence status of foreign victims on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let worker: { token: string; id: string };
  let caseId: string;
  const profile = shippedProfile('romania');
  const today = localToday(profile.annual_report.time_zone);
  const url = () => `/api/v1/victim-cases/${caseId}/residence-statuses`;

  beforeAll(async () => {
    api = await testApi();
    worker = await api.user('case_worker', 'ANITP');
    const person = await api.as(worker.token, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female', citizenships: ['UA'] } });
    const created = await api.as(worker.token, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: { person_id: person.json().id, case_number: `RS-${TEST_DB_KIND}`, nrm_status: 'presumed', presumed_on: '2024-02-01' },
    });
    caseId = created.json().id;
  });
  afterAll(async () => api?.close());

  it('gives a reflection period its 90 days from the profile, with the legal source', async () => {
    const res = await api.as(worker.token, {
      method: 'POST',
      url: url(),
      payload: { status: 'reflection_period', starts_on: '2024-03-01' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ expires_on: '2024-05-29', entitles_to_services: true, warning: 'expired on 2024-05-29' });
    expect(res.json().source).toContain('678/2001');
  });

  it('flags tolerated stay as carrying no right to victim services', async () => {
    const res = await api.as(worker.token, { method: 'POST', url: url(), payload: { status: 'tolerated_stay', starts_on: '2024-06-01' } });
    expect(res.json()).toMatchObject({ entitles_to_services: false, expires_on: '2024-11-27' });
    expect(res.json().warning).toContain('no right to victim services');
  });

  it('names the field of an unknown status or an expiry before the start', async () => {
    const unknown = await api.as(worker.token, { method: 'POST', url: url(), payload: { status: 'visa', starts_on: '2024-06-01' } });
    expect(unknown.json().fields[0].path).toBe('body.status');
    const early = await api.as(worker.token, {
      method: 'POST',
      url: url(),
      payload: { status: 'asylum', starts_on: '2024-06-01', expires_on: '2024-05-01' },
    });
    expect(early.json().fields[0].path).toBe('body.expires_on');
  });

  it('warns the case team once, within the lead time, of the current status only', async () => {
    const starts = shift(today, -170); // a 180-day permit ending in 9 days
    const res = await api.as(worker.token, {
      method: 'POST',
      url: url(),
      payload: { status: 'temporary_residence_permit', starts_on: starts },
    });
    expect(res.json()).toMatchObject({ expires_on: shift(starts, 179), expiry_warned_on: today });
    const alerts = (await api.as(worker.token, { method: 'GET', url: '/api/v1/alerts' })).json().items;
    expect(alerts.filter((a: { kind: string }) => a.kind === 'residence_expiry')).toHaveLength(1);
    expect(await warnExpiringResidenceStatuses(api.nrm.db, profile, today)).toBe(0);
    const list = (await api.as(worker.token, { method: 'GET', url: url() })).json().items;
    expect(list.map((s: { status: string }) => s.status)).toEqual(['reflection_period', 'tolerated_stay', 'temporary_residence_permit']);
  });
});
