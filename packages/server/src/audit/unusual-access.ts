import { sql, type Kysely, type RawBuilder } from 'kysely';
import { problem, type CataloguedProblem } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { AuditError, type AuditAction } from './audit-event.ts';

/**
 * Defaults of the unusual-access report. They are starting points for an
 * auditor to tune, not findings: a coordinator on duty at night is not a
 * leak, but a pattern of night reads by one user is worth a question.
 *
 * - 30 distinct persons read by one user in one local day: a case worker
 *   follows a caseload of tens of cases, not tens of new persons a day, and
 *   bulk browsing is how a complicit insider harvests identities (the 2024
 *   TIP narrative on Romania records social workers and school officials
 *   disclosing victims' information).
 * - Working hours 08:00-18:00, Monday to Friday, in Europe/Bucharest: the
 *   8-hour, 5-day week of the Romanian Labour Code (Legea 53/2003, art. 112)
 *   with room for staggered schedules. Public holidays are a parameter (no
 *   calendar is built in).
 */
export const UNUSUAL_ACCESS_DEFAULTS = {
  timeZone: 'Europe/Bucharest',
  workdayStart: '08:00',
  workdayEnd: '18:00',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [] as string[],
  distinctPersonsPerDay: 30,
} as const;

/** Actions that look at a person's data; counted for "many persons". */
export const PERSON_READ_ACTIONS: readonly AuditAction[] = ['read', 'search', 'export', 'break_glass'];

/** Every action on a person's data; checked for out-of-hours and out-of-region access. */
export const PERSON_ACCESS_ACTIONS: readonly AuditAction[] = [...PERSON_READ_ACTIONS, 'create', 'update', 'delete', 'erase'];

export interface UnusualAccessOptions {
  /**
   * Start of the window, inclusive: an instant (Date, or ISO text with "Z"
   * or an offset), or a local date "YYYY-MM-DD" meaning its midnight in `timeZone`.
   */
  from: Date | string;
  /** End of the window, exclusive; same forms as `from`. */
  to: Date | string;
  /** IANA time zone that working hours and days are judged in (default Europe/Bucharest). */
  timeZone?: string;
  /** Local "HH:MM" the working day starts (inclusive; default 08:00). */
  workdayStart?: string;
  /** Local "HH:MM" the working day ends (exclusive; default 18:00). */
  workdayEnd?: string;
  /** ISO weekdays that are working days, 1 = Monday ... 7 = Sunday (default 1-5). */
  workingDays?: readonly number[];
  /** Local dates "YYYY-MM-DD" that are public holidays (default none). */
  holidays?: readonly string[];
  /** Flag a user who reads at least this many distinct persons in one local day (default 30). */
  distinctPersonsPerDay?: number;
}

interface Actor {
  actor_user_id: string | null;
  actor_username: string | null;
  actor_organisation_id: string | null;
  organisation_name: string | null;
}

/** One user's local day with many distinct persons read. */
export interface ManyPersonsFinding extends Actor {
  local_day: string;
  distinct_persons: number;
  events: number;
  first_at: Date;
  last_at: Date;
}

/** One user's local day with access outside working time. */
export interface OutOfHoursFinding extends Actor {
  local_day: string;
  /** Why the time is out of hours: a public holiday, a day off, or outside the working day. */
  why: 'holiday' | 'non_working_day' | 'outside_hours';
  events: number;
  distinct_persons: number;
  /** Local "HH:MM" of the first and last such access that day. */
  first_local_time: string;
  last_local_time: string;
  first_at: Date;
  last_at: Date;
}

/** One break-glass access, with its written reason. */
export interface BreakGlassFinding extends Actor {
  id: number;
  occurred_at: Date;
  person_id: string | null;
  record_type: string | null;
  record_id: string | null;
  reason: string | null;
}

/** A user's accesses to one person whose cases lie in other regions. */
export interface OutsideRegionFinding extends Actor {
  person_id: string;
  user_region: string;
  case_regions: string[];
  events: number;
  first_at: Date;
  last_at: Date;
}

export interface UnusualAccessReport {
  many_persons: ManyPersonsFinding[];
  out_of_hours: OutOfHoursFinding[];
  break_glass: BreakGlassFinding[];
  outside_region: OutsideRegionFinding[];
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const bad = (field: string, refusal: CataloguedProblem) => new AuditError('OPENNRM_AUDIT_INVALID_QUERY', refusal, field);

function instant(field: string, value: Date | string, timeZone: string): RawBuilder<unknown> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw bad(field, problem('not_a_valid_date'));
    return sql`${value.toISOString()}::timestamptz`;
  }
  if (LOCAL_DATE.test(value)) return sql`(${value}::date::timestamp AT TIME ZONE ${timeZone})`;
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return sql`${value}::timestamptz`;
  throw bad(field, problem('date_or_instant_required'));
}

function minutes(field: string, value: string): number {
  const match = HH_MM.exec(value);
  if (!match) throw bad(field, problem('time_of_day_format'));
  return Number(match[1]) * 60 + Number(match[2]);
}

function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw bad('time_zone', problem('not_a_time_zone'));
  }
  return timeZone;
}

/**
 * The unusual-access report of issue 3 for a window of time: four lists an
 * auditor reviews (and the integrator can alert on).
 *
 * - many_persons: a user read at least `distinctPersonsPerDay` distinct
 *   persons in one local day (actions in PERSON_READ_ACTIONS).
 * - out_of_hours: per user and local day, accesses to persons (actions in
 *   PERSON_ACCESS_ACTIONS) on a public holiday, on a day not in
 *   `workingDays`, or before `workdayStart` / from `workdayEnd` on, in `timeZone`.
 * - break_glass: every break-glass access with its reason.
 * - outside_region: a user of an organisation with a region (a county,
 *   "RO-CJ") accessed a person none of whose victim cases is in that region.
 *   A case's regions are its `regions_of_exploitation` plus the region of
 *   its identifying organisation. Not flagged: users of national
 *   organisations (region null: ANITP, DIICOT's central structure), persons
 *   whose cases have no region recorded, and organisations involved in one
 *   of the person's cases (the identifying organisation, or the sender or
 *   receiver of one of its referrals, e.g. a shelter in another county).
 *   Regions and involvement are today's, not as they were at the event.
 *
 * Each list is sorted for review (largest first, then by time).
 *
 * @throws AuditError OPENNRM_AUDIT_INVALID_QUERY naming the parameter
 *   (unknown time zone, malformed date or time, weekday outside 1-7, threshold below 1).
 */
export async function unusualAccess(db: Kysely<Database>, options: UnusualAccessOptions): Promise<UnusualAccessReport> {
  const d = UNUSUAL_ACCESS_DEFAULTS;
  const timeZone = checkTimeZone(options.timeZone ?? d.timeZone);
  const from = instant('from', options.from, timeZone);
  const to = instant('to', options.to, timeZone);
  const start = minutes('workday_start', options.workdayStart ?? d.workdayStart);
  const end = minutes('workday_end', options.workdayEnd ?? d.workdayEnd);
  if (end <= start) throw bad('workday_end', problem('workday_end_before_start'));
  const workingDays = [...(options.workingDays ?? d.workingDays)];
  if (workingDays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) throw bad('working_days', problem('not_iso_weekdays'));
  const holidays = [...(options.holidays ?? d.holidays)];
  if (holidays.some((day) => !LOCAL_DATE.test(day))) throw bad('holidays', problem('not_local_dates'));
  const threshold = options.distinctPersonsPerDay ?? d.distinctPersonsPerDay;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw bad('distinct_persons_per_day', problem('whole_number_at_least', { minimum: 1 }));

  const window = sql`
    ev AS (
      SELECT e.*, (e.occurred_at AT TIME ZONE ${timeZone}) AS local_ts
      FROM audit_event e
      WHERE e.occurred_at >= ${from} AND e.occurred_at < ${to} AND e.person_id IS NOT NULL
    )`;
  const actorColumns = sql`ev.actor_user_id::text AS actor_user_id, ev.actor_username, ev.actor_organisation_id::text AS actor_organisation_id, o.name AS organisation_name`;
  const actorGroup = sql`ev.actor_user_id, ev.actor_username, ev.actor_organisation_id, o.name`;

  const manyPersons = await sql<ManyPersonsFinding>`
    WITH ${window}
    SELECT ${actorColumns}, (ev.local_ts::date)::text AS local_day,
           count(DISTINCT ev.person_id) AS distinct_persons, count(*) AS events,
           min(ev.occurred_at) AS first_at, max(ev.occurred_at) AS last_at
    FROM ev LEFT JOIN organisation o ON o.id = ev.actor_organisation_id
    WHERE ev.action = ANY(${[...PERSON_READ_ACTIONS]}::text[])
    GROUP BY ${actorGroup}, ev.local_ts::date
    HAVING count(DISTINCT ev.person_id) >= ${threshold}
    ORDER BY distinct_persons DESC, local_day, ev.actor_username`.execute(db);

  const outOfHours = await sql<OutOfHoursFinding>`
    WITH ${window},
    timed AS (
      SELECT ev.*, ev.local_ts::date AS local_day, extract(isodow FROM ev.local_ts)::int AS dow,
             (extract(hour FROM ev.local_ts) * 60 + extract(minute FROM ev.local_ts))::int AS minute
      FROM ev WHERE ev.action = ANY(${[...PERSON_ACCESS_ACTIONS]}::text[])
    ),
    flagged AS (
      SELECT timed.*,
             CASE WHEN timed.local_day = ANY(${holidays}::date[]) THEN 'holiday'
                  WHEN NOT timed.dow = ANY(${workingDays}::int[]) THEN 'non_working_day'
                  ELSE 'outside_hours' END AS why
      FROM timed
      WHERE timed.local_day = ANY(${holidays}::date[]) OR NOT timed.dow = ANY(${workingDays}::int[])
         OR timed.minute < ${start} OR timed.minute >= ${end}
    )
    SELECT ${actorColumns}, ev.local_day::text AS local_day, ev.why,
           count(*) AS events, count(DISTINCT ev.person_id) AS distinct_persons,
           to_char(min(ev.local_ts), 'HH24:MI') AS first_local_time, to_char(max(ev.local_ts), 'HH24:MI') AS last_local_time,
           min(ev.occurred_at) AS first_at, max(ev.occurred_at) AS last_at
    FROM flagged ev LEFT JOIN organisation o ON o.id = ev.actor_organisation_id
    GROUP BY ${actorGroup}, ev.local_day, ev.why
    ORDER BY events DESC, local_day, ev.actor_username`.execute(db);

  const breakGlass = await sql<BreakGlassFinding>`
    WITH ${window}
    SELECT ev.id, ev.occurred_at, ${actorColumns}, ev.person_id::text AS person_id, ev.record_type, ev.record_id, ev.reason
    FROM ev LEFT JOIN organisation o ON o.id = ev.actor_organisation_id
    WHERE ev.action = 'break_glass'
    ORDER BY ev.id`.execute(db);

  const outsideRegion = await sql<OutsideRegionFinding>`
    WITH ${window},
    accessed AS (SELECT DISTINCT person_id FROM ev),
    case_regions AS (
      SELECT vc.person_id, array_agg(DISTINCT r.region ORDER BY r.region) FILTER (WHERE r.region IS NOT NULL) AS regions
      FROM victim_case vc
      JOIN accessed a ON a.person_id = vc.person_id
      LEFT JOIN organisation io ON io.id = vc.identifying_organisation_id
      CROSS JOIN LATERAL unnest(vc.regions_of_exploitation || ARRAY[io.region]) AS r(region)
      GROUP BY vc.person_id
    ),
    involved AS (
      SELECT vc.person_id, vc.identifying_organisation_id AS organisation_id
        FROM victim_case vc JOIN accessed a ON a.person_id = vc.person_id
      UNION
      SELECT vc.person_id, rf.from_organisation_id
        FROM referral rf JOIN victim_case vc ON vc.id = rf.victim_case_id JOIN accessed a ON a.person_id = vc.person_id
      UNION
      SELECT vc.person_id, rf.to_organisation_id
        FROM referral rf JOIN victim_case vc ON vc.id = rf.victim_case_id JOIN accessed a ON a.person_id = vc.person_id
    )
    SELECT ${actorColumns}, ev.person_id::text AS person_id, o.region AS user_region, cr.regions AS case_regions,
           count(*) AS events, min(ev.occurred_at) AS first_at, max(ev.occurred_at) AS last_at
    FROM ev
    JOIN organisation o ON o.id = ev.actor_organisation_id
    JOIN case_regions cr ON cr.person_id = ev.person_id
    WHERE ev.action = ANY(${[...PERSON_ACCESS_ACTIONS]}::text[])
      AND o.region IS NOT NULL
      AND cardinality(cr.regions) > 0
      AND NOT (o.region = ANY(cr.regions))
      AND NOT EXISTS (SELECT 1 FROM involved i WHERE i.person_id = ev.person_id AND i.organisation_id = ev.actor_organisation_id)
    GROUP BY ${actorGroup}, ev.person_id, o.region, cr.regions
    ORDER BY events DESC, first_at`.execute(db);

  return {
    many_persons: manyPersons.rows.map(withNumbers('distinct_persons', 'events')),
    out_of_hours: outOfHours.rows.map(withNumbers('distinct_persons', 'events')),
    break_glass: breakGlass.rows.map(withNumbers('id')),
    outside_region: outsideRegion.rows.map(withNumbers('events')),
  };
}

/** Counts and ids are int8; both drivers are set to return numbers, but a bare pg pool returns strings. */
function withNumbers<T extends object>(...keys: (keyof T)[]): (row: T) => T {
  return (row) => {
    const copy = { ...row };
    for (const key of keys) copy[key] = Number(copy[key]) as T[keyof T];
    return copy;
  };
}
