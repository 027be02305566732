import { parseAgeBand } from './age.ts';

/**
 * The one list of age bands for counts that keep a band instead of an age
 * (anonymous notifications, the demo's case records): CTDC's `ageBroad`
 * (Counter Trafficking Data Collaborative codebook; the HTCDS age groups), in
 * whole years at identification. One list, so that notifications recorded by
 * hand, left by a declined case, imported or planned by the demo can be added
 * up band by band.
 */
export const CTDC_AGE_BANDS = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;
export type CtdcAgeBand = (typeof CTDC_AGE_BANDS)[number];

const BOUNDS = CTDC_AGE_BANDS.map((band) => ({ band, ...parseAgeBand(band)! }));

/**
 * The CTDC band of an exact age in years.
 * @returns null for a missing or negative age.
 * @example ctdcAgeBand(34) // '30--38'
 */
export function ctdcAgeBand(age: number | null | undefined): CtdcAgeBand | null {
  if (age == null || age < 0) return null;
  return BOUNDS.find(({ min, max }) => age >= min && (max == null || age <= max))?.band ?? null;
}

/**
 * The CTDC band that holds every age of another band ("9-17" gives "9--17",
 * "31-35" gives "30--38"); null when the band is unknown or straddles two
 * CTDC bands ("25-34"), because counting it in either would be a guess.
 */
export function toCtdcAgeBand(text: string | null | undefined): CtdcAgeBand | null {
  let band;
  try {
    band = parseAgeBand(text);
  } catch {
    return null; // reversed bounds: not a band at all
  }
  if (!band) return null;
  const from = ctdcAgeBand(band.min);
  return from !== null && from === ctdcAgeBand(band.max ?? Number.POSITIVE_INFINITY) ? from : null;
}
