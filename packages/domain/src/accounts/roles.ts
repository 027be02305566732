/**
 * Roles of OpenNRM users. Issue 3 ("Security and privacy") lists them; what
 * each may see and do is decided by the policy layer, never by the role code
 * alone.
 * - front_line_responder: police, labour inspector, border officer, NGO outreach: screens and refers;
 * - case_worker: follows victims of their organisation's team, records referrals and assistance;
 * - case_manager: leads a team of case workers, assigns cases;
 * - coordinator: the national coordinator (in Romania, ANITP): identifies victims, publishes statistics;
 * - prosecutor: criminal cases, suspects and the victims linked to them;
 * - analyst: statistics only, never identifying data;
 * - auditor: reads the audit trail;
 * - administrator: accounts and organisations.
 */
export const ROLES = [
  'front_line_responder',
  'case_worker',
  'case_manager',
  'coordinator',
  'prosecutor',
  'analyst',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Whether a text is one of the role codes. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
