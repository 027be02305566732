import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

const unknownId = '01900000-0000-7000-8000-0000000000ff';

describe(`NRM record through the API on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let token: string;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => api.as(token, { method, url, payload });

  beforeAll(async () => {
    api = await testApi();
    token = await api.signedIn('coordinator');
  });
  afterAll(async () => {
    await api.close();
  });

  async function newPerson(body: object = { sex: 'female', citizenships: ['RO'] }): Promise<string> {
    const res = await call('POST', '/api/v1/persons', body);
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  describe('persons', () => {
    it('creates, reads with identity, updates and lists without identity', async () => {
      const created = await call('POST', '/api/v1/persons', {
        sex: 'female',
        citizenships: ['RO', 'MD'],
        identity: {
          given_names: 'Ana Maria',
          family_name: 'Popescu',
          date_of_birth: '2006-04-02',
          documents: [{ type: 'id_card', number: 'XB123456' }],
        },
      });
      expect(created.statusCode).toBe(201);
      const person = created.json();
      expect(person).toMatchObject({ sex: 'female', birth_year: 2006, citizenships: ['RO', 'MD'], synthetic: false });
      expect(person.identity.family_name).toBe('Popescu');

      const read = await call('GET', `/api/v1/persons/${person.id}`);
      expect(read.json()).toEqual(person);

      const updated = await call('PATCH', `/api/v1/persons/${person.id}`, {
        citizenships: ['RO'],
        identity: { address: 'Str. Lalelelor 3, Cluj-Napoca' },
      });
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({
        citizenships: ['RO'],
        identity: { given_names: 'Ana Maria', address: 'Str. Lalelelor 3, Cluj-Napoca' },
      });

      const list = await call('GET', '/api/v1/persons?citizenship=RO&limit=100');
      expect(list.statusCode).toBe(200);
      const page = list.json();
      expect(page.items.map((p: { id: string }) => p.id)).toContain(person.id);
      expect(page).toMatchObject({ limit: 100, offset: 0 });
      expect(list.body).not.toContain('Popescu');
      expect(list.body).not.toContain('identity');
      expect(list.body).not.toContain('XB123456');

      const erased = await call('PATCH', `/api/v1/persons/${person.id}`, { identity: null });
      expect(erased.json().identity).toBeNull();
    });

    it('pages with limit and offset and counts the total', async () => {
      for (let i = 0; i < 3; i++) await newPerson({ sex: 'male', birth_year: 1971 });
      const first = (await call('GET', '/api/v1/persons?birth_year=1971&limit=2')).json();
      const second = (await call('GET', '/api/v1/persons?birth_year=1971&limit=2&offset=2')).json();
      expect(first.total).toBe(3);
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(1);
      expect(new Set([...first.items, ...second.items].map((p: { id: string }) => p.id)).size).toBe(3);
    });

    it('names the field and reason of a bad body or query', async () => {
      const bad = await call('POST', '/api/v1/persons', { sex: 'woman', citizenships: ['Romania'], nickname: 'x' });
      expect(bad.statusCode).toBe(400);
      const body = bad.json();
      expect(body).toMatchObject({ error: 'validation', code: 'OPENNRM_VALIDATION' });
      const paths = body.fields.map((f: { path: string }) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['body.sex', 'body.citizenships.0', 'body.nickname']));
      expect(body.fields.find((f: { path: string }) => f.path === 'body.nickname').reason).toBe('unknown field');
      expect(body.fields.find((f: { path: string }) => f.path === 'body.citizenships.0').reason).toMatch(/ISO 3166-1 alpha-2/);

      const query = await call('GET', '/api/v1/persons?limit=1000');
      expect(query.statusCode).toBe(400);
      expect(query.json().fields[0].path).toBe('query.limit');

      const id = await call('GET', '/api/v1/persons/not-a-uuid');
      expect(id.statusCode).toBe(400);
      expect(id.json().fields[0].path).toBe('params.id');
    });

    it('answers 404 for an unknown id, revealing nothing', async () => {
      for (const res of [
        await call('GET', `/api/v1/persons/${unknownId}`),
        await call('PATCH', `/api/v1/persons/${unknownId}`, { sex: 'male' }),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: 'not_found', code: 'OPENNRM_NOT_FOUND', message: 'Not found.' });
      }
    });
  });

  describe('victim cases', () => {
    it('computes is_child and reporting_year on every write', async () => {
      const personId = await newPerson();
      const created = await call('POST', '/api/v1/victim-cases', {
        person_id: personId,
        case_number: 'ANITP-2023-0001',
        nrm_status: 'identified',
        identified_on: '2023-05-10',
        identifying_organisation: 'ANITP',
        forms: ['sexual', 'forced_criminality'],
        countries_of_exploitation: ['RO', 'DE'],
        regions_of_exploitation: ['RO-CJ'],
        age_at_exploitation_start: 16,
        age_at_identification: 19,
        recruitment_methods: ['lover_boy'],
      });
      expect(created.statusCode).toBe(201);
      const vc = created.json();
      expect(vc).toMatchObject({
        is_child: true,
        reporting_year: 2023,
        identifying_organisation_code: 'ANITP',
        forms: ['sexual', 'forced_criminality'],
      });

      // Clearing the age at the start leaves the age at identification (19): an adult; re-identification moves the year.
      const updated = await call('PATCH', `/api/v1/victim-cases/${vc.id}`, {
        age_at_exploitation_start: null,
        identified_on: '2024-01-15',
      });
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ is_child: false, reporting_year: 2024, case_number: 'ANITP-2023-0001' });

      expect((await call('GET', `/api/v1/victim-cases/${vc.id}`)).json()).toEqual(updated.json());

      const byYear = (await call('GET', '/api/v1/victim-cases?reporting_year=2024&nrm_status=identified')).json();
      expect(byYear.items.map((c: { id: string }) => c.id)).toEqual([vc.id]);
      expect((await call('GET', '/api/v1/victim-cases?reporting_year=2023')).json().total).toBe(0);
      expect((await call('GET', '/api/v1/victim-cases?case_number=ANITP-2023-0001&form=sexual&is_child=false')).json().total).toBe(1);
      expect((await call('GET', '/api/v1/victim-cases?identifying_organisation=ANITP')).json().total).toBe(1);
      // The total is the same on the first page, a later one and one past the end (it rides on the page's rows).
      const all = (await call('GET', '/api/v1/victim-cases?limit=100')).json();
      expect(all.total).toBe(all.items.length);
      for (const offset of [0, 1, all.total, all.total + 5]) {
        const paged = (await call('GET', `/api/v1/victim-cases?limit=1&offset=${offset}`)).json();
        expect(paged.total, `offset ${offset}`).toBe(all.total);
        expect(paged.items.map((c: { id: string }) => c.id)).toEqual(all.items.slice(offset, offset + 1).map((c: { id: string }) => c.id));
      }
    });

    it('rejects codes, regions and organisations that do not exist, naming the field', async () => {
      const personId = await newPerson();
      const base = { person_id: personId, case_number: 'X-1', nrm_status: 'presumed', presumed_on: '2024-01-10' };
      const cases: [object, string][] = [
        [{ ...base, forms: ['sexual', 'slavery'] }, 'body.forms.1'],
        [{ ...base, nrm_status: 'suspected' }, 'body.nrm_status'],
        [{ ...base, regions_of_exploitation: ['RO-CJ', 'HU-BU'] }, 'body.regions_of_exploitation.1'],
        [{ ...base, identifying_organisation: 'NO-SUCH-ORG' }, 'body.identifying_organisation'],
        [{ ...base, person_id: unknownId }, 'body.person_id'],
        [{ ...base, nrm_status: 'identified' }, 'body.identified_on'],
        [{ ...base, age_band: '17--9' }, 'body.age_band'],
        [{ ...base, forms: ['labour', 'labour'] }, 'body.forms'],
      ];
      for (const [body, path] of cases) {
        const res = await call('POST', '/api/v1/victim-cases', body);
        expect({ path, status: res.statusCode, fields: res.json().fields?.map((f: { path: string }) => f.path) }).toEqual({
          path,
          status: 400,
          fields: [path],
        });
      }
      expect((await call('GET', '/api/v1/victim-cases?case_number=X-1')).json().total).toBe(0);
    });

    it('refuses a status inconsistent with its dates, future dates and unassigned country codes', async () => {
      const personId = await newPerson();
      const base = { person_id: personId, case_number: 'Y-1' };
      const cases: [object, { path: string; reason: string; rule: string; params?: object }[]][] = [
        [
          { ...base, nrm_status: 'potential', potential_on: '2024-01-10', identified_on: '2024-02-01' },
          [
            {
              path: 'body.identified_on',
              reason: 'must be empty when nrm_status is potential',
              rule: 'status_date_must_be_empty',
              params: { status: 'potential' },
            },
          ],
        ],
        [
          { ...base, nrm_status: 'identified', potential_on: '2024-03-01', identified_on: '2024-02-01' },
          [
            {
              path: 'body.identified_on',
              reason: 'must not be before potential_on (2024-03-01)',
              rule: 'date_before_other_date',
              params: { other: 'potential_on', date: '2024-03-01' },
            },
          ],
        ],
        [
          { ...base, nrm_status: 'identified', identified_on: '2099-01-01' },
          [
            {
              path: 'body.identified_on',
              reason: expect.stringMatching(/^must not be in the future/),
              rule: 'date_in_future',
              params: { date: expect.any(String) },
            },
          ],
        ],
        [
          { ...base, nrm_status: 'potential' },
          [
            {
              path: 'body.potential_on',
              reason: 'required when nrm_status is potential',
              rule: 'status_date_required',
              params: { status: 'potential' },
            },
          ],
        ],
        [
          { ...base, nrm_status: 'potential', potential_on: '2024-01-10', countries_of_exploitation: ['RO', 'XX'] },
          [{ path: 'body.countries_of_exploitation.1', reason: 'not an assigned ISO 3166-1 alpha-2 country code', rule: 'not_a_country' }],
        ],
      ];
      for (const [body, fields] of cases) {
        const res = await call('POST', '/api/v1/victim-cases', body);
        expect({ status: res.statusCode, fields: res.json().fields }).toEqual({ status: 400, fields });
      }
      const citizen = await call('POST', '/api/v1/persons', { sex: 'female', citizenships: ['XX'] });
      expect(citizen.json().fields).toEqual([
        { path: 'body.citizenships.0', reason: 'not an assigned ISO 3166-1 alpha-2 country code', rule: 'not_a_country' },
      ]);

      // An update is checked on the merged record: identifying a potential case needs identified_on.
      const created = await call('POST', '/api/v1/victim-cases', { ...base, nrm_status: 'potential', potential_on: '2024-01-10' });
      expect(created.statusCode).toBe(201);
      const promoted = await call('PATCH', `/api/v1/victim-cases/${created.json().id}`, { nrm_status: 'identified' });
      expect(promoted.json().fields).toEqual([
        {
          path: 'body.identified_on',
          reason: 'required when nrm_status is identified',
          rule: 'status_date_required',
          params: { status: 'identified' },
        },
      ]);
      const identified = await call('PATCH', `/api/v1/victim-cases/${created.json().id}`, {
        nrm_status: 'identified',
        identified_on: '2024-02-01',
      });
      expect(identified.statusCode).toBe(200);
    });

    it('refuses a duplicate case number with 409 and answers 404 for an unknown id', async () => {
      const personId = await newPerson();
      const body = { person_id: personId, case_number: 'DUP-1', nrm_status: 'potential', potential_on: '2024-01-10' };
      expect((await call('POST', '/api/v1/victim-cases', body)).statusCode).toBe(201);
      const dup = await call('POST', '/api/v1/victim-cases', body);
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe('OPENNRM_CONFLICT');
      expect((await call('GET', `/api/v1/victim-cases/${unknownId}`)).statusCode).toBe(404);
      expect((await call('PATCH', `/api/v1/victim-cases/${unknownId}`, { sector: 'agriculture' })).statusCode).toBe(404);
    });
  });

  describe('referrals and assistance', () => {
    let victimCaseId: string;
    beforeAll(async () => {
      const personId = await newPerson();
      const res = await call('POST', '/api/v1/victim-cases', {
        person_id: personId,
        case_number: 'REF-1',
        nrm_status: 'presumed',
        presumed_on: '2023-02-01',
      });
      victimCaseId = res.json().id;
      // An adult (or a person of unknown age) is referred only with consent (NRM workflow, docs/nrm-workflow.md).
      const consent = await call('POST', `/api/v1/persons/${personId}/consents`, {
        purpose: 'referral',
        given: true,
        recorded_on: '2023-02-01',
        method: 'written_form',
        victim_case_id: victimCaseId,
      });
      expect(consent.statusCode).toBe(201);
    });

    it('sends, declines with a reason, and keeps a declined referral final', async () => {
      const sent = await call('POST', '/api/v1/referrals', {
        victim_case_id: victimCaseId,
        from_organisation: 'IGPR',
        to_organisation: 'DGASPC-CJ',
        services: ['shelter', 'psychological'],
      });
      expect(sent.statusCode).toBe(201);
      const referral = sent.json();
      expect(referral).toMatchObject({
        status: 'sent',
        from_organisation_code: 'IGPR',
        to_organisation_code: 'DGASPC-CJ',
        responded_at: null,
      });

      const noReason = await call('PATCH', `/api/v1/referrals/${referral.id}`, { status: 'declined' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields[0].path).toBe('body.decline_reason');

      const declined = await call('PATCH', `/api/v1/referrals/${referral.id}`, { status: 'declined', decline_reason: 'no shelter places' });
      expect(declined.statusCode).toBe(200);
      expect(declined.json()).toMatchObject({ status: 'declined', decline_reason: 'no shelter places' });
      expect(declined.json().responded_at).not.toBeNull();

      const reopen = await call('PATCH', `/api/v1/referrals/${referral.id}`, { status: 'accepted' });
      expect(reopen.statusCode).toBe(409);
      expect(reopen.json().code).toBe('OPENNRM_INVALID_TRANSITION');

      const list = (await call('GET', `/api/v1/referrals?victim_case_id=${victimCaseId}&status=declined&to_organisation=DGASPC-CJ`)).json();
      expect(list.items.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    });

    it('accepts a referral, records the assistance it led to, and ends it', async () => {
      const referral = (
        await call('POST', '/api/v1/referrals', {
          victim_case_id: victimCaseId,
          from_organisation: 'ANITP',
          to_organisation: 'ANITP',
          services: ['legal'],
          // Sent before the service it led to started (2023-02-10): a service never starts before its referral was sent.
          sent_at: '2023-02-05T09:00:00Z',
        })
      ).json();
      const accepted = await call('PATCH', `/api/v1/referrals/${referral.id}`, { status: 'accepted', started_on: '2023-02-10' });
      expect(accepted.json()).toMatchObject({ status: 'accepted', started_on: '2023-02-10' });

      const unknownOrg = await call('POST', '/api/v1/assistance', {
        victim_case_id: victimCaseId,
        provider_organisation: 'NOPE',
        service: 'legal',
        started_on: '2023-02-10',
      });
      expect(unknownOrg.json().fields[0].path).toBe('body.provider_organisation');

      const backwards = await call('POST', '/api/v1/assistance', {
        victim_case_id: victimCaseId,
        provider_organisation: 'ANITP',
        service: 'legal',
        started_on: '2023-02-10',
        ended_on: '2023-01-01',
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().fields[0].path).toBe('body.ended_on');

      const created = await call('POST', '/api/v1/assistance', {
        victim_case_id: victimCaseId,
        referral_id: referral.id,
        provider_organisation: 'ANITP',
        service: 'legal',
        started_on: '2023-02-10',
      });
      expect(created.statusCode).toBe(201);
      const assistance = created.json();
      expect(assistance).toMatchObject({ provider_organisation_code: 'ANITP', ended_on: null, referral_id: referral.id });
      expect((await call('GET', `/api/v1/assistance?victim_case_id=${victimCaseId}&ongoing=true`)).json().total).toBe(1);

      const ended = await call('PATCH', `/api/v1/assistance/${assistance.id}`, { ended_on: '2023-08-31' });
      expect(ended.json().ended_on).toBe('2023-08-31');
      expect((await call('GET', `/api/v1/assistance/${assistance.id}`)).json()).toEqual(ended.json());
      expect((await call('GET', `/api/v1/assistance?victim_case_id=${victimCaseId}&ongoing=true`)).json().total).toBe(0);
      expect((await call('GET', `/api/v1/assistance/${unknownId}`)).statusCode).toBe(404);
      expect((await call('GET', `/api/v1/referrals/${unknownId}`)).statusCode).toBe(404);
    });
  });

  describe('criminal cases', () => {
    it('opens a case with suspects and victims, updates it, and records a verdict', async () => {
      const personId = await newPerson();
      const victim = (
        await call('POST', '/api/v1/victim-cases', {
          person_id: personId,
          case_number: 'CC-V1',
          nrm_status: 'presumed',
          presumed_on: '2023-02-20',
        })
      ).json();
      // Criminal cases are a prosecutor's (docs/access-policy.md); the coordinator above only reads them.
      const prosecutor = await api.signedIn('prosecutor', 'DIICOT');
      const pcall = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => api.as(prosecutor, { method, url, payload });
      const opening = {
        case_number: 'DIICOT-123/D/P/2023',
        investigating_organisation: 'DIICOT',
        opened_on: '2023-03-01',
        offence_articles: ['210'],
        forms: ['sexual'],
        suspects: [{ sex: 'male', age: 34, citizenships: ['RO'], role: 'recruiter' }],
      };
      // The prosecutor may not read the victim case yet: linking it would open it to DIICOT (victim-links.ts).
      const unreadable = await pcall('POST', '/api/v1/criminal-cases', { ...opening, victim_case_ids: [victim.id] });
      // The same answer as for an id that does not exist: the refusal must not tell that the victim case exists.
      const unknown = await pcall('POST', '/api/v1/criminal-cases', { ...opening, victim_case_ids: [unknownId] });
      expect(unreadable.statusCode).toBe(400);
      expect(unreadable.json()).toMatchObject({
        code: 'OPENNRM_VALIDATION',
        fields: [{ path: 'body.victim_case_ids.0', reason: 'no victim case with this id' }],
      });
      expect(unreadable.json()).toEqual(unknown.json());
      const created = await pcall('POST', '/api/v1/criminal-cases', opening);
      expect(created.statusCode).toBe(201);
      const linked = await call('PUT', `/api/v1/victim-cases/${victim.id}/criminal-cases/${created.json().id}`, { role: 'injured_party' });
      expect(linked.statusCode, linked.body).toBe(200);
      const cc = (await pcall('GET', `/api/v1/criminal-cases/${created.json().id}`)).json();
      expect(cc).toMatchObject({ investigating_organisation_code: 'DIICOT', victim_case_ids: [victim.id] });
      expect(cc.suspects).toHaveLength(1);
      expect(cc.suspects[0]).toMatchObject({ role: 'recruiter', state_employee: false, verdict: null });

      const badArticle = await pcall('PATCH', `/api/v1/criminal-cases/${cc.id}`, { offence_articles: ['210', '999'] });
      expect(badArticle.json().fields[0].path).toBe('body.offence_articles.1');

      const added = await pcall('POST', `/api/v1/criminal-cases/${cc.id}/suspects`, {
        sex: 'female',
        role: 'controller',
        state_employee: true,
      });
      expect(added.statusCode).toBe(201);

      const halfVerdict = await pcall('PATCH', `/api/v1/criminal-cases/${cc.id}/suspects/${cc.suspects[0].id}`, { verdict: 'convicted' });
      expect(halfVerdict.statusCode).toBe(400);
      expect(halfVerdict.json().fields[0].path).toBe('body.verdict_on');

      const verdict = await pcall('PATCH', `/api/v1/criminal-cases/${cc.id}/suspects/${cc.suspects[0].id}`, {
        prosecuted_on: '2023-09-01',
        verdict: 'convicted',
        verdict_on: '2024-02-20',
        sentence_months: 60,
        sentence_suspended: false,
      });
      expect(verdict.statusCode).toBe(200);
      expect(verdict.json()).toMatchObject({ verdict: 'convicted', sentence_months: 60 });

      const updated = await pcall('PATCH', `/api/v1/criminal-cases/${cc.id}`, { offence_articles: ['210', '211'], victim_case_ids: [] });
      expect(updated.json()).toMatchObject({ offence_articles: ['210', '211'], victim_case_ids: [] });
      expect(updated.json().suspects).toHaveLength(2);

      const list = (
        await pcall('GET', '/api/v1/criminal-cases?opened_year=2023&offence_article=211&investigating_organisation=DIICOT')
      ).json();
      expect(list.items.map((c: { id: string }) => c.id)).toEqual([cc.id]);
      expect(list.items[0].suspects).toBeUndefined();
      expect((await pcall('GET', `/api/v1/criminal-cases/${unknownId}`)).statusCode).toBe(404);
      expect((await pcall('PATCH', `/api/v1/criminal-cases/${cc.id}/suspects/${unknownId}`, { age: 40 })).statusCode).toBe(404);
    });
  });

  describe('organisations, report and health', () => {
    it('lists the profile organisations with filters', async () => {
      const all = (await call('GET', '/api/v1/organisations')).json();
      expect(all.items.length).toBeGreaterThanOrEqual(53);
      const prosecution = (await call('GET', '/api/v1/organisations?kind=prosecution')).json();
      expect(prosecution.items.map((o: { code: string }) => o.code)).toContain('DIICOT');
      expect(prosecution.items.every((o: { kind: string }) => o.kind === 'prosecution')).toBe(true);
      const cj = (await call('GET', '/api/v1/organisations?region=RO-CJ&function=child_protection')).json();
      expect(cj.items.map((o: { code: string }) => o.code)).toContain('DGASPC-CJ');
    });

    it('computes the annual report from the records', async () => {
      const res = await call('GET', '/api/v1/reports/annual?year=2024');
      expect(res.statusCode).toBe(200);
      const report = res.json();
      // 2024 victims above: the adult with two forms identified on 2024-01-15 and the
      // case promoted to identified on 2024-02-01 (no age recorded, so not a child).
      expect(report.victims_identified.total).toBe(2);
      expect(report.victims_identified.children).toBe(0);
      expect(report.traffickers_convicted).toBeDefined();
      // No screening is recorded in this database: the screening counts are null, not 0 (docs/statistics.md).
      expect(report.screenings.total).toBeNull();
      expect(report.screenings.by_context.border).toBeNull();
      expect(report.median_days_screening_to_referral).toBeNull();
      const bad = await call('GET', '/api/v1/reports/annual?year=twenty');
      expect(bad.json().fields[0].path).toBe('query.year');
    });

    it('refuses unknown query parameters and names a missing one', async () => {
      const format = await call('GET', '/api/v1/reports/annual?year=2024&format=xml');
      expect(format.statusCode).toBe(400);
      expect(format.json().fields).toEqual([{ path: 'query.format', reason: 'unknown parameter', rule: 'unknown_parameter' }]);
      const status = await call('GET', '/api/v1/victim-cases?status=identified&colour=red');
      expect(status.statusCode).toBe(400);
      expect(status.json().fields).toEqual([
        { path: 'query.status', reason: 'unknown parameter', rule: 'unknown_parameter' },
        { path: 'query.colour', reason: 'unknown parameter', rule: 'unknown_parameter' },
      ]);
      expect(status.json().message).toContain('query.status: unknown parameter');
      for (const url of [
        '/api/v1/persons?nmae=x',
        '/api/v1/referrals?state=sent',
        '/api/v1/organisations?county=CJ',
        '/api/v1/criminal-cases?year=2023',
        '/api/v1/assistance?x=1',
      ])
        expect((await call('GET', url)).statusCode, url).toBe(400);
      const missing = await call('GET', '/api/v1/reports/annual');
      expect(missing.statusCode).toBe(400);
      expect(missing.json().fields).toEqual([{ path: 'query.year', reason: 'required parameter is missing', rule: 'required_parameter' }]);
    });

    it('reports database kind and migrations without a session', async () => {
      const res = await api.app.inject({ url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'ok',
        profile: 'romania',
        database: { kind: TEST_DB_KIND, reachable: true, migrations: { pending: [] } },
      });
      expect(res.json().database.migrations.applied).toContain('0002-api-sessions');
    });
  });
});
