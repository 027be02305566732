import { describe, expect, it } from 'vitest';
import { ctdcRowMapper, parseOpennrmJsonLine } from '../src/index.ts';

const SUBSET = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'isForcedLabour', 'isSexualExploit', 'CountryOfExploitation'];
const map = (row: string[], header = SUBSET) => ctdcRowMapper(header, 2026).map(row);

describe('CTDC row mapping (codebook April 2020)', () => {
  it('maps a row of the 2020 subset to a person and an identified victim', () => {
    expect(map(['2016', 'Female', '9--17', 'RO', '0', '1', 'IT'])).toEqual({
      ok: true,
      victim: {
        sex: 'female',
        citizenships: ['RO'],
        registration_year: 2016,
        reporting_year: 2016,
        forms: ['sexual'],
        sector: null,
        countries_of_exploitation: ['IT'],
        age_band: '9--17',
        is_child: true,
        recruitment_methods: [],
        recruiter_relationship: null,
        means_of_control: [],
      },
    });
  });

  it('reads -99, empty and 0 (country columns) as unknown', () => {
    const r = map(['-99', '-99', '', '0', '-99', '', '0']);
    expect(r.ok && r.victim).toMatchObject({
      sex: 'unknown',
      citizenships: [],
      registration_year: null,
      reporting_year: null,
      forms: [],
      countries_of_exploitation: [],
      age_band: null,
      is_child: null,
    });
  });

  it('accepts only assigned ISO 3166-1 alpha-2 codes as countries', () => {
    expect(map(['2016', 'Female', '', 'UA', '', '', 'HU'])).toMatchObject({
      ok: true,
      victim: { citizenships: ['UA'], countries_of_exploitation: ['HU'] },
    });
    expect(map(['2016', 'Female', '', 'ZZ', '', '', 'XK'])).toEqual({
      ok: false,
      problems: [
        { column: 'citizenship', reason: '"ZZ" is not an ISO 3166-1 alpha-2 country code' },
        { column: 'CountryOfExploitation', reason: '"XK" is not an ISO 3166-1 alpha-2 country code' },
      ],
    });
  });

  it('treats a column missing from the header as unknown for every row', () => {
    const mapper = ctdcRowMapper(['gender', 'isForcedLabour'], 2026);
    expect(mapper.missingColumns).toContain('yearOfRegistration');
    const r = mapper.map(['Male', '1']);
    expect(r.ok && r.victim).toMatchObject({ sex: 'male', registration_year: null, forms: ['labour'], citizenships: [] });
  });

  it('turns every exploitation flag into its form, several at once', () => {
    const header = ['isSexualExploit', 'isForcedLabour', 'isOtherExploit', 'isForcedMarriage', 'isOrganRemoval', 'typeOfLabourBegging'];
    const r = map(['1', '1', '1', '1', '1', '1'], header);
    expect(r.ok && r.victim.forms).toEqual(['sexual', 'labour', 'other', 'forced_marriage', 'organ_removal', 'forced_begging']);
    expect(r.ok && r.victim.sector).toBe('begging');
    const none = map(['0', '0', '0', '0', '0', '0'], header);
    expect(none.ok && none.victim.forms).toEqual([]);
  });

  it('maps gender values, transgender/other to other', () => {
    expect(map(['2016', 'Transgender/other', '', '', '', '', ''])).toMatchObject({ victim: { sex: 'other' } });
    expect(map(['2016', 'Male', '', '', '', '', ''])).toMatchObject({ victim: { sex: 'male' } });
  });

  it('decides child status from the band, and from majorityStatusAtExploit first', () => {
    const header = ['ageBroad', 'majorityStatusAtExploit', 'majorityStatus'];
    expect(map(['9--17', '', ''], header)).toMatchObject({ victim: { is_child: true } });
    expect(map(['30--38', '', ''], header)).toMatchObject({ victim: { is_child: false } });
    expect(map(['48+', '-99', ''], header)).toMatchObject({ victim: { is_child: false } });
    // "12--20" cannot be decided by the band: the majority status at exploitation can.
    expect(map(['12--20', '', ''], header)).toMatchObject({ victim: { is_child: null } });
    expect(map(['12--20', 'Minor', ''], header)).toMatchObject({ victim: { is_child: true } });
    expect(map(['', 'Adult', ''], header)).toMatchObject({ victim: { is_child: false } });
    // Under 18 when exploitation started counts as a child even if adult when registered.
    expect(map(['18--20', 'Minor', 'Adult'], header)).toMatchObject({ victim: { is_child: true } });
    expect(map(['', '', 'Minor'], header)).toMatchObject({ victim: { is_child: true } });
  });

  it('collects every bad field of a row with column and reason', () => {
    const r = map(['1850', 'Woman', '17--9', 'ROU', '2', 'yes', 'italy']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.column)).toEqual([
      'yearOfRegistration',
      'gender',
      'ageBroad',
      'isSexualExploit',
      'isForcedLabour',
      'citizenship',
      'CountryOfExploitation',
    ]);
    expect(r.problems[0]!.reason).toContain('"1850" is not a year from 1990 to 2026');
    expect(r.problems[2]!.reason).toContain('ends before it starts');
    expect(r.problems[3]!.reason).toContain('"yes" is not a flag');
  });

  it('refuses a year after the current year and a band it cannot parse', () => {
    expect(map(['2027', '', '', '', '', '', ''])).toMatchObject({ ok: false, problems: [{ column: 'yearOfRegistration' }] });
    expect(map(['2016', '', 'young', '', '', '', ''])).toMatchObject({ ok: false, problems: [{ column: 'ageBroad' }] });
  });

  it('refuses an age band past 120 years, open or closed', () => {
    for (const band of ['200--300', '100--121', '130+'])
      expect(map(['2016', '', band, '', '', '', ''])).toMatchObject({
        ok: false,
        problems: [{ column: 'ageBroad', reason: `"${band}" is not an age band: ages go up to 120 years` }],
      });
    expect(map(['2016', '', '100--120', '', '', '', ''])).toMatchObject({ ok: true });
  });

  it('quotes at most 80 characters of a bad value, with its length', () => {
    const r = map(['2016', 'x'.repeat(5_000_000), '', '', '', '', '']);
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems).toEqual([
      { column: 'gender', reason: `"${'x'.repeat(80)}…" (5000000 characters) is not Female, Male, Transgender/other or -99` },
    ]);
  });

  it('maps means of control and the recruiter relationship', () => {
    const header = ['meansOfControlDebtBondage', 'meansOfControlThreats', 'recruiterRelationFamily', 'recruiterRelationFriend'];
    expect(map(['1', '1', '1', '0'], header)).toMatchObject({
      victim: { means_of_control: ['debt_bondage', 'threats'], recruiter_relationship: 'family' },
    });
    expect(map(['0', '', '1', '1'], header)).toMatchObject({ victim: { means_of_control: [], recruiter_relationship: 'other' } });
  });

  it('rejects a header with no codebook column or a repeated column', () => {
    expect(() => ctdcRowMapper(['name', 'age'], 2026)).toThrow(/not a CTDC file/);
    expect(() => ctdcRowMapper(['gender', 'gender'], 2026)).toThrow(/twice/);
  });
});

describe('OpenNRM JSON line validation', () => {
  it('names the field and reason of a bad line', () => {
    const r = parseOpennrmJsonLine(
      '{"type":"criminal_case_victim","criminal_case_id":"nope","victim_case_id":"01a22674-78cf-7309-a1c7-000000000002","role":"x"}',
    );
    expect(r).toMatchObject({
      ok: false,
      problems: [
        { field: 'criminal_case_id', reason: expect.stringMatching(/UUID/) },
        { field: 'role', reason: expect.stringContaining('injured_party') },
      ],
    });
    expect(parseOpennrmJsonLine('{"type":')).toMatchObject({
      ok: false,
      problems: [{ field: '', reason: expect.stringContaining('not JSON') }],
    });
    expect(parseOpennrmJsonLine('{"type":"planet"}')).toMatchObject({ ok: false, problems: [{ field: 'type' }] });
    const long = parseOpennrmJsonLine(JSON.stringify({ type: 'person', identity: { family_name: 'x'.repeat(5000) } }));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.problems.map((p) => p.field)).toContain('identity.family_name');
    // U+0000 cannot be stored in PostgreSQL text: named here, not left to the database.
    expect(parseOpennrmJsonLine('{"type":"person","identity":{"family_name":"Pop\\u0000escu"}}')).toEqual({
      ok: false,
      problems: [{ field: 'identity.family_name', reason: 'contains a NUL character (U+0000)' }],
    });
  });
});
