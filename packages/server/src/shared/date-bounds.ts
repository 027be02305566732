import type { Kysely } from 'kysely';
import { problem, type FieldRuleProblem, type JurisdictionProfile, type ProblemRuleCode } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { EARLIEST_DATE } from '../http/common.schemas.ts';
import { invalidField, type ApiError } from '../http/errors.ts';
import { localDay } from '../service-directory/local-day.ts';

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
 * A date out of bounds: the field it is in and the catalogued rule it breaks (the API throws it as a 400, an
 * import reports it with its line in English, problemText).
 */
export type DateProblem = FieldRuleProblem & { rule: ProblemRuleCode };

/** The 400 OPENNRM_VALIDATION an API route throws for a date problem, naming its field. */
export function dateProblemError(found: DateProblem): ApiError {
  const { field, ...refused } = found;
  return invalidField(field, refused);
}

/**
 * What is impossible in a person's year and date of birth: before 1900, after this year / today on the profile's
 * calendar (annual_report.time_zone). The API (assertBirthPossible) and the OpenNRM JSON import share it.
 * @param prefix put before the field names: 'body.' for the API, '' for an import line.
 * @returns the first problem, or null.
 */
export function birthProblem(
  person: { birth_year?: number | null | undefined; identity?: { date_of_birth?: string | null | undefined } | null | undefined },
  profile: JurisdictionProfile,
  prefix = 'body.',
  now = new Date(),
): DateProblem | null {
  const timeZone = profile.annual_report.time_zone;
  const today = localDay(now, timeZone);
  const year = Number(today.slice(0, 4));
  // The API's schema bounds birth_year from below (1900); only the calendar knows this year.
  if (person.birth_year != null && person.birth_year > year)
    return { field: `${prefix}birth_year`, ...problem('year_after_this_year', { year }) };
  const dob = person.identity?.date_of_birth;
  if (dob != null) {
    if (dob < EARLIEST_DATE)
      return { field: `${prefix}identity.date_of_birth`, ...problem('date_before_earliest', { date: EARLIEST_DATE }) };
    // The same rule as assertNotAfterToday.
    if (dob > today)
      return { field: `${prefix}identity.date_of_birth`, ...problem('date_after_today', { date: today, time_zone: timeZone }) };
  }
  return null;
}

/**
 * A person's year and date of birth: not before 1900, not after this year / today on the profile's calendar (birthProblem).
 * @throws ApiError 400 OPENNRM_VALIDATION naming `${prefix}birth_year` or `${prefix}identity.date_of_birth`.
 */
export function assertBirthPossible(
  person: Parameters<typeof birthProblem>[0],
  profile: JurisdictionProfile,
  prefix = 'body.',
  now = new Date(),
): void {
  const found = birthProblem(person, profile, prefix, now);
  if (found) throw dateProblemError(found);
}

/** The columns of a victim case that say when it began (caseBegan); created_on is the UTC day it was recorded. */
export interface VictimCaseDates {
  potential_on: string | null;
  presumed_on: string | null;
  identified_on: string | null;
  registration_year: number | null;
  created_on: string;
}

/**
 * The day a victim case began: its earliest NRM date (potential, presumed, identified), else 1 January of its
 * registration year, else the day it was recorded. A record entered years later keeps its real dates, so a
 * service it lists from back then is not refused.
 */
export function caseBegan(row: VictimCaseDates): string {
  const dates = [row.potential_on, row.presumed_on, row.identified_on].filter((d): d is string => d != null);
  if (row.registration_year != null) dates.push(`${String(row.registration_year).padStart(4, '0')}-01-01`);
  if (dates.length === 0) dates.push(row.created_on);
  return dates.sort()[0]!;
}

/**
 * The day the victim case `victimCaseId` began (caseBegan).
 * @returns undefined when there is no such case.
 */
export async function victimCaseBegan(db: Kysely<Database>, victimCaseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('victim_case')
    .select(['potential_on', 'presumed_on', 'identified_on', 'registration_year', 'created_at'])
    .where('id', '=', victimCaseId)
    .executeTakeFirst();
  return row && caseBegan({ ...row, created_on: row.created_at.toISOString().slice(0, 10) });
}

/**
 * What is impossible in a service's period: a day before the victim case began (`began`), or more than
 * PLANNED_SERVICE_MAX_DAYS after today on the profile's calendar (a planned service may start in the future:
 * docs/services.md). "End before start" is the schema's and the repository's check. The API
 * (assertServicePeriodPossible) and the OpenNRM JSON import share it.
 * @param prefix put before the field names: 'body.' for the API, '' for an import line.
 * @returns the first problem, or null.
 */
export function servicePeriodProblem(
  period: { started_on: string | null; ended_on: string | null },
  began: string,
  profile: JurisdictionProfile,
  prefix = 'body.',
  now = new Date(),
): DateProblem | null {
  const horizon = plusDays(localDay(now, profile.annual_report.time_zone), PLANNED_SERVICE_MAX_DAYS);
  for (const field of ['started_on', 'ended_on'] as const) {
    const day = period[field];
    if (day == null) continue;
    if (day < began) return { field: `${prefix}${field}`, ...problem('date_before_case_began', { date: began }) };
    if (day > horizon)
      return { field: `${prefix}${field}`, ...problem('date_beyond_planning_horizon', { days: PLANNED_SERVICE_MAX_DAYS, date: horizon }) };
  }
  return null;
}

/**
 * A service's period: not before the victim case began, not more than PLANNED_SERVICE_MAX_DAYS ahead (servicePeriodProblem).
 * @throws ApiError 400 OPENNRM_VALIDATION naming body.started_on or body.ended_on.
 */
export function assertServicePeriodPossible(
  period: { started_on: string | null; ended_on: string | null },
  began: string,
  profile: JurisdictionProfile,
  now = new Date(),
): void {
  const found = servicePeriodProblem(period, began, profile, 'body.', now);
  if (found) throw dateProblemError(found);
}

/**
 * What is impossible in a procedural event's day: before its criminal case opened (`opened_on`). The API
 * (ProceedingsRepository.recordEvent) and the OpenNRM JSON import share it.
 * @param field the field named: 'body.occurred_on' for the API, 'occurred_on' for an import line.
 * @returns the problem, or null.
 */
export function eventDayProblem(occurredOn: string, openedOn: string, field = 'body.occurred_on'): DateProblem | null {
  return occurredOn < openedOn ? { field, ...problem('date_before_case_opened', { date: openedOn }) } : null;
}
