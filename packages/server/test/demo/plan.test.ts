import { describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { planDemo } from '../../src/demo/plan.ts';
import { ROMANIA_SCENARIO, type DemoScenario } from '../../src/demo/romania-scenario.ts';

const profile = shippedProfile('romania');
const identified2023 = (scenario: DemoScenario) =>
  planDemo(scenario, profile).victims.filter((v) => v.nrm_status === 'identified' && v.reporting_year === 2023);

describe('demo planner', () => {
  it('plans the same records for the same seed', () => {
    expect(planDemo(ROMANIA_SCENARIO, profile)).toEqual(planDemo(ROMANIA_SCENARIO, profile));
  });

  it('keeps the figures but changes the people for another seed', () => {
    const a = identified2023(ROMANIA_SCENARIO);
    const b = identified2023({ ...ROMANIA_SCENARIO, seed: 7 });
    expect(b).toHaveLength(a.length);
    expect(b.filter((v) => v.is_child)).toHaveLength(a.filter((v) => v.is_child).length);
    expect(b.map((v) => v.person.identity.family_name)).not.toEqual(a.map((v) => v.person.identity.family_name));
  });

  it('refuses referral figures the victims cannot give, naming the year', () => {
    const scenario = { ...ROMANIA_SCENARIO, referrals: { ...ROMANIA_SCENARIO.referrals, 2023: { persons: 1000, ngo_assisted: 10 } } };
    expect(() => planDemo(scenario, profile)).toThrow(/2023 needs 988 same-year referrals of identified victims, but 413 are available/);
  });

  it('refuses more convictions from a year than suspects indicted in it', () => {
    const cj = ROMANIA_SCENARIO.criminal_justice;
    const scenario = {
      ...ROMANIA_SCENARIO,
      criminal_justice: {
        ...cj,
        suspects_prosecuted: { ...cj.suspects_prosecuted, 2023: { ...cj.suspects_prosecuted[2023], sexual_exploitation: 10 } },
      },
    };
    expect(() => planDemo(scenario, profile)).toThrow(
      /sexual_exploitation indictments 2023 \(10\) are fewer than the convictions planned from them/,
    );
  });

  it('refuses a scenario written for another profile', () => {
    expect(() => planDemo(ROMANIA_SCENARIO, { ...profile, code: 'moldova' })).toThrow(/needs profile "romania"/);
  });
});
