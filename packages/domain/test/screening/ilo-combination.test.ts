import { describe, expect, it } from 'vitest';
import { evaluateScreening, problemText, ScreeningError, type ScreeningInput } from '../../src/index.ts';
import { ACT, al, cl, ilo, met, screenAdult, screenChild, yes } from './support.ts';

// Rules under test: ILO/EC 2009 (WCMS_105023), "How to use the indicators", p. 3 as cited by the
// instrument (flagged verify): an adult is a victim of trafficking when
// (deceptive recruitment OR coercive recruitment OR recruitment by abuse of vulnerability)
// AND exploitative conditions AND (coercion at destination OR abuse of vulnerability at destination);
// for a child the means are not required (Palermo Protocol art. 3(c)): the act and exploitative conditions.
// Outcomes: docs/screening.md (no indicators / potential victim / presumed victim).

const DECEPTIVE = [al('deceptive_recruitment', 'nature_of_job'), al('deceptive_recruitment', 'wages')]; // strong + medium
const COERCIVE = [al('coercive_recruitment', 'violence_on_victim'), al('coercive_recruitment', 'withholding_money')]; // strong + medium
const VULNERABLE_RECRUITMENT = ['economic_reasons', 'illegal_status', 'lack_of_information'].map((s) =>
  al('recruitment_abuse_of_vulnerability', s),
); // 3 medium
const EXPLOITED = [al('exploitative_conditions', 'excessive_hours'), al('exploitative_conditions', 'low_or_no_salary')]; // strong + medium
const COERCED = [al('coercion_at_destination', 'confiscation_of_documents'), al('coercion_at_destination', 'debt_bondage')]; // 2 strong
const VULNERABLE_DEST = ['dependency_on_exploiters', 'unknown_area', 'economic_reasons'].map((s) =>
  al('abuse_of_vulnerability_at_destination', s),
); // 3 medium

describe('ILO combination for adults (WCMS_105023 p. 3: (1 or 2 or 3) and 4 and (5 or 6))', () => {
  it('is data in the instrument, one rule per victim type', () => {
    expect(ilo.combination_rules.find((r) => r.victim === 'adult')?.all_of).toEqual([
      ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'],
      ['exploitative_conditions'],
      ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'],
    ]);
  });

  it.each([
    ['deceptive recruitment', DECEPTIVE, 'coercion at destination', COERCED],
    ['coercive recruitment', COERCIVE, 'coercion at destination', COERCED],
    ['recruitment by abuse of vulnerability', VULNERABLE_RECRUITMENT, 'abuse of vulnerability at destination', VULNERABLE_DEST],
    ['deceptive recruitment', DECEPTIVE, 'abuse of vulnerability at destination', VULNERABLE_DEST],
  ])('WCMS_105023 p. 3: %s + exploitative conditions + %s make a presumed victim', (_a, recruitment, _b, destination) => {
    const r = screenAdult(yes(...recruitment, ...EXPLOITED, ...destination));
    expect(r.outcome).toBe('presumed_victim');
    expect(r.combination).toEqual({ rule: 'ilo_adult', met: true });
    expect(r.unverified_rules).toEqual(['ilo_dimension_positive', 'ilo_adult']);
    expect(r.explanation).toContain(
      'Outcome: presumed victim: refer to assistance at once and to the competent body for formal identification.',
    );
  });

  it('WCMS_105023 p. 3: fails without a recruitment dimension (exploitation and coercion at destination only): potential victim', () => {
    const r = screenAdult(yes(...EXPLOITED, ...COERCED));
    expect(met(r)).toEqual(['exploitative_conditions', 'coercion_at_destination']);
    expect(r.combination.met).toBe(false);
    expect(r.outcome).toBe('potential_victim');
    expect(
      r.explanation.some((l) =>
        l.startsWith(
          'Combination for adult victims not met: missing (deceptive recruitment (including transfer and transport) or coercive recruitment',
        ),
      ),
    ).toBe(true);
  });

  it('WCMS_105023 p. 3: fails without exploitative conditions: potential victim', () => {
    const r = screenAdult(yes(...DECEPTIVE, ...COERCED));
    expect(r.combination.met).toBe(false);
    expect(r.outcome).toBe('potential_victim');
    expect(r.explanation.some((l) => l.includes('missing (exploitative conditions)'))).toBe(true);
  });

  it('WCMS_105023 p. 3: fails without coercion or abuse of vulnerability at destination: potential victim', () => {
    const r = screenAdult(yes(...DECEPTIVE, ...EXPLOITED));
    expect(r.combination.met).toBe(false);
    expect(r.outcome).toBe('potential_victim');
    expect(r.explanation.some((l) => l.includes('missing (coercion at destination or abuse of vulnerability at destination)'))).toBe(true);
  });

  it('WCMS_105023 p. 3: a dimension "almost" met does not count: one medium short of the destination dimension', () => {
    const r = screenAdult(yes(...DECEPTIVE, ...EXPLOITED, VULNERABLE_DEST[0]!, VULNERABLE_DEST[1]!));
    expect(r.outcome).toBe('potential_victim');
    // Each missing medium of the destination dimension, answered yes, would complete the combination.
    expect(r.decisive_unknowns).toContainEqual({ id: VULNERABLE_DEST[2], outcome: 'presumed_victim' });
    // So would a weak one (two medium and one weak); a lone strong of another dimension would not.
    expect(r.decisive_unknowns).toContainEqual({
      id: al('abuse_of_vulnerability_at_destination', 'difficulties_in_past'),
      outcome: 'presumed_victim',
    });
    expect(r.decisive_unknowns.map((d) => d.id)).not.toContain(COERCED[0]);
    expect(
      r.explanation.some(
        (l) => l.startsWith('Unknown answers that alone would make the outcome presumed victim if yes:') && l.includes('Economic reasons'),
      ),
    ).toBe(true);
  });

  it('docs/screening.md outcomes: nothing answered yes is "no indicators", and the unknowns together could change it', () => {
    const r = screenAdult({});
    expect(r.outcome).toBe('no_indicators');
    expect(r.outcome_if_unknowns_yes).toBe('presumed_victim');
    // A single strong indicator, unknown, would make a potential victim.
    expect(r.decisive_unknowns).toContainEqual({ id: COERCED[0], outcome: 'potential_victim' });
    expect(r.decisive_unknowns.every((d) => d.outcome === 'potential_victim')).toBe(true);
  });

  it('when no single unknown matters but several together would, the explanation says so', () => {
    const answers = Object.fromEntries(ilo.sets[0]!.indicators.map((i) => [i.id, 'no' as const]));
    Object.assign(answers, { [EXPLOITED[0]!]: 'yes', [EXPLOITED[1]!]: 'yes', [COERCED[0]!]: 'yes', [COERCED[1]!]: 'yes', [ACT]: 'no' });
    for (const id of DECEPTIVE) (answers as Record<string, string>)[id] = 'unknown';
    const r = screenAdult(answers);
    expect(r.outcome).toBe('potential_victim');
    expect(r.decisive_unknowns).toEqual([]);
    expect(r.outcome_if_unknowns_yes).toBe('presumed_victim');
    expect(r.explanation).toContain(
      'No single unknown answer changes the outcome, but the 2 unknown answers together could make it presumed victim.',
    );
  });
});

describe('ILO combination for children (WCMS_105023 p. 3; Palermo Protocol art. 3(c): no means required)', () => {
  const CHILD_EXPLOITED = [cl('exploitative_conditions', 'excessive_hours'), cl('exploitative_conditions', 'hazardous_work')];

  it('is data in the instrument: the act and exploitative conditions', () => {
    expect(ilo.combination_rules.find((r) => r.victim === 'child')?.all_of).toEqual([['act'], ['exploitative_conditions']]);
  });

  it('Palermo art. 3(c): the act (recruited, moved or received) and exploitative conditions make a presumed victim with no means at all', () => {
    const r = screenChild(yes(ACT, ...CHILD_EXPLOITED));
    expect(met(r)).toEqual(['exploitative_conditions']);
    expect(r.outcome).toBe('presumed_victim');
    expect(r.combination).toEqual({ rule: 'ilo_child', met: true });
  });

  it('WCMS_105023 p. 3: a recruitment dimension met stands for the act of recruitment', () => {
    const r = screenChild(yes(cl('deceptive_recruitment', 'nature_of_job'), cl('deceptive_recruitment', 'education'), ...CHILD_EXPLOITED));
    expect(r.outcome).toBe('presumed_victim');
  });

  it('fails without exploitative conditions, however strong the coercion: potential victim', () => {
    const r = screenChild(yes(ACT, cl('coercion_at_destination', 'violence_on_victim'), cl('coercion_at_destination', 'debt_bondage')));
    expect(r.outcome).toBe('potential_victim');
    expect(r.explanation.some((l) => l.includes('missing (exploitative conditions)'))).toBe(true);
  });

  it('fails without the act; the act question is then the decisive unknown', () => {
    const r = screenChild(yes(...CHILD_EXPLOITED));
    expect(r.outcome).toBe('potential_victim');
    expect(r.decisive_unknowns).toContainEqual({ id: ACT, outcome: 'presumed_victim' });
  });

  it('the same answers that make a child a presumed victim do not for an adult (means required)', () => {
    const adult = screenAdult(yes(ACT, ...EXPLOITED));
    expect(adult.outcome).toBe('potential_victim');
  });

  it('Palermo art. 3(d): age under 18 (or the profile child age) chooses the children set', () => {
    expect(evaluateScreening(ilo, { age_years: 17, exploitation: 'labour', answers: {} }).set).toBe('child_labour');
    expect(evaluateScreening(ilo, { age_years: 18, exploitation: 'labour', answers: {} }).set).toBe('adult_labour');
    expect(evaluateScreening(ilo, { age_years: 18, child_age_years: 19, exploitation: 'labour', answers: {} }).set).toBe('child_labour');
  });
});

describe('screening input errors name the field', () => {
  it('rejects an answer to a question that is not in the set, or an answer that is not yes/no/unknown', () => {
    expect(() => screenChild(yes(al('exploitative_conditions', 'excessive_hours')))).toThrow(
      /screening answers\.adult_labour\.exploitative_conditions\.excessive_hours: not a question of set "child_labour"/,
    );
    expect(() => screenAdult({ [EXPLOITED[0]!]: 'maybe' as never })).toThrow(
      /answers\.adult_labour\.exploitative_conditions\.excessive_hours: is not one of yes, no, unknown/,
    );
  });

  it('refuses a set that is not transcribed instead of answering "no indicators"', () => {
    expect(() => evaluateScreening(ilo, { victim: 'adult', exploitation: 'sexual', answers: {} })).toThrow(ScreeningError);
    expect(() => evaluateScreening(ilo, { set: 'child_sexual', answers: {} })).toThrow(/set "child_sexual" .* is not transcribed yet/);
  });

  it('refuses a victim type that contradicts the age, or a missing victim type', () => {
    expect(() => evaluateScreening(ilo, { victim: 'adult', age_years: 15, exploitation: 'labour', answers: {} })).toThrow(
      /screening victim: "adult" contradicts age 15/,
    );
    expect(() => evaluateScreening(ilo, { exploitation: 'labour', answers: {} })).toThrow(/screening victim: give the set/);
    expect(() => evaluateScreening(ilo, { set: 'adult_labour', age_years: 12, answers: {} })).toThrow(
      /screening set: set "adult_labour" is for adult victims/,
    );
  });
});

describe('screening errors carry their catalogued rule', () => {
  const refusal = (input: ScreeningInput): ScreeningError => {
    try {
      evaluateScreening(ilo, input);
    } catch (error) {
      if (error instanceof ScreeningError) return error;
      throw error;
    }
    throw new Error('expected a ScreeningError');
  };
  // Every refusal of evaluateScreening: the English written beside the rule is the catalogue's text of it.
  const inputs: ScreeningInput[] = [
    { age_years: 1.5, exploitation: 'labour', answers: {} },
    { victim: 'adult', age_years: 15, exploitation: 'labour', answers: {} },
    { set: 'no_such_set', answers: {} },
    { set: 'adult_labour', age_years: 12, answers: {} },
    { set: 'adult_labour', exploitation: 'sexual', answers: {} },
    { exploitation: 'labour', answers: {} },
    { victim: 'adult', answers: {} },
    { victim: 'adult', exploitation: 'sexual', answers: {} },
    { set: 'adult_labour', answers: null as never },
    { set: 'adult_labour', answers: { nonsense: 'yes' } },
    { set: 'adult_labour', answers: { [al('exploitative_conditions', 'excessive_hours')]: 'maybe' as never } },
  ];

  it('says in English what its rule says', () => {
    for (const input of inputs) {
      const error = refusal(input);
      expect(problemText(error.problem), JSON.stringify(input)).toBe(error.reason);
      expect(error.message).toBe(`screening ${error.field}: ${error.reason}`);
    }
  });

  it('gives the age and the child age as parameters', () => {
    expect(refusal({ victim: 'adult', age_years: 15, exploitation: 'labour', answers: {} }).problem).toEqual({
      rule: 'age_group_contradicts_age',
      params: { age_group: 'adult', age: 15, child_age: 18 },
    });
  });
});
