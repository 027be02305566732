import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';

/**
 * Criminal proceedings through the API (issue 6 points 1-3): stages and their
 * illegal moves, procedural events and the suspect columns they write, dated
 * offences, cooperation, victims' roles, who may see what, the deadlines of a
 * case and the at-risk list.
 */
describe(`Criminal proceedings on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let prosecutor: { token: string; id: string };
  let otherProsecutor: { token: string; id: string };
  let coordinator: { token: string; id: string };
  const call = (who: { token: string }, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    api.as(who.token, { method, url: `/api/v1/criminal-cases${url}`, ...(payload === undefined ? {} : { payload }) });

  async function openCase(caseNumber: string, extra: Record<string, unknown> = {}) {
    const res = await call(prosecutor, 'POST', '', {
      case_number: caseNumber,
      investigating_organisation: 'DIICOT',
      opened_on: '2019-02-01',
      offence_articles: ['210'],
      forms: ['sexual'],
      suspects: [{ sex: 'male', role: 'recruiter' }],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; stage: string; suspects: { id: string }[] };
  }

  beforeAll(async () => {
    api = await testApi();
    prosecutor = await api.user('prosecutor', 'DIICOT');
    otherProsecutor = await api.user('prosecutor', 'IGPR');
    coordinator = await api.user('coordinator', 'ANITP');
  });
  afterAll(async () => {
    await api.close();
  });

  it('moves a case through its stages, refuses illegal moves and closes only with a reason', async () => {
    const cc = await openCase('PROC-STAGES/2019', { prosecutor_user_id: prosecutor.id, organised_crime_group: true });
    expect(cc).toMatchObject({ stage: 'investigation_in_rem', prosecutor_user_id: prosecutor.id, organised_crime_group: true });

    const tooEarly = await call(prosecutor, 'POST', `/${cc.id}/stage`, { stage: 'final_judgment', on: '2019-03-01' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json()).toMatchObject({ code: 'OPENNRM_INVALID_TRANSITION', fields: [{ path: 'body.stage' }] });
    expect(tooEarly.json().message).toContain('investigation_in_personam');
    // The rule and its stage codes, for clients to say it in their language (the web shows each stage's label).
    const illegalMove = {
      rule: 'stage_move_not_allowed',
      params: { from: 'investigation_in_rem', to: 'final_judgment', allowed: 'investigation_in_personam, closed' },
    };
    expect(tooEarly.json()).toMatchObject({ ...illegalMove, fields: [{ path: 'body.stage', ...illegalMove }] });

    const skip = await call(prosecutor, 'POST', `/${cc.id}/stage`, { stage: 'indicted', on: '2019-03-01' });
    expect(skip.statusCode).toBe(409);

    const noReason = await call(prosecutor, 'POST', `/${cc.id}/stage`, { stage: 'closed', on: '2019-03-01' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([
      { path: 'body.closure_reason', reason: 'closing a case needs its reason', rule: 'closure_needs_reason' },
    ]);

    const reasonOnMove = await call(prosecutor, 'POST', `/${cc.id}/stage`, {
      stage: 'investigation_in_personam',
      on: '2019-03-01',
      closure_reason: 'death',
    });
    expect(reasonOnMove.statusCode).toBe(400);

    const beforeOpening = await call(prosecutor, 'POST', `/${cc.id}/stage`, { stage: 'investigation_in_personam', on: '2019-01-01' });
    expect(beforeOpening.json().fields).toEqual([
      {
        path: 'body.on',
        reason: 'must not be before the case opened (2019-02-01)',
        rule: 'date_before_case_opened',
        params: { date: '2019-02-01' },
      },
    ]);

    for (const stage of ['investigation_in_personam', 'indicted', 'first_instance']) {
      const moved = await call(prosecutor, 'POST', `/${cc.id}/stage`, { stage, on: '2020-01-10' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toEqual({ id: cc.id, stage, closed_on: null, closure_reason: null });
    }
    const closed = await call(prosecutor, 'POST', `/${cc.id}/stage`, {
      stage: 'closed',
      on: '2021-05-04',
      closure_reason: 'statute_of_limitations',
    });
    expect(closed.json()).toEqual({ id: cc.id, stage: 'closed', closed_on: '2021-05-04', closure_reason: 'statute_of_limitations' });
    const events = (await call(coordinator, 'GET', `/${cc.id}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['case_closed']);
    expect(events[0]).toMatchObject({ occurred_on: '2021-05-04', phase: 'trial', suspect_id: null, recorded_by: prosecutor.id });

    const onClosed = await call(prosecutor, 'POST', `/${cc.id}/events`, { kind: 'appeal_filed', occurred_on: '2021-06-01' });
    expect(onClosed.statusCode).toBe(409);
    const detail = (await call(coordinator, 'GET', `/${cc.id}`)).json();
    expect(detail).toMatchObject({ stage: 'closed', closed_on: '2021-05-04', closure_reason: 'statute_of_limitations' });

    const reopened = await call(prosecutor, 'POST', `/${cc.id}/stage`, { stage: 'investigation_in_personam', on: '2021-07-01' });
    expect(reopened.json()).toEqual({ id: cc.id, stage: 'investigation_in_personam', closed_on: null, closure_reason: null });
  });

  it('records events of a case and of a suspect, writing the suspect columns the statistics read', async () => {
    const cc = await openCase('PROC-EVENTS/2019');
    const suspect = cc.suspects[0]!.id;
    const post = (body: Record<string, unknown>) => call(prosecutor, 'POST', `/${cc.id}/events`, body);

    expect((await post({ kind: 'detained', occurred_on: '2019-02-02' })).json().fields[0].path).toBe('body.suspect_id');
    expect((await post({ kind: 'appeal_filed', suspect_id: suspect, occurred_on: '2019-02-02' })).json().fields[0].path).toBe(
      'body.suspect_id',
    );
    expect((await post({ kind: 'suspect_heard', suspect_id: suspect, occurred_on: '2019-02-02', ends_on: '2019-02-03' })).statusCode).toBe(
      400,
    );
    const noEnd = await post({ kind: 'pretrial_detention_warrant', suspect_id: suspect, occurred_on: '2019-02-03' });
    expect(noEnd.json().fields[0].path).toBe('body.ends_on');
    const tooLong = await post({
      kind: 'pretrial_detention_warrant',
      suspect_id: suspect,
      occurred_on: '2019-02-03',
      ends_on: '2019-04-03',
    });
    expect(tooLong.statusCode).toBe(400);
    // The deadline engine's refusal (CPP art. 233(1): 30 days at most), with its rule and the numbers behind it.
    expect(tooLong.json().fields[0]).toMatchObject({
      path: 'body.ends_on',
      rule: 'warrant_too_long',
      params: { from_on: '2019-02-03', ends_on: '2019-04-03', max_days: 30 },
    });
    const future = await post({ kind: 'suspect_heard', suspect_id: suspect, occurred_on: '2999-01-01' });
    expect(future.json().fields[0].path).toBe('body.occurred_on');
    const otherCase = await openCase('PROC-EVENTS-OTHER/2019');
    const foreignSuspect = await post({ kind: 'suspect_heard', suspect_id: otherCase.suspects[0]!.id, occurred_on: '2019-02-02' });
    expect(foreignSuspect.json().fields).toEqual([
      { path: 'body.suspect_id', reason: 'no suspect with this id in this criminal case', rule: 'no_such_suspect_in_case' },
    ]);

    const verdictFirst = await post({ kind: 'convicted_first_instance', suspect_id: suspect, occurred_on: '2020-01-01' });
    expect(verdictFirst.statusCode).toBe(409);
    expect(verdictFirst.json().fields[0].reason).toBe('a first-instance verdict needs the suspect indicted first');
    expect(verdictFirst.json()).toMatchObject({ rule: 'verdict_needs_indictment', fields: [{ rule: 'verdict_needs_indictment' }] });
    const sentenceFirst = await post({ kind: 'sentenced', suspect_id: suspect, occurred_on: '2020-01-01', sentence_months: 60 });
    expect(sentenceFirst.statusCode).toBe(409);

    const warrant = await post({
      kind: 'pretrial_detention_warrant',
      suspect_id: suspect,
      occurred_on: '2019-02-03',
      ends_on: '2019-03-04',
      note: 'warrant 3/UP/2019',
    });
    expect(warrant.statusCode, warrant.body).toBe(201);
    expect(warrant.json()).toMatchObject({
      phase: 'investigation',
      ends_on: '2019-03-04',
      suspect_id: suspect,
      recorded_by: prosecutor.id,
    });
    expect((await post({ kind: 'indicted', suspect_id: suspect, occurred_on: '2019-06-01' })).statusCode).toBe(201);
    expect((await post({ kind: 'convicted_first_instance', suspect_id: suspect, occurred_on: '2020-03-01' })).statusCode).toBe(201);
    const sentenced = await post({ kind: 'sentenced', suspect_id: suspect, occurred_on: '2020-03-01', sentence_months: 62 });
    expect(sentenced.json()).toMatchObject({ sentence_months: 62, sentence_suspended: false });
    const seized = await post({
      kind: 'assets_seized',
      suspect_id: suspect,
      occurred_on: '2019-02-05',
      amount: '12500.5',
      currency: 'EUR',
    });
    expect(seized.json()).toMatchObject({ amount: '12500.50', currency: 'EUR' });
    const seizure = { kind: 'assets_seized', suspect_id: suspect, occurred_on: '2019-02-05' };
    expect((await post({ ...seizure, amount: '99999999999999999999.00', currency: 'EUR' })).json().fields).toEqual([
      {
        path: 'body.amount',
        reason: 'too large: at most 99999999999999.99',
        rule: 'amount_too_large',
        params: { maximum: '99999999999999.99' },
      },
    ]);
    expect((await post({ ...seizure, amount: '10', currency: 'XAU' })).json().fields).toEqual([
      { path: 'body.currency', reason: expect.stringContaining('XAU'), rule: 'currency_not_money', params: { currency: 'XAU' } },
    ]);
    expect(
      (await post({ kind: 'indicted', suspect_id: suspect, occurred_on: '2019-06-02', amount: '1', currency: 'EUR' })).statusCode,
    ).toBe(400);

    const detail = (await call(prosecutor, 'GET', `/${cc.id}`)).json();
    expect(detail.suspects[0]).toMatchObject({
      prosecuted_on: '2019-06-01',
      verdict: 'convicted',
      verdict_on: '2020-03-01',
      sentence_months: 62,
      sentence_suspended: false,
    });
    const kinds = (await call(prosecutor, 'GET', `/${cc.id}/events`)).json().map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['pretrial_detention_warrant', 'assets_seized', 'indicted', 'convicted_first_instance', 'sentenced']);
  });

  it('keeps dated offences, cooperation and victim roles, and never requires a link', async () => {
    const cc = await openCase('PROC-FACTS/2019', { offence_articles: [] });
    const offence = await call(prosecutor, 'POST', `/${cc.id}/offences`, {
      article: '211',
      committed_on: '2018-04-01',
      committed_until: '2018-09-30',
      suspect_id: cc.suspects[0]!.id,
    });
    expect(offence.statusCode, offence.body).toBe(201);
    expect(
      (await call(prosecutor, 'POST', `/${cc.id}/offences`, { article: '999', committed_on: '2018-04-01' })).json().fields[0].path,
    ).toBe('body.article');
    expect(
      (
        await call(prosecutor, 'POST', `/${cc.id}/offences`, { article: '210', committed_on: '2018-04-01', committed_until: '2018-03-01' })
      ).json().fields[0].path,
    ).toBe('body.committed_until');
    expect((await call(prosecutor, 'GET', `/${cc.id}`)).json().offence_articles).toEqual(['211']);
    expect((await call(coordinator, 'GET', `/${cc.id}/offences`)).json()).toEqual([offence.json()]);

    const jit = await call(prosecutor, 'POST', `/${cc.id}/cooperation`, {
      kind: 'joint_investigation_team',
      countries: ['IT', 'ES'],
      opened_on: '2019-03-01',
    });
    expect(jit.statusCode, jit.body).toBe(201);
    const concluded = await call(prosecutor, 'PATCH', `/${cc.id}/cooperation/${jit.json().id}`, { concluded_on: '2019-02-01' });
    expect(concluded.json().fields[0].path).toBe('body.concluded_on');
    const ok = await call(prosecutor, 'PATCH', `/${cc.id}/cooperation/${jit.json().id}`, { concluded_on: '2020-02-01' });
    expect(ok.json()).toMatchObject({ kind: 'joint_investigation_team', countries: ['IT', 'ES'], concluded_on: '2020-02-01' });

    const worker = await api.signedIn('case_worker', 'ANITP');
    const person = await api.as(worker, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'female' } });
    const victim = await api.as(worker, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: { person_id: person.json().id, case_number: 'PROC-NRM-1', nrm_status: 'presumed', presumed_on: '2019-01-10' },
    });
    expect(victim.statusCode, victim.body).toBe(201);
    const victimCaseId = victim.json().id as string;
    // Linking opens the victim case to the investigating office: the prosecutor may not link one they cannot read yet.
    const refused = await call(prosecutor, 'PUT', `/${cc.id}/victims/${victimCaseId}`, { role: 'witness' });
    // It is answered exactly like a victim case that does not exist (docs/errors.md: no existence oracle).
    const missing = await call(prosecutor, 'PUT', `/${cc.id}/victims/01900000-0000-7000-8000-0000000000ff`, { role: 'witness' });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'OPENNRM_NOT_FOUND' });
    expect(refused.json()).toEqual(missing.json());
    const patched = await call(prosecutor, 'PATCH', `/${cc.id}`, { victim_case_ids: [victimCaseId] });
    expect(patched.statusCode).toBe(400);
    expect(patched.json()).toMatchObject({
      fields: [{ path: 'body.victim_case_ids.0', reason: 'no victim case with this id', rule: 'no_such_victim_case' }],
    });
    // The victim's case worker shares it; from then on the prosecutor reads it and sets the role.
    const shared = await api.as(worker, {
      method: 'PUT',
      url: `/api/v1/victim-cases/${victimCaseId}/criminal-cases/${cc.id}`,
      payload: { role: 'injured_party' },
    });
    expect(shared.json()).toEqual({ criminal_case_id: cc.id, victim_case_id: victimCaseId, role: 'injured_party' });
    expect((await api.as(prosecutor.token, { method: 'GET', url: `/api/v1/victim-cases/${victimCaseId}` })).statusCode).toBe(200);
    const link = await call(prosecutor, 'PUT', `/${cc.id}/victims/${victimCaseId}`, { role: 'witness' });
    expect(link.json()).toEqual({ criminal_case_id: cc.id, victim_case_id: victimCaseId, role: 'witness' });
    // An outsider to the victim case (another organisation's case worker) cannot link it: 404, as for a case that does not exist.
    const outsider = await api.signedIn('case_worker', 'IGPR');
    const outsiderLink = await api.as(outsider, {
      method: 'PUT',
      url: `/api/v1/victim-cases/${victimCaseId}/criminal-cases/${cc.id}`,
      payload: { role: 'witness' },
    });
    expect(outsiderLink.statusCode).toBe(404);
    await call(prosecutor, 'PUT', `/${cc.id}/victims/${victimCaseId}`, { role: 'civil_party' });
    expect((await call(prosecutor, 'PATCH', `/${cc.id}`, { victim_case_ids: [victimCaseId] })).json().victims).toEqual([
      { victim_case_id: victimCaseId, role: 'civil_party' },
    ]);
    expect((await call(prosecutor, 'PUT', `/${cc.id}/victims/${victimCaseId}`, { role: 'suspect' })).statusCode).toBe(400);
  });

  it('shows a case to its organisation and the coordinator only; only the prosecutor records', async () => {
    const cc = await openCase('PROC-ACCESS/2019');
    for (const url of [`/${cc.id}/events`, `/${cc.id}/offences`, `/${cc.id}/cooperation`, `/${cc.id}/deadlines`]) {
      expect((await call(otherProsecutor, 'GET', url)).statusCode, url).toBe(404);
      expect((await call(coordinator, 'GET', url)).statusCode, url).toBe(200);
    }
    const heard = { kind: 'suspect_heard', suspect_id: cc.suspects[0]!.id, occurred_on: '2019-03-01' };
    expect((await call(otherProsecutor, 'POST', `/${cc.id}/events`, heard)).statusCode).toBe(404);
    expect(
      (await call(otherProsecutor, 'POST', `/${cc.id}/stage`, { stage: 'closed', on: '2019-03-01', closure_reason: 'other' })).statusCode,
    ).toBe(404);
    const coordinatorWrite = await call(coordinator, 'POST', `/${cc.id}/events`, heard);
    expect([403, 404]).toContain(coordinatorWrite.statusCode);
    const worker = await api.signedIn('case_worker', 'ANITP');
    expect((await api.as(worker, { method: 'GET', url: '/api/v1/criminal-cases/at-risk' })).statusCode).toBe(403);
  });

  it("opens a prosecutor's case for their own office when none is named, and refuses one for another office", async () => {
    const unnamed = await call(prosecutor, 'POST', '', {
      case_number: 'PROC-OWN/2024',
      opened_on: '2024-02-01',
      offence_articles: ['210'],
    });
    expect(unnamed.statusCode, unnamed.body).toBe(201);
    expect(unnamed.json().investigating_organisation_code).toBe('DIICOT');
    expect((await call(prosecutor, 'GET', `/${unnamed.json().id}`)).statusCode).toBe(200);
    const elsewhere = await call(prosecutor, 'POST', '', {
      case_number: 'PROC-ELSEWHERE/2024',
      investigating_organisation: 'IGPR',
      opened_on: '2024-02-01',
      offence_articles: ['210'],
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().fields).toEqual([expect.objectContaining({ path: 'body.investigating_organisation' })]);
    // The prosecutor and manager receive the case's reminders: only people who may read it.
    const ngo = await api.user('case_worker', 'ANITP');
    const outsider = await call(prosecutor, 'PATCH', `/${unnamed.json().id}`, { manager_user_id: ngo.id });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().fields).toEqual([expect.objectContaining({ path: 'body.manager_user_id' })]);
    const otherOffice = await call(prosecutor, 'PATCH', `/${unnamed.json().id}`, { prosecutor_user_id: otherProsecutor.id });
    expect(otherOffice.json().fields).toEqual([expect.objectContaining({ path: 'body.prosecutor_user_id' })]);
    const managed = await call(prosecutor, 'PATCH', `/${unnamed.json().id}`, {
      manager_user_id: coordinator.id,
      prosecutor_user_id: prosecutor.id,
    });
    expect(managed.statusCode, managed.body).toBe(200);
    for (const opened_on of ['2999-01-01', '1800-05-05']) {
      const bad = await call(prosecutor, 'POST', '', { case_number: `PROC-DATE/${opened_on}`, opened_on, offence_articles: ['210'] });
      expect(bad.statusCode, opened_on).toBe(400);
      expect(bad.json().fields, opened_on).toEqual([expect.objectContaining({ path: 'body.opened_on' })]);
    }
  });

  it("computes a case's deadlines and lists the cases at risk, soonest first", async () => {
    // Trafficking (art. 210, up to 10 years) committed before 2021 keeps its limitation: 8 years (Criminal Code art. 154(1)(c)).
    const later = await openCase('PROC-RISK-LATER/2015', { opened_on: '2016-01-10' });
    const sooner = await openCase('PROC-RISK-SOONER/2015', { opened_on: '2016-01-10' });
    const none = await openCase('PROC-RISK-NONE/2022', { opened_on: '2022-03-01' });
    const far = await openCase('PROC-RISK-FAR/2018', { opened_on: '2018-06-01' });
    const add = (id: string, committed_on: string) => call(prosecutor, 'POST', `/${id}/offences`, { article: '210', committed_on });
    await add(later.id, '2015-06-01');
    await add(sooner.id, '2015-03-01');
    await add(none.id, '2022-01-15');
    await add(far.id, '2018-05-01');

    const deadlines = await call(coordinator, 'GET', `/${sooner.id}/deadlines?as_of=2023-01-01`);
    expect(deadlines.statusCode, deadlines.body).toBe(200);
    const [limitation] = deadlines.json().deadlines;
    expect(limitation).toMatchObject({ kind: 'limitation', status: 'running' });
    expect(limitation.due_on > '2023-02-25' && limitation.due_on < '2023-03-03').toBe(true);
    expect(limitation.rule.source).toContain('154');
    // The citation in the profile's other languages comes with it, for the deadlines panel (docs/web.md, "Languages").
    expect(limitation.rule.source_i18n).toMatchObject({
      ro: expect.stringContaining('Codul penal (Legea 286/2009) art. 154 alin. (1)-(2)'),
      uk: expect.stringContaining('ст. 154(1)-(2)'),
      hu: expect.stringContaining('154. cikk (1)-(2) bek.'),
    });
    const imprescriptible = (await call(coordinator, 'GET', `/${none.id}/deadlines?as_of=2023-01-01`)).json().deadlines;
    expect(imprescriptible).toMatchObject([{ kind: 'limitation', status: 'none', due_on: null }]);

    const atRisk = await call(prosecutor, 'GET', '/at-risk?as_of=2023-01-01&within_days=180');
    expect(atRisk.statusCode, atRisk.body).toBe(200);
    const numbers = atRisk.json().items.map((i: { case_number: string }) => i.case_number);
    expect(numbers).toEqual(['PROC-RISK-SOONER/2015', 'PROC-RISK-LATER/2015']);
    expect(atRisk.json().items[0]).toMatchObject({ criminal_case_id: sooner.id, stage: 'investigation_in_rem', deadline: limitation });
    // A day before 1900 is a typing error, refused like every other date (new-user tester).
    const ancient = await call(prosecutor, 'GET', '/at-risk?as_of=1800-01-01');
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().fields).toMatchObject([{ path: 'query.as_of', reason: 'must not be before 1900-01-01' }]);
    expect((await call(coordinator, 'GET', `/${sooner.id}/deadlines?as_of=1899-12-31`)).json().fields[0].path).toBe('query.as_of');
    const narrow = (await call(prosecutor, 'GET', '/at-risk?as_of=2023-01-01&within_days=90')).json().items;
    expect(narrow.map((i: { case_number: string }) => i.case_number)).toEqual(['PROC-RISK-SOONER/2015']);
    expect((await call(otherProsecutor, 'GET', '/at-risk?as_of=2023-01-01&within_days=180')).json().items).toEqual([]);
    const all = (await call(coordinator, 'GET', '/at-risk?as_of=2023-01-01&within_days=1300')).json().items;
    expect(all.map((i: { case_number: string }) => i.case_number)).toEqual([
      'PROC-RISK-SOONER/2015',
      'PROC-RISK-LATER/2015',
      'PROC-RISK-FAR/2018',
    ]);
    await call(prosecutor, 'POST', `/${sooner.id}/stage`, { stage: 'closed', on: '2022-12-01', closure_reason: 'insufficient_evidence' });
    const afterClosure = (await call(coordinator, 'GET', '/at-risk?as_of=2023-01-01&within_days=180')).json().items;
    expect(afterClosure.map((i: { case_number: string }) => i.case_number)).toEqual(['PROC-RISK-LATER/2015']);
  });

  it('lists a case whose deadlines cannot be computed first, saying why, without failing the list for the other cases', async () => {
    const fine = await openCase('PROC-BROKEN-FINE/2015', { opened_on: '2016-01-10' });
    const broken = await openCase('PROC-BROKEN-FACTS/2015', { opened_on: '2016-01-10' });
    await call(prosecutor, 'POST', `/${fine.id}/offences`, { article: '210', committed_on: '2016-06-01' });
    // An offence whose article the profile no longer lists (the profile changed after it was recorded): the engine refuses it.
    const offenceId = crypto.randomUUID();
    await api.nrm.db
      .insertInto('criminal_case_offence')
      .values({ id: offenceId, criminal_case_id: broken.id, article: '999', committed_on: '2016-01-01' })
      .execute();
    type Item = { criminal_case_id: string; case_number: string; deadline: { kind: string; explanation: string } };
    const ours = (items: Item[]) => items.filter((i) => i.case_number.startsWith('PROC-BROKEN-'));

    const res = await call(prosecutor, 'GET', '/at-risk?as_of=2024-01-01&within_days=365');
    expect(res.statusCode, res.body).toBe(200);
    const [first, second] = ours(res.json().items) as [Item, Item];
    expect(first).toMatchObject({
      criminal_case_id: broken.id,
      deadline: { kind: 'not_computed', due_on: null, status: 'none', reason: { key: 'not_computed' } },
    });
    expect(first.deadline.explanation).toBe(
      `deadline could not be computed: "${offenceId}".article: "999" is not an offence of the profile (210, 211, 213)`,
    );
    // The same reason as a catalogued rule, for the web to say in the user's language (docs/errors.md, "Reasons").
    expect(first.deadline).toMatchObject({
      not_computable: {
        reason: `"${offenceId}".article: "999" is not an offence of the profile (210, 211, 213)`,
        record: offenceId,
        field: 'article',
        rule: 'fact_offence_not_in_profile',
        params: { article: '999', articles: '210, 211, 213' },
      },
    });
    expect(second.deadline).not.toHaveProperty('not_computable');
    expect(second).toMatchObject({ criminal_case_id: fine.id, deadline: { kind: 'limitation', due_on: '2024-05-31', status: 'running' } });
    // The coordinator sees both; a prosecutor of another office neither (not theirs).
    expect(ours((await call(coordinator, 'GET', '/at-risk?as_of=2024-01-01&within_days=365')).json().items)).toHaveLength(2);
    expect(ours((await call(otherProsecutor, 'GET', '/at-risk?as_of=2024-01-01&within_days=365')).json().items)).toEqual([]);
    // The case's own deadline list says the same.
    const own = await call(prosecutor, 'GET', `/${broken.id}/deadlines?as_of=2024-01-01`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().deadlines).toEqual([first.deadline]);
  });

  it("starts the limitation of pimping a minor at the linked victim's majority, from her year of birth (Criminal Code art. 154(4))", async () => {
    const cc = await openCase('PROC-MAJORITY/2023', { opened_on: '2023-02-01', offence_articles: ['213'] });
    await call(prosecutor, 'POST', `/${cc.id}/offences`, { article: '213', committed_on: '2023-01-10' });
    const before = (await call(prosecutor, 'GET', `/${cc.id}/deadlines?as_of=2026-11-29`)).json().deadlines;
    expect(before).toMatchObject([{ kind: 'limitation', due_on: '2031-01-09' }]);

    const worker = await api.signedIn('case_worker', 'ANITP');
    const person = await api.as(worker, {
      method: 'POST',
      url: '/api/v1/persons',
      payload: { sex: 'female', identity: { date_of_birth: '2008-05-20' } },
    });
    expect(person.json().birth_year).toBe(2008);
    const victim = await api.as(worker, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: { person_id: person.json().id, case_number: 'PROC-NRM-MINOR', nrm_status: 'presumed', presumed_on: '2023-01-20' },
    });
    // Linked directly: the rule under test is the deadline's, not who may link.
    await api.nrm.db.insertInto('criminal_case_victim').values({ criminal_case_id: cc.id, victim_case_id: victim.json().id }).execute();

    // Only the year of birth is read: 1 January 2026 is taken as her majority, and 8 years run from it.
    const [limitation] = (await call(prosecutor, 'GET', `/${cc.id}/deadlines?as_of=2026-11-29`)).json().deadlines;
    expect(limitation).toMatchObject({ due_on: '2033-12-31', reason: { values: { start_on: '2026-01-01', birth_known: 'year' } } });
    expect(limitation.rule.source).toContain('art. 154(4)');
  });

  it('prolongs the limitation by the days a suspension lasted (Criminal Code art. 156), recorded as an event of the case', async () => {
    const cc = await openCase('PROC-SUSPENDED/2023', { opened_on: '2023-02-01', offence_articles: ['213'] });
    await call(prosecutor, 'POST', `/${cc.id}/offences`, { article: '213', committed_on: '2023-01-10' });
    const suspended = await call(prosecutor, 'POST', `/${cc.id}/events`, {
      kind: 'limitation_suspended',
      occurred_on: '2024-03-01',
      ends_on: '2024-05-29',
      note: 'stay pending a preliminary ruling',
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    const [limitation] = (await call(prosecutor, 'GET', `/${cc.id}/deadlines?as_of=2026-11-29`)).json().deadlines;
    // 8 years from 2023-01-10 end on 2031-01-09; 90 days suspended move it to 2031-04-09.
    expect(limitation).toMatchObject({ due_on: '2031-04-09', reason: { values: { suspended_days: 90 } } });
    expect(limitation.rule.source).toContain('art. 156');
  });
});
