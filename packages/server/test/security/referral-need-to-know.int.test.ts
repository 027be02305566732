import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/ids.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

/**
 * Issue 3 point 1, "an NGO sees only cases referred to it, and only the
 * fields the referral shares", through the API: a provider reading through a
 * referral sees the person and the timeline only as its referral shares them,
 * only its own referrals and the assistance it gave (not where another
 * provider shelters the victim); a referral's sender is the user's own
 * organisation (the coordinator may record one on another's behalf, audited).
 */
describe(`a provider's need to know on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let coord: string;
  let ngoA: string;
  let ngoB: string;
  let personId: string;
  let caseId: string;
  let referralA: string;
  let referralB: string;
  let assistanceB: string;
  const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    api.as(token, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    api = await testApi();
    await api.nrm.db
      .insertInto('organisation')
      .values([
        { id: newId(), code: 'NGO-NTK-A', name: 'Counselling NGO', kind: 'ngo', region: 'RO-B' },
        { id: newId(), code: 'NGO-NTK-B', name: 'Shelter NGO', kind: 'ngo', region: 'RO-CJ' },
      ])
      .execute();
    coord = await api.signedIn('coordinator', 'ANITP');
    ngoA = await api.signedIn('case_worker', 'NGO-NTK-A');
    ngoB = await api.signedIn('case_worker', 'NGO-NTK-B');
    const person = await call(coord, 'POST', '/api/v1/persons', {
      sex: 'female',
      birth_year: 1994,
      citizenships: ['UA'],
      identity: { given_names: 'Olena', family_name: 'Kovalenko' },
    });
    personId = person.json().id;
    const created = await call(coord, 'POST', '/api/v1/victim-cases', {
      person_id: personId,
      case_number: 'ANITP-2024-0777',
      nrm_status: 'presumed',
      presumed_on: '2024-03-01',
    });
    caseId = created.json().id;
    await call(coord, 'POST', `/api/v1/persons/${personId}/consents`, {
      purpose: 'referral',
      given: true,
      recorded_on: '2024-03-01',
      method: 'written_form',
      victim_case_id: caseId,
    });
    const toA = await call(coord, 'POST', '/api/v1/referrals', {
      victim_case_id: caseId,
      from_organisation: 'ANITP',
      to_organisation: 'NGO-NTK-A',
      services: ['legal'],
      shared_fields: ['case_number'],
    });
    expect(toA.statusCode).toBe(201);
    referralA = toA.json().id;
    const toB = await call(coord, 'POST', '/api/v1/referrals', {
      victim_case_id: caseId,
      from_organisation: 'ANITP',
      to_organisation: 'NGO-NTK-B',
      services: ['shelter'],
      // Sent before the service it led to started (2024-03-05): a service never starts before its referral was sent.
      sent_at: '2024-03-02T09:00:00Z',
    });
    expect(toB.statusCode).toBe(201);
    referralB = toB.json().id;
    const shelter = await call(ngoB, 'POST', '/api/v1/assistance', {
      victim_case_id: caseId,
      referral_id: referralB,
      provider_organisation: 'NGO-NTK-B',
      service: 'shelter',
      started_on: '2024-03-05',
    });
    expect(shelter.statusCode).toBe(201);
    assistanceB = shelter.json().id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('shows a provider the person only as its referral shares it (case_number only: no sex, birth year, citizenships or identity)', async () => {
    const seen = await call(ngoA, 'GET', `/api/v1/persons/${personId}`);
    expect(seen.statusCode).toBe(200);
    const body = seen.json();
    expect(body.id).toBe(personId);
    for (const field of ['sex', 'birth_year', 'citizenships']) expect(body).not.toHaveProperty(field);
    expect(JSON.stringify(body)).not.toMatch(/Olena|Kovalenko|UA|1994/);
    const listed = (await call(ngoA, 'GET', '/api/v1/persons')).json().items;
    expect(listed).toEqual([expect.not.objectContaining({ sex: expect.anything() })]);
    // The provider whose referral shares the default fields sees names, still no sex.
    const byB = (await call(ngoB, 'GET', `/api/v1/persons/${personId}`)).json();
    expect(byB.identity).toMatchObject({ given_names: 'Olena', family_name: 'Kovalenko' });
    expect(byB).not.toHaveProperty('sex');
    // The case owner's side sees the whole person.
    expect((await call(coord, 'GET', `/api/v1/persons/${personId}`)).json()).toMatchObject({ sex: 'female', birth_year: 1994 });
  });

  it('shows a provider only its own referral and assistance, never where another provider shelters the victim', async () => {
    const referrals = (await call(ngoA, 'GET', `/api/v1/referrals?victim_case_id=${caseId}`)).json();
    expect(referrals.items.map((r: { id: string }) => r.id)).toEqual([referralA]);
    const assistance = (await call(ngoA, 'GET', `/api/v1/assistance?victim_case_id=${caseId}`)).json();
    expect(assistance.items).toEqual([]);
    expect((await call(ngoA, 'GET', `/api/v1/referrals/${referralB}`)).statusCode).toBe(404);
    expect((await call(ngoA, 'GET', `/api/v1/assistance/${assistanceB}`)).statusCode).toBe(404);
    // The shelter sees the service it gave; the coordinator sees both referrals.
    const own = (await call(ngoB, 'GET', `/api/v1/assistance?victim_case_id=${caseId}`)).json();
    expect(own.items.map((a: { id: string }) => a.id)).toEqual([assistanceB]);
    const outsider = await api.signedIn('case_worker', 'ANITP');
    expect((await call(outsider, 'GET', `/api/v1/assistance/${assistanceB}`)).statusCode).toBe(404);
    const all = (await call(coord, 'GET', `/api/v1/referrals?victim_case_id=${caseId}`)).json();
    expect(all.items.map((r: { id: string }) => r.id).sort()).toEqual([referralA, referralB].sort());
  });

  it("shows a provider only its own referral's steps, without the NRM status it is not shared", async () => {
    const timeline = (await call(ngoA, 'GET', `/api/v1/victim-cases/${caseId}/transitions`)).json();
    expect(timeline.workflow_state).toBeNull();
    expect(timeline.nrm_status).toBeNull();
    expect(timeline.items.length).toBeGreaterThan(0);
    for (const step of timeline.items) {
      expect(step.source_id).toBe(referralA);
      expect(step.nrm_status).toBeNull();
      expect(step.actor_user_id).toBeNull();
    }
    const full = (await call(coord, 'GET', `/api/v1/victim-cases/${caseId}/transitions`)).json();
    expect(full.nrm_status).toBe('presumed');
    expect(full.items.length).toBeGreaterThan(timeline.items.length);
    // NGO B's referral made no step (the case was already referred), its assistance did: it sees that one only.
    const byB = (await call(ngoB, 'GET', `/api/v1/victim-cases/${caseId}/transitions`)).json();
    expect(byB.items.map((s: { source_id: string }) => s.source_id)).toEqual([assistanceB]);
    // Sharing nrm_status and sex later shows them.
    const widened = await call(coord, 'PATCH', `/api/v1/referrals/${referralA}`, {
      shared_fields: ['case_number', 'nrm_status', 'person.sex'],
    });
    expect(widened.statusCode).toBe(200);
    expect((await call(ngoA, 'GET', `/api/v1/victim-cases/${caseId}/transitions`)).json().nrm_status).toBe('presumed');
    const person = (await call(ngoA, 'GET', `/api/v1/persons/${personId}`)).json();
    expect(person.sex).toBe('female');
    expect(person).not.toHaveProperty('birth_year');
  });

  it('refuses a provider widening what its referral shares, or changing its services or urgency, and keeps the answer it may give', async () => {
    const widen = await call(ngoA, 'PATCH', `/api/v1/referrals/${referralA}`, {
      shared_fields: ['case_number', 'identity.given_names', 'identity.family_name'],
      urgency: 'urgent',
    });
    expect(widen.statusCode).toBe(403);
    expect(
      widen
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body.shared_fields', 'body.urgency']);
    const referral = (await call(coord, 'GET', `/api/v1/referrals/${referralA}`)).json();
    expect(referral.shared_fields).not.toContain('identity.family_name');
    expect(referral.urgency).not.toBe('urgent');
    const person = (await call(ngoA, 'GET', `/api/v1/persons/${personId}`)).json();
    expect(JSON.stringify(person)).not.toContain('Kovalenko');
    const accepted = await call(ngoA, 'PATCH', `/api/v1/referrals/${referralA}`, { status: 'accepted' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
  });

  it("refuses a referral from another organisation than the sender's, except the coordinator's, audited as on another's behalf", async () => {
    const police = await api.signedIn('front_line_responder', 'IGPF');
    const person = await call(police, 'POST', '/api/v1/persons', { sex: 'male' });
    const opened = await call(police, 'POST', '/api/v1/victim-cases', {
      person_id: person.json().id,
      case_number: 'IGPF-2024-0001',
      nrm_status: 'potential',
      potential_on: '2024-03-01',
    });
    expect(opened.json()).toMatchObject({ nrm_status: 'potential' });
    const victimCaseId = opened.json().id;
    await call(coord, 'POST', `/api/v1/persons/${person.json().id}/consents`, {
      purpose: 'referral',
      given: true,
      recorded_on: '2024-03-01',
      method: 'written_form',
      victim_case_id: victimCaseId,
    });
    const body = { victim_case_id: victimCaseId, to_organisation: 'NGO-NTK-A', services: ['legal'] };
    const forged = await call(police, 'POST', '/api/v1/referrals', { ...body, from_organisation: 'ANITP' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.from_organisation']);
    expect((await call(police, 'POST', '/api/v1/referrals', { ...body, from_organisation: 'IGPF' })).statusCode).toBe(201);
    const onBehalf = await call(coord, 'POST', '/api/v1/referrals', { ...body, to_organisation: 'NGO-NTK-B', from_organisation: 'IGPF' });
    expect(onBehalf.statusCode).toBe(201);
    const event = await api.nrm.db
      .selectFrom('audit_event')
      .select(['reason', 'action'])
      .where('record_type', '=', 'referral')
      .where('record_id', '=', onBehalf.json().id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(event.reason).toBe('recorded on behalf of IGPF');
  });
});
