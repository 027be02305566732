import type { Service } from '../nrm/codes.ts';
import type { ReferralUrgency } from './decline-reasons.ts';
import type { ReferralTimers } from './services-profile.ts';

const DAY_MS = 86_400_000;

/** A referral as the timer sees it. */
export interface WaitingReferral {
  services: readonly Service[];
  urgency: ReferralUrgency;
  /** What it waits for: the receiver's answer (status sent) or, once accepted, the first service. */
  waiting_for: 'answer' | 'first_service';
  /** Since when it waits: sent_at for an answer, responded_at for the first service. */
  waiting_since: Date;
}

/** How long a referral has waited and whether that is too long. */
export interface ReferralTimer {
  /** Whole days waited (floor), 0 on the day it was sent. */
  days_waiting: number;
  /** Days allowed before it is overdue. */
  threshold_days: number;
  overdue: boolean;
  /** When it becomes (or became) overdue. */
  due_at: Date;
}

/**
 * The threshold, in days, a referral may wait. An answer: the profile's
 * urgent_days for an urgent referral, else the smallest `by_service`
 * threshold among the requested services, else `default_days`; the first
 * service after acceptance: `first_service_days` (urgent: urgent_days).
 * Source: profile services.referral_timers (its `source` names where the numbers come from).
 */
export function referralThresholdDays(
  timers: ReferralTimers,
  referral: Pick<WaitingReferral, 'services' | 'urgency' | 'waiting_for'>,
): number {
  if (referral.urgency === 'urgent') return timers.urgent_days;
  if (referral.waiting_for === 'first_service') return timers.first_service_days;
  const perService = referral.services.map((s) => timers.by_service[s]).filter((d): d is number => d != null);
  return perService.length > 0 ? Math.min(...perService) : timers.default_days;
}

/**
 * How long a referral has waited at `now` and whether it is overdue: it is
 * overdue once more than threshold_days × 24 hours have passed since it
 * started waiting (calendar days, not working days: a victim waits at weekends too).
 */
export function referralTimer(timers: ReferralTimers, referral: WaitingReferral, now: Date): ReferralTimer {
  const threshold = referralThresholdDays(timers, referral);
  const waitedMs = Math.max(0, now.getTime() - referral.waiting_since.getTime());
  const dueAt = new Date(referral.waiting_since.getTime() + threshold * DAY_MS);
  return { days_waiting: Math.floor(waitedMs / DAY_MS), threshold_days: threshold, overdue: now > dueAt, due_at: dueAt };
}
