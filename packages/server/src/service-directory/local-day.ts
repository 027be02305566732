/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a time zone: licence
 * expiry and "days waited" are counted on the profile's calendar
 * (annual_report.time_zone), not the server's.
 */
export function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A YYYY-MM-DD date plus `days` (may be negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
