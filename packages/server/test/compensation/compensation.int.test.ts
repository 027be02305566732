import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { computeAnnualReport, traceFigure } from '../../src/statistics/annual-report.ts';
import { newId } from '../../src/shared/ids.ts';

/** Compensation (issue 6 points 5 and 6): claims, orders, payments, the advance payment's cap, the rate table and the report. */
describe(`compensation on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let worker: { token: string; id: string };
  let coordinator: { token: string; id: string };
  let analyst: { token: string; id: string };
  let outsider: { token: string; id: string };
  let prosecutor: { token: string; id: string };
  let caseA: string;
  let caseB: string;
  let criminalCase: string;
  const profile = shippedProfile('romania');

  async function openCase(number: string): Promise<string> {
    const person = await api.as(worker.token, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female', citizenships: ['RO'] } });
    const created = await api.as(worker.token, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: {
        person_id: person.json().id,
        case_number: `${number}-${TEST_DB_KIND}`,
        nrm_status: 'identified',
        presumed_on: '2022-11-01',
        identified_on: '2023-01-10',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id;
  }
  const claims = (caseId: string) => `/api/v1/victim-cases/${caseId}/compensation-claims`;

  beforeAll(async () => {
    api = await testApi();
    worker = await api.user('case_worker', 'ANITP');
    coordinator = await api.user('coordinator', 'ANITP');
    analyst = await api.user('analyst', 'ANITP');
    outsider = await api.user('case_worker', 'IGPR');
    prosecutor = await api.user('prosecutor', 'DIICOT');
    caseA = await openCase('COMP-A');
    caseB = await openCase('COMP-B');
    criminalCase = newId();
    const diicot = await api.nrm.db.selectFrom('organisation').select('id').where('code', '=', 'DIICOT').executeTakeFirstOrThrow();
    await api.nrm.db
      .insertInto('criminal_case')
      .values({
        id: criminalCase,
        case_number: `DIICOT-C-${TEST_DB_KIND}`,
        investigating_organisation_id: diicot.id,
        opened_on: '2022-12-01',
        offence_articles: ['210'],
      })
      .execute();
    await api.nrm.db.insertInto('criminal_case_victim').values({ criminal_case_id: criminalCase, victim_case_id: caseA }).execute();
  });
  afterAll(async () => api?.close());

  it('files a restitution claim only in a criminal case the victim case is linked to', async () => {
    const missing = await api.as(worker.token, {
      method: 'POST',
      url: claims(caseA),
      payload: { route: 'restitution_in_criminal_case', filed_on: '2023-02-01' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([
      {
        path: 'body.criminal_case_id',
        reason: 'restitution is claimed in a criminal case: name it',
        rule: 'restitution_needs_criminal_case',
      },
    ]);
    const unlinked = await api.as(worker.token, {
      method: 'POST',
      url: claims(caseB),
      payload: { route: 'restitution_in_criminal_case', criminal_case_id: criminalCase, filed_on: '2023-02-01' },
    });
    expect(unlinked.json().fields[0]).toEqual({
      path: 'body.criminal_case_id',
      reason: 'not a criminal case this victim case is linked to',
      rule: 'criminal_case_not_linked',
    });
    // A claim resting on a criminal case is not filed before that case opened (2022-12-01): new-user tester's 1901-01-01.
    const early = await api.as(worker.token, {
      method: 'POST',
      url: claims(caseA),
      payload: { route: 'state_compensation', criminal_case_id: criminalCase, filed_on: '1901-01-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([
      {
        path: 'body.filed_on',
        reason: 'must not be before the case opened (2022-12-01)',
        rule: 'date_before_case_opened',
        params: { date: '2022-12-01' },
      },
    ]);
  });

  it('records orders in several currencies and payments, with exact totals of what is still unpaid', async () => {
    const filed = await api.as(worker.token, {
      method: 'POST',
      url: claims(caseA),
      payload: { route: 'restitution_in_criminal_case', criminal_case_id: criminalCase, filed_on: '2023-02-01' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'pending', renounced: false });
    expect(filed.json().route_source).toContain('Code of Criminal Procedure');
    const claimId = filed.json().id;
    const order = (payload: object) => api.as(worker.token, { method: 'POST', url: `${claims(caseA)}/${claimId}/orders`, payload });
    expect(
      (await order({ ordered_on: '2023-06-15', damage_type: 'moral', amount: '0.10', currency: 'RON', court_organisation: 'COURTS' }))
        .statusCode,
    ).toBe(201);
    await order({ ordered_on: '2023-06-15', damage_type: 'moral', amount: '0.20', currency: 'RON' });
    const eur = await order({ ordered_on: '2023-06-15', damage_type: 'material', amount: '316598', currency: 'EUR' });
    expect(eur.json()).toMatchObject({ status: 'ordered', ordered: { EUR: '316598.00', RON: '0.30' } });
    const orderId = eur.json().orders.find((o: { currency: string }) => o.currency === 'EUR').id;
    const paid = await api.as(worker.token, {
      method: 'POST',
      url: `${claims(caseA)}/${claimId}/payments`,
      payload: { paid_on: '2024-02-01', amount: '1000.50', currency: 'EUR', payer: 'seized_assets_fund', order_id: orderId },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ paid: { EUR: '1000.50' }, unpaid: { EUR: '315597.50', RON: '0.30' } });
  });

  it('names the field of a bad amount, a court that is not one, an order before its claim, a payment on an order of another claim', async () => {
    const filed = await api.as(worker.token, {
      method: 'POST',
      url: claims(caseB),
      payload: { route: 'civil_claim', filed_on: '2023-03-01' },
    });
    const claimId = filed.json().id;
    const order = (payload: object) => api.as(worker.token, { method: 'POST', url: `${claims(caseB)}/${claimId}/orders`, payload });
    expect((await order({ ordered_on: '2023-06-15', damage_type: 'moral', amount: '10.005', currency: 'RON' })).json().fields).toEqual([
      {
        path: 'body.amount',
        reason: 'RON has 2 decimals (ISO 4217 minor unit)',
        rule: 'amount_too_many_decimals',
        params: { currency: 'RON', decimals: 2 },
      },
    ]);
    // Too large for the column: said so, with the most it holds, not "an amount such as 1500.00" (new-user tester).
    expect(
      (await order({ ordered_on: '2023-06-15', damage_type: 'moral', amount: '99999999999999999999.00', currency: 'RON' })).json().fields,
    ).toEqual([
      {
        path: 'body.amount',
        reason: 'too large: at most 999999999999999.999',
        rule: 'amount_too_large',
        params: { maximum: '999999999999999.999' },
      },
    ]);
    // ISO 4217 codes that are not money a court orders: no currency, testing, precious metals, units of account.
    for (const currency of ['XXX', 'XTS', 'XAU', 'XDR', 'XBA', 'XUA']) {
      const fields = (await order({ ordered_on: '2023-06-15', damage_type: 'moral', amount: '10', currency })).json().fields;
      expect(fields).toEqual([
        {
          path: 'body.currency',
          reason: expect.stringContaining('not money a court orders'),
          rule: 'currency_not_money',
          params: { currency },
        },
      ]);
    }
    const metal = await api.as(worker.token, {
      method: 'POST',
      url: `${claims(caseB)}/${claimId}/payments`,
      payload: { paid_on: '2023-07-01', amount: '10', currency: 'XAG', payer: 'offender' },
    });
    expect(metal.json().fields).toMatchObject([
      { path: 'body.currency', reason: expect.stringContaining('XAG'), rule: 'currency_not_money' },
    ]);
    expect(
      (await order({ ordered_on: '2023-06-15', damage_type: 'moral', amount: '10', currency: 'RON', court_organisation: 'DIICOT' })).json()
        .fields[0],
    ).toEqual({
      path: 'body.court_organisation',
      reason: '"DIICOT" is an organisation of kind "prosecution", not a court',
      rule: 'organisation_not_a_court',
      params: { ref: 'DIICOT', kind: 'prosecution' },
    });
    expect((await order({ ordered_on: '2023-02-15', damage_type: 'moral', amount: '10', currency: 'RON' })).json().fields[0]).toEqual({
      path: 'body.ordered_on',
      reason: 'before the claim was filed (2023-03-01)',
      rule: 'date_before_claim_filed',
      params: { date: '2023-03-01' },
    });
    const payment = await api.as(worker.token, {
      method: 'POST',
      url: `${claims(caseB)}/${claimId}/payments`,
      payload: { paid_on: '2023-07-01', amount: '10', currency: 'RON', payer: 'offender', order_id: newId() },
    });
    expect(payment.json().fields[0]).toEqual({
      path: 'body.order_id',
      reason: 'not an order of this claim',
      rule: 'not_an_order_of_claim',
    });
  });

  it('records a renunciation, and whether the victim had been told what it means', async () => {
    const filed = await api.as(worker.token, {
      method: 'POST',
      url: claims(caseB),
      payload: { route: 'state_compensation', filed_on: '2023-04-01' },
    });
    const url = `${claims(caseB)}/${filed.json().id}`;
    const informed = await api.as(worker.token, { method: 'PATCH', url, payload: { renounced_informed: false } });
    expect(informed.json().fields[0].path).toBe('body.renounced_informed');
    const renounced = await api.as(worker.token, {
      method: 'PATCH',
      url,
      payload: { renounced_on: '2023-05-02', renounced_informed: false },
    });
    expect(renounced.statusCode, renounced.body).toBe(200);
    expect(renounced.json()).toMatchObject({ renounced: true, renounced_on: '2023-05-02', renounced_informed: false });
  });

  it('refuses a state advance payment above the cap of its year, naming the cap, the year and the source', async () => {
    const url = `/api/v1/victim-cases/${caseB}/advance-payments`;
    const over = await api.as(worker.token, {
      method: 'POST',
      url,
      payload: { requested_on: '2023-04-03', amount: '15000.01', currency: 'RON', purpose: 'housing' },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields[0].path).toBe('body.amount');
    expect(over.json().fields[0].reason).toMatch(
      /^exceeds the 2023 cap on the state advance payment of 15000 RON; source: .*15,000 RON in 2023/,
    );
    const first = await api.as(worker.token, {
      method: 'POST',
      url,
      payload: { requested_on: '2023-04-03', amount: '9000', currency: 'RON', purpose: 'housing' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ amount: '9000.00', currency: 'RON', purpose: 'housing' });
    const second = await api.as(worker.token, {
      method: 'POST',
      url,
      payload: { requested_on: '2023-09-03', amount: '6000.50', currency: 'RON', purpose: 'medical' },
    });
    expect(second.json().fields[0].reason).toMatch(/cap .* of 15000 RON \(9000 RON already advanced on this case\)/);
    expect(second.json().fields[0]).toMatchObject({
      rule: 'advance_cap_exceeded_after_earlier',
      params: { year: 2023, cap: '15000', currency: 'RON', already: '9000' },
    });
    const euros = await api.as(worker.token, {
      method: 'POST',
      url,
      payload: { requested_on: '2023-09-03', amount: '100', currency: 'EUR', purpose: 'medical' },
    });
    expect(euros.json().fields[0].path).toBe('body.currency');
    const read = await api.as(worker.token, { method: 'GET', url: `/api/v1/victim-cases/${caseB}/compensation` });
    expect(read.json().advance_payments).toHaveLength(1);
  });

  it('refuses compensation to an outsider: another organisation, an analyst, a prosecutor of an unlinked case', async () => {
    const url = `/api/v1/victim-cases/${caseB}/compensation`;
    expect((await api.as(outsider.token, { method: 'GET', url })).statusCode).toBe(404);
    expect(
      (await api.as(outsider.token, { method: 'POST', url: claims(caseB), payload: { route: 'civil_claim', filed_on: '2023-03-01' } }))
        .statusCode,
    ).toBe(404);
    expect((await api.as(analyst.token, { method: 'GET', url })).statusCode).toBe(403);
    expect((await api.as(prosecutor.token, { method: 'GET', url })).statusCode).toBe(404);
    expect((await api.as(prosecutor.token, { method: 'GET', url: `/api/v1/victim-cases/${caseA}/compensation` })).statusCode).toBe(200);
    expect((await api.as(coordinator.token, { method: 'GET', url })).statusCode).toBe(200);
    const reads = await api.nrm.db
      .selectFrom('audit_event')
      .select('actor_user_id')
      .where('record_type', '=', 'compensation')
      .where('record_id', '=', caseB)
      .execute();
    expect(reads.map((r) => r.actor_user_id)).toContain(coordinator.id);
  });

  it('lets the coordinator keep the rate table, analysts read it, and nobody else', async () => {
    const put = (token: string, rates: object[]) => api.as(token, { method: 'PUT', url: '/api/v1/exchange-rates', payload: { rates } });
    const tip = 'US State Department TIP report 2024 conversions';
    const stored = await put(coordinator.token, [
      { currency: 'EUR', reporting_currency: 'USD', rate: '1.1', valid_on: '2023-01-01', source: 'BNR reference rate' },
      { currency: 'RON', reporting_currency: 'USD', rate: '0.2222727273', valid_on: '2023-01-01', source: tip },
    ]);
    expect(stored.statusCode, stored.body).toBe(200);
    const replaced = await put(coordinator.token, [
      { currency: 'EUR', reporting_currency: 'USD', rate: '1.1048711615', valid_on: '2023-01-01', source: tip },
    ]);
    expect(replaced.json().items[0]).toMatchObject({ rate: '1.1048711615', source: tip });
    expect(
      (await put(analyst.token, [{ currency: 'GBP', reporting_currency: 'USD', rate: '1.28', valid_on: '2023-01-01', source: tip }]))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await put(coordinator.token, [{ currency: 'USD', reporting_currency: 'USD', rate: '1', valid_on: '2023-01-01', source: tip }])
      ).json().fields[0].path,
    ).toBe('body.rates.0.reporting_currency');
    const listed = await api.as(analyst.token, { method: 'GET', url: '/api/v1/exchange-rates' });
    expect(listed.json().items.map((r: { currency: string; rate: string }) => `${r.currency} ${r.rate}`)).toEqual([
      'EUR 1.1048711615',
      'RON 0.2222727273',
    ]);
    expect((await api.as(worker.token, { method: 'GET', url: '/api/v1/exchange-rates' })).statusCode).toBe(403);
  });

  it('reports the year: victims ordered compensation, exact sums by type and currency, converted amounts with their rates, victims paid', async () => {
    const report = await computeAnnualReport(api.nrm.db, profile, 2023);
    expect(report.compensation_court_orders).toEqual({
      victims: 1,
      moral_damages: { RON: 0.3 },
      material_damages: { EUR: 316598 },
      usd_equivalents: { moral: { RON: 0.07 }, material: { EUR: 349800 } },
      usd_equivalent_rates: {
        EUR: [{ rate: '1.1048711615', valid_on: '2023-01-01', source: 'US State Department TIP report 2024 conversions' }],
        RON: [{ rate: '0.2222727273', valid_on: '2023-01-01', source: 'US State Department TIP report 2024 conversions' }],
      },
      victims_paid: 1,
    });
    expect(report.state_advance_payment_cap_RON).toBe(15000);
    const y2024 = await computeAnnualReport(api.nrm.db, profile, 2024);
    expect(y2024.compensation_court_orders).toMatchObject({ victims: 0, moral_damages: {}, victims_paid: 0 });
  });

  it('traces each compensation figure to the persons, orders and rates it is computed from', async () => {
    const victims = await traceFigure(api.nrm.db, profile, 2023, 'compensation_court_orders.victims');
    expect(victims.value).toBe(1);
    expect(victims.parts).toEqual([
      { role: 'counted', population: 'compensation_orders', records: [expect.objectContaining({ case_numbers: [expect.any(String)] })] },
    ]);
    const material = await traceFigure(api.nrm.db, profile, 2023, 'compensation_court_orders.material_damages');
    expect(material.value).toEqual({ EUR: 316598 });
    expect(material.parts[0]!.records.map((r) => [r.amount, r.currency])).toEqual([['316598.000', 'EUR']]);
    const rates = await traceFigure(api.nrm.db, profile, 2023, 'compensation_court_orders.usd_equivalent_rates');
    expect(rates.parts[0]!.records.map((r) => r.currency).sort()).toEqual(['EUR', 'RON']);
    const paid = await traceFigure(api.nrm.db, profile, 2023, 'compensation_court_orders.victims_paid');
    expect(paid.parts[0]!.records.map((r) => r.id)).toEqual(victims.parts[0]!.records.map((r) => r.id));
  });
});
