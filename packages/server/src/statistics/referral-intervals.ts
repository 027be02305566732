import { sql, type RawBuilder } from 'kysely';

/**
 * The two intervals behind the report's medians (issue 4 point 7,
 * docs/statistics.md), for a person `person` (SQL uuid) whose first referral
 * of a reporting year was sent on local day `firstReferredOn` (SQL date in
 * the profile's time zone `timeZone`). Shared by the report's `referred`
 * population and by the retention purge, which writes them on the referral
 * before coarsening any date (gdpr/anonymise.ts, migration 0017), so the
 * medians are the same before and after.
 */

/** The local calendar day of a `timestamptz` in `timeZone`. */
export const localDay = (instant: RawBuilder<unknown>, timeZone: string) => sql`(${instant} AT TIME ZONE ${timeZone})::date`;

/**
 * Days (integer) from the earliest screening a case of the person was opened
 * from, recorded on or before `firstReferredOn`, to that day; null when there
 * is none.
 */
export function daysFromScreening(
  person: RawBuilder<unknown>,
  firstReferredOn: RawBuilder<unknown>,
  timeZone: string,
): RawBuilder<number | null> {
  const day = localDay(sql`s.recorded_at`, timeZone);
  return sql<number | null>`(${firstReferredOn} - (
    SELECT min(${day}) FROM screening s JOIN victim_case sv ON sv.id = s.victim_case_id
    WHERE sv.person_id = ${person} AND ${day} <= ${firstReferredOn}))`;
}

/**
 * Days (integer) from `firstReferredOn` to the first assistance of the
 * person started on or after it and by today in `timeZone` (a planned
 * service, docs/services.md, is not a service received yet); null when
 * there is none.
 */
export function daysToFirstService(
  person: RawBuilder<unknown>,
  firstReferredOn: RawBuilder<unknown>,
  timeZone: string,
): RawBuilder<number | null> {
  return sql<number | null>`((SELECT min(a.started_on) FROM assistance a JOIN victim_case av ON av.id = a.victim_case_id
    WHERE av.person_id = ${person} AND a.started_on >= ${firstReferredOn} AND a.started_on <= ${localDay(sql`now()`, timeZone)})
    - ${firstReferredOn})`;
}
