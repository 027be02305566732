/**
 * The year in which a victim counts in the national statistics.
 *
 * Counting rule (docs/statistics.md, "reporting year"): a victim counts in the
 * year of formal identification; for imported data without dates (CTDC), in the
 * year of registration.
 *
 * @param identifiedOn ISO date (YYYY-MM-DD) of the identification decision, or null.
 * @param registrationYear year the case was registered, or null.
 * @returns the year, or null when neither is known (the case then counts in no year).
 */
export function reportingYear(identifiedOn: string | null | undefined, registrationYear: number | null | undefined): number | null {
  if (identifiedOn) return Number(identifiedOn.slice(0, 4));
  return registrationYear ?? null;
}
