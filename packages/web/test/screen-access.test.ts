import { describe, expect, it } from 'vitest';
import { defineAbilityFor, ROLES } from '@opennrm/domain';
import { SCREEN_ROLES } from '../src/app/screen-access.ts';

const can = (
  role: (typeof ROLES)[number],
  action: 'read' | 'manage' | 'create' | 'update',
  subject: 'Report' | 'ReportTrace' | 'User' | 'CriminalCase' | 'VictimInProceedings' | 'Compensation' | 'VictimCase',
) => defineAbilityFor({ user_id: 'u', role, organisation_id: 'o' }).can(action, subject);

// The menu's lists mirror the access policy the server enforces (docs/access-policy.md): a role the policy lets
// read the report sees the dashboard, and no other; the same for traces and accounts.
describe('screens offered to each role', () => {
  it.each(ROLES)('%s', (role) => {
    expect((SCREEN_ROLES.statistics as readonly string[]).includes(role)).toBe(can(role, 'read', 'Report'));
    expect((SCREEN_ROLES.statistics_trace as readonly string[]).includes(role)).toBe(can(role, 'read', 'ReportTrace'));
    expect((SCREEN_ROLES.admin_users as readonly string[]).includes(role)).toBe(can(role, 'manage', 'User'));
    expect((SCREEN_ROLES.proceedings as readonly string[]).includes(role)).toBe(can(role, 'read', 'CriminalCase'));
    expect((SCREEN_ROLES.victims_in_proceedings as readonly string[]).includes(role)).toBe(
      can(role, 'create', 'VictimInProceedings') && can(role, 'create', 'Compensation'),
    );
    expect((SCREEN_ROLES.link_criminal_case as readonly string[]).includes(role)).toBe(can(role, 'update', 'VictimCase'));
    // Administration: whoever manages accounts, and the coordinator (profile, organisations and roles only).
    expect((SCREEN_ROLES.admin as readonly string[]).includes(role)).toBe(can(role, 'manage', 'User') || role === 'coordinator');
  });
});
