import type { Kysely } from 'kysely';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { alertOverdueReferrals } from './waiting-referrals.ts';

const HOUR_MS = 60 * 60 * 1000;

export interface OverdueAlertSchedule {
  /** Stops the timer; a run already going finishes. */
  stop(): void;
}

export interface OverdueAlertScheduleOptions {
  /** Between runs, milliseconds. Default one hour: the shortest Romanian threshold is one day. */
  intervalMs?: number;
  onResult?: (result: { referrals: number; alerts: number }) => void;
  onError?: (error: unknown) => void;
}

/**
 * Runs alertOverdueReferrals hourly inside `opennrm serve`, first a minute
 * after start; the same in-process timer as the retention purge
 * (gdpr/retention-schedule.ts), and as safe with two servers: a referral is
 * alerted once (overdue_alerted_at). Runs never overlap.
 */
export function scheduleOverdueReferralAlerts(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  options: OverdueAlertScheduleOptions = {},
): OverdueAlertSchedule {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      options.onResult?.(await alertOverdueReferrals(db, profile));
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 60_000);
  const timer = setInterval(() => void run(), options.intervalMs ?? HOUR_MS);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
