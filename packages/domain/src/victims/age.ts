/**
 * Age rules for counting victims.
 *
 * Palermo Protocol art. 3(d): a child is any person under eighteen years of age.
 */
export const CHILD_AGE_LIMIT_YEARS = 18;

/** An age band such as CTDC's `ageBroad` "9--17" or "48+", in whole years. */
export interface AgeBand {
  /** Youngest age in the band, years. */
  min: number;
  /** Oldest age in the band, years; null for an open band such as "48+". */
  max: number | null;
}

const BAND = /^\s*(\d{1,3})\s*(?:--?|–|to)\s*(\d{1,3})\s*$/;
const OPEN_BAND = /^\s*(\d{1,3})\s*\+\s*$/;

/**
 * Parses an age band. Accepts "9--17" (CTDC), "9-17", "9–17" and "48+".
 *
 * @returns the band, or null when the text is empty or unknown ("-99", "Unknown").
 * @throws RangeError when the text looks like a band but its bounds are reversed.
 * @example parseAgeBand('9--17') // { min: 9, max: 17 }
 */
export function parseAgeBand(text: string | null | undefined): AgeBand | null {
  if (text == null) return null;
  const closed = BAND.exec(text);
  if (closed) {
    const min = Number(closed[1]);
    const max = Number(closed[2]);
    if (max < min) throw new RangeError(`age band "${text}" ends before it starts`);
    return { min, max };
  }
  const open = OPEN_BAND.exec(text);
  if (open) return { min: Number(open[1]), max: null };
  return null;
}

/** What is known of a victim's age, from the most to the least precise source. */
export interface AgeFacts {
  /** Age in years when the exploitation started. */
  age_at_exploitation_start?: number | null;
  /** Age in years when identified (or registered). */
  age_at_identification?: number | null;
  /** Age band at identification, e.g. "9--17". */
  age_band?: string | null;
}

/**
 * Whether a victim counts as a child in the statistics.
 *
 * Counting rule (docs/statistics.md, "children"): a child is under 18 at the
 * start of exploitation if that age is known, else at identification; an age
 * band counts as children when its oldest age is under 18 (so "9--17" is a
 * child band and "12--20" is not decided by the band alone).
 *
 * @returns true or false, or null when the facts cannot decide.
 */
export function countsAsChild(facts: AgeFacts): boolean | null {
  if (facts.age_at_exploitation_start != null) return facts.age_at_exploitation_start < CHILD_AGE_LIMIT_YEARS;
  if (facts.age_at_identification != null) return facts.age_at_identification < CHILD_AGE_LIMIT_YEARS;
  const band = parseAgeBand(facts.age_band);
  if (!band) return null;
  if (band.max != null && band.max < CHILD_AGE_LIMIT_YEARS) return true;
  if (band.min >= CHILD_AGE_LIMIT_YEARS) return false;
  return null;
}
