import type { NrmWorkflowRules, ResidenceStatusRule } from './nrm-workflow-profile.ts';
import { problem, type CataloguedProblem } from '../problems/catalogue.ts';

/**
 * Residence status of a foreign victim (issue 4, point 5): reflection
 * period, temporary residence permit, tolerated stay, asylum, as the profile
 * lists them (nrm_workflow.residence_statuses, each with its length in days
 * and legal source). Pure date arithmetic on ISO dates "YYYY-MM-DD" (UTC days).
 * Sources: Directive 2004/81/EC art. 6 (reflection period) and 8 (permit);
 * CETS 197 art. 13 and 14; the profile's national sources.
 */

const DAY_MS = 86_400_000;

/** `date` plus `days` days, ISO. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The profile's rule for a status code, or undefined. */
export function residenceStatusRule(rules: NrmWorkflowRules, code: string): ResidenceStatusRule | undefined {
  return rules.residence_statuses.find((s) => s.code === code);
}

/**
 * The day a status ends: the recorded expiry, else its start plus the
 * profile's duration less one day (a 90-day period starting 1 March ends on
 * 29 May), else null (no end set: asylum).
 */
export function residenceExpiry(rule: ResidenceStatusRule, startsOn: string, expiresOn: string | null): string | null {
  if (expiresOn) return expiresOn;
  return rule.duration_days == null ? null : addDays(startsOn, rule.duration_days - 1);
}

/**
 * Whether the expiry warning is due on `today`: the status has an end, it has
 * not passed, and it is at most `residence_expiry_warning_days` away.
 */
export function residenceWarningDue(rules: NrmWorkflowRules, expiresOn: string | null, today: string): boolean {
  if (!expiresOn) return false;
  const left = daysFromTo(today, expiresOn);
  return left >= 0 && left <= rules.residence_expiry_warning_days;
}

/** Why a recorded status is invalid: the field and the catalogued rule (problemText gives the English), or null. */
export function residenceStatusProblem(
  rules: NrmWorkflowRules,
  status: { status: string; starts_on: string; expires_on: string | null },
): (CataloguedProblem & { field: 'status' | 'expires_on' }) | null {
  if (!residenceStatusRule(rules, status.status))
    return {
      field: 'status',
      ...problem('not_a_residence_status', { values: rules.residence_statuses.map((s) => s.code).join(', ') || 'none' }),
    };
  if (status.expires_on && status.expires_on < status.starts_on)
    return { field: 'expires_on', ...problem('date_before_other_field', { other: 'starts_on' }) };
  return null;
}
