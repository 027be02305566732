import type { Offence } from '../profile/profile-schema.ts';
import { joinSourceI18n, type SourceI18n } from '../profile/source-i18n.ts';
import { addMonths } from '../gdpr/retention.ts';
import { addDays, daysFromTo, termEnd } from './calendar.ts';
import type { CriminalProcedureRules, LimitationRules } from './criminal-procedure-profile.ts';
import { deadline, type CaseDeadline, type ProceedingsFacts } from './deadline-types.ts';

/**
 * Limitation of criminal liability for one offence (issue 6 point 2), from
 * the profile's `criminal_procedure.limitation` rules. For Romania: Criminal
 * Code art. 153 (offences not subject to limitation), 154 (general terms by
 * maximum penalty, from the offence date or the end of a continuing
 * offence), 155 (interruption by procedural acts, the special term) and 186
 * (calendar years), 154(4) (offences against a minor: from the victim's
 * majority), 156 (suspension); Constitutional Court decisions 297/2018 and
 * 358/2022 and High Court decision 67/2022 (acts that did not interrupt).
 */

type FactOffence = ProceedingsFacts['offences'][number];
type FactEvent = ProceedingsFacts['events'][number];
type AppliedRule = { code: string; source: string; source_i18n?: SourceI18n; verify: boolean };

/**
 * The rules applied to one deadline, as one `rule`: their codes and sources
 * joined (translated citations too, in the languages every rule has), to
 * verify if any is.
 */
function combine(rules: AppliedRule[]): CaseDeadline['rule'] {
  const sourceI18n = joinSourceI18n(rules.map((r) => r.source_i18n));
  return {
    code: rules.map((r) => r.code).join('+'),
    source: rules.map((r) => r.source).join('; '),
    ...(sourceI18n ? { source_i18n: sourceI18n } : {}),
    verify: rules.some((r) => r.verify),
  };
}

/** The general term, years, for an offence's maximum penalty: the band with the highest bound below it. */
export function generalTermYears(rules: LimitationRules, penaltyMaxYears: number): number {
  const bands = rules.general_terms.bands
    .filter((b) => penaltyMaxYears > b.penalty_over_years)
    .sort((a, b) => b.penalty_over_years - a.penalty_over_years);
  const band = bands[0];
  if (!band) throw new Error(`no general limitation term covers a maximum penalty of ${penaltyMaxYears} years`);
  return band.term_years;
}

type FactVictim = NonNullable<ProceedingsFacts['victims']>[number];
type MajorityRule = LimitationRules['start_at_victim_majority'][number];

/**
 * The day `victim` turns `age`: from the date of birth, or, when only the year
 * is known, from 1 January of that year (the earliest possible day, so that a
 * deadline counted from it is never later than the truth); null when neither
 * is recorded.
 */
function comesOfAge(victim: FactVictim, age: number): { on: string; year_only: boolean } | null {
  if (victim.date_of_birth != null) return { on: addMonths(victim.date_of_birth, age * 12), year_only: false };
  if (victim.birth_year != null) return { on: `${String(victim.birth_year + age).padStart(4, '0')}-01-01`, year_only: true };
  return null;
}

/**
 * When the term of `offence` starts: its own start (`own`), or, for an article
 * of a `start_at_victim_majority` rule, the day a linked victim came of age if
 * that is later. The facts do not say which victim an offence concerns, so the
 * earliest start over the linked victims is taken (a victim of age, or whose
 * birth is not recorded, gives `own`): the deadline is never later than the truth.
 */
function termStart(
  rules: LimitationRules,
  offence: FactOffence,
  facts: ProceedingsFacts,
  own: string,
): { on: string; rule: MajorityRule | null; year_only: boolean; birth_unknown: boolean } {
  const rule = rules.start_at_victim_majority.find((r) => r.articles.includes(offence.article)) ?? null;
  const victims = facts.victims ?? [];
  if (!rule || victims.length === 0) return { on: own, rule: null, year_only: false, birth_unknown: false };
  let earliest: { on: string; year_only: boolean } | null = null;
  let birthUnknown = false;
  for (const victim of victims) {
    const ofAge = comesOfAge(victim, rule.victim_age_years);
    if (ofAge == null) birthUnknown = true;
    else if (ofAge.on <= own) return { on: own, rule: null, year_only: false, birth_unknown: false };
    else if (earliest == null || ofAge.on < earliest.on || (ofAge.on === earliest.on && ofAge.year_only)) earliest = ofAge;
  }
  if (birthUnknown || earliest == null) return { on: own, rule, year_only: false, birth_unknown: true };
  return { on: earliest.on, rule, year_only: earliest.year_only, birth_unknown: false };
}

type Period = { from: string; to: string };

/**
 * The periods in which the term of `offence` was suspended: events of the
 * profile's suspension kinds that concern it, from their day to their last
 * day, counted no further than `as_of` (a suspension still running, or
 * recorded with a planned end, has suspended only the days until today: the
 * deadline moves on as it lasts, and is never later than the truth); merged
 * where they overlap or touch, oldest first.
 */
function suspensions(rules: LimitationRules, offence: FactOffence, facts: ProceedingsFacts): Period[] {
  if (!rules.suspension) return [];
  const kinds = rules.suspension.events;
  const periods = facts.events
    .filter((e) => kinds.includes(e.kind) && e.on <= facts.as_of && concerns(offence, e))
    .map((e) => ({ from: e.on, to: e.ends_on != null && e.ends_on < facts.as_of ? e.ends_on : facts.as_of }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Period[] = [];
  for (const p of periods) {
    const prev = merged[merged.length - 1];
    if (prev && p.from <= addDays(prev.to, 1)) prev.to = p.to > prev.to ? p.to : prev.to;
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * A term running from `from` to `end`, prolonged by the days of `periods`
 * inside it (both ends counted): each day suspended moves the end one day,
 * and a suspension the prolonged term reaches prolongs it in turn.
 */
function prolonged(from: string, end: string, periods: readonly Period[]): { end: string; days: number } {
  let days = 0;
  let due = end;
  for (const p of periods) {
    if (p.to < from) continue;
    if (p.from > due) break;
    const n = daysFromTo(p.from > from ? p.from : from, p.to) + 1;
    days += n;
    due = addDays(due, n);
  }
  return { end: due, days };
}

/** Whether an act by `event`'s suspect can interrupt the term of an offence attributed to `offence`'s suspect (or to nobody). */
function concerns(offence: FactOffence, event: FactEvent): boolean {
  return event.suspect_id == null || offence.suspect_id == null || event.suspect_id === offence.suspect_id;
}

/**
 * The limitation deadline of `offence`: the last day criminal liability for
 * it can still be engaged. `due_on` is the earlier of the special term's end
 * and the general term counted from the last effective interruption; null
 * when the offence is not subject to limitation, the case is closed or a
 * final judgment was given.
 *
 * An interruption is effective when it is an act of a kind the profile lists,
 * done on or after the term started and on or before `as_of`, by the
 * offence's suspect or naming none (or the offence names no suspect), outside
 * the windows in which acts did not interrupt, for an offence not committed
 * before a date from which no act interrupts, and before the running term
 * had already ended (an act cannot revive a time-barred offence).
 */
export function limitationDeadline(
  rules: LimitationRules,
  counting: CriminalProcedureRules['counting'],
  definition: Offence,
  offence: FactOffence,
  facts: ProceedingsFacts,
): CaseDeadline {
  let start = offence.committed_until ?? offence.committed_on;
  const committed =
    offence.committed_until != null
      ? `committed from ${offence.committed_on} until ${offence.committed_until}`
      : `committed on ${offence.committed_on}`;
  let who = `Offence ${offence.id} (art. ${offence.article}, maximum penalty ${definition.penalty_years.max} years) ${committed}`;
  const base = {
    kind: 'limitation' as const,
    subject: { offence_id: offence.id, ...(offence.suspect_id != null ? { suspect_id: offence.suspect_id } : {}) },
  };
  const values: Record<string, string | number> = {
    offence_id: offence.id,
    article: offence.article,
    committed_on: offence.committed_on,
    start_on: start,
    penalty_max_years: definition.penalty_years.max,
  };
  const general = { code: 'limitation.general_term', ...rules.general_terms };

  if (facts.closed_on != null) {
    return deadline(facts.as_of, {
      ...base,
      due_on: null,
      explanation: `${who}: the case was closed on ${facts.closed_on}, so no limitation term runs.`,
      reason: { key: 'limitation.case_closed', values: { ...values, closed_on: facts.closed_on } },
      rule: combine([general]),
    });
  }
  if (facts.final_judgment_on != null) {
    return deadline(facts.as_of, {
      ...base,
      due_on: null,
      explanation: `${who}: the final judgment of ${facts.final_judgment_on} stopped the limitation of criminal liability (${rules.general_terms.source}).`,
      reason: { key: 'limitation.final_judgment', values: { ...values, final_judgment_on: facts.final_judgment_on } },
      rule: combine([general]),
    });
  }

  // The offence date decides (a continuing offence that began before the date stays subject to limitation: the safe side).
  const imprescriptible = rules.imprescriptible.find(
    (r) => r.articles.includes(offence.article) && offence.committed_on >= r.committed_from,
  );
  if (imprescriptible) {
    return deadline(facts.as_of, {
      ...base,
      due_on: null,
      explanation: `${who} is not subject to limitation: offences under art. ${imprescriptible.articles.join(', ')} committed on or after ${imprescriptible.committed_from} are imprescriptible (${imprescriptible.source}).`,
      reason: { key: 'limitation.imprescriptible', values: { ...values, imprescriptible_from: imprescriptible.committed_from } },
      rule: combine([{ code: 'limitation.imprescriptible', ...imprescriptible }]),
    });
  }

  const begins = termStart(rules, offence, facts, start);
  start = begins.on;
  values.start_on = start;
  const majorityRule = begins.rule && !begins.birth_unknown ? begins.rule : null;
  if (majorityRule) {
    values.victim_age_years = majorityRule.victim_age_years;
    values.birth_known = begins.year_only ? 'year' : 'date';
    who += `; its term starts on ${start}, the day a linked victim came of age (${majorityRule.victim_age_years}, ${majorityRule.source})${
      begins.year_only
        ? ': only the year of birth is recorded, so 1 January of it is taken, the earliest possible day, and this deadline is never later than the true one'
        : ''
    }`;
  } else if (begins.rule && begins.birth_unknown) {
    values.birth_known = 'no';
    who += `; a linked victim's date or year of birth is not recorded, so the term is taken to run from the offence (${begins.rule.source} starts it at the majority of a victim who was a minor: record the year of birth)`;
  }

  const years = generalTermYears(rules, definition.penalty_years.max);
  values.term_years = years;
  const suspended = suspensions(rules, offence, facts);
  const generalEnd = (from: string) => prolonged(from, termEnd(from, { months: years * 12 }, counting), suspended).end;

  const mitior = rules.no_interruption_for_offences.find((r) => offence.committed_on < r.committed_before);
  const candidates = facts.events
    .filter((e) => rules.interruption.events.includes(e.kind) && e.on >= start && e.on <= facts.as_of && concerns(offence, e))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const inWindow = (e: FactEvent) => rules.no_interruption_windows.find((w) => e.on >= w.acts_from && e.on <= w.acts_until);

  let runningEnd = generalEnd(start);
  let last: FactEvent | null = null;
  const ignoredBy: AppliedRule[] = [];
  let ignored = 0;
  for (const act of candidates) {
    const window = inWindow(act);
    if (mitior || window) {
      ignored += 1;
      const by = mitior
        ? { code: 'limitation.no_interruption_for_offence', ...mitior }
        : { code: 'limitation.no_interruption_window', ...window! };
      if (!ignoredBy.some((r) => r.source === by.source)) ignoredBy.push(by);
      continue;
    }
    if (act.on > runningEnd) break;
    runningEnd = generalEnd(act.on);
    last = act;
  }

  const special = rules.special_term;
  const specialYears = special ? years * special.multiple : null;
  const specialEnd =
    special && specialYears != null
      ? prolonged(start, termEnd(start, { months: Math.round(specialYears * 12) }, counting), suspended).end
      : null;
  const specialBinds = specialEnd != null && specialEnd < runningEnd;
  const dueOn = specialBinds ? specialEnd : runningEnd;
  values.due_on = dueOn;
  values.ignored_acts = ignored;
  if (specialEnd != null && specialYears != null) {
    values.special_term_years = specialYears;
    values.special_due_on = specialEnd;
  }
  if (last) {
    values.last_interruption_on = last.on;
    values.last_interruption_kind = last.kind;
  }

  // The days that moved the binding term: from its own start (the special term's, or the last interruption's).
  const bindingFrom = specialBinds ? start : (last?.on ?? start);
  const suspendedDays = suspended.length
    ? prolonged(
        bindingFrom,
        specialBinds
          ? termEnd(start, { months: Math.round(specialYears! * 12) }, counting)
          : termEnd(bindingFrom, { months: years * 12 }, counting),
        suspended,
      ).days
    : 0;
  if (suspendedDays > 0) values.suspended_days = suspendedDays;
  const suspendedNote =
    suspendedDays > 0 && rules.suspension
      ? `; it was suspended for ${suspendedDays} day${suspendedDays === 1 ? '' : 's'} (${suspended
          .filter((p) => p.to >= bindingFrom)
          .map((p) => (p.from === p.to ? p.from : `${p.from} to ${p.to}`))
          .join(', ')}), which the end includes (${rules.suspension.source})`
      : '';
  const ignoredNote =
    ignored > 0
      ? `; ${ignored} procedural act${ignored === 1 ? '' : 's'} did not interrupt it (${ignoredBy.map((r) => r.source).join('; ')})`
      : '';
  const applied: AppliedRule[] = [general];
  if (suspendedDays > 0 && rules.suspension) applied.push({ code: 'limitation.suspension', ...rules.suspension });
  if (majorityRule) applied.push({ code: 'limitation.victim_majority', ...majorityRule });
  let explanation: string;
  let key: string;
  if (specialBinds && special) {
    key = 'limitation.special';
    applied.push({ code: 'limitation.interruption', ...rules.interruption }, { code: 'limitation.special_term', ...special });
    explanation = `${who}: interruptions (the last on ${last?.on}) would carry the general term of ${years} years (${rules.general_terms.source}) to ${runningEnd}, but the special term of ${specialYears} years from ${start} ends on ${specialEnd} whatever the interruptions (${special.source})${suspendedNote}${ignoredNote}.`;
  } else if (last) {
    key = 'limitation.interrupted';
    applied.push({ code: 'limitation.interruption', ...rules.interruption });
    if (special) applied.push({ code: 'limitation.special_term', ...special });
    const specialNote =
      specialEnd != null ? `, before the special term of ${specialYears} years ends on ${specialEnd} (${special!.source})` : '';
    explanation = `${who}: the general term of ${years} years (${rules.general_terms.source}) was last interrupted on ${last.on} by ${last.kind} (${rules.interruption.source}) and so ends on ${dueOn}${specialNote}${suspendedNote}${ignoredNote}.`;
  } else {
    key = 'limitation.general';
    explanation = `${who}: the general term of ${years} years (${rules.general_terms.source}) runs from ${start} and ends on ${dueOn}${suspendedNote}${ignoredNote}.`;
  }
  return deadline(facts.as_of, {
    ...base,
    due_on: dueOn,
    explanation,
    reason: { key, values },
    rule: combine([...applied, ...ignoredBy]),
  });
}
