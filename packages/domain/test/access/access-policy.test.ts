import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARED_FIELDS,
  defineAbilityFor,
  grantingRules,
  permittedFields,
  POLICY_RULES,
  problemText,
  sharedFieldsProblem,
  subject,
  type AccessActor,
  type VictimCaseFacts,
} from '../../src/index.ts';

const CJ = 'org-dgaspc-cj';
const NGO = 'org-ngo-x';
const actor = (role: AccessActor['role'], organisation_id: string | null, user_id = `u-${role}`): AccessActor => ({
  user_id,
  role,
  organisation_id,
});
const facts = (over: Partial<VictimCaseFacts> = {}) =>
  subject('VictimCase', {
    owner_organisation_id: CJ,
    created_by_user_id: 'someone',
    nrm_status: 'presumed',
    team_user_ids: [],
    referred_organisation_ids: [],
    prosecuting_organisation_ids: [],
    break_glass_user_ids: [],
    suspect_user_ids: [],
    investigated_organisation_ids: [],
    ...over,
  } satisfies VictimCaseFacts);

describe('access policy', () => {
  it('names every rule once, with a description and a source', () => {
    expect(new Set(POLICY_RULES.map((r) => r.id)).size).toBe(POLICY_RULES.length);
    for (const rule of POLICY_RULES) expect(rule.description.length > 10 && rule.source.length > 3).toBe(true);
  });

  it('is deny-by-default: an analyst, auditor or administrator reads no victim case or identity', () => {
    for (const role of ['analyst', 'auditor', 'administrator'] as const) {
      const ability = defineAbilityFor(actor(role, 'org-anitp'));
      expect(ability.can('read', 'VictimCase')).toBe(false);
      expect(ability.can('read', 'PersonIdentity')).toBe(false);
    }
  });

  it('lets a case worker read the cases of their team only', () => {
    const ability = defineAbilityFor(actor('case_worker', CJ, 'me'));
    expect(ability.can('read', facts({ team_user_ids: ['me'] }))).toBe(true);
    expect(ability.can('read', facts({ team_user_ids: ['other'] }))).toBe(false);
  });

  it('lets a front-line responder see their case only while potential or presumed', () => {
    const ability = defineAbilityFor(actor('front_line_responder', CJ, 'fl'));
    expect(ability.can('read', facts({ created_by_user_id: 'fl', nrm_status: 'potential' }))).toBe(true);
    expect(ability.can('read', facts({ created_by_user_id: 'fl', nrm_status: 'identified' }))).toBe(false);
  });

  it('blocks a suspect and a user of an investigated institution whatever their role, break-glass included', () => {
    const coordinator = defineAbilityFor(actor('coordinator', 'org-anitp', 'c'));
    expect(coordinator.can('read', facts())).toBe(true);
    expect(coordinator.can('read', facts({ suspect_user_ids: ['c'] }))).toBe(false);
    expect(coordinator.can('break_glass', facts({ suspect_user_ids: ['c'] }))).toBe(false);
    const manager = defineAbilityFor(actor('case_manager', CJ));
    expect(manager.can('read', facts({ investigated_organisation_ids: [CJ] }))).toBe(false);
  });

  it('narrows a referred case to the fields the referral shares', () => {
    const ability = defineAbilityFor(actor('case_worker', NGO));
    expect(ability.can('read', facts({ referred_organisation_ids: [NGO] }))).toBe(true);
    const rules = grantingRules(ability, 'read', 'VictimCase');
    const matched = rules.map((r) => r.narrowedByReferral);
    const fields = permittedFields(rules, matched, DEFAULT_SHARED_FIELDS);
    expect(fields && [...fields].sort()).toEqual([...DEFAULT_SHARED_FIELDS].sort());
  });

  it('validates referral shared fields by name', () => {
    expect(sharedFieldsProblem(['nrm_status', 'identity.family_name'])).toBeNull();
    expect(sharedFieldsProblem(['nrm_status', 'password'])).toEqual({
      index: 1,
      rule: 'field_not_shareable',
      params: { field: 'password' },
    });
    expect(problemText(sharedFieldsProblem(['nrm_status', 'password'])!)).toBe('"password" is not a shareable field');
    expect(sharedFieldsProblem(['forms', 'forms'])).toEqual({ index: 1, rule: 'shared_field_repeats', params: { field: 'forms' } });
  });
});
