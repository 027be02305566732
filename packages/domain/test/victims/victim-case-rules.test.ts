import { describe, expect, it } from 'vitest';
import {
  countryCodeProblems,
  exploitationStartProblem,
  isCountryCode,
  localToday,
  opennrmJsonLineSchema,
  problemText,
  regionProblems,
  victimCaseDateProblems,
  type CaseProblem,
  type VictimCaseDates,
} from '../../src/index.ts';

const TODAY = '2025-06-30';
const none = { potential_on: null, presumed_on: null, identified_on: null, not_a_victim_on: null };
/** The problems in English, as the API's reasons and the imports' lines say them. */
const english = (found: CaseProblem[]) => found.map((p) => ({ field: p.field, reason: problemText(p) }));
const problems = (c: Partial<VictimCaseDates> & Pick<VictimCaseDates, 'nrm_status'>) =>
  english(victimCaseDateProblems({ ...none, ...c }, TODAY));

describe('victim case status and dates', () => {
  it('accepts each status with its own date and the dates before it', () => {
    expect(problems({ nrm_status: 'potential', potential_on: '2024-01-02' })).toEqual([]);
    expect(problems({ nrm_status: 'presumed', potential_on: '2024-01-02', presumed_on: '2024-01-02' })).toEqual([]);
    expect(
      problems({ nrm_status: 'identified', potential_on: '2024-01-02', presumed_on: '2024-02-01', identified_on: '2024-03-01' }),
    ).toEqual([]);
    expect(
      problems({ nrm_status: 'not_a_victim', potential_on: '2024-01-02', presumed_on: '2024-02-01', not_a_victim_on: '2024-03-01' }),
    ).toEqual([]);
    expect(problems({ nrm_status: 'identified', identified_on: TODAY })).toEqual([]);
  });

  it("requires the status's own date", () => {
    expect(problems({ nrm_status: 'potential' })).toEqual([{ field: 'potential_on', reason: 'required when nrm_status is potential' }]);
    expect(problems({ nrm_status: 'presumed', potential_on: '2024-01-02' })).toEqual([
      { field: 'presumed_on', reason: 'required when nrm_status is presumed' },
    ]);
    expect(problems({ nrm_status: 'not_a_victim' })).toEqual([
      { field: 'not_a_victim_on', reason: 'required when nrm_status is not_a_victim' },
    ]);
    // CTDC records carry only the registration year.
    expect(victimCaseDateProblems({ ...none, nrm_status: 'identified' }, TODAY, { undatedIdentification: true })).toEqual([]);
    expect(victimCaseDateProblems({ ...none, nrm_status: 'identified' }, TODAY)).toHaveLength(1);
  });

  it('refuses dates of later statuses and of the other final decision', () => {
    expect(problems({ nrm_status: 'potential', potential_on: '2024-01-02', identified_on: '2024-03-01' })).toEqual([
      { field: 'identified_on', reason: 'must be empty when nrm_status is potential' },
    ]);
    expect(problems({ nrm_status: 'presumed', presumed_on: '2024-01-02', identified_on: '2024-03-01' })).toEqual([
      { field: 'identified_on', reason: 'must be empty when nrm_status is presumed' },
    ]);
    expect(problems({ nrm_status: 'identified', identified_on: '2024-03-01', not_a_victim_on: '2024-03-01' })).toEqual([
      { field: 'not_a_victim_on', reason: 'must be empty when nrm_status is identified' },
    ]);
  });

  it('orders the dates potential ≤ presumed ≤ identified or not a victim', () => {
    expect(problems({ nrm_status: 'identified', potential_on: '2024-05-01', identified_on: '2024-03-01' })).toEqual([
      { field: 'identified_on', reason: 'must not be before potential_on (2024-05-01)' },
    ]);
    expect(problems({ nrm_status: 'presumed', potential_on: '2024-05-01', presumed_on: '2024-04-30' })).toEqual([
      { field: 'presumed_on', reason: 'must not be before potential_on (2024-05-01)' },
    ]);
    expect(problems({ nrm_status: 'not_a_victim', presumed_on: '2024-05-01', not_a_victim_on: '2024-01-01' })).toEqual([
      { field: 'not_a_victim_on', reason: 'must not be before presumed_on (2024-05-01)' },
    ]);
  });

  it('refuses dates after today', () => {
    expect(problems({ nrm_status: 'identified', identified_on: '2099-01-01' })).toEqual([
      { field: 'identified_on', reason: 'must not be in the future (after 2025-06-30)' },
    ]);
    expect(problems({ nrm_status: 'potential', potential_on: '2025-01-01', exploitation_started_on: '2025-07-01' })).toEqual([
      { field: 'exploitation_started_on', reason: 'must not be in the future (after 2025-06-30)' },
    ]);
  });

  it("computes today in the profile's time zone", () => {
    const lateEvening = new Date('2025-06-30T22:30:00Z');
    expect(localToday('Europe/Bucharest', lateEvening)).toBe('2025-07-01');
    expect(localToday('UTC', lateEvening)).toBe('2025-06-30');
  });
});

describe('country and region codes', () => {
  it('accepts assigned ISO 3166-1 alpha-2 codes only', () => {
    for (const code of ['RO', 'MD', 'UA', 'GB', 'SS', 'CW']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['XX', 'XK', 'EU', 'UK', 'ro', 'ROU', '']) expect(isCountryCode(code), code).toBe(false);
    expect(countryCodeProblems('countries_of_exploitation', ['RO', 'XX'])).toEqual([
      { field: 'countries_of_exploitation.1', rule: 'not_a_country' },
    ]);
  });

  it("accepts the profile's regions only", () => {
    const profile = { name: 'Romania', regions: [{ code: 'RO-CJ' }, { code: 'RO-B' }] };
    expect(regionProblems('regions_of_exploitation', ['RO-B', 'RO-XX'], profile)).toEqual([
      { field: 'regions_of_exploitation.1', rule: 'region_not_in_profile', params: { region: 'RO-XX', profile: 'Romania' } },
    ]);
    expect(english(regionProblems('regions_of_exploitation', ['RO-B', 'RO-XX', 'MD-CU'], profile))).toEqual([
      { field: 'regions_of_exploitation.1', reason: '"RO-XX" is not a region of the Romania profile' },
      { field: 'regions_of_exploitation.2', reason: '"MD-CU" is not a region of the Romania profile' },
    ]);
  });
});

describe('the same rules on OpenNRM JSON import lines', () => {
  const line = {
    type: 'victim_case',
    id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e',
    person_id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5f',
    case_number: 'J-1',
    nrm_status: 'identified',
    potential_on: null,
    presumed_on: '2024-01-10',
    identified_on: '2024-02-01',
    not_a_victim_on: null,
    registration_year: null,
    reporting_year: 2024,
    identifying_organisation_code: null,
    forms: ['labour'],
    sector: null,
    countries_of_exploitation: ['RO'],
    regions_of_exploitation: [],
    exploitation_started_on: null,
    age_at_exploitation_start: null,
    age_at_identification: null,
    age_band: null,
    is_child: null,
    recruitment_methods: [],
    recruiter_relationship: null,
    means_of_control: [],
    synthetic: false,
    import_batch_id: null,
    source_ref: null,
    created_at: '2024-02-01T10:00:00Z',
    updated_at: '2024-02-01T10:00:00Z',
    // Fields of format version 2 (the current one: OPENNRM_JSON_VERSION).
    created_by_user_id: null,
    owner_organisation_code: null,
    anonymised_on: null,
    anonymisation_rule: null,
    workflow_state: null,
    region: null,
  };
  const issues = (changes: object) => {
    const result = opennrmJsonLineSchema.safeParse({ ...line, ...changes });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a consistent case, and a CTDC case identified in a registration year without a date', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ presumed_on: null, identified_on: null, registration_year: 2016 })).toEqual([]);
  });

  it('refuses inconsistent dates, future dates and unassigned country codes, naming the field', () => {
    expect(issues({ nrm_status: 'presumed' })).toEqual(['identified_on: must be empty when nrm_status is presumed']);
    expect(issues({ identified_on: '2023-12-31' })).toEqual(['identified_on: must not be before presumed_on (2024-01-10)']);
    expect(issues({ identified_on: '2099-01-01' })).toEqual([expect.stringMatching(/^identified_on: must not be in the future/)]);
    expect(issues({ countries_of_exploitation: ['XX'] })).toEqual([
      'countries_of_exploitation.0: not an assigned ISO 3166-1 alpha-2 country code',
    ]);
  });
});

describe('exploitationStartProblem', () => {
  it("refuses a start before 1900 or before 1 January of the person's year of birth", () => {
    expect(exploitationStartProblem('1850-01-01', 2010)).toEqual({
      field: 'exploitation_started_on',
      rule: 'date_before_earliest',
      params: { date: '1900-01-01' },
    });
    expect(english([exploitationStartProblem('2009-12-31', 2010)!])).toEqual([
      { field: 'exploitation_started_on', reason: "must not be before the person's year of birth (2010)" },
    ]);
    expect(exploitationStartProblem('2010-01-01', 2010)).toBeNull();
    expect(exploitationStartProblem('1950-05-01', null)).toBeNull();
    expect(exploitationStartProblem(null, 2010)).toBeNull();
  });
});
