import { addMonths } from '../gdpr/retention.ts';
import type { CriminalProcedureRules } from './criminal-procedure-profile.ts';

/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD", whole days, no time zone)
 * for legal terms. Years and months are calendar years and months (Romanian
 * Criminal Code art. 186, Code of Criminal Procedure art. 269(3)); where the
 * corresponding day does not exist (29 February), the month's last day stands
 * for it.
 */

const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** `date` plus `days` days (negative: minus). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`: 0 on the same day, negative when `to` is earlier. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A term's length: `days`, or calendar `months` (a year is 12 months). */
export type TermLength = { days: number } | { months: number };

/**
 * The last day of a term of `length` starting on `start`, by the profile's
 * counting convention: when the start day counts, a 30-day term from 1 March
 * ends on 30 March and an 8-year term from 10 March 2019 on 9 March 2027 (the
 * day before the anniversary, Criminal Code art. 186(1)); otherwise on the
 * 31 March / 10 March 2027.
 */
export function termEnd(start: string, length: TermLength, counting: CriminalProcedureRules['counting']): string {
  const end = 'days' in length ? addDays(start, length.days) : addMonths(start, length.months);
  return counting.start_day_counts ? addDays(end, -1) : end;
}

/** How many days a period from `start` to `end` lasts under the profile's convention (both ends count when the start day counts). */
export function periodDays(start: string, end: string, counting: CriminalProcedureRules['counting']): number {
  return daysFromTo(start, end) + (counting.start_day_counts ? 1 : 0);
}
