import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/index.ts';
import { al, ilo, met, screenAdult, yes } from './support.ts';

// Rule under test: ILO/EC, Operational indicators of trafficking in human beings (2009, WCMS_105023),
// "How to use the indicators", p. 3 as cited by the instrument (flagged verify, docs/screening.md):
// a dimension is met by two strong; one strong and one medium or weak; three medium; two medium and one weak.
// Weak indicators alone never meet a dimension.
const DEST = 'coercion_at_destination';
const STRONG = [al(DEST, 'confiscation_of_documents'), al(DEST, 'debt_bondage'), al(DEST, 'violence_on_victim')];
const MEDIUM = [al(DEST, 'forced_to_lie'), al(DEST, 'threats_of_violence'), al(DEST, 'withholding_wages')]; // in instrument order
const WEAK = al(DEST, 'threat_to_inform_family');

describe('ILO dimension rule (WCMS_105023 p. 3, "two strong / strong + medium or weak / three medium / two medium + weak")', () => {
  it('the instrument carries the five thresholds as data, with their source flagged for verification', () => {
    expect(ilo.dimension_rule.combinations.map((c) => [c.id, c.min])).toEqual([
      ['two_strong', { strong: 2 }],
      ['strong_and_medium', { strong: 1, medium: 1 }],
      ['strong_and_weak', { strong: 1, weak: 1 }],
      ['three_medium', { medium: 3 }],
      ['two_medium_and_weak', { medium: 2, weak: 1 }],
    ]);
    expect(ilo.dimension_rule.source).toMatchObject({ ref: 'ilo_ec_2009', page: '3', verify: true });
  });

  it('WCMS_105023 p. 3, two strong: met', () => {
    const r = screenAdult(yes(STRONG[0]!, STRONG[1]!));
    expect(r.dimensions_met).toEqual([{ dimension: DEST, by_answers: [STRONG[0], STRONG[1]], rule: 'ilo_dimension_positive.two_strong' }]);
  });

  it('WCMS_105023 p. 3, one strong and one medium: met', () => {
    const r = screenAdult(yes(STRONG[0]!, MEDIUM[0]!));
    expect(r.dimensions_met).toEqual([
      { dimension: DEST, by_answers: [STRONG[0], MEDIUM[0]], rule: 'ilo_dimension_positive.strong_and_medium' },
    ]);
  });

  it('WCMS_105023 p. 3, one strong and one weak: met', () => {
    const r = screenAdult(yes(STRONG[0]!, WEAK));
    expect(r.dimensions_met).toEqual([{ dimension: DEST, by_answers: [STRONG[0], WEAK], rule: 'ilo_dimension_positive.strong_and_weak' }]);
  });

  it('WCMS_105023 p. 3, three medium: met', () => {
    const r = screenAdult(yes(...MEDIUM));
    expect(r.dimensions_met).toEqual([{ dimension: DEST, by_answers: MEDIUM, rule: 'ilo_dimension_positive.three_medium' }]);
  });

  it('WCMS_105023 p. 3, two medium and one weak: met', () => {
    const r = screenAdult(yes(MEDIUM[0]!, MEDIUM[1]!, WEAK));
    expect(r.dimensions_met).toEqual([
      { dimension: DEST, by_answers: [MEDIUM[0], MEDIUM[1], WEAK], rule: 'ilo_dimension_positive.two_medium_and_weak' },
    ]);
  });

  it('WCMS_105023 p. 3, one strong alone: not met (but a strong yes makes a potential victim, docs/screening.md outcomes)', () => {
    const r = screenAdult(yes(STRONG[0]!));
    expect(r.dimensions_met).toEqual([]);
    expect(r.strong_yes).toEqual([STRONG[0]]);
    expect(r.outcome).toBe('potential_victim');
  });

  it('WCMS_105023 p. 3, two medium alone: not met, and no strong yes: no indicators', () => {
    const r = screenAdult(yes(MEDIUM[0]!, MEDIUM[1]!));
    expect(r.dimensions_met).toEqual([]);
    expect(r.outcome).toBe('no_indicators');
    expect(r.explanation.some((l) => l.startsWith('Dimension not met: coercion at destination'))).toBe(true);
  });

  it('WCMS_105023 p. 3, weak alone never: three weak do not meet a dimension', () => {
    // No adult labour dimension has three weak indicators, so grade three of this dimension weak in a copy.
    const copy = structuredClone(ilo);
    const ids = new Set(MEDIUM);
    for (const ind of copy.sets[0]!.indicators) if (ids.has(ind.id)) ind.grade = 'weak' satisfies Grade;
    const r = screenAdult(yes(...MEDIUM, WEAK), copy);
    expect(r.dimensions_met).toEqual([]);
    expect(r.outcome).toBe('no_indicators');
  });

  it('WCMS_105023 p. 3, weak alone never: the two weak of recruitment by abuse of vulnerability do not meet it', () => {
    const r = screenAdult(
      yes(
        al('recruitment_abuse_of_vulnerability', 'cultural_religious_beliefs'),
        al('recruitment_abuse_of_vulnerability', 'general_context'),
      ),
    );
    expect(met(r)).toEqual([]);
  });

  it('WCMS_105023 p. 3: indicators count only within their own dimension', () => {
    // One strong in exploitative conditions and one medium in coercion at destination meet neither dimension.
    const r = screenAdult(yes(al('exploitative_conditions', 'excessive_hours'), MEDIUM[0]!));
    expect(met(r)).toEqual([]);
  });

  it('answers "no" and "unknown" never count as yes (docs/screening.md)', () => {
    const r = screenAdult({ [STRONG[1]!]: 'unknown', [STRONG[2]!]: 'no' });
    expect(met(r)).toEqual([]);
    expect(r.strong_yes).toEqual([]);
    expect(r.outcome).toBe('no_indicators');
    expect(r.decisive_unknowns).toContainEqual({ id: STRONG[1], outcome: 'potential_victim' });
    expect(r.decisive_unknowns.map((d) => d.id)).not.toContain(STRONG[2]);
  });
});
