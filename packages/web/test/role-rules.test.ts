import { describe, expect, it } from 'vitest';
import { defineAbilityFor, POLICY_RULES, ROLES } from '@opennrm/domain';
import { rulesByRole } from '../src/admin/role-rules.ts';

// The roles screen lists, for each role, the policy rules that grant it something: exactly those whose removal
// changes what the role may do (docs/access-policy.md).
describe('rules shown for each role', () => {
  const byRole = new Map(rulesByRole().map((r) => [r.role, r]));

  it('lists the coordinator trace rule for the coordinator and not for the analyst', () => {
    expect(byRole.get('coordinator')!.grants.map((r) => r.id)).toContain('coordinator.report_traces');
    expect(byRole.get('analyst')!.grants.map((r) => r.id)).toContain('statistics.reports');
    expect(byRole.get('analyst')!.grants.map((r) => r.id)).not.toContain('coordinator.report_traces');
    expect(byRole.get('administrator')!.grants.map((r) => r.id)).toContain('administrator.accounts');
  });

  it.each(ROLES)('%s: a rule is listed as granting exactly when the ability without it loses a permission', (role) => {
    const actor = { user_id: 'u', role, organisation_id: 'o' };
    const all = defineAbilityFor(actor).rules.filter((r) => !r.inverted).length;
    const granting = new Set(byRole.get(role)!.grants.map((r) => r.id));
    for (const rule of POLICY_RULES) {
      const without = defineAbilityFor(actor, { without: [rule.id] }).rules.filter((r) => !r.inverted).length;
      expect(without < all, rule.id).toBe(granting.has(rule.id));
    }
  });
});
