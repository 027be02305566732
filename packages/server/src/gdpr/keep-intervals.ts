import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { daysFromScreening, daysToFirstService, localDay } from '../statistics/referral-intervals.ts';

/**
 * Writes on every referral of the given persons that has not got them yet
 * the two intervals the report's medians read (days from screening to
 * referral, days from referral to first service; statistics/referral-intervals.ts),
 * as they stand for the person's first referral of the same reporting year
 * (local year of `sent_at` in `timeZone`, the profile's), and marks them
 * kept (migration 0017). Must run before any of the person's referral,
 * assistance or screening dates is coarsened: the intervals are computed
 * from the exact dates, which are then free to go. Idempotent: referrals
 * already kept are left alone.
 * Source: GDPR art. 5(1)(c) and 89(1) (keep for statistics only what they
 * need: a number of days, not the days).
 */
export async function keepReferralIntervals(trx: Transaction<Database>, personIds: readonly string[], timeZone: string): Promise<void> {
  if (personIds.length === 0) return;
  const person = sql`f.person_id`;
  const first = sql`f.first_referred_on`;
  await sql`
    WITH firsts AS (
      SELECT r.id, vc.person_id, r.intervals_kept,
        ${localDay(sql`min(r.sent_at) OVER (PARTITION BY vc.person_id, extract(year FROM r.sent_at AT TIME ZONE ${timeZone}))`, timeZone)}
          AS first_referred_on
      FROM referral r JOIN victim_case vc ON vc.id = r.victim_case_id
      WHERE vc.person_id = ANY(${[...personIds]}::uuid[])
    )
    UPDATE referral r SET intervals_kept = true,
      days_from_screening = ${daysFromScreening(person, first, timeZone)},
      days_to_first_service = ${daysToFirstService(person, first, timeZone)}
    FROM firsts f
    WHERE r.id = f.id AND NOT f.intervals_kept`.execute(trx);
}
