import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday, shippedProfile } from '@opennrm/domain';
import { newId } from '../../src/shared/ids.ts';
import { alertOverdueReferrals } from '../../src/referrals/waiting-referrals.ts';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

/** Issue 4 point 4 through the API: the directory, referrals with reasons, re-sending, timers, alerts and payments. */
describe(`service directory, referrals and services on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let coord: string;
  let cjWorker: string;
  let cjManager: { token: string; id: string };
  let ngoWorker: string;
  let caseId: string;
  // Days on the profile's calendar, as the licence status counts them: counted in UTC the test failed from 22:00 UTC.
  const day = (offset: number) => localToday(shippedProfile('romania').annual_report.time_zone, new Date(Date.now() + offset * 86_400_000));
  const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    api.as(token, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    api = await testApi();
    await api.nrm.db
      .insertInto('organisation')
      .values({ id: newId(), code: 'NGO-S', name: 'NGO shelter', kind: 'ngo', region: 'RO-B' })
      .execute();
    coord = await api.signedIn('coordinator', 'ANITP');
    cjWorker = await api.signedIn('case_worker', 'DGASPC-CJ');
    cjManager = await api.user('case_manager', 'DGASPC-CJ');
    ngoWorker = await api.signedIn('case_worker', 'NGO-S');
    const person = await call(coord, 'POST', '/api/v1/persons', { sex: 'female', citizenships: ['RO'] });
    const created = await call(coord, 'POST', '/api/v1/victim-cases', {
      person_id: person.json().id,
      case_number: 'ANITP-2023-0101',
      nrm_status: 'presumed',
      presumed_on: '2023-03-01',
    });
    expect(created.statusCode).toBe(201);
    caseId = created.json().id;
    const consent = await call(coord, 'POST', `/api/v1/persons/${person.json().id}/consents`, {
      purpose: 'referral',
      given: true,
      recorded_on: '2023-03-01',
      method: 'written_form',
      victim_case_id: caseId,
    });
    expect(consent.statusCode).toBe(201);
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps facilities with county, services, places and a licence that warns before it expires', async () => {
    const shelter = await call(coord, 'POST', '/api/v1/service-facilities', {
      organisation: 'DGASPC-CJ',
      code: 'CJ-SHELTER',
      name: 'Centrul de primire în regim de urgență Cluj',
      region: 'RO-CJ',
      services: ['shelter', 'psychological'],
      accepts_children: true,
      capacity: 10,
      free_places: 3,
      licence_number: 'L-123',
      licence_authority: 'Ministerul Muncii',
      licence_expires_on: day(30),
    });
    expect(shelter.statusCode).toBe(201);
    expect(shelter.json()).toMatchObject({
      organisation_code: 'DGASPC-CJ',
      provider_type: 'government',
      free_places: 3,
      licence_status: 'expiring', // 30 days left, inside the profile's 90-day warning
      licence_days_left: 30,
    });
    expect(shelter.json().free_places_updated_at).not.toBeNull();
    const ngo = await call(coord, 'POST', '/api/v1/service-facilities', {
      organisation: 'NGO-S',
      code: 'NGO-S-COUNSEL',
      name: 'Counselling centre',
      region: 'RO-B',
      services: ['psychological', 'legal'],
      capacity: 4,
      free_places: 0,
    });
    expect(ngo.json()).toMatchObject({ provider_type: 'ngo', licence_status: 'none' });

    const search = await call(ngoWorker, 'GET', '/api/v1/service-facilities?service=shelter&has_free_places=true&accepts_children=true');
    expect(search.json().items.map((f: { code: string }) => f.code)).toEqual(['CJ-SHELTER']);
    const full = await call(ngoWorker, 'GET', '/api/v1/service-facilities?has_free_places=false&provider_type=ngo');
    expect(full.json().items.map((f: { code: string }) => f.code)).toEqual(['NGO-S-COUNSEL']);
    const expiring = await call(coord, 'GET', '/api/v1/service-facilities?licence_status=expiring');
    expect(expiring.json().total).toBe(1);

    const tooMany = await call(coord, 'PATCH', `/api/v1/service-facilities/${shelter.json().id}`, { free_places: 11 });
    expect(tooMany.json().fields).toEqual([
      {
        path: 'body.free_places',
        reason: 'must not exceed the capacity (10)',
        rule: 'free_places_over_capacity',
        params: { capacity: 10 },
      },
    ]);
    const badCounty = await call(coord, 'POST', '/api/v1/service-facilities', {
      organisation: 'NGO-S',
      code: 'X1',
      name: 'Nowhere',
      region: 'RO-ZZ',
      services: ['legal'],
    });
    expect(badCounty.json().fields).toEqual([
      { path: 'body.region', reason: 'not a region of profile romania', rule: 'not_a_region_of_profile', params: { profile: 'romania' } },
    ]);
  });

  it("lets a provider's staff update their own free places and nothing else", async () => {
    const { items } = (await call(coord, 'GET', '/api/v1/service-facilities?organisation=DGASPC-CJ')).json();
    const id = items[0].id;
    const before = items[0].free_places_updated_at;
    const updated = await call(cjWorker, 'PATCH', `/api/v1/service-facilities/${id}`, { free_places: 2 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().free_places).toBe(2);
    expect(updated.json().free_places_updated_at >= before).toBe(true);
    expect((await call(cjWorker, 'PATCH', `/api/v1/service-facilities/${id}`, { capacity: 50 })).statusCode).toBe(403);
    expect((await call(ngoWorker, 'PATCH', `/api/v1/service-facilities/${id}`, { free_places: 1 })).statusCode).toBe(404);
    const events = await api.nrm.db
      .selectFrom('audit_event')
      .select(['action', 'actor_username'])
      .where('record_type', '=', 'service_facility')
      .where('record_id', '=', id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('declines with a reason code, re-sends to another provider, times the wait and alerts once when overdue', async () => {
    const sent = await call(coord, 'POST', '/api/v1/referrals', {
      victim_case_id: caseId,
      from_organisation: 'ANITP',
      to_organisation: 'NGO-S',
      services: ['shelter', 'legal'],
      sent_at: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    });
    expect(sent.statusCode).toBe(201);
    const declined = await call(ngoWorker, 'PATCH', `/api/v1/referrals/${sent.json().id}`, {
      status: 'declined',
      decline_reason_code: 'no_free_places',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', decline_reason_code: 'no_free_places', decline_reason: null });
    // A declined referral is final: the refusal names its rule and both statuses as codes.
    const reopened = await call(ngoWorker, 'PATCH', `/api/v1/referrals/${sent.json().id}`, { status: 'accepted' });
    expect([reopened.statusCode, reopened.json()]).toMatchObject([
      409,
      {
        code: 'OPENNRM_INVALID_TRANSITION',
        rule: 'referral_status_change_not_allowed',
        params: { from: 'declined', to: 'accepted' },
        message: 'a referral that is declined cannot become accepted',
      },
    ]);
    const sameProvider = await call(coord, 'POST', `/api/v1/referrals/${sent.json().id}/resend`, { to_organisation: 'NGO-S' });
    expect(sameProvider.json().fields[0].path).toBe('body.to_organisation');

    const resent = await call(coord, 'POST', `/api/v1/referrals/${sent.json().id}/resend`, {
      to_organisation: 'DGASPC-CJ',
      sent_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    expect(resent.statusCode).toBe(201);
    expect(resent.json()).toMatchObject({ resent_from_referral_id: sent.json().id, services: ['shelter', 'legal'], status: 'sent' });
    const notDeclined = await call(coord, 'POST', `/api/v1/referrals/${resent.json().id}/resend`, { to_organisation: 'NGO-S' });
    expect([notDeclined.statusCode, notDeclined.json().rule, notDeclined.json().params]).toEqual([
      409,
      'resend_only_declined',
      { status: 'sent' },
    ]);

    const inbox = (await call(cjWorker, 'GET', '/api/v1/referrals/waiting')).json();
    expect(inbox).toMatchObject({ total: 1, overdue: 1 });
    // Shelter is answered within 1 day (profile services.referral_timers.by_service.shelter).
    expect(inbox.items[0]).toMatchObject({
      id: resent.json().id,
      waiting_for: 'answer',
      days_waiting: 3,
      threshold_days: 1,
      overdue: true,
    });
    expect((await call(ngoWorker, 'GET', '/api/v1/referrals/waiting')).json().total).toBe(0);
    expect((await call(coord, 'GET', '/api/v1/referrals/waiting?direction=outgoing')).json().total).toBe(1);

    const profile = shippedProfile('romania');
    expect(await alertOverdueReferrals(api.nrm.db, profile)).toEqual({ referrals: 1, alerts: 1 });
    expect(await alertOverdueReferrals(api.nrm.db, profile)).toEqual({ referrals: 0, alerts: 0 });
    const alerts = (await call(cjManager.token, 'GET', '/api/v1/alerts')).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'referral_overdue', victim_case_id: caseId });

    await call(cjWorker, 'PATCH', `/api/v1/referrals/${resent.json().id}`, { status: 'accepted' });
    const accepted = (await call(cjWorker, 'GET', '/api/v1/referrals/waiting')).json().items[0];
    expect(accepted).toMatchObject({ waiting_for: 'first_service', threshold_days: 10, overdue: false });
    const given = await call(cjWorker, 'POST', '/api/v1/assistance', {
      victim_case_id: caseId,
      referral_id: resent.json().id,
      provider_organisation: 'DGASPC-CJ',
      service: 'shelter',
      started_on: day(0),
    });
    expect(given.statusCode).toBe(201);
    expect((await call(cjWorker, 'GET', '/api/v1/referrals/waiting')).json().total).toBe(0);

    // One state machine: the first referral moved the case to "referred", the first service to "assisted" (recordTransition).
    const timeline = (await call(coord, 'GET', `/api/v1/victim-cases/${caseId}/transitions`)).json();
    expect(timeline.workflow_state).toBe('assisted');
    expect(
      timeline.items.map((t: { event: string; source_type: string; source_id: string }) => [t.event, t.source_type, t.source_id]),
    ).toEqual([
      ['refer', 'referral', sent.json().id],
      ['assist', 'assistance', given.json().id],
    ]);
  });

  it('refers an adult only with consent, through the NRM workflow', async () => {
    const person = await call(coord, 'POST', '/api/v1/persons', { sex: 'male', birth_year: 1990, citizenships: ['RO'] });
    const adultCase = await call(coord, 'POST', '/api/v1/victim-cases', {
      person_id: person.json().id,
      case_number: 'ANITP-2023-0102',
      nrm_status: 'presumed',
      presumed_on: '2023-03-01',
    });
    const refused = await call(coord, 'POST', '/api/v1/referrals', {
      victim_case_id: adultCase.json().id,
      from_organisation: 'ANITP',
      to_organisation: 'NGO-S',
      services: ['legal'],
    });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'OPENNRM_CONSENT_REQUIRED']);
    const none = await call(coord, 'GET', `/api/v1/referrals?victim_case_id=${adultCase.json().id}`);
    expect(none.json().total).toBe(0); // nothing half-written
  });

  it('records financial support with its amount, currency and scheme, capped as the profile says', async () => {
    const base = {
      victim_case_id: caseId,
      provider_organisation: 'ANITP',
      service: 'financial',
      started_on: '2023-04-01',
      currency: 'RON',
    };
    const over = await call(coord, 'POST', '/api/v1/assistance', { ...base, amount: 15000.01, payment_scheme: 'state_advance_payment' });
    expect(over.json().fields[0].path).toBe('body.amount');
    const paid = await call(coord, 'POST', '/api/v1/assistance', { ...base, amount: 15000, payment_scheme: 'state_advance_payment' });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({ amount: 15000, currency: 'RON', payment_scheme: 'state_advance_payment' });
    const unknown = await call(coord, 'POST', '/api/v1/assistance', { ...base, amount: 10, payment_scheme: 'lottery' });
    expect(unknown.json().fields[0].path).toBe('body.payment_scheme');
    const shelterWithMoney = await call(coord, 'POST', '/api/v1/assistance', { ...base, service: 'shelter', amount: 10 });
    expect(shelterWithMoney.json().fields[0]).toEqual({
      path: 'body.amount',
      reason: 'only financial support records amount; this service is shelter',
      rule: 'only_financial_support_records',
      params: { field: 'amount', service: 'shelter' },
    });
    const { items } = (await call(coord, 'GET', '/api/v1/service-facilities?organisation=NGO-S')).json();
    const wrongFacility = await call(coord, 'POST', '/api/v1/assistance', {
      victim_case_id: caseId,
      provider_organisation: 'DGASPC-CJ',
      service: 'legal',
      started_on: '2023-04-01',
      facility_id: items[0].id,
    });
    expect(wrongFacility.json().fields[0]).toEqual({
      path: 'body.facility_id',
      reason: 'the facility belongs to another provider',
      rule: 'facility_of_other_provider',
    });
  });

  it('shows the gaps: counties with no shelter, services asked for but never given, licences running out', async () => {
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const refer = (services: string[], to: string) =>
      call(coord, 'POST', '/api/v1/referrals', {
        victim_case_id: caseId,
        from_organisation: 'ANITP',
        to_organisation: to,
        services,
        sent_at: longAgo,
      });
    expect((await refer(['medical'], 'NGO-S')).statusCode).toBe(201); // never answered
    const given = (await refer(['vocational', 'psychological'], 'DGASPC-CJ')).json();
    await call(cjWorker, 'PATCH', `/api/v1/referrals/${given.id}`, { status: 'accepted' });
    await call(cjWorker, 'POST', '/api/v1/assistance', {
      victim_case_id: caseId,
      referral_id: given.id,
      provider_organisation: 'DGASPC-CJ',
      service: 'psychological',
      started_on: day(-35),
    });

    expect((await call(cjWorker, 'GET', '/api/v1/service-gaps')).statusCode).toBe(403);
    const gaps = (await call(coord, 'GET', '/api/v1/service-gaps')).json();
    expect(gaps.counties_without_shelter).toHaveLength(41); // 42 regions, Cluj has the only shelter
    expect(gaps.counties_without_shelter.map((c: { region: string }) => c.region)).not.toContain('RO-CJ');
    expect(gaps.unmet_services.unmet_after_days).toBe(30);
    // The shelter and legal referrals of 3-4 days ago are not yet due; psychological was given.
    expect(gaps.unmet_services.by_service).toEqual([
      { service: 'medical', referrals: 1, victim_cases: 1, declined: 0, accepted: 0, unanswered: 1 },
      { service: 'vocational', referrals: 1, victim_cases: 1, declined: 0, accepted: 1, unanswered: 0 },
    ]);
    expect(gaps.unmet_services.by_region).toEqual([
      { region: 'RO-B', service: 'medical', referrals: 1 },
      { region: 'RO-CJ', service: 'vocational', referrals: 1 },
    ]);
    expect(gaps.licences).toEqual([expect.objectContaining({ code: 'CJ-SHELTER', licence_status: 'expiring', licence_days_left: 30 })]);
  });

  it("puts shelter places by county, dedicated government shelters and the advance payment cap in the year's report", async () => {
    const report = await computeAnnualReport(api.nrm.db, shippedProfile('romania'), 2023);
    expect(report.state_advance_payment_cap_RON).toBe(15000);
    expect(report.government_shelters_dedicated).toBe(0); // the Cluj shelter is not dedicated to trafficking victims
    const byCounty = report.shelter_places_by_county!;
    expect(Object.keys(byCounty)).toHaveLength(42);
    expect(byCounty['RO-CJ']).toEqual({ facilities: 1, capacity: 10, free_places: 2 });
    expect(byCounty['RO-B']).toEqual({ facilities: 0, capacity: 0, free_places: 0 }); // the NGO centre there offers no shelter
    expect((await computeAnnualReport(api.nrm.db, shippedProfile('romania'), 2022)).state_advance_payment_cap_RON).toBeNull();
  });
});
