import { describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { planDemo } from '../../src/demo/plan.ts';
import { ROMANIA_SCENARIO } from '../../src/demo/romania-scenario.ts';

describe('demo service directory (synthetic, shaped on the 2024 TIP narrative)', () => {
  const profile = shippedProfile('romania');
  const plan = planDemo(ROMANIA_SCENARIO, profile);
  const facilities = plan.facilities;
  const shelters = facilities.filter((f) => f.services.includes('shelter'));

  it('marks every facility synthetic in its name', () => {
    expect(facilities.length).toBeGreaterThan(15);
    for (const f of facilities) expect(f.name, f.code).toMatch(/SYNTHETIC DEMO/);
  });

  it('has three government shelters dedicated to trafficking victims, one for children ("including one for child trafficking victims")', () => {
    const dedicated = shelters.filter((f) => f.dedicated_to_trafficking);
    expect(dedicated.map((f) => f.organisation)).toEqual(['DGASPC-B', 'DGASPC-IS', 'DGASPC-MS']);
    expect(dedicated.filter((f) => f.accepts_children && !f.accepts_adults)).toHaveLength(1);
  });

  it('leaves most counties without a shelter ("some counties did not have any shelters")', () => {
    const withShelter = new Set(shelters.map((f) => f.region));
    const without = profile.regions.filter((r) => !withShelter.has(r.code));
    expect(without.length).toBeGreaterThan(20);
    expect(without.map((r) => r.code)).toContain('RO-VS');
  });

  it("gives a valid licence for child victims to one county directorate and one NGO, and the NGO's expires within the warning", () => {
    const licensed = facilities.filter((f) => f.licence_expires_on && f.licence_expires_on >= ROMANIA_SCENARIO.as_of);
    expect(licensed.map((f) => f.organisation)).toEqual(['DGASPC-MS', 'DEMO-NGO-B']);
    const ngo = licensed.find((f) => f.organisation === 'DEMO-NGO-B')!;
    expect(ngo.licence_expires_on! <= '2026-12-31').toBe(true);
    for (const f of shelters) expect(f.free_places ?? 0).toBeLessThanOrEqual(f.capacity ?? 0);
  });

  it('codes every declined referral with a reason', () => {
    const declined = plan.referrals.filter((r) => r.status === 'declined');
    expect(declined.length).toBeGreaterThan(0);
    for (const r of declined) expect(['no_free_places', 'service_not_offered', 'outside_area']).toContain(r.decline_reason_code);
  });
});
