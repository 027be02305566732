import { describe, expect, it } from 'vitest';
import { ACT, al, cl, ilo, screenAdult, screenChild, yes } from './support.ts';

// Rule under test: Palermo Protocol (2000) art. 3. (a) act (recruitment, transportation, transfer,
// harbouring, receipt) + means (force, coercion, abduction, fraud, deception, abuse of power or of a
// position of vulnerability, payments) + purpose (exploitation); (c) for a child the act and the purpose
// suffice; (d) a child is under 18. OpenNRM's mapping of the ILO dimensions to these elements is data in
// the instrument (`palermo`) and is explained in docs/screening.md.

const EXPLOITED = [al('exploitative_conditions', 'excessive_hours'), al('exploitative_conditions', 'low_or_no_salary')];
const COERCED = [al('coercion_at_destination', 'confiscation_of_documents'), al('coercion_at_destination', 'debt_bondage')];
const DECEIVED = [al('deceptive_recruitment', 'nature_of_job'), al('deceptive_recruitment', 'wages')];

describe('Palermo Protocol art. 3 mapping (instrument data)', () => {
  it('act: recruitment dimensions or the act question; means: all five means dimensions; purpose: exploitative conditions', () => {
    expect(ilo.palermo.act).toEqual({
      dimensions: ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'],
      questions: [ACT],
    });
    expect(ilo.palermo.means.dimensions).toEqual([
      'deceptive_recruitment',
      'coercive_recruitment',
      'recruitment_abuse_of_vulnerability',
      'coercion_at_destination',
      'abuse_of_vulnerability_at_destination',
    ]);
    expect(ilo.palermo.purpose.dimensions).toEqual(['exploitative_conditions']);
    expect(ilo.palermo.means_required).toEqual({ adult: true, child: false });
  });
});

describe('Palermo test, adult (art. 3(a): act + means + purpose)', () => {
  it('art. 3(a): the act asked directly, coercion at destination as the means, exploitation as the purpose: met', () => {
    const r = screenAdult(yes(ACT, ...COERCED, ...EXPLOITED));
    expect(r.palermo).toEqual({ act: true, means: true, purpose: true, means_required: true, met: true });
    // The ILO adult combination still wants a recruitment dimension: Palermo met, ILO not.
    expect(r.outcome).toBe('potential_victim');
    expect(r.explanation).toContain(
      'Palermo Protocol art. 3 test: act yes, means yes, purpose yes: met [Palermo Protocol, art. 3(a)-(d)].',
    );
  });

  it('art. 3(a): deceptive recruitment gives both the act and the means', () => {
    const r = screenAdult(yes(...DECEIVED, ...EXPLOITED));
    expect(r.palermo).toMatchObject({ act: true, means: true, purpose: true, met: true });
  });

  it('art. 3(a): no means, no trafficking of an adult (act and purpose only)', () => {
    const r = screenAdult(yes(ACT, ...EXPLOITED));
    expect(r.palermo).toEqual({ act: true, means: false, purpose: true, means_required: true, met: false });
  });

  it('art. 3(a): no purpose (no exploitative conditions) is not met', () => {
    const r = screenAdult(yes(...DECEIVED, ...COERCED));
    expect(r.palermo).toMatchObject({ act: true, means: true, purpose: false, met: false });
  });

  it('art. 3(a): no act (neither asked nor shown by recruitment) is not met', () => {
    const r = screenAdult(yes(...COERCED, ...EXPLOITED));
    expect(r.palermo).toMatchObject({ act: false, means: true, purpose: true, met: false });
  });

  it('unknown never counts as yes: an unknown act question leaves the act unmet', () => {
    const r = screenAdult({ ...yes(...COERCED, ...EXPLOITED), [ACT]: 'unknown' });
    expect(r.palermo.act).toBe(false);
  });
});

describe('Palermo test, child (art. 3(c): act + purpose; art. 3(d): under 18)', () => {
  const CHILD_EXPLOITED = [cl('exploitative_conditions', 'excessive_hours'), cl('exploitative_conditions', 'low_or_no_salary')];

  it('art. 3(c): act and purpose, no means: met', () => {
    const r = screenChild(yes(ACT, ...CHILD_EXPLOITED), { victim: undefined, age_years: 16 });
    expect(r.victim).toBe('child');
    expect(r.palermo).toEqual({ act: true, means: false, purpose: true, means_required: false, met: true });
    expect(r.explanation.some((l) => l.includes('means no (not required for a child, art. 3(c))'))).toBe(true);
  });

  it('art. 3(c): still needs the purpose', () => {
    const r = screenChild(yes(ACT));
    expect(r.palermo).toMatchObject({ act: true, purpose: false, met: false });
    expect(r.outcome).toBe('no_indicators');
  });

  it('art. 3(c): still needs the act', () => {
    const r = screenChild(yes(...CHILD_EXPLOITED));
    expect(r.palermo).toMatchObject({ act: false, purpose: true, met: false });
  });
});
