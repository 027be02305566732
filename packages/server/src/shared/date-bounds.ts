import type { Kysely } from 'kysely';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { EARLIEST_DATE } from '../http/common.schemas.ts';
import { invalidField } from '../http/errors.ts';
import { localDay } from '../service-directory/local-day.ts';
import { assertNotAfterToday } from './not-after-today.ts';

/**
 * Bounds of dates that cannot be true (the new-user tester's findings), beside
 * assertNotAfterToday: a birth in the future or before 1900, a service before
 * its victim case began or planned further ahead than a booking can be, an
 * event of a criminal case before the case opened. Each refusal is a 400
 * naming the field and the bound.
 */

/** How far ahead a planned service may start or end, days: a place booked for the coming year (docs/services.md). */
export const PLANNED_SERVICE_MAX_DAYS = 366;

/** The day `days` days after `day` (ISO dates). */
function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A person's year and date of birth: not before 1900, not after this year / today on the profile's calendar.
 * @throws ApiError 400 OPENNRM_VALIDATION naming `${prefix}birth_year` or `${prefix}identity.date_of_birth`.
 */
export function assertBirthPossible(
  person: { birth_year?: number | null | undefined; identity?: { date_of_birth?: string | null | undefined } | null | undefined },
  profile: JurisdictionProfile,
  prefix = 'body.',
  now = new Date(),
): void {
  const today = localDay(now, profile.annual_report.time_zone);
  const year = Number(today.slice(0, 4));
  // The schema bounds birth_year from below (1900); only the calendar knows this year.
  if (person.birth_year != null && person.birth_year > year)
    throw invalidField(`${prefix}birth_year`, `must not be after this year (${year})`);
  const dob = person.identity?.date_of_birth;
  if (dob != null) {
    if (dob < EARLIEST_DATE) throw invalidField(`${prefix}identity.date_of_birth`, `must not be before ${EARLIEST_DATE}`);
    assertNotAfterToday(dob, `${prefix}identity.date_of_birth`, profile, now);
  }
}

/**
 * The day a victim case began: its earliest NRM date (potential, presumed, identified), else 1 January of its
 * registration year, else the day it was recorded. A record entered years later keeps its real dates, so a
 * service it lists from back then is not refused.
 * @returns undefined when there is no such case.
 */
export async function victimCaseBegan(db: Kysely<Database>, victimCaseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('victim_case')
    .select(['potential_on', 'presumed_on', 'identified_on', 'registration_year', 'created_at'])
    .where('id', '=', victimCaseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const dates = [row.potential_on, row.presumed_on, row.identified_on].filter((d): d is string => d != null);
  if (row.registration_year != null) dates.push(`${String(row.registration_year).padStart(4, '0')}-01-01`);
  if (dates.length === 0) dates.push(row.created_at.toISOString().slice(0, 10));
  return dates.sort()[0]!;
}

/**
 * A service's period: not before the victim case began (`began`), and not more than PLANNED_SERVICE_MAX_DAYS
 * after today on the profile's calendar (a planned service may start in the future: docs/services.md).
 * "End before start" is the schema's and the repository's check.
 * @throws ApiError 400 OPENNRM_VALIDATION naming body.started_on or body.ended_on.
 */
export function assertServicePeriodPossible(
  period: { started_on: string | null; ended_on: string | null },
  began: string,
  profile: JurisdictionProfile,
  now = new Date(),
): void {
  const horizon = plusDays(localDay(now, profile.annual_report.time_zone), PLANNED_SERVICE_MAX_DAYS);
  for (const field of ['started_on', 'ended_on'] as const) {
    const day = period[field];
    if (day == null) continue;
    if (day < began) throw invalidField(`body.${field}`, `must not be before the victim case began (${began})`);
    if (day > horizon)
      throw invalidField(`body.${field}`, `must not be more than ${PLANNED_SERVICE_MAX_DAYS} days after today (${horizon} at the latest)`);
  }
}
