import { describe, expect, it } from 'vitest';
import {
  caseDeadlines,
  parseProfile,
  ProceedingsFactsError,
  shippedProfile,
  type CaseDeadline,
  type ProceedingsFacts,
} from '../../src/index.ts';
import { generalTermYears } from '../../src/proceedings/limitation.ts';
import romania from '../../profiles/romania.json' with { type: 'json' };

// Worked examples of the deadline engine on the Romania profile (docs/proceedings.md, "Deadlines").
// Terms end the day before the anniversary (Criminal Code art. 186(1)); detention days count both ends
// (Code of Criminal Procedure art. 269(4)).

const RO = shippedProfile('romania');

type EditableRules = { limitation: Record<string, unknown>; terms: Record<string, unknown>[] };

/** Romania with its criminal_procedure section changed by `edit` (a copy; the shipped data is untouched). */
function romaniaWith(edit: (cp: EditableRules) => void) {
  const data = structuredClone(romania);
  edit(data.criminal_procedure as unknown as EditableRules);
  return parseProfile('romania-variant', data);
}

/** Romania as if only the 2018-2022 window mattered (no mitior lex for offences committed before 30 May 2022). */
const WINDOW_ONLY = romaniaWith((cp) => {
  cp.limitation.no_interruption_for_offences = [];
});

function facts(partial: Partial<ProceedingsFacts>): ProceedingsFacts {
  return { as_of: '2026-11-29', offences: [], events: [], ...partial };
}

function only(list: CaseDeadline[], kind: CaseDeadline['kind']): CaseDeadline {
  const found = list.filter((d) => d.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const ART_210_2019 = { id: 'O1', article: '210', committed_on: '2019-03-10', suspect_id: 'S1' };
const ACTS_2019_2023: ProceedingsFacts['events'] = [
  { id: 'E1', kind: 'suspect_notified', on: '2019-11-05', suspect_id: 'S1' },
  { id: 'E2', kind: 'suspect_heard', on: '2023-02-01', suspect_id: 'S1' },
];

describe('limitation of criminal liability', () => {
  it('Criminal Code art. 154(1): the general term follows the maximum penalty', () => {
    const rules = RO.criminal_procedure.limitation!;
    expect(generalTermYears(rules, 25)).toBe(15);
    expect(generalTermYears(rules, 20)).toBe(10);
    expect(generalTermYears(rules, 12)).toBe(10);
    expect(generalTermYears(rules, 10)).toBe(8);
    expect(generalTermYears(rules, 7)).toBe(8);
    expect(generalTermYears(rules, 5)).toBe(5);
    expect(generalTermYears(rules, 1)).toBe(3);
    expect(generalTermYears(rules, 0.5)).toBe(3);
  });

  it('art. 154 with High Court decision 67/2022: an art. 210 offence of 2019-03-10 is time-barred on 2027-03-09 whatever the acts', () => {
    const d = only(caseDeadlines(RO, facts({ offences: [ART_210_2019], events: ACTS_2019_2023 })), 'limitation');
    expect(d.due_on).toBe('2027-03-09');
    expect(d.days_left).toBe(100);
    expect(d.status).toBe('running');
    expect(d.reason.key).toBe('limitation.general');
    expect(d.reason.values).toMatchObject({ term_years: 8, ignored_acts: 2, special_due_on: '2035-03-09' });
    expect(d.explanation).toMatch(
      /general term of 8 years .* runs from 2019-03-10 and ends on 2027-03-09; 2 procedural acts did not interrupt it .*67\/2022/,
    );
    expect(d.rule.verify).toBe(true);
    expect(d.subject).toEqual({ offence_id: 'O1', suspect_id: 'S1' });
  });

  it('art. 155(1)-(2), decisions 297/2018 and 358/2022: an act inside the 2018-2022 window does not interrupt, one after it does (special term art. 155(4): 2035-03-09)', () => {
    const d = only(caseDeadlines(WINDOW_ONLY, facts({ offences: [ART_210_2019], events: ACTS_2019_2023 })), 'limitation');
    expect(d.reason.key).toBe('limitation.interrupted');
    expect(d.due_on).toBe('2031-01-31');
    expect(d.reason.values).toMatchObject({
      last_interruption_on: '2023-02-01',
      last_interruption_kind: 'suspect_heard',
      ignored_acts: 1,
      special_term_years: 16,
      special_due_on: '2035-03-09',
    });
    expect(d.explanation).toContain('last interrupted on 2023-02-01 by suspect_heard');
    expect(d.explanation).toContain('special term of 16 years ends on 2035-03-09');
  });

  it('art. 155(4): the special term of twice the general term ends it whatever the interruptions', () => {
    const events: ProceedingsFacts['events'] = [
      { id: 'E2', kind: 'suspect_heard', on: '2023-02-01', suspect_id: 'S1' },
      { id: 'E3', kind: 'indicted', on: '2030-06-01', suspect_id: 'S1' },
    ];
    const d = only(caseDeadlines(WINDOW_ONLY, facts({ as_of: '2030-07-01', offences: [ART_210_2019], events })), 'limitation');
    expect(d.reason.key).toBe('limitation.special');
    expect(d.due_on).toBe('2035-03-09');
    expect(d.explanation).toContain('would carry the general term of 8 years');
    expect(d.explanation).toContain('to 2038-05-31');
  });

  it('art. 155(2): an act done after the term ended does not revive it', () => {
    const events: ProceedingsFacts['events'] = [{ id: 'E4', kind: 'indicted', on: '2027-04-01', suspect_id: 'S1' }];
    const d = only(caseDeadlines(WINDOW_ONLY, facts({ as_of: '2027-05-01', offences: [ART_210_2019], events })), 'limitation');
    expect(d.due_on).toBe('2027-03-09');
    expect(d.status).toBe('passed');
    expect(d.days_left).toBe(-53);
  });

  it('art. 153(2): an art. 210 offence committed from 2021-07-05 is not subject to limitation; one the day before is', () => {
    const list = caseDeadlines(
      RO,
      facts({
        offences: [
          { id: 'after', article: '210', committed_on: '2021-07-05' },
          { id: 'before', article: '210', committed_on: '2021-07-04' },
        ],
      }),
    );
    const after = list.find((d) => d.subject.offence_id === 'after')!;
    expect(after).toMatchObject({ due_on: null, days_left: null, status: 'none' });
    expect(after.reason).toEqual({
      key: 'limitation.imprescriptible',
      values: expect.objectContaining({ imprescriptible_from: '2021-07-05', article: '210' }),
    });
    expect(after.explanation).toMatch(/not subject to limitation: offences under art\. 210, 211 committed on or after 2021-07-05/);
    expect(after.rule).toMatchObject({ code: 'limitation.imprescriptible', verify: true });
    const before = list.find((d) => d.subject.offence_id === 'before')!;
    expect(before.due_on).toBe('2029-07-03');
    expect(list.map((d) => d.subject.offence_id)).toEqual(['before', 'after']);
  });

  it('art. 154(1) and 155(1): pimping (art. 213, maximum 7 years) committed after 2021 keeps an 8-year term, interrupted only by acts concerning its suspect', () => {
    const d = only(
      caseDeadlines(
        RO,
        facts({
          offences: [{ id: 'P1', article: '213', committed_on: '2023-01-10', suspect_id: 'S1' }],
          events: [
            { id: 'A1', kind: 'suspect_heard', on: '2024-03-01', suspect_id: 'S1' },
            { id: 'A2', kind: 'suspect_heard', on: '2025-01-01', suspect_id: 'S2' },
            { id: 'A3', kind: 'assets_seized', on: '2025-02-01', suspect_id: 'S1' },
            { id: 'A4', kind: 'indicted', on: '2027-01-01', suspect_id: 'S1' },
          ],
        }),
      ),
      'limitation',
    );
    // 2024-03-01 plus 8 calendar years, less a day (art. 186): 2032 is a leap year.
    expect(d.due_on).toBe('2032-02-29');
    expect(d.reason.values).toMatchObject({ term_years: 8, last_interruption_on: '2024-03-01', special_due_on: '2039-01-09' });
  });

  it('art. 154(2): a continuing offence runs from the day the conduct ended', () => {
    const list = caseDeadlines(
      RO,
      facts({
        as_of: '2025-01-01',
        offences: [
          { id: 'C1', article: '213', committed_on: '2022-06-01', committed_until: '2023-06-30' },
          // Began before the imprescriptibility date: stays subject to limitation (the safe side), from its end.
          { id: 'C2', article: '210', committed_on: '2020-01-01', committed_until: '2022-12-31' },
        ],
        events: [{ id: 'A1', kind: 'suspect_heard', on: '2023-01-15' }],
      }),
    );
    const c1 = list.find((d) => d.subject.offence_id === 'C1')!;
    expect(c1.due_on).toBe('2031-06-29');
    expect(c1.reason.key).toBe('limitation.general');
    expect(c1.explanation).toContain('committed from 2022-06-01 until 2023-06-30');
    const c2 = list.find((d) => d.subject.offence_id === 'C2')!;
    expect(c2.due_on).toBe('2030-12-30');
  });

  it('a final judgment stops the limitation term', () => {
    const d = only(
      caseDeadlines(RO, facts({ offences: [ART_210_2019], events: ACTS_2019_2023, final_judgment_on: '2024-05-02' })),
      'limitation',
    );
    expect(d).toMatchObject({ due_on: null, status: 'none', reason: { key: 'limitation.final_judgment' } });
  });
});

describe('Criminal Code art. 156: suspension of the limitation term', () => {
  const PIMPING = { id: 'P1', article: '213', committed_on: '2023-01-10' };
  const suspension = (id: string, on: string, ends_on: string | null): ProceedingsFacts['events'][number] => ({
    id,
    kind: 'limitation_suspended',
    on,
    ends_on,
  });

  it('pimping of 2023-01-10 (8 years: 2031-01-09) suspended 90 days, 2024-03-01 to 2024-05-29: the general term ends on 2031-04-09, the special on 2039-04-09', () => {
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING], events: [suspension('Z1', '2024-03-01', '2024-05-29')] })), 'limitation');
    expect(d.due_on).toBe('2031-04-09');
    expect(d.reason).toMatchObject({ key: 'limitation.general', values: { suspended_days: 90, special_due_on: '2039-04-09' } });
    expect(d.explanation).toContain(
      'it was suspended for 90 days (2024-03-01 to 2024-05-29), which the end includes (Criminal Code (Law 286/2009) art. 156',
    );
    expect(d.rule.code).toBe('limitation.general_term+limitation.suspension');
  });

  it('after an interruption only the days suspended since it prolong the general term; the special term counts them all', () => {
    const events = [
      suspension('Z1', '2023-06-01', '2023-06-30'),
      { id: 'E1', kind: 'suspect_heard' as const, on: '2024-03-01' },
      suspension('Z2', '2025-01-01', '2025-01-10'),
    ];
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING], events })), 'limitation');
    // 8 years from 2024-03-01 end on 2032-02-29; the 10 days of 2025 move it to 2032-03-10.
    expect(d.due_on).toBe('2032-03-10');
    expect(d.reason).toMatchObject({ key: 'limitation.interrupted', values: { suspended_days: 10, special_due_on: '2039-02-18' } });
  });

  it('a suspension still running counts its days until as_of (2026-11-01 to 2026-11-29: 29 days), so the deadline is never later than the truth', () => {
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING], events: [suspension('Z1', '2026-11-01', null)] })), 'limitation');
    expect(d.due_on).toBe('2031-02-07');
    expect(d.reason.values.suspended_days).toBe(29);
  });

  it('overlapping suspensions count each day once; one before the term started counts nothing', () => {
    const events = [
      suspension('Z0', '2022-01-01', '2022-12-31'),
      suspension('Z1', '2024-03-01', '2024-03-20'),
      suspension('Z2', '2024-03-11', '2024-03-30'),
    ];
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING], events })), 'limitation');
    expect(d.reason.values.suspended_days).toBe(30);
    expect(d.due_on).toBe('2031-02-08');
  });
});

describe("Criminal Code art. 154(4): offences against a minor run from the victim's majority", () => {
  const PIMPING_2023 = { id: 'P1', article: '213', committed_on: '2023-01-10' };

  it('pimping (art. 213, 8-year term) of a girl born 2008-05-20, committed 2023-01-10: the term runs from her 18th birthday, 2026-05-20, to 2034-05-19', () => {
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING_2023], victims: [{ date_of_birth: '2008-05-20' }] })), 'limitation');
    expect(d.due_on).toBe('2034-05-19');
    expect(d.reason).toMatchObject({
      key: 'limitation.general',
      values: { start_on: '2026-05-20', victim_age_years: 18, birth_known: 'date', special_due_on: '2042-05-19' },
    });
    expect(d.explanation).toContain(
      'its term starts on 2026-05-20, the day a linked victim came of age (18, Criminal Code (Law 286/2009) art. 154(4)',
    );
    expect(d.explanation).toContain('runs from 2026-05-20 and ends on 2034-05-19');
    expect(d.rule.code).toBe('limitation.general_term+limitation.victim_majority');
    expect(d.rule.source).toContain('art. 154(4)');
  });

  it('only the year of birth (2008) known: 1 January 2026 is taken, the earliest possible majority, so the deadline (2033-12-31) is never later than the true one', () => {
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING_2023], victims: [{ birth_year: 2008 }] })), 'limitation');
    expect(d.due_on).toBe('2033-12-31');
    expect(d.reason.values).toMatchObject({ start_on: '2026-01-01', birth_known: 'year' });
    expect(d.explanation).toContain('only the year of birth is recorded, so 1 January of it is taken, the earliest possible day');
  });

  it('trafficking in minors (art. 211) of 2019-03-10, before it became imprescriptible: from the majority in 2023 (born 2005) to 2030-12-31, not 2027-03-09', () => {
    const offence = { id: 'M1', article: '211', committed_on: '2019-03-10' };
    expect(only(caseDeadlines(RO, facts({ offences: [offence] })), 'limitation').due_on).toBe('2027-03-09');
    const d = only(caseDeadlines(RO, facts({ offences: [offence], victims: [{ birth_year: 2005 }] })), 'limitation');
    expect(d.due_on).toBe('2030-12-31');
    // Committed from 2021-07-05 it is imprescriptible whatever the victim's age (art. 153(2)).
    const later = { ...offence, committed_on: '2021-07-05' };
    expect(only(caseDeadlines(RO, facts({ offences: [later], victims: [{ birth_year: 2005 }] })), 'limitation').due_on).toBeNull();
  });

  it('the earliest start over the linked victims: a victim of age at the offence (born 1990) leaves the term from 2023-01-10 (ends 2031-01-09)', () => {
    const victims = [{ date_of_birth: '2008-05-20' }, { birth_year: 1990 }];
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING_2023], victims })), 'limitation');
    expect(d.due_on).toBe('2031-01-09');
    expect(d.reason.values.start_on).toBe('2023-01-10');
    expect(d.explanation).not.toContain('came of age');
    expect(d.rule.code).toBe('limitation.general_term');
  });

  it('a victim whose birth is not recorded leaves the term from the offence, and the explanation asks for the year of birth', () => {
    const d = only(caseDeadlines(RO, facts({ offences: [PIMPING_2023], victims: [{}, { birth_year: 2008 }] })), 'limitation');
    expect(d.due_on).toBe('2031-01-09');
    expect(d.reason.values.birth_known).toBe('no');
    expect(d.explanation).toContain("a linked victim's date or year of birth is not recorded");
  });

  it('an article the rule does not list keeps its own start; a continuing offence that ends after the majority runs from its end', () => {
    const other = romaniaWith((cp) => {
      (cp.limitation.start_at_victim_majority as { articles: string[] }[])[0]!.articles = ['211'];
    });
    expect(only(caseDeadlines(other, facts({ offences: [PIMPING_2023], victims: [{ birth_year: 2008 }] })), 'limitation').due_on).toBe(
      '2031-01-09',
    );
    const continuing = { ...PIMPING_2023, committed_until: '2026-08-31' };
    const d = only(caseDeadlines(RO, facts({ offences: [continuing], victims: [{ date_of_birth: '2008-05-20' }] })), 'limitation');
    expect(d.due_on).toBe('2034-08-30');
  });

  it('refuses a date of birth that is not a calendar date, naming the victim and field', () => {
    expect(() => caseDeadlines(RO, facts({ offences: [PIMPING_2023], victims: [{ date_of_birth: '2008-02-30' }] }))).toThrow(
      '"victims[0]".date_of_birth: "2008-02-30" is not an ISO date',
    );
  });
});

describe('pre-trial detention', () => {
  const warrant = (id: string, on: string, ends_on: string, extra: Partial<ProceedingsFacts['events'][number]> = {}) => ({
    id,
    kind: 'pretrial_detention_warrant' as const,
    on,
    ends_on,
    suspect_id: 'S1',
    ...extra,
  });
  const THREE = [
    warrant('W1', '2026-01-01', '2026-01-30'),
    warrant('W2', '2026-01-31', '2026-03-01'),
    warrant('W3', '2026-03-02', '2026-03-31'),
  ];

  it('Code of Criminal Procedure art. 233, 236 and 269(4): warrants of 30+30+30 days: the third ends 2026-03-31, the 180-day total is reached 2026-06-29', () => {
    const list = caseDeadlines(RO, facts({ as_of: '2026-03-15', events: THREE }));
    expect(list.map((d) => [d.kind, d.due_on])).toEqual([
      ['pretrial_detention_warrant', '2026-03-31'],
      ['pretrial_detention_total', '2026-06-29'],
    ]);
    expect(list[0]).toMatchObject({ days_left: 16, subject: { suspect_id: 'S1', event_id: 'W3' } });
    expect(list[1]!.reason.values).toMatchObject({ days_held_before: 60, total_max_days: 180 });
    expect(list[1]!.explanation).toContain('held 60 days');
  });

  it('CPP art. 236(4): six warrants of 30 days use the whole 180 days; a seventh is refused', () => {
    const six = Array.from({ length: 6 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 0, 1 + 30 * i));
      const end = new Date(Date.UTC(2026, 0, 30 + 30 * i));
      return warrant(`W${i + 1}`, start.toISOString().slice(0, 10), end.toISOString().slice(0, 10));
    });
    expect(six[5]!.ends_on).toBe('2026-06-29');
    const total = only(caseDeadlines(RO, facts({ as_of: '2026-06-20', events: six })), 'pretrial_detention_total');
    expect(total.due_on).toBe('2026-06-29');
    expect(() => caseDeadlines(RO, facts({ as_of: '2026-07-05', events: [...six, warrant('W7', '2026-06-30', '2026-07-29')] }))).toThrow(
      /"W7"\.ends_on: with 180 days already held/,
    );
  });

  it('CPP art. 233(1): a warrant of 31 days is refused, naming the warrant and field', () => {
    const run = () => caseDeadlines(RO, facts({ as_of: '2026-01-10', events: [warrant('W1', '2026-01-01', '2026-01-31')] }));
    expect(run).toThrow(ProceedingsFactsError);
    expect(run).toThrow(/"W1"\.ends_on: .* lasts 31 days, more than the 30 days/);
    // The rule and its parameters, for the API to send beside the English (rules/proceedings.ts).
    expect(() => run()).toThrow(
      expect.objectContaining({
        record: 'W1',
        field: 'ends_on',
        problem: {
          rule: 'warrant_too_long',
          params: expect.objectContaining({ from_on: '2026-01-01', ends_on: '2026-01-31', days: 31, max_days: 30 }),
        },
      }),
    );
  });

  it('a warrant that has ended gives no deadline; a trial-phase warrant has no investigation total', () => {
    expect(caseDeadlines(RO, facts({ as_of: '2026-04-01', events: THREE }))).toEqual([]);
    const trial = caseDeadlines(
      RO,
      facts({ as_of: '2026-05-10', events: [...THREE, warrant('T1', '2026-05-01', '2026-06-29', { phase: 'trial' })] }),
    );
    expect(trial.map((d) => [d.kind, d.due_on])).toEqual([['pretrial_detention_warrant', '2026-06-29']]);
  });
});

describe('profile-defined procedural terms', () => {
  it('CPP art. 215^1(1): judicial control in the investigation lasts 60 days; the indictment ends the term', () => {
    const events: ProceedingsFacts['events'] = [{ id: 'J1', kind: 'judicial_control', on: '2026-02-01', suspect_id: 'S2' }];
    const d = only(caseDeadlines(RO, facts({ as_of: '2026-03-01', events })), 'term:judicial_control_investigation');
    expect(d).toMatchObject({ due_on: '2026-04-01', days_left: 31, rule: { code: 'term.judicial_control_investigation', verify: true } });
    const indicted = caseDeadlines(
      RO,
      facts({ as_of: '2026-03-01', events: [...events, { id: 'I1', kind: 'indicted', on: '2026-02-20', suspect_id: 'S2' }] }),
    );
    expect(indicted).toEqual([]);
  });

  it('a term the profile adds (2 months from indictment) is computed like the others and shows once passed', () => {
    const profile = romaniaWith((cp) => {
      cp.terms.push({
        code: 'preliminary_chamber',
        starts_with: 'indicted',
        ends_with: ['convicted_first_instance'],
        months: 2,
        source: 'a term defined by the test',
      });
    });
    const events: ProceedingsFacts['events'] = [{ id: 'I1', kind: 'indicted', on: '2026-01-31', suspect_id: 'S1' }];
    const running = only(caseDeadlines(profile, facts({ as_of: '2026-03-01', events })), 'term:preliminary_chamber');
    expect(running).toMatchObject({ due_on: '2026-03-30', status: 'running', reason: { values: { months: 2 } } });
    const passed = only(caseDeadlines(profile, facts({ as_of: '2026-04-02', events })), 'term:preliminary_chamber');
    expect(passed).toMatchObject({ status: 'passed', days_left: -3 });
  });

  it('refuses a measure recorded longer than its term', () => {
    const events: ProceedingsFacts['events'] = [
      { id: 'H1', kind: 'house_arrest', on: '2026-02-01', ends_on: '2026-03-05', suspect_id: 'S2' },
    ];
    expect(() => caseDeadlines(RO, facts({ as_of: '2026-02-10', events }))).toThrow(/"H1"\.ends_on: .*beyond the 30 days/);
  });
});

describe('the case as a whole', () => {
  const ALL: Partial<ProceedingsFacts> = {
    as_of: '2026-03-15',
    offences: [ART_210_2019, { id: 'O2', article: '211', committed_on: '2022-09-01' }],
    events: [
      ...ACTS_2019_2023,
      { id: 'W1', kind: 'pretrial_detention_warrant', on: '2026-03-02', ends_on: '2026-03-31', suspect_id: 'S1' },
      { id: 'J1', kind: 'judicial_control', on: '2026-02-01', suspect_id: 'S2' },
    ],
  };

  it('lists the deadlines soonest first, those without a date last', () => {
    expect(caseDeadlines(RO, facts(ALL)).map((d) => [d.kind, d.due_on])).toEqual([
      ['pretrial_detention_warrant', '2026-03-31'],
      ['term:judicial_control_investigation', '2026-04-01'],
      ['pretrial_detention_total', '2026-08-28'],
      ['limitation', '2027-03-09'],
      ['limitation', null],
    ]);
  });

  it('a closed case gives no running deadline', () => {
    const list = caseDeadlines(RO, facts({ ...ALL, closed_on: '2026-03-10' }));
    expect(list).toHaveLength(2);
    expect(list.every((d) => d.kind === 'limitation' && d.status === 'none' && d.due_on === null)).toBe(true);
    expect(list[0]!.explanation).toContain('closed on 2026-03-10');
  });

  it('a profile without criminal procedure rules gives no deadline but the default reminder lead times', () => {
    const data = structuredClone(romania) as Record<string, unknown>;
    delete data.criminal_procedure;
    const bare = parseProfile('bare', data);
    expect(bare.criminal_procedure.reminder_lead_days).toEqual([180, 90, 30, 7]);
    expect(caseDeadlines(bare, facts(ALL))).toEqual([]);
  });
});

describe('facts the engine refuses', () => {
  it.each<[string, Partial<ProceedingsFacts>, RegExp]>([
    [
      'an article the profile does not list',
      { offences: [{ id: 'O9', article: '999', committed_on: '2020-01-01' }] },
      /"O9"\.article: "999" is not an offence of the profile \(210, 211, 213\)/,
    ],
    [
      'an end before the start',
      { offences: [{ id: 'O8', article: '213', committed_on: '2020-01-01', committed_until: '2019-12-31' }] },
      /"O8"\.committed_until: 2019-12-31 is before committed_on 2020-01-01/,
    ],
    [
      'a measure ending before it starts',
      { events: [{ id: 'E9', kind: 'judicial_control', on: '2026-02-01', ends_on: '2026-01-01' }] },
      /"E9"\.ends_on: 2026-01-01 is before on 2026-02-01/,
    ],
    [
      'a warrant without its last day',
      { events: [{ id: 'W9', kind: 'pretrial_detention_warrant', on: '2026-02-01', suspect_id: 'S1' }] },
      /"W9"\.ends_on: a pre-trial detention warrant has a last day/,
    ],
    ['a date that does not exist', { as_of: '2026-02-30' }, /facts\.as_of: "2026-02-30" is not an ISO date/],
    [
      'an unknown event kind',
      { events: [{ id: 'E7', kind: 'arrested' as 'detained', on: '2026-02-01' }] },
      /"E7"\.kind: "arrested" is not a procedural event kind/,
    ],
  ])('%s', (_, partial, message) => {
    expect(() => caseDeadlines(RO, facts(partial))).toThrow(message);
  });
});

describe('the Romania criminal procedure profile', () => {
  it('names a source for every rule and marks the imprescriptibility date and the 2018-2022 rules to verify', () => {
    const cp = RO.criminal_procedure;
    const lim = cp.limitation!;
    const rules = [
      cp.counting,
      lim.general_terms,
      lim.interruption,
      lim.special_term!,
      ...lim.no_interruption_windows,
      ...lim.no_interruption_for_offences,
      ...lim.imprescriptible,
      cp.pretrial_detention!,
      ...cp.terms,
    ];
    for (const r of rules) expect(r.source.length).toBeGreaterThan(10);
    expect(lim.imprescriptible).toEqual([
      expect.objectContaining({ articles: ['210', '211'], committed_from: '2021-07-05', verify: true }),
    ]);
    expect(lim.no_interruption_windows[0]).toMatchObject({ acts_from: '2018-06-25', acts_until: '2022-05-30', verify: true });
    expect(cp.reminder_lead_days).toEqual([180, 90, 30, 7]);
  });

  it('refuses a term with both days and months, or neither', () => {
    const bad = structuredClone(romania);
    (bad.criminal_procedure.terms[0] as Record<string, unknown>).months = 2;
    expect(() => parseProfile('bad', bad)).toThrow(/criminal_procedure\.terms\.0: give exactly one of "days" or "months"/);
  });
});
