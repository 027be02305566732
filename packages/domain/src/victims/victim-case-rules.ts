import { iso31661 } from 'iso-3166/1.js';
import type { NrmStatus } from '../nrm/codes.ts';
import type { FieldRuleProblem, ProblemParams } from '../problems/problem.ts';
import type { ProblemRuleCode } from '../problems/catalogue.ts';

/**
 * ISO 3166-1 alpha-2 codes of the 249 assigned countries and territories
 * (ISO 3166 Maintenance Agency, as published by the `iso-3166` package).
 * Reserved and user-assigned codes ("XX", "XK", "EU") are not countries here.
 */
const COUNTRY_CODES: ReadonlySet<string> = new Set(iso31661.map((c) => c.alpha2));

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code, e.g. "RO" (upper case only). */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** One broken rule: the field (as the caller names it, e.g. "identified_on") and the catalogued rule (problemText gives the English). */
export type CaseProblem = FieldRuleProblem;

/**
 * A problem of `field`, built without loading the catalogue at run time: this module is on the screening route
 * (isCountryCode), whose bundle has no room for the catalogue's texts.
 */
function caseProblem(field: string, rule: ProblemRuleCode, params?: ProblemParams): CaseProblem {
  return params ? { field, rule, params } : { field, rule };
}

/** The status and decision dates of a victim case (ISO dates "YYYY-MM-DD" or null). */
export interface VictimCaseDates {
  nrm_status: NrmStatus;
  potential_on: string | null;
  presumed_on: string | null;
  identified_on: string | null;
  not_a_victim_on: string | null;
  exploitation_started_on?: string | null;
}

/** Each status's own decision date, in the order a case moves (OSCE/ODIHR NRM handbook, 2nd ed. 2022, ch. 2). */
export const STATUS_DATE_FIELDS = {
  potential: 'potential_on',
  presumed: 'presumed_on',
  identified: 'identified_on',
  not_a_victim: 'not_a_victim_on',
} as const satisfies Record<NrmStatus, keyof VictimCaseDates>;

/**
 * Decision dates a case may hold at each status: its own and those of the
 * statuses before it. A case at "presumed" keeps its potential_on but has no
 * identified_on yet; "identified" and "not_a_victim" are the two final
 * decisions after "presumed", so each may keep potential_on and presumed_on
 * but never the other's date.
 */
const ALLOWED_DATES: Record<NrmStatus, readonly (keyof VictimCaseDates)[]> = {
  potential: ['potential_on'],
  presumed: ['potential_on', 'presumed_on'],
  identified: ['potential_on', 'presumed_on', 'identified_on'],
  not_a_victim: ['potential_on', 'presumed_on', 'not_a_victim_on'],
};

const DECISION_DATES = ['potential_on', 'presumed_on', 'identified_on', 'not_a_victim_on'] as const;

/**
 * The rules that tie a victim case's status to its dates (docs/data-model.md, "NRM status and dates"):
 * 1. the status's own date is required (identified → identified_on, ...);
 * 2. dates of later statuses are absent (ALLOWED_DATES);
 * 3. dates are ordered potential_on ≤ presumed_on ≤ identified_on / not_a_victim_on;
 * 4. no date is after `today` (the caller's local date, "YYYY-MM-DD").
 *
 * `undatedIdentification`: an identified case from a source that records only
 * the year (CTDC: registration year) may lack identified_on; the API never allows it.
 *
 * @returns every problem found, empty when the case is consistent. Pure.
 */
export function victimCaseDateProblems(
  c: VictimCaseDates,
  today: string,
  options: { undatedIdentification?: boolean } = {},
): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const own = STATUS_DATE_FIELDS[c.nrm_status];
  if (!c[own] && !(options.undatedIdentification && c.nrm_status === 'identified'))
    problems.push(caseProblem(own, 'status_date_required', { status: c.nrm_status }));
  for (const field of DECISION_DATES)
    if (c[field] && !ALLOWED_DATES[c.nrm_status].includes(field))
      problems.push(caseProblem(field, 'status_date_must_be_empty', { status: c.nrm_status }));
  const ordered: [keyof VictimCaseDates, keyof VictimCaseDates][] = [
    ['potential_on', 'presumed_on'],
    ['presumed_on', 'identified_on'],
    ['presumed_on', 'not_a_victim_on'],
    ['potential_on', 'identified_on'],
    ['potential_on', 'not_a_victim_on'],
  ];
  for (const [earlier, later] of ordered) {
    const a = c[earlier];
    const b = c[later];
    if (a && b && b < a && !problems.some((p) => p.field === later))
      problems.push(caseProblem(later, 'date_before_other_date', { other: earlier, date: a }));
  }
  for (const field of [...DECISION_DATES, 'exploitation_started_on'] as const) {
    const value = c[field];
    if (value && value > today) problems.push(caseProblem(field, 'date_in_future', { date: today }));
  }
  return problems;
}

/** Earliest day a victim case's exploitation may have started: before it a value is a typing error (no NRM record is that old). */
export const EARLIEST_EXPLOITATION_START = '1900-01-01';

/**
 * Whether the exploitation could have started on `startedOn` ("YYYY-MM-DD"): not before 1900 and not before 1 January
 * of the person's `birthYear` (person.birth_year, which is also the year of the date of birth: the day itself is
 * identity, encrypted, and never read for this). A victim is exploited after birth, and an earlier date is a typing
 * error that would also make is_child wrong (Palermo Protocol art. 3(d): age at the start of exploitation).
 * @returns the problem naming exploitation_started_on, or null (also when either value is missing). Pure.
 */
export function exploitationStartProblem(startedOn: string | null, birthYear: number | null): CaseProblem | null {
  if (!startedOn) return null;
  if (startedOn < EARLIEST_EXPLOITATION_START)
    return caseProblem('exploitation_started_on', 'date_before_earliest', { date: EARLIEST_EXPLOITATION_START });
  if (birthYear != null && startedOn < `${String(birthYear).padStart(4, '0')}-01-01`)
    return caseProblem('exploitation_started_on', 'date_before_birth_year', { year: birthYear });
  return null;
}

/**
 * Country codes that are not assigned ISO 3166-1 alpha-2 codes, as problems
 * named `<field>.<index>` (e.g. "countries_of_exploitation.1").
 */
export function countryCodeProblems(field: string, codes: readonly string[]): CaseProblem[] {
  return codes.flatMap((code, i) => (isCountryCode(code) ? [] : [caseProblem(`${field}.${i}`, 'not_a_country')]));
}

/**
 * Regions that are not ISO 3166-2 regions of the profile (profile.regions),
 * as problems named `<field>.<index>`.
 */
export function regionProblems(
  field: string,
  codes: readonly string[],
  profile: { name: string; regions: readonly { code: string }[] },
): CaseProblem[] {
  const known = new Set(profile.regions.map((r) => r.code));
  return codes.flatMap((code, i) =>
    known.has(code) ? [] : [caseProblem(`${field}.${i}`, 'region_not_in_profile', { region: code, profile: profile.name })],
  );
}

/** Today's date "YYYY-MM-DD" in `timeZone` (the profile's), the bound for "no date in the future". */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
