import { sql, type Kysely } from 'kysely';

/**
 * Retention that keeps the report's medians, and covers screenings (issue 3
 * point 7, issue 4 point 7; docs/gdpr.md).
 *
 * 1. `referral.days_from_screening`, `referral.days_to_first_service`,
 *    `referral.intervals_kept`: generalisation coarsens a referral's and an
 *    assistance's dates to their year, which would turn the medians "days
 *    from screening to referral" and "days from referral to first service"
 *    into nonsense. Before any of a person's dates is coarsened, the purge
 *    writes the two intervals (whole days, statistics/referral-intervals.ts)
 *    on each of the person's referrals and sets `intervals_kept`; the report
 *    reads them from then on. An interval is not a date: it no longer says
 *    on which day anything happened to the person.
 * 2. `screening.anonymised_on`, `screening.anonymisation_rule`: the mark of
 *    a generalised screening (as on the other record types, migration 0010).
 */
const statements = [
  `ALTER TABLE referral
     ADD COLUMN days_from_screening integer CHECK (days_from_screening >= 0),
     ADD COLUMN days_to_first_service integer CHECK (days_to_first_service >= 0),
     ADD COLUMN intervals_kept boolean NOT NULL DEFAULT false`,
  `ALTER TABLE screening
     ADD COLUMN anonymised_on date,
     ADD COLUMN anonymisation_rule text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
