import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportFigures, reportValues, shippedProfile, type AnnualReport } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { computeAnnualReport, traceFigure } from '../../src/statistics/annual-report.ts';

const profile = shippedProfile('romania');

interface VictimInput {
  sex?: string;
  citizenships?: string[];
  cases: {
    number: string;
    status?: string;
    year?: number;
    forms?: string[];
    countries?: string[];
    child?: boolean | null;
    band?: string;
  }[];
}

/**
 * A small NRM in 2023 (and around it) where every counting rule of
 * docs/statistics.md makes a difference. Expected values are worked out by
 * hand in the comments.
 */
describe(`annual report rules on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let report: AnnualReport;
  const caseIds = new Map<string, string>();
  const personOf = new Map<string, string>();
  const org = new Map<string, string>();

  async function victim(input: VictimInput): Promise<string> {
    const personId = newId();
    await nrm.db
      .insertInto('person')
      .values({ id: personId, sex: input.sex ?? 'unknown', citizenships: input.citizenships ?? [] })
      .execute();
    for (const c of input.cases) {
      const id = newId();
      caseIds.set(c.number, id);
      personOf.set(c.number, personId);
      const status = c.status ?? 'identified';
      await nrm.db
        .insertInto('victim_case')
        .values({
          id,
          person_id: personId,
          case_number: c.number,
          nrm_status: status,
          identified_on: status === 'identified' ? `${c.year ?? 2023}-05-10` : null,
          presumed_on: `${c.year ?? 2023}-02-01`,
          reporting_year: status === 'identified' ? (c.year ?? 2023) : null,
          forms: c.forms ?? [],
          countries_of_exploitation: c.countries ?? [],
          is_child: c.child ?? null,
          age_band: c.band ?? null,
        })
        .execute();
    }
    return personId;
  }

  async function referral(caseNumber: string, sentAt: string, status = 'sent') {
    await nrm.db
      .insertInto('referral')
      .values({
        id: newId(),
        victim_case_id: caseIds.get(caseNumber)!,
        from_organisation_id: org.get('IGPR')!,
        to_organisation_id: org.get('ANITP')!,
        services: ['shelter'],
        status,
        sent_at: sentAt,
      })
      .execute();
  }

  async function assistance(caseNumber: string, provider: string, startedOn: string) {
    await nrm.db
      .insertInto('assistance')
      .values({
        id: newId(),
        victim_case_id: caseIds.get(caseNumber)!,
        provider_organisation_id: org.get(provider)!,
        service: 'shelter',
        started_on: startedOn,
      })
      .execute();
  }

  /** A stored screening (the evaluation itself plays no part in the counts, only the outcome). */
  async function screening(caseNumber: string | null, recordedAt: string, context: string, outcome: string) {
    await nrm.db
      .insertInto('screening')
      .values({
        id: newId(),
        revision: 1,
        content_sha256: 'test',
        recorded_at: recordedAt,
        recorded_by_user_id: recorder,
        county: 'RO-CJ',
        context,
        subject_age_group: 'adult',
        subject_sex: 'female',
        exploitation: 'labour',
        answers: '{}',
        instrument: 'ilo-ec-2009',
        indicator_set: 'adult_labour',
        outcome,
        evaluation: '{}',
        victim_case_id: caseNumber ? caseIds.get(caseNumber)! : null,
        case_opened_at: caseNumber ? recordedAt : null,
      })
      .execute();
  }
  let recorder: string;

  async function criminalCase(number: string, openedOn: string, articles: string[], forms: string[]) {
    const id = newId();
    await nrm.db
      .insertInto('criminal_case')
      .values({ id, case_number: number, opened_on: openedOn, offence_articles: articles, forms })
      .execute();
    return id;
  }

  async function suspect(
    caseId: string,
    s: { state?: boolean; prosecuted?: string; verdict?: 'convicted' | 'acquitted'; on?: string; months?: number; suspended?: boolean },
  ) {
    const id = newId();
    await nrm.db
      .insertInto('suspect')
      .values({
        id,
        criminal_case_id: caseId,
        state_employee: s.state ?? false,
        prosecuted_on: s.prosecuted ?? null,
        verdict: s.verdict ?? null,
        verdict_on: s.on ?? null,
        sentence_months: s.months ?? null,
        sentence_suspended: s.suspended ?? null,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    nrm = await freshDatabase();
    for (const o of await nrm.db.selectFrom('organisation').select(['id', 'code']).execute()) org.set(o.code, o.id);
    const ngo = newId();
    await nrm.db
      .insertInto('organisation')
      .values({ id: ngo, code: 'NGO-ADPARE', name: 'ADPARE (synthetic test NGO)', kind: 'ngo' })
      .execute();
    org.set('NGO', ngo);

    // V1: Romanian girl, sexual and labour (two categories), exploited in RO and DE.
    await victim({
      sex: 'female',
      citizenships: ['RO'],
      cases: [{ number: 'V1', forms: ['sexual', 'labour'], countries: ['RO', 'DE'], child: true }],
    });
    // V2: no known form.
    await victim({ sex: 'male', citizenships: ['RO'], cases: [{ number: 'V2' }] });
    // V3: Ukrainian woman, forced begging (labour category) in RO.
    await victim({ sex: 'female', citizenships: ['UA'], cases: [{ number: 'V3', forms: ['forced_begging'], countries: ['RO'] }] });
    // V4: dual MD/RO citizen (not foreign), labour in IT (Western Europe).
    await victim({ sex: 'male', citizenships: ['MD', 'RO'], cases: [{ number: 'V4', forms: ['labour'], countries: ['IT'] }] });
    // V5: citizenship unknown (not foreign), child known only from the band "9--17".
    await victim({ sex: 'female', cases: [{ number: 'V5', forms: ['sexual'], countries: ['FR'], band: '9--17', child: true }] });
    // V6: one person, two cases identified in 2023: counts once, and not as unspecified.
    await victim({
      sex: 'female',
      citizenships: ['RO'],
      cases: [
        { number: 'V6a', forms: ['sexual'], countries: ['RO'], child: false },
        { number: 'V6b', countries: ['RO'] },
      ],
    });
    // V7: presumed only; V8: identified in 2022; V9: German, organ removal (other category).
    await victim({ sex: 'female', citizenships: ['RO'], cases: [{ number: 'V7', status: 'presumed', forms: ['sexual'] }] });
    await victim({ sex: 'female', citizenships: ['RO'], cases: [{ number: 'V8', year: 2022, forms: ['sexual'], countries: ['RO'] }] });
    await victim({ sex: 'male', citizenships: ['DE'], cases: [{ number: 'V9', forms: ['organ_removal'], countries: ['RO'] }] });

    await referral('V1', '2023-06-01T09:00:00Z', 'accepted');
    await referral('V1', '2023-07-01T09:00:00Z'); // same person: once
    await referral('V2', '2022-12-31T23:30:00Z'); // 01:30 on 1 January 2023 in Bucharest: 2023
    await referral('V3', '2023-12-31T22:30:00Z'); // 00:30 on 1 January 2024 in Bucharest: not 2023
    await referral('V8', '2023-03-01T09:00:00Z', 'declined'); // any status counts

    await assistance('V1', 'NGO', '2023-02-01');
    await assistance('V1', 'NGO', '2023-03-01');
    await assistance('V3', 'DGASPC-B', '2023-04-01'); // not an NGO
    await assistance('V4', 'NGO', '2022-12-31'); // previous year
    await assistance('V8', 'NGO', '2023-05-05');

    recorder = newId();
    await nrm.db
      .insertInto('app_user')
      .values({ id: recorder, username: 'screener', display_name: 'Screener', password_hash: '!', role: 'front_line_responder' })
      .execute();
    await screening('V1', '2023-05-25T10:00:00Z', 'labour_inspection', 'presumed_victim'); // 7 days before V1's referral
    await screening('V2', '2022-12-28T10:00:00Z', 'police_operation', 'potential_victim'); // a 2022 screening; V2 referred on 1 Jan 2023: 4 days
    await screening(null, '2023-12-31T22:30:00Z', 'border', 'no_indicators'); // 00:30 on 1 January 2024 in Bucharest: not 2023
    await screening(null, '2022-12-31T22:30:00Z', 'border', 'no_indicators'); // 00:30 on 1 January 2023 in Bucharest: 2023
    await screening('V8', '2023-03-05T10:00:00Z', 'hotline', 'potential_victim'); // after V8's referral: no screening-to-referral days

    const c1 = await criminalCase('C1', '2023-03-01', ['210'], ['sexual']);
    const c2 = await criminalCase('C2', '2023-04-01', ['211', '213'], ['sexual', 'labour']);
    const c3 = await criminalCase('C3', '2023-05-01', ['213'], ['sexual']); // pimping: not trafficking
    const c4 = await criminalCase('C4', '2022-06-01', ['210'], []);
    const c5 = await criminalCase('C5', '2023-08-01', ['210'], []);

    await suspect(c4, { prosecuted: '2023-02-01', verdict: 'convicted', on: '2023-10-01', months: 60, suspended: false }); // S1
    await suspect(c1, { prosecuted: '2023-05-01', verdict: 'convicted', on: '2023-11-01', months: 24, suspended: true }); // S2
    await suspect(c2, { prosecuted: '2022-12-01', verdict: 'convicted', on: '2023-06-01', months: 120 }); // S3
    await suspect(c2, { state: true }); // S4: case opened in 2023
    await suspect(c4, { state: true, prosecuted: '2023-09-01' }); // S5
    await suspect(c4, { state: true }); // S6: case of 2022, not prosecuted in 2023
    await suspect(c3, { state: true, prosecuted: '2023-06-01', verdict: 'convicted', on: '2023-09-01', months: 12 }); // S7: not trafficking
    await suspect(c1, { prosecuted: '2023-03-01', verdict: 'acquitted', on: '2023-12-01' }); // S8
    await suspect(c5, { verdict: 'convicted', on: '2023-12-20' }); // S9: sentence unknown
    await suspect(c1, { verdict: 'convicted', on: '2024-01-10', months: 300 }); // S10: 2024

    report = await computeAnnualReport(nrm.db, profile, 2023);
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('counts each identified victim of the year once, per form with overlap and unspecified', () => {
    expect(report.victims_identified.total).toBe(7); // V1-V6, V9
    expect(report.victims_identified.by_form).toEqual({
      sexual_exploitation: 3, // V1, V5, V6
      labour_exploitation: 3, // V1, V3 (forced begging), V4
      other_exploitation: 1, // V9
      unspecified: 1, // V2 only: V6 has a form on another case
    });
  });

  it('counts children, girls exploited sexually and foreign citizens', () => {
    expect(report.victims_identified.children).toBe(2); // V1, V5 (band only)
    expect(report.victims_identified.girls_sexual_exploitation).toBe(2);
    expect(report.victims_identified.foreign_citizens).toBe(2); // V3, V9; not V4 (also RO) nor V5 (unknown)
    expect(report.victims_identified.foreign_ukrainian_refugees_labour).toBe(1); // V3
  });

  it('counts places of exploitation from the profile, not as a partition', () => {
    expect(report.victims_identified.romanian_exploited_in_romania).toBe(2); // V1, V6
    expect(report.victims_identified.romanian_exploited_in_western_europe).toBe(2); // V1 (DE), V4 (IT)
    expect(report.labour_cases_share_in_romania).toBe(0.67); // V1, V3 of V1, V3, V4
  });

  it('counts referrals by the year they were sent in the profile time zone, and NGO assistance by start year', () => {
    expect(report.victims_referred_to_assistance).toBe(3); // V1, V2, V8
    expect(report.victims_assisted_by_ngos).toBe(2); // V1, V8
    expect(report.victims_assisted_share_of_identified).toBe(0.29); // 2 / 7
  });

  it('counts screenings by context and outcome in the profile time zone', () => {
    expect(report.screenings.total).toBe(3); // V1's, V8's and the border one of 1 January (local)
    expect(report.screenings.by_outcome).toEqual({ no_indicators: 1, potential_victim: 1, presumed_victim: 1 });
    expect(Object.keys(report.screenings.by_context)).toEqual(profile.screening_contexts.map((c) => c.code));
    expect(report.screenings.by_context).toMatchObject({
      labour_inspection: 1,
      border: 1,
      hotline: 1,
      police_operation: 0,
      asylum_centre: 0,
    });
  });

  it('counts victims assisted by anyone and by provider sector', () => {
    expect(report.victims_assisted).toEqual({
      total: 3, // V1 (NGO), V3 (DGASPC-B), V8 (NGO); not V4 (2022)
      by_provider_sector: { government: 1, ngo: 2, international: 0, other: 0 },
    });
    expect(report.victims_assisted.by_provider_sector.ngo).toBe(report.victims_assisted_by_ngos);
  });

  it('takes the median days from screening to referral and from referral to the first service', () => {
    expect(report.median_days_screening_to_referral).toBe(5.5); // V1: 7, V2: 4 (local days); V8 screened after its referral
    expect(report.median_days_referral_to_first_service).toBe(65); // V8: 1 March to 5 May; V1's services started before
  });

  it('counts trafficking investigations, prosecutions and convictions by their case forms', () => {
    expect(report.investigations_new).toEqual({
      total: 3, // C1, C2, C5
      by_form: { sexual_exploitation: 2, labour_exploitation: 1, other_exploitation: 0, unspecified: 1 },
    });
    expect(report.suspects_prosecuted).toEqual({
      total: 4, // S1, S2, S5, S8; not S3 (2022) nor S7 (pimping case)
      by_form: { sexual_exploitation: 2, labour_exploitation: 0, other_exploitation: 0, unspecified: 2 },
    });
    expect(report.traffickers_convicted).toEqual({
      total: 4, // S1, S2, S3, S9; not S8 (acquitted), S7 (pimping) nor S10 (2024)
      by_form: { sexual_exploitation: 2, labour_exploitation: 1, other_exploitation: 0, unspecified: 2 },
    });
  });

  it('takes the prison range over sentences served, leaving out suspended and unknown ones', () => {
    expect(report.prison_sentence_range_months).toEqual({ min: 60, median: 90, max: 120 }); // S1, S3; not S2 (suspended 24) nor S9
  });

  it('counts state employees whose trafficking case opened, or who were prosecuted, in the year', () => {
    expect(report.state_employees_investigated_and_prosecuted).toBe(2); // S4, S5; not S6 nor S7
    expect(report.state_employees).toEqual({ investigated: 1, prosecuted: 1, convicted: 0 }); // S4; S5; S7 is not trafficking
  });

  it('leaves figures the data model cannot support null', () => {
    expect(report.joint_investigation_teams_concluded).toBeNull();
    expect(report.victim_assistance_budget_RON).toBeNull();
    expect(report.compensation_court_orders.victims).toBeNull();
  });

  it('counts another year by its own records', async () => {
    const y2022 = await computeAnnualReport(nrm.db, profile, 2022);
    expect(y2022.victims_identified.total).toBe(1); // V8
    expect(y2022.victims_referred_to_assistance).toBe(0);
    expect(y2022.victims_assisted_by_ngos).toBe(1); // V4
    expect(y2022.investigations_new.total).toBe(1); // C4
    expect(y2022.suspects_prosecuted.total).toBe(1); // S3
    expect(y2022.traffickers_convicted.total).toBe(0);
    expect(y2022.state_employees_investigated_and_prosecuted).toBe(2); // S5, S6: their case opened in 2022
    expect(y2022.screenings.total).toBe(1); // V2's
    expect(y2022.screenings.by_context.police_operation).toBe(1);
    expect(y2022.victims_assisted.total).toBe(1); // V4
    expect(y2022.median_days_screening_to_referral).toBeNull(); // nobody referred in 2022
    expect(y2022.median_days_referral_to_first_service).toBeNull();
  });

  it('does not count a planned service (starting after today) as assistance received', async () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    await assistance('V1', 'NGO', `${nextYear}-06-01`);
    const planned = await computeAnnualReport(nrm.db, profile, nextYear);
    expect(planned.victims_assisted.total).toBe(0);
    expect(planned.victims_assisted_by_ngos).toBe(0);
  });

  it('traces every computed figure to exactly the records it counts', async () => {
    const figures = annualReportFigures(profile).filter((f) => f.rule != null);
    const values = new Map(reportValues(report, figures).map((v) => [v.path, v.value]));
    for (const figure of figures) {
      const trace = await traceFigure(nrm.db, profile, 2023, figure.path);
      expect(trace.value, figure.path).toEqual(values.get(figure.path));
    }
  });

  it('lists case numbers and pseudonymous ids, never identifying data', async () => {
    const unspecified = await traceFigure(nrm.db, profile, 2023, 'victims_identified.by_form.unspecified');
    expect(unspecified.parts).toEqual([
      { role: 'counted', population: 'victims', records: [{ id: personOf.get('V2'), case_numbers: ['V2'] }] },
    ]);
    const total = await traceFigure(nrm.db, profile, 2023, 'victims_identified.total');
    expect(total.parts[0]!.records.find((r) => r.id === personOf.get('V6a'))?.case_numbers).toEqual(['V6a', 'V6b']);
    const range = await traceFigure(nrm.db, profile, 2023, 'prison_sentence_range_months.max');
    expect(range.parts[0]!.records.map((r) => [r.case_numbers, r.value])).toEqual([
      [['C2'], 120],
      [['C4'], 60],
    ]);
    const share = await traceFigure(nrm.db, profile, 2023, 'victims_assisted_share_of_identified');
    expect(share.parts.map((p) => [p.role, p.records.length])).toEqual([
      ['numerator', 2],
      ['denominator', 7],
    ]);
  });

  it('traces a figure from the profile or the service directory to where it comes from', async () => {
    const cap = await traceFigure(nrm.db, profile, 2023, 'state_advance_payment_cap_RON');
    expect(cap.parts).toEqual([]);
    expect(cap.value).toEqual(report.state_advance_payment_cap_RON);
    expect(cap.origin).toMatchObject({ kind: 'profile' });
    const scheme = profile.services.financial_schemes.find((s) => s.code === 'state_advance_payment')!;
    expect(cap.origin!.from).toContain('services.financial_schemes');
    expect(cap.origin!.from).toContain(scheme.source);
    for (const path of ['government_shelters_dedicated', 'shelter_places_by_county']) {
      const trace = await traceFigure(nrm.db, profile, 2023, path);
      expect(trace.origin, path).toMatchObject({ kind: 'service_directory', facility_ids: [] }); // this fixture has no facility
      expect(trace.origin!.from, path).toMatch(/service_facility/);
      expect(trace.value, path).toBeNull();
    }
  });

  it('refuses to trace an unknown or unmodelled figure, saying why', async () => {
    await expect(traceFigure(nrm.db, profile, 2023, 'victims_identified.adults')).rejects.toThrow(/not a figure.*victims_identified.total/);
    await expect(traceFigure(nrm.db, profile, 2023, 'anti_trafficking_budget_RON')).rejects.toThrow(/not computed from records: budgets/);
    await expect(computeAnnualReport(nrm.db, profile, 23)).rejects.toThrow(RangeError);
  });
});
