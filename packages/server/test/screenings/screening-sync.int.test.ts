import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { RECORDED_AT_SKEW_MS } from '../../src/screenings/screenings.repository.ts';

/**
 * Screenings and their offline sync (issue 4 points 1 and 6; docs/offline-sync.md):
 * idempotent PUT by client id, revisions per author, conflicts named, the
 * server's evaluation authoritative, the organisation's read policy, and a
 * victim case opened from a screening.
 */

/** ILO/EC adult labour: deceptive recruitment, exploitative conditions and coercion at destination each met: presumed victim. */
const PRESUMED = {
  'adult_labour.deceptive_recruitment.nature_of_job': 'yes',
  'adult_labour.deceptive_recruitment.conditions_of_work': 'yes',
  'adult_labour.exploitative_conditions.excessive_hours': 'yes',
  'adult_labour.exploitative_conditions.low_or_no_salary': 'yes',
  'adult_labour.coercion_at_destination.confiscation_of_documents': 'yes',
  'adult_labour.coercion_at_destination.debt_bondage': 'yes',
} as const;

const body = (revision: number, answers: Record<string, string> = PRESUMED, extra: object = {}) => ({
  revision,
  recorded_at: '2026-03-02T09:15:00+02:00',
  county: 'RO-CJ',
  context: 'labour_inspection',
  subject: { age_years: 34, sex: 'male', citizenships: ['MD'] },
  exploitation: 'labour',
  answers,
  ...extra,
});

describe(`screenings and offline sync on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let fl: string;
  let flId: string;
  let cw: string;
  let outsider: string;
  let analyst: string;
  beforeAll(async () => {
    api = await testApi();
    ({ token: fl, id: flId } = await api.user('front_line_responder', 'DGASPC-CJ'));
    cw = await api.signedIn('case_worker', 'DGASPC-CJ');
    outsider = await api.signedIn('case_manager', 'DGASPC-AB');
    analyst = await api.signedIn('analyst', 'ANITP');
  });
  afterAll(async () => {
    await api.close();
  });

  const put = (token: string, id: string, payload: object) => api.as(token, { method: 'PUT', url: `/api/v1/screenings/${id}`, payload });
  const rows = (id: string) => api.nrm.db.selectFrom('screening').selectAll().where('id', '=', id).execute();
  const revisions = (id: string) =>
    api.nrm.db.selectFrom('screening_revision').selectAll().where('screening_id', '=', id).orderBy('revision').execute();

  it('stores a first receipt (201) with the evaluation computed on the server', async () => {
    const id = randomUUID();
    const res = await put(fl, id, body(1));
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      id,
      revision: 1,
      recorded_by_user_id: flId,
      organisation_code: 'DGASPC-CJ',
      county: 'RO-CJ',
      context: 'labour_inspection',
      subject: { age_years: 34, age_group: 'adult', sex: 'male', citizenships: ['MD'] },
      outcome: 'presumed_victim',
      victim_case_id: null,
    });
    expect(s.evaluation.set).toBe('adult_labour');
    expect(s.evaluation.dimensions_met.map((d: { dimension: string }) => d.dimension)).toEqual([
      'deceptive_recruitment',
      'exploitative_conditions',
      'coercion_at_destination',
    ]);
    expect(s.evaluation.explanation.at(-2) ?? '').toMatch(/./);
    expect(s.answers).toEqual(PRESUMED);
  });

  it('answers a replay of the same revision with 200 and the identical body, storing nothing twice', async () => {
    const id = randomUUID();
    const first = await put(fl, id, body(1));
    const replay = await put(fl, id, body(1));
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    // The same content with its keys in another order is the same revision.
    const reordered = Object.fromEntries(Object.entries(body(1)).reverse());
    expect((await put(fl, id, reordered)).statusCode).toBe(200);
    expect(await rows(id)).toHaveLength(1);
    expect(await revisions(id)).toHaveLength(1);
  });

  it('applies a higher revision from the author and keeps every revision’s answers', async () => {
    const id = randomUUID();
    await put(fl, id, body(1, { 'adult_labour.exploitative_conditions.excessive_hours': 'yes' }));
    const updated = await put(fl, id, body(2, PRESUMED));
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ revision: 2, outcome: 'presumed_victim', answers: PRESUMED });
    const history = await revisions(id);
    expect(history.map((r) => [r.revision, r.outcome])).toEqual([
      [1, 'potential_victim'],
      [2, 'presumed_victim'],
    ]);
    expect(history[0]!.answers).toEqual({ 'adult_labour.exploitative_conditions.excessive_hours': 'yes' });
  });

  it('refuses an older revision, the same revision with different content and another author’s id, naming the conflict', async () => {
    const id = randomUUID();
    await put(fl, id, body(1));
    await put(fl, id, body(3));
    const older = await put(fl, id, body(2));
    expect(older.statusCode).toBe(409);
    expect(older.json()).toMatchObject({ code: 'OPENNRM_SYNC_CONFLICT', fields: [{ path: 'body.revision' }] });
    expect(older.json().fields[0].reason).toMatch(/holds revision 3/);

    const changed = await put(fl, id, body(3, { 'adult_labour.exploitative_conditions.excessive_hours': 'no' }));
    expect(changed.statusCode).toBe(409);
    expect(changed.json().fields[0]).toMatchObject({ path: 'body.revision' });
    expect(changed.json().fields[0].reason).toMatch(/send the edit as revision 4/);

    const other = await put(cw, id, body(9));
    expect(other.statusCode).toBe(409);
    expect(other.json().fields[0]).toMatchObject({ path: 'params.id' });
    expect((await rows(id))[0]).toMatchObject({ revision: 3, recorded_by_user_id: flId });
  });

  it('validates against the profile and the instrument, naming the field', async () => {
    const cases: [object, string][] = [
      [body(1, PRESUMED, { context: 'nightclub' }), 'body.context'],
      [body(1, PRESUMED, { county: 'RO-XX' }), 'body.county'],
      [body(1, { 'adult_labour.no_such_indicator': 'yes' }), 'body.answers.adult_labour.no_such_indicator'],
      [
        body(1, { 'child_labour.exploitative_conditions.excessive_hours': 'yes' }),
        'body.answers.child_labour.exploitative_conditions.excessive_hours',
      ],
      [body(1, {}, { exploitation: 'sexual' }), 'body.exploitation'],
      [body(1, {}, { subject: { age_years: 15, age_group: 'adult' } }), 'body.subject.age_group'],
      [
        body(1, { 'adult_labour.exploitative_conditions.excessive_hours': 'maybe' }),
        'body.answers.adult_labour.exploitative_conditions.excessive_hours',
      ],
      [{ ...body(1), outcome: 'no_indicators' }, 'body'],
      [body(0), 'body.revision'],
    ];
    for (const [payload, path] of cases) {
      const res = await put(fl, randomUUID(), payload);
      expect(res.statusCode, path).toBe(400);
      expect(
        res
          .json()
          .fields.map((f: { path: string }) => f.path)
          .join(' '),
        path,
      ).toContain(path);
    }
  });

  it('refuses a recorded_at more than the clock-skew tolerance ahead of the server, naming body.recorded_at', async () => {
    const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();
    const future = randomUUID();
    const refused = await put(fl, future, body(1, PRESUMED, { recorded_at: ahead(RECORDED_AT_SKEW_MS + 60_000) }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'OPENNRM_VALIDATION', fields: [{ path: 'body.recorded_at' }] });
    expect(await rows(future)).toHaveLength(0);
    // A device clock a minute fast is within the tolerance.
    const skewed = await put(fl, randomUUID(), body(1, PRESUMED, { recorded_at: ahead(60_000) }));
    expect(skewed.statusCode).toBe(201);
  });

  it('screens a person of unknown age as a child (Directive 2011/36/EU art. 13(2))', async () => {
    const res = await put(
      fl,
      randomUUID(),
      body(1, { 'child_labour.exploitative_conditions.excessive_hours': 'yes' }, { subject: { age_group: 'unknown', sex: 'female' } }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ subject: { age_years: null, age_group: 'unknown' }, outcome: 'potential_victim' });
    expect(res.json().evaluation).toMatchObject({ set: 'child_labour', victim: 'child' });
  });

  it('keeps the notes sealed at rest and returns them to readers', async () => {
    const id = randomUUID();
    const res = await put(fl, id, body(1, PRESUMED, { notes: 'Met Ion Popescu at the farm gate' }));
    expect(res.json().notes).toBe('Met Ion Popescu at the farm gate');
    const stored = (await rows(id))[0]!;
    expect(Buffer.from(stored.notes!).toString('latin1')).not.toContain('Popescu');
  });

  it("lets the organisation read its screenings, newest first, and nobody else's", async () => {
    const older = randomUUID();
    const newer = randomUUID();
    await put(fl, older, body(1, PRESUMED, { recorded_at: '2026-01-01T08:00:00Z', context: 'hotline' }));
    await put(fl, newer, body(1, PRESUMED, { recorded_at: '2026-01-02T08:00:00Z', context: 'hotline' }));
    const page = await api.as(cw, { method: 'GET', url: '/api/v1/screenings?context=hotline' });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((s: { id: string }) => s.id)).toEqual([newer, older]);
    expect(page.json().total).toBe(2);
    expect((await api.as(cw, { method: 'GET', url: `/api/v1/screenings/${older}` })).statusCode).toBe(200);
    expect((await api.as(outsider, { method: 'GET', url: `/api/v1/screenings/${older}` })).statusCode).toBe(404);
    expect((await api.as(outsider, { method: 'GET', url: '/api/v1/screenings?context=hotline' })).json().total).toBe(0);
    expect((await api.as(analyst, { method: 'GET', url: '/api/v1/screenings' })).statusCode).toBe(403);
    expect((await put(analyst, randomUUID(), body(1))).statusCode).toBe(403);
    const events = await api.nrm.db
      .selectFrom('audit_event')
      .select(['action'])
      .where('record_type', '=', 'screening')
      .where('record_id', '=', older)
      .execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'search', 'read']));
  });

  it('opens a presumed victim case from a screening once, and then takes no more revisions', async () => {
    const id = randomUUID();
    await put(fl, id, body(1));
    const opened = await api.as(fl, { method: 'POST', url: `/api/v1/screenings/${id}/case` });
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json().victim_case_id as string;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    const vc = await api.as(fl, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` });
    expect(vc.statusCode).toBe(200);
    expect(vc.json()).toMatchObject({
      nrm_status: 'presumed',
      potential_on: '2026-03-02',
      presumed_on: '2026-03-02',
      forms: ['labour'],
      age_at_identification: 34,
      is_child: false,
    });
    const person = await api.as(fl, { method: 'GET', url: `/api/v1/persons/${vc.json().person_id}` });
    expect(person.json()).toMatchObject({ sex: 'male', citizenships: ['MD'] });
    // The NRM workflow recorded the steps, from the screening.
    const steps = await api.nrm.db
      .selectFrom('nrm_transition')
      .select(['event', 'to_state', 'occurred_on', 'source_type', 'source_id'])
      .where('victim_case_id', '=', caseId)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    expect(steps.map((t) => [t.event, t.to_state, t.source_type, t.source_id])).toEqual([
      ['open', 'potential_victim', 'screening', id],
      ['presume', 'presumed_victim', 'screening', id],
    ]);

    const again = await api.as(fl, { method: 'POST', url: `/api/v1/screenings/${id}/case` });
    expect(again.statusCode).toBe(200);
    expect(again.json().victim_case_id).toBe(caseId);
    const late = await put(fl, id, body(2));
    expect(late.statusCode).toBe(409);
    expect(late.json().fields[0]).toMatchObject({ path: 'victim_case_id' });
    // A replay of the revision the case was opened from is still a replay.
    expect((await put(fl, id, body(1))).statusCode).toBe(200);
  });

  it('notifies the county child protection at once when a case is opened for a person of unknown age', async () => {
    const id = randomUUID();
    await put(
      fl,
      id,
      body(1, { 'child_labour.exploitative_conditions.excessive_hours': 'yes' }, { subject: { age_group: 'unknown', sex: 'female' } }),
    );
    const opened = await api.as(fl, { method: 'POST', url: `/api/v1/screenings/${id}/case` });
    expect(opened.statusCode).toBe(201);
    const notices = await api.nrm.db
      .selectFrom('child_protection_notification')
      .innerJoin('organisation', 'organisation.id', 'child_protection_notification.organisation_id')
      .select(['organisation.code', 'child_protection_notification.region'])
      .where('victim_case_id', '=', opened.json().victim_case_id)
      .execute();
    expect(notices).toEqual([{ code: 'DGASPC-CJ', region: 'RO-CJ' }]);
  });

  it('opens a potential victim case for a potential victim and none for no indicators', async () => {
    const potential = randomUUID();
    await put(fl, potential, body(1, { 'adult_labour.exploitative_conditions.excessive_hours': 'yes' }));
    const opened = await api.as(cw, { method: 'POST', url: `/api/v1/screenings/${potential}/case` });
    expect(opened.statusCode).toBe(201);
    const vc = await api.as(cw, { method: 'GET', url: `/api/v1/victim-cases/${opened.json().victim_case_id}` });
    expect(vc.json()).toMatchObject({ nrm_status: 'potential', presumed_on: null });

    const none = randomUUID();
    await put(fl, none, body(1, { 'adult_labour.exploitative_conditions.excessive_hours': 'no' }));
    const refused = await api.as(fl, { method: 'POST', url: `/api/v1/screenings/${none}/case` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('OPENNRM_INVALID_TRANSITION');
    expect((await api.as(outsider, { method: 'POST', url: `/api/v1/screenings/${potential}/case` })).statusCode).toBe(404);
  });
});
