import { problem, type CataloguedProblem } from '../problems/catalogue.ts';
import type { MandatoryCounselScope, ProceedingsCode, VictimsInProceedingsRules } from './victims-in-proceedings-profile.ts';

/**
 * Rules for a victim heard in criminal proceedings (issue 6 point 4).
 * Principle 1 of the developers' brief: fewer interviews are better. Each
 * repeated hearing re-traumatises (2024 TIP report, Romania narrative:
 * "reinterviewing victims multiple times over many years"; Directive
 * 2011/36/EU art. 12(4)(c): "unnecessary repetition of interviews" avoided).
 */

/** A hearing is planned, then held or cancelled. */
export const HEARING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** The kind of body that hears the victim. */
export const HEARING_BODY_KINDS = ['police', 'prosecutor', 'court'] as const;
export type HearingBodyKind = (typeof HEARING_BODY_KINDS)[number];

/** What the re-hearing warning says: how often the victim was heard before, and when last. */
export interface RehearingWarning {
  /** Hearings held before this one (count). */
  hearings_so_far: number;
  /** ISO date "YYYY-MM-DD" of the latest of them. */
  last_held_on: string;
}

/**
 * The warning due when a hearing is planned or recorded for a victim already
 * heard: null when the victim was never heard.
 * Source: Directive 2011/36/EU art. 12(4)(a)-(c); principle 1 (fewer interviews).
 *
 * @param heldOn ISO dates of the hearings already held (any order), not counting the one being recorded.
 */
export function rehearingWarning(heldOn: readonly string[]): RehearingWarning | null {
  if (heldOn.length === 0) return null;
  return { hearings_so_far: heldOn.length, last_held_on: [...heldOn].sort().at(-1)! };
}

/**
 * Whether the law makes legal counsel mandatory at the victim's hearings.
 * @param isChild the case's is_child (null: unknown, treated as an adult: the
 *   flag must not fire on a guess, and an unknown age is itself on the case's to-do list).
 */
export function counselMandatory(scope: MandatoryCounselScope, isChild: boolean | null): boolean {
  return scope === 'all_victims' || (scope === 'children' && isChild === true);
}

/**
 * The flag of a hearing held without counsel where the profile makes counsel
 * mandatory, with the law's consequence and source; null when nothing is wrong.
 * Romania 2023: breaching mandatory legal counsel voids and restarts the
 * affected stage of the proceedings (profile `mandatory_counsel`).
 */
export function counselBreach(
  rules: VictimsInProceedingsRules,
  hearing: { status: string; counsel_present: boolean | null },
  isChild: boolean | null,
): string | null {
  if (hearing.status !== 'held' || hearing.counsel_present !== false) return null;
  if (!counselMandatory(rules.mandatory_counsel.applies_to, isChild)) return null;
  const { consequence, source, verify } = rules.mandatory_counsel;
  return `held without legal counsel, which is mandatory here: ${consequence} (${source}${verify ? '; to verify' : ''})`;
}

/** A field of a hearing, counsel assignment, programme or measure that breaks a rule, and the rule (problemText: English). */
export interface ProceedingsFieldProblem extends CataloguedProblem {
  field: string;
}

/**
 * Checks a hearing's status against its dates and counsel: a held hearing has
 * held_on and says whether counsel was present; a planned one has planned_on
 * and no held_on; settings are codes of the profile.
 * @returns the first problem, or null: held_hearing_needs_day, held_hearing_needs_counsel_answer, hearing_not_held
 *   {status}, planned_hearing_needs_day, not_a_hearing_setting {setting, codes: the profile's, joined ", "}.
 */
export function hearingProblem(
  rules: VictimsInProceedingsRules,
  hearing: {
    status: HearingStatus;
    planned_on: string | null;
    held_on: string | null;
    counsel_present: boolean | null;
    settings: readonly string[];
  },
): ProceedingsFieldProblem | null {
  if (hearing.status === 'held' && !hearing.held_on) return { field: 'held_on', ...problem('held_hearing_needs_day') };
  if (hearing.status === 'held' && hearing.counsel_present === null)
    return { field: 'counsel_present', ...problem('held_hearing_needs_counsel_answer') };
  if (hearing.status !== 'held' && hearing.held_on) return { field: 'held_on', ...problem('hearing_not_held', { status: hearing.status }) };
  if (hearing.status === 'planned' && !hearing.planned_on) return { field: 'planned_on', ...problem('planned_hearing_needs_day') };
  const unknown = hearing.settings.findIndex((s) => !rules.hearing_settings.some((r) => r.code === s));
  if (unknown >= 0)
    return {
      field: `settings.${unknown}`,
      ...problem('not_a_hearing_setting', {
        setting: hearing.settings[unknown]!,
        codes: rules.hearing_settings.map((r) => r.code).join(', '),
      }),
    };
  return null;
}

/**
 * The problem of a code that is not in the profile's `list`, or null: `rule` {value, codes: the list's codes
 * joined ", ", or "none"}.
 */
export function codeProblem(
  list: readonly ProceedingsCode[],
  rule: 'not_a_programme' | 'not_a_protection_measure',
  field: string,
  value: string,
): ProceedingsFieldProblem | null {
  if (list.some((entry) => entry.code === value)) return null;
  return { field, ...problem(rule, { value, codes: list.map((e) => e.code).join(', ') || 'none' }) };
}

/**
 * The problem of a period that ends before it starts, or null: date_before_other_date {other: `startField`,
 * date: `start`}. Dates are ISO "YYYY-MM-DD".
 */
export function periodProblem(
  startField: string,
  start: string,
  endField: string,
  end: string | null | undefined,
): ProceedingsFieldProblem | null {
  if (end == null || end >= start) return null;
  return { field: endField, ...problem('date_before_other_date', { other: startField, date: start }) };
}

/**
 * Whether a participation from `from` until `until` (inclusive; null: still
 * running) overlaps calendar year `year`: the victim counts in every year
 * they took part in, as the published figure counts victims "included" in a
 * programme during the year.
 */
export function overlapsYear(from: string, until: string | null, year: number): boolean {
  return from <= `${year}-12-31` && (until === null || until >= `${year}-01-01`);
}

/** Organisation kinds (profile INSTITUTION_KINDS) whose officials hear victims, and the body kind each is. */
const BODY_KIND_OF_INSTITUTION: Readonly<Record<string, HearingBodyKind>> = {
  police: 'police',
  border_police: 'police',
  prosecution: 'prosecutor',
  court: 'court',
};

/** The body kind of an organisation of kind `institutionKind`, or null when such an organisation does not hear victims in proceedings. */
export function hearingBodyKind(institutionKind: string): HearingBodyKind | null {
  return BODY_KIND_OF_INSTITUTION[institutionKind] ?? null;
}
