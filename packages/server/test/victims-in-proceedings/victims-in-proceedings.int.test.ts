import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';

/** Victims in proceedings (issue 6 points 4 and 6): hearings, the re-hearing warning, counsel, programmes, measures, statistics. */
describe(`victims in proceedings on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let cw: { token: string; id: string };
  let cm: { token: string; id: string };
  let pros: { token: string; id: string };
  let outsider: { token: string; id: string };
  let analyst: { token: string; id: string };
  let caseId: string;
  let criminalCaseId: string;
  const profile = shippedProfile('romania');
  const url = (path: string) => `/api/v1/victim-cases/${caseId}/${path}`;
  const post = (who: { token: string }, path: string, payload: object) => api.as(who.token, { method: 'POST', url: url(path), payload });
  const get = (who: { token: string }, path: string) => api.as(who.token, { method: 'GET', url: url(path) });

  beforeAll(async () => {
    api = await testApi();
    cw = await api.user('case_worker', 'DGASPC-CJ');
    cm = await api.user('case_manager', 'DGASPC-CJ');
    pros = await api.user('prosecutor', 'DIICOT');
    outsider = await api.user('case_worker', 'DGASPC-CJ');
    analyst = await api.user('analyst', 'ANITP');
    const person = await api.as(cw.token, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female', citizenships: ['RO'] } });
    const created = await api.as(cw.token, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: { person_id: person.json().id, case_number: `VIP-${TEST_DB_KIND}`, nrm_status: 'presumed', presumed_on: '2022-05-01' },
    });
    caseId = created.json().id;
    const criminal = await api.as(pros.token, {
      method: 'POST',
      url: '/api/v1/criminal-cases',
      payload: {
        case_number: `K-VIP-${TEST_DB_KIND}`,
        opened_on: '2022-06-01',
        investigating_organisation: 'DIICOT',
      },
    });
    criminalCaseId = criminal.json().id;
    // The victim's case worker shares the case with the investigating office (a prosecutor links only what they may read).
    const link = await api.as(cw.token, {
      method: 'PUT',
      url: `/api/v1/victim-cases/${caseId}/criminal-cases/${criminalCaseId}`,
      payload: { role: 'injured_party' },
    });
    expect(link.statusCode, link.body).toBe(200);
  });
  afterAll(async () => api?.close());

  it('records a hearing by the prosecutor of the linked criminal case, with its body kind and settings', async () => {
    const res = await post(pros, 'hearings', {
      status: 'held',
      held_on: '2023-03-10',
      body_organisation: 'DIICOT',
      criminal_case_id: criminalCaseId,
      settings: ['separate_room', 'psychologist_present'],
      counsel_present: true,
      interpreter_language: 'uk',
      note: 'Asked for a female interviewer',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().note).toBe('Asked for a female interviewer');
    // The note may name people: it is stored sealed, never in clear.
    const stored = await api.nrm.db.selectFrom('victim_hearing').select('note').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.note!).toString('latin1')).not.toContain('female interviewer');
    expect(res.json()).toMatchObject({
      body_kind: 'prosecutor',
      body_organisation_code: 'DIICOT',
      settings: ['separate_room', 'psychologist_present'],
      counsel_breach: null,
      counsel_breach_rule: null,
      warning: null,
    });
  });

  it('warns with the count so far when a victim already heard is heard again or planned, and alerts the case manager', async () => {
    const again = await post(cw, 'hearings', { status: 'held', held_on: '2023-09-01', body_organisation: 'IGPR', counsel_present: true });
    expect(again.statusCode).toBe(201);
    expect(again.json().warning).toEqual({ hearings_so_far: 1, last_held_on: '2023-03-10' });
    const planned = await post(cw, 'hearings', { status: 'planned', planned_on: '2030-01-15', body_organisation: 'COURTS' });
    expect(planned.json()).toMatchObject({ body_kind: 'court', warning: { hearings_so_far: 2, last_held_on: '2023-09-01' } });
    const alerts = (await api.as(cm.token, { method: 'GET', url: '/api/v1/alerts' })).json().items as { kind: string; reason: string }[];
    const heardAgain = alerts.filter((a) => a.kind === 'victim_heard_again');
    expect(heardAgain).toHaveLength(2);
    expect(heardAgain.map((a) => a.reason)).toContain('a further hearing was planned: already heard 2 times, last on 2023-09-01');
    const list = (await get(cw, 'hearings')).json();
    expect(list).toMatchObject({ hearings_held: 2, last_held_on: '2023-09-01', planned: 1 });
    expect(list.items).toHaveLength(3);
  });

  it('marks a planned hearing held, and flags a hearing held without counsel that the profile makes mandatory', async () => {
    const planned = (await get(cw, 'hearings')).json().items.find((h: { status: string }) => h.status === 'planned');
    const early = await api.as(cw.token, {
      method: 'PATCH',
      url: url(`hearings/${planned.id}`),
      payload: { status: 'held', held_on: '2023-11-20' },
    });
    expect(early.json().fields[0].path).toBe('body.counsel_present');
    const held = await api.as(cw.token, {
      method: 'PATCH',
      url: url(`hearings/${planned.id}`),
      payload: { status: 'held', held_on: '2023-11-20', counsel_present: false },
    });
    expect(held.statusCode).toBe(200);
    expect(held.json().warning).toEqual({ hearings_so_far: 2, last_held_on: '2023-09-01' });
    expect(held.json().counsel_mandatory).toBe(true);
    expect(held.json().counsel_breach).toContain('void');
    // The same for translation: whom the profile makes counsel mandatory for, and its words and source (Romania 2023).
    expect(held.json().counsel_breach_rule).toMatchObject({ applies_to: 'all_victims', verify: true });
    expect(held.json().counsel_breach_rule.consequence).toContain('void');
    expect(held.json().counsel_breach_rule.source).toContain('2023');
    expect(held.json().counsel_breach_rule.consequence_i18n.ro).toContain('nulitate');
    expect(held.json().counsel_breach_rule.source_i18n.ro).toContain('Codul de procedură penală art. 93');
    for (const translated of ['consequence_i18n', 'source_i18n'])
      expect(Object.keys(held.json().counsel_breach_rule[translated]).sort()).toEqual(['hu', 'ro', 'uk']);
    expect((await get(cw, 'hearings')).json()).toMatchObject({ hearings_held: 3, planned: 0 });
  });

  it('names the field of a bad hearing: unknown setting, future held day, a body that hears nobody, an unlinked criminal case', async () => {
    const field = async (payload: object) => (await post(cw, 'hearings', payload)).json().fields?.[0]?.path;
    const base = { status: 'held', held_on: '2023-05-01', body_organisation: 'IGPR', counsel_present: true };
    expect(await field({ ...base, settings: ['karaoke'] })).toBe('body.settings.0');
    expect(await field({ ...base, held_on: '2999-01-01' })).toBe('body.held_on');
    expect(await field({ ...base, body_organisation: 'ANITP' })).toBe('body.body_organisation');
    expect(await field({ ...base, criminal_case_id: '0190d5c4-0000-7000-8000-000000000000' })).toBe('body.criminal_case_id');
    // A hearing in the criminal case is not held before the case opened (2022-06-01): the rule and that day, for the web.
    const early = await post(pros, 'hearings', {
      ...base,
      body_organisation: 'DIICOT',
      criminal_case_id: criminalCaseId,
      held_on: '2022-05-31',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([
      {
        path: 'body.held_on',
        reason: 'must not be before the case opened (2022-06-01)',
        rule: 'date_before_case_opened',
        params: { date: '2022-06-01' },
      },
    ]);
    expect(await field({ status: 'planned', body_organisation: 'IGPR' })).toBe('body.planned_on');
    // A hearing is planned for today or later: one dated in the past took place (held) or never will (new-user tester).
    const past = await post(cw, 'hearings', { status: 'planned', planned_on: '1901-01-01', body_organisation: 'IGPR' });
    expect(past.statusCode).toBe(400);
    // The rule and the profile's today, for the web to say it in the user's language with a localised date.
    expect(past.json().fields).toEqual([
      {
        path: 'body.planned_on',
        reason: expect.stringContaining('today'),
        rule: 'planned_hearing_in_past',
        params: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      },
    ]);
    expect(past.json().fields[0].reason).toContain(`(${past.json().fields[0].params.date})`);
    const setting = (await post(cw, 'hearings', { ...base, settings: ['karaoke'] })).json().fields[0];
    expect(setting).toMatchObject({ rule: 'not_a_hearing_setting', params: { setting: 'karaoke' } });
    expect(await field({ status: 'planned', planned_on: '2024-01-01', body_organisation: 'IGPR' })).toBe('body.planned_on');
  });

  it('refuses outsiders: a colleague off the team gets 404, an analyst 403, and reads nothing', async () => {
    expect((await get(outsider, 'hearings')).statusCode).toBe(404);
    expect((await post(outsider, 'hearings', { status: 'planned', planned_on: '2030-01-01', body_organisation: 'IGPR' })).statusCode).toBe(
      404,
    );
    expect((await get(outsider, 'programmes')).statusCode).toBe(404);
    expect((await get(analyst, 'hearings')).statusCode).toBe(403);
    expect((await get(pros, 'hearings')).statusCode).toBe(200);
  });

  it('records counsel, programmes and protection measures from the profile, and ends them', async () => {
    const counsel = await post(cw, 'legal-counsel', {
      counsel_bar: 'Baroul Cluj',
      counsel_name: 'Av. Demo',
      assigned_on: '2022-06-02',
      mandatory: true,
    });
    expect(counsel.statusCode).toBe(201);
    expect((await post(cw, 'legal-counsel', { assigned_on: '2022-06-02' })).json().fields[0].path).toBe('body.counsel_organisation');
    const programme = await post(pros, 'programmes', { programme: 'victim_witness_coordination', started_on: '2022-06-15' });
    expect(programme.json()).toMatchObject({ programme: 'victim_witness_coordination', ended_on: null });
    expect(programme.json().source).toContain('TIP');
    expect((await post(cw, 'programmes', { programme: 'spa_weekend', started_on: '2023-01-01' })).json().fields[0].path).toBe(
      'body.programme',
    );
    const ended = await api.as(cw.token, {
      method: 'PATCH',
      url: url(`programmes/${programme.json().id}`),
      payload: { ended_on: '2023-02-28' },
    });
    expect(ended.json().ended_on).toBe('2023-02-28');
    const backwards = await api.as(cw.token, {
      method: 'PATCH',
      url: url(`programmes/${programme.json().id}`),
      payload: { ended_on: '2022-01-01' },
    });
    expect(backwards.json().fields[0].path).toBe('body.ended_on');
    await post(cw, 'programmes', { programme: 'witness_protection', started_on: '2023-12-01' });
    const measure = await post(pros, 'protection-measures', {
      measure: 'escort',
      ordered_on: '2023-03-01',
      ordered_by_organisation: 'DIICOT',
    });
    expect(measure.json()).toMatchObject({ measure: 'escort', ordered_by_organisation_code: 'DIICOT' });
    expect((await get(cw, 'legal-counsel')).json().items).toHaveLength(1);
    expect((await get(cw, 'protection-measures')).json().items).toHaveLength(1);
  });

  it('counts programme participants in every year their participation overlaps, and interviews per victim', async () => {
    const other = await api.as(cw.token, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'male' } });
    const otherCase = (
      await api.as(cw.token, {
        method: 'POST',
        url: '/api/v1/victim-cases',
        payload: { person_id: other.json().id, case_number: `VIP2-${TEST_DB_KIND}`, nrm_status: 'presumed', presumed_on: '2023-01-05' },
      })
    ).json().id as string;
    const hear = (held_on: string) =>
      api.as(cw.token, {
        method: 'POST',
        url: `/api/v1/victim-cases/${otherCase}/hearings`,
        payload: { status: 'held', held_on, body_organisation: 'IGPR', counsel_present: true },
      });
    await hear('2023-02-01');
    await hear('2024-02-01');
    const r2023 = await computeAnnualReport(api.nrm.db, profile, 2023);
    expect(r2023.victims_in_witness_coordination_programme).toBe(1);
    expect(r2023.victims_in_witness_protection_programme).toBe(1);
    // First victim: 2023-03-10, 2023-09-01, 2023-11-20 (3); the second: 2023-02-01 (1).
    expect(r2023.interviews_per_victim).toEqual({ victims_heard: 2, hearings: 4, mean: 2, median: 2, max: 3 });
    const r2022 = await computeAnnualReport(api.nrm.db, profile, 2022);
    expect(r2022.victims_in_witness_coordination_programme).toBe(1);
    expect(r2022.victims_in_witness_protection_programme).toBe(0);
    expect(r2022.interviews_per_victim).toEqual({ victims_heard: 0, hearings: 0, mean: null, median: null, max: null });
    const r2024 = await computeAnnualReport(api.nrm.db, profile, 2024);
    expect(r2024.victims_in_witness_coordination_programme).toBe(0);
    expect(r2024.victims_in_witness_protection_programme).toBe(1);
    expect(r2024.interviews_per_victim).toMatchObject({ victims_heard: 1, hearings: 1, max: 1 });
  });
});
