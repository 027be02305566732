import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAuditEvents } from '../audit/index.ts';
import type { AnonymisationActor, AnonymisationMarkInput } from './anonymise.ts';

/** What generalising a screening changes (the names written to each audit event). */
export const GENERALISED_SCREENING_FIELDS = {
  /** Coarsened to the start of their year in the profile's time zone. */
  to_year: ['recorded_at', 'first_received_at', 'received_at', 'case_opened_at'],
  /** Emptied: the sealed notes, the exact age, the answers and their explanation, every earlier revision. */
  dropped: ['notes', 'subject_age_years', 'answers', 'evaluation', 'screening_revision'],
} as const;

const yearStartIn = (column: string, timeZone: string) =>
  sql`(date_trunc('year', ${sql.ref(column)} AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})`;

/**
 * Generalises the screenings `where` selects (an SQL predicate over table
 * `screening`) that are not generalised yet, inside the caller's
 * transaction, and writes one audit event per screening (record_type
 * "screening", the person of the case opened from it if any).
 *
 * Kept, because the report counts them (docs/statistics.md "Screenings"):
 * county, context, outcome, exploitation, age group, sex, citizenships,
 * instrument and indicator set, the organisation, and the year of
 * `recorded_at` in the profile's time zone (the report counts screenings by
 * that year). Gone: the sealed notes, which may name people; the exact age;
 * the answers, their evaluation and every revision; the day and time of
 * each instant. The medians read intervals kept on the referrals beforehand
 * (keepReferralIntervals), not these dates.
 * Source: GDPR art. 5(1)(e), 89(1); recital 26.
 *
 * @returns how many screenings were changed.
 */
export async function generaliseScreenings(
  trx: Transaction<Database>,
  where: RawBuilder<boolean>,
  timeZone: string,
  mark: AnonymisationMarkInput,
  actor: AnonymisationActor,
): Promise<number> {
  const { rows } = await sql<{ id: string; person_id: string | null }>`
    WITH changed AS (
      UPDATE screening SET
        recorded_at = ${yearStartIn('recorded_at', timeZone)},
        first_received_at = ${yearStartIn('first_received_at', timeZone)},
        received_at = ${yearStartIn('received_at', timeZone)},
        case_opened_at = ${yearStartIn('case_opened_at', timeZone)},
        notes = NULL, subject_age_years = NULL, answers = '{}'::jsonb, evaluation = 'null'::jsonb,
        anonymised_on = ${mark.on}::date, anonymisation_rule = ${mark.rule}
      WHERE anonymised_on IS NULL AND ${where}
      RETURNING id, victim_case_id
    )
    SELECT c.id, vc.person_id FROM changed c LEFT JOIN victim_case vc ON vc.id = c.victim_case_id`.execute(trx);
  if (rows.length === 0) return 0;
  await sql`DELETE FROM screening_revision WHERE screening_id = ANY(${rows.map((r) => r.id)}::uuid[])`.execute(trx);
  await appendAuditEvents(
    trx,
    rows.map((row) => ({
      action: mark.action,
      actor_user_id: actor.actor_user_id ?? null,
      actor_username: actor.actor_username,
      actor_organisation_id: actor.actor_organisation_id ?? null,
      source_ip: actor.source_ip ?? null,
      request_id: actor.request_id ?? null,
      record_type: 'screening',
      record_id: row.id,
      person_id: row.person_id,
      fields: [...GENERALISED_SCREENING_FIELDS.to_year, ...GENERALISED_SCREENING_FIELDS.dropped],
      reason: mark.reason,
    })),
  );
  return rows.length;
}
