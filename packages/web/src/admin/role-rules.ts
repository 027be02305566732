import { POLICY_RULES, ROLES, type PolicyRule, type Role } from '@opennrm/domain';

/** What the policy says a role may do, and the limits that apply to it, as the rules describe them. */
export interface RoleRules {
  role: Role;
  grants: PolicyRule[];
  limits: PolicyRule[];
}

/**
 * Runs each rule of the domain's access policy (POLICY_RULES, docs/access-policy.md)
 * for an actor of every role and records whether it grants (`can`) or forbids
 * (`cannot`) anything: so this page states exactly the rules the server
 * enforces, by their own descriptions, and cannot drift from them.
 */
export function rulesByRole(): RoleRules[] {
  return ROLES.map((role) => {
    const grants: PolicyRule[] = [];
    const limits: PolicyRule[] = [];
    for (const policyRule of POLICY_RULES) {
      let can = false;
      let cannot = false;
      // CASL's builder returns the rule, on which a grant may call .because(reason).
      const rule = { because: () => rule };
      const recorder = {
        can: () => {
          can = true;
          return rule;
        },
        cannot: () => {
          cannot = true;
          return rule;
        },
      };
      policyRule.grant(recorder as unknown as Parameters<PolicyRule['grant']>[0], {
        user_id: 'role-page',
        role,
        organisation_id: 'role-page',
      });
      if (can) grants.push(policyRule);
      if (cannot) limits.push(policyRule);
    }
    return { role, grants, limits };
  });
}
