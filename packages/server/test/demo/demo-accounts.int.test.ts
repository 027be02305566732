import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { shippedProfile } from '@opennrm/domain';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createDemoAccounts, DEMO_ACCOUNTS, type DemoAccount } from '../../src/demo/demo-accounts.ts';
import { reportDataOrigin } from '../../src/statistics/report-data-origin.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

describe(`demo accounts on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    api = await testApi();
    await loadDemo(api.nrm, shippedProfile('romania'), 'romania', { ifEmpty: false, keyring: api.keyring });
    accounts = await createDemoAccounts(api.nrm.db);
  });
  afterAll(async () => {
    await api.close();
  });

  async function signInAs(account: DemoAccount): Promise<string> {
    const first = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: account.username, password: account.password },
    });
    expect(first.statusCode).toBe(200);
    const token = first.json().token as string;
    const changed = await api.as(token, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { current_password: account.password, new_password: 'a new demo passphrase 2026' },
    });
    expect(changed.statusCode).toBeLessThan(300);
    const again = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: account.username, password: 'a new demo passphrase 2026' },
    });
    return again.json().token as string;
  }

  it('creates one account per demo role, each with its own one-time password, and none on a second call', async () => {
    expect(accounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    expect(await createDemoAccounts(api.nrm.db)).toEqual([]);
  });

  it('shows the coordinator the demo victim cases and the analyst none of them', async () => {
    const coordinator = await signInAs(accounts.find((a) => a.role === 'coordinator')!);
    const cases = await api.as(coordinator, { method: 'GET', url: '/api/v1/victim-cases?limit=5' });
    expect(cases.statusCode).toBe(200);
    expect(cases.json().items.length).toBe(5);

    const analyst = await signInAs(accounts.find((a) => a.role === 'analyst')!);
    const denied = await api.as(analyst, { method: 'GET', url: '/api/v1/victim-cases?limit=5' });
    expect(denied.statusCode === 403 || denied.json().items?.length === 0).toBe(true);
    const report = await api.as(analyst, { method: 'GET', url: '/api/v1/reports/annual?year=2023' });
    expect(report.statusCode).toBe(200);
    expect(report.json().victims_identified.total).toBe(428);
    expect(await reportDataOrigin(api.nrm.db)).toBe('synthetic'); // the Markdown report's title says so
  });

  it('lets the demo police, child protection and NGO walk a child from screening to an accepted referral', async () => {
    const byName = (username: string) => signInAs(accounts.find((a) => a.username === username)!);
    const police = await byName('demo.police');
    const dgaspc = await byName('demo.dgaspc');
    const ngo = await byName('demo.ngo');

    const screeningId = randomUUID();
    const screened = await api.as(police, {
      method: 'PUT',
      url: `/api/v1/screenings/${screeningId}`,
      payload: {
        revision: 1,
        recorded_at: '2026-03-02T09:15:00+02:00',
        county: 'RO-B',
        context: 'police_operation',
        subject: { age_years: 15, sex: 'female', citizenships: ['RO'] },
        exploitation: 'labour',
        answers: {
          'child_labour.deceptive_recruitment.nature_of_job': 'yes',
          'child_labour.exploitative_conditions.excessive_hours': 'yes',
          'child_labour.coercive_recruitment.confiscation_of_documents': 'yes',
        },
      },
    });
    expect(screened.statusCode).toBe(201);
    const opened = await api.as(police, { method: 'POST', url: `/api/v1/screenings/${screeningId}/case` });
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json().victim_case_id as string;

    const alerts = (await api.as(dgaspc, { method: 'GET', url: '/api/v1/alerts' })).json().items;
    expect(alerts).toContainEqual(expect.objectContaining({ kind: 'child_protection_notification', victim_case_id: caseId }));
    const referral = await api.as(dgaspc, {
      method: 'POST',
      url: '/api/v1/referrals',
      payload: {
        victim_case_id: caseId,
        from_organisation: 'DGASPC-B',
        to_organisation: 'DEMO-NGO-B',
        services: ['shelter'],
        sent_at: '2026-03-03T10:00:00+02:00',
      },
    });
    expect(referral.statusCode).toBe(201);
    const accepted = await api.as(ngo, {
      method: 'PATCH',
      url: `/api/v1/referrals/${referral.json().id}`,
      payload: { status: 'accepted' },
    });
    expect(accepted.json().status).toBe('accepted');
    expect(await reportDataOrigin(api.nrm.db)).toBe('partly_synthetic'); // the police's case is not synthetic
  });
});
