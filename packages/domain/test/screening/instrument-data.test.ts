import { describe, expect, it } from 'vitest';
import { InstrumentError, parseInstrument, shippedInstrument, shippedProfile, SHIPPED_INSTRUMENTS } from '../../src/index.ts';
import raw from '../../instruments/ilo-ec-2009.json' with { type: 'json' };
import { ilo } from './support.ts';

// The ILO/EC 2009 instrument as data (WCMS_105023; docs/screening.md): what is transcribed, what is
// flagged, and the validation that keeps a malformed instrument from being used.

const counts = (set: string) => {
  const c: Record<string, number> = {};
  for (const i of ilo.sets.find((s) => s.code === set)!.indicators) c[i.dimension] = (c[i.dimension] ?? 0) + 1;
  return c;
};

describe('ILO/EC 2009 instrument data', () => {
  it('adult labour: 10, 10, 16, 9, 15 and 7 indicators in the six dimensions (67)', () => {
    expect(counts('adult_labour')).toEqual({
      deceptive_recruitment: 10,
      coercive_recruitment: 10,
      recruitment_abuse_of_vulnerability: 16,
      exploitative_conditions: 9,
      coercion_at_destination: 15,
      abuse_of_vulnerability_at_destination: 7,
    });
  });

  it('adult labour grades: strong indicators per dimension as transcribed', () => {
    const strong = ilo.sets[0]!.indicators.filter((i) => i.grade === 'strong').map((i) => i.label);
    expect(strong).toEqual([
      'Deceived about the nature of the job, location, or employer',
      'Violence on victims',
      'Excessive working days or hours',
      'Confiscation of documents',
      'Debt bondage',
      'Isolation, confinement or surveillance',
      'Violence on victims',
    ]);
  });

  it('is marked incomplete, with the sexual-exploitation sets not transcribed and every indicator flagged verify', () => {
    expect(ilo.status).toBe('incomplete');
    expect(ilo.sets.map((s) => [s.code, s.status])).toEqual([
      ['adult_labour', 'transcribed'],
      ['child_labour', 'transcribed'],
      ['adult_sexual', 'not_transcribed'],
      ['child_sexual', 'not_transcribed'],
    ]);
    expect(ilo.sets.flatMap((s) => s.indicators).every((i) => i.source.verify && i.source.ref === 'ilo_ec_2009')).toBe(true);
  });

  it('every question has a translation key and English text; keys are shared by the same question across sets', () => {
    const all = ilo.sets.flatMap((s) => s.indicators);
    expect(all.every((i) => i.question.key.startsWith('screening.ilo_ec_2009.') && i.question.en.endsWith('?'))).toBe(true);
    const a = all.find((i) => i.id === 'adult_labour.coercion_at_destination.debt_bondage')!;
    const c = all.find((i) => i.id === 'child_labour.coercion_at_destination.debt_bondage')!;
    expect(a.question).toEqual(c.question);
  });
});

describe('the profile names its instrument (principle 3: country rules are data)', () => {
  it('the Romania profile screens with the shipped ILO/EC 2009 instrument', () => {
    const romania = shippedProfile('romania');
    expect(romania.screening_instrument).toBe('ilo-ec-2009');
    expect(SHIPPED_INSTRUMENTS).toContain(romania.screening_instrument);
    expect(shippedInstrument(romania.screening_instrument).code).toBe('ilo-ec-2009');
  });
});

describe('malformed instrument data is rejected, naming the path', () => {
  const broken = (edit: (d: typeof raw) => void) => {
    const d = structuredClone(raw);
    edit(d);
    return () => parseInstrument('broken.json', d);
  };

  it('an unknown grade', () => {
    expect(broken((d) => void (d.sets[0]!.indicators[3]!.grade = 'very strong'))).toThrow(
      /screening instrument "broken.json" is invalid: sets\.0\.indicators\.3\.grade:/,
    );
  });

  it('an indicator in a dimension the instrument does not have', () => {
    expect(broken((d) => void (d.sets[1]!.indicators[0]!.dimension = 'smuggling'))).toThrow(
      /sets\.1\.indicators\.0\.dimension: unknown dimension "smuggling"/,
    );
  });

  it('a duplicate indicator id', () => {
    expect(broken((d) => void (d.sets[0]!.indicators[1]!.id = d.sets[0]!.indicators[0]!.id))).toThrow(
      /sets\.0\.indicators\.1\.id: duplicate indicator id/,
    );
  });

  it("a source that is not in the instrument's sources, or one with neither page nor section", () => {
    expect(broken((d) => void (d.sets[0]!.indicators[0]!.source.ref = 'nowhere'))).toThrow(
      /sets\.0\.indicators\.0\.source\.ref: unknown source "nowhere"/,
    );
    const unlocated = broken((d) => {
      delete (d.dimension_rule.source as { section?: string }).section;
      d.dimension_rule.source.page = null as never;
    });
    expect(unlocated).toThrow(/dimension_rule\.source: give the page or the section/);
  });

  it('a threshold that weak indicators alone could meet (the ILO rule: weak alone never)', () => {
    expect(broken((d) => d.dimension_rule.combinations.push({ id: 'three_weak', label: 'three weak', min: { weak: 3 } } as never))).toThrow(
      /dimension_rule\.combinations\.5\.min: a threshold needs at least one strong or medium indicator/,
    );
  });

  it('a combination rule naming an unknown dimension, or a victim type with no rule', () => {
    expect(broken((d) => void (d.combination_rules[0]!.all_of[1] = ['exploitation']))).toThrow(
      /combination_rules\.0\.all_of\.1\.0: unknown dimension "exploitation"/,
    );
    expect(broken((d) => void d.combination_rules.pop())).toThrow(
      /combination_rules: expected exactly one combination rule for child victims, found 0/,
    );
  });

  it('a transcribed set missing a dimension', () => {
    expect(
      broken((d) => void (d.sets[0]!.indicators = d.sets[0]!.indicators.filter((i) => i.dimension !== 'exploitative_conditions'))),
    ).toThrow(/sets\.0\.indicators: no indicator for dimension "exploitative_conditions"/);
  });

  it('a Palermo mapping to an unknown act question, and an incomplete instrument that lists no gaps', () => {
    expect(broken((d) => void (d.palermo.act.questions = ['act.unknown']))).toThrow(
      /palermo\.act\.questions\.0: unknown act question "act.unknown"/,
    );
    expect(broken((d) => void (d.gaps = []))).toThrow(/gaps: say what is missing from an incomplete instrument/);
  });

  it('reports every issue at once as InstrumentError.issues', () => {
    try {
      broken((d) => {
        d.sets[0]!.indicators[0]!.grade = 'x';
        d.dimensions[0]!.number = -1;
      })();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InstrumentError);
      expect((e as InstrumentError).issues.map((i) => i.path).sort()).toEqual(['dimensions.0.number', 'sets.0.indicators.0.grade']);
    }
  });
});
