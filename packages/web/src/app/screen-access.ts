// A type only: erased from the bundle, so the domain's barrel is not loaded.
import type { Role } from '@opennrm/domain';

/**
 * Which roles each screen family serves, so the menu offers a screen only to
 * those who may use it. The server decides every request (docs/access-policy.md);
 * these lists mirror its rules without loading the policy into every route
 * (the screening route's size budget), and test/screen-access.test.ts checks
 * them against the domain's POLICY_RULES.
 * - statistics: rule statistics.reports (read Report);
 * - traces of a figure: rule coordinator.report_traces (read ReportTrace);
 * - administration: rule administrator.accounts (manage User) and the coordinator,
 *   who reads the profile, organisations and roles it publishes figures under;
 * - accounts: rule administrator.accounts.
 * - proceedings (criminal cases, deadlines at risk): rules prosecutor.criminal_cases and coordinator.criminal_overview
 *   (read CriminalCase); "my work" asks for deadlines only for them, so other roles make no refused request.
 * - recording a victim's hearings and payments: rules victims_in_proceedings.case_editors, prosecutor.victims_in_proceedings,
 *   compensation.case_editors and prosecutor.compensation (create VictimInProceedings and Compensation); the server
 *   still decides each case (a case the user may not edit answers 404).
 * - linking a victim case to a criminal case from the victim case: whoever may update victim cases (rules
 *   front_line.own_early_cases, case_worker.team_cases, case_manager.organisation_cases, coordinator.national_cases
 *   and child_protection.notified_cases: update VictimCase;
 *   docs/access-policy.md, "Linking a victim to a criminal case"); prosecutors link from the criminal case.
 */
export const SCREEN_ROLES = {
  statistics: ['coordinator', 'analyst'],
  statistics_trace: ['coordinator'],
  admin: ['coordinator', 'administrator'],
  admin_users: ['administrator'],
  proceedings: ['coordinator', 'prosecutor'],
  victims_in_proceedings: ['case_worker', 'case_manager', 'coordinator', 'prosecutor'],
  link_criminal_case: ['front_line_responder', 'case_worker', 'case_manager', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

/** Whether a role may use a screen family. */
export function mayUse(screen: keyof typeof SCREEN_ROLES, role: string): boolean {
  return (SCREEN_ROLES[screen] as readonly string[]).includes(role);
}
