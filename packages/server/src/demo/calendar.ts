import type { SeededRandom } from './random.ts';

/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD"), in UTC so that no time
 * zone can shift a day.
 */

const DAY_MS = 86_400_000;

/** The ISO date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The year of an ISO date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whole years of age on `on` for a person born on `born`. */
export function ageOn(born: string, on: string): number {
  const years = yearOf(on) - yearOf(born);
  return on.slice(5) < born.slice(5) ? years - 1 : years;
}

/**
 * A random ISO date between `from` and `to`, both included.
 * @throws RangeError when the window is empty (a planning error, never bad input).
 */
export function dateBetween(random: SeededRandom, from: string, to: string): string {
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`empty date window ${from}..${to}`);
  return addDays(from, random.int(0, span));
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The later of two ISO dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
