import type { CaseDeadline } from '@opennrm/domain';

/**
 * The identity of a deadline across runs: its kind, the ids of what it is about
 * and its due date. A due date moved by a procedural act (an interruption of
 * the limitation period, Romanian Criminal Code art. 155) is a new deadline,
 * so its reminders start again from the largest lead time.
 */
export function deadlineKey(deadline: CaseDeadline): string {
  const { offence_id, suspect_id, event_id } = deadline.subject;
  return [deadline.kind, offence_id ?? '-', suspect_id ?? '-', event_id ?? '-', deadline.due_on ?? '-'].join(':');
}

/**
 * The lead time a running deadline has reached: the smallest of `leadDays`
 * (profile criminal_procedure.reminder_lead_days, e.g. [180, 90, 30, 7]) that
 * is at least its days left. 90 days left reaches 90; 91 reaches only 180.
 * One reminder per lead time reached, and only the tightest: a deadline first
 * seen 20 days out gets the 30-day reminder, not three at once.
 *
 * @returns the lead time in days, or null when the deadline is not running,
 *   has passed, or is further away than every lead time.
 */
export function leadTimeReached(deadline: CaseDeadline, leadDays: readonly number[]): number | null {
  if (deadline.status !== 'running' || deadline.due_on === null || deadline.days_left === null || deadline.days_left < 0) return null;
  const daysLeft = deadline.days_left;
  const reached = leadDays.filter((lead) => daysLeft <= lead);
  return reached.length === 0 ? null : Math.min(...reached);
}
