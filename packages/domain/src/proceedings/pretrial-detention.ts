import { problem } from '../problems/catalogue.ts';
import { addDays, periodDays, termEnd } from './calendar.ts';
import type { CriminalProcedureRules, PretrialDetentionRules } from './criminal-procedure-profile.ts';
import { deadline, ProceedingsFactsError, type CaseDeadline, type ProceedingsFacts } from './deadline-types.ts';

/**
 * Pre-trial detention deadlines (issue 6 point 2), from the profile's
 * `criminal_procedure.pretrial_detention`: for Romania a warrant or an
 * extension lasts at most 30 days and the total in the investigation phase at
 * most 180 days (Code of Criminal Procedure art. 226, 233, 236). Days are
 * counted by the profile's convention; for Romania both the first and the
 * last day of a custodial measure count (CPP art. 269(4)).
 *
 * Only a warrant in force on `as_of` gives deadlines: a warrant that has
 * ended leaves nothing to extend, and the total matters only while the
 * suspect is held. A warrant without `phase` counts as investigation.
 */

type FactEvent = ProceedingsFacts['events'][number];
type Warrant = FactEvent & { ends_on: string; suspect_id: string };

/** Days covered by `periods` (overlaps counted once) that fall before `before`, by the counting convention. */
function daysHeldBefore(periods: Warrant[], before: string, counting: CriminalProcedureRules['counting']): number {
  const lastDay = addDays(before, -1);
  const clipped = periods
    .filter((p) => p.on <= lastDay)
    .map((p) => ({ from: p.on, to: p.ends_on < lastDay ? p.ends_on : lastDay }))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  let total = 0;
  let cursor: { from: string; to: string } | null = null;
  for (const p of clipped) {
    if (cursor && p.from <= addDays(cursor.to, 1)) {
      if (p.to > cursor.to) cursor.to = p.to;
      continue;
    }
    if (cursor) total += periodDays(cursor.from, cursor.to, counting);
    cursor = { ...p };
  }
  if (cursor) total += periodDays(cursor.from, cursor.to, counting);
  return total;
}

/**
 * The warrants of `facts`, checked: each names its suspect and its last day,
 * and an investigation warrant lasts at most the profile's maximum.
 * @throws ProceedingsFactsError naming the event and field.
 */
export function pretrialWarrants(
  rules: PretrialDetentionRules,
  counting: CriminalProcedureRules['counting'],
  facts: ProceedingsFacts,
): Warrant[] {
  return facts.events
    .filter((e) => e.kind === 'pretrial_detention_warrant')
    .map((e) => {
      if (e.suspect_id == null) throw new ProceedingsFactsError(e.id, 'suspect_id', problem('warrant_names_suspect'));
      if (e.ends_on == null) throw new ProceedingsFactsError(e.id, 'ends_on', problem('warrant_has_last_day'));
      const days = periodDays(e.on, e.ends_on, counting);
      if (e.phase !== 'trial' && days > rules.warrant_max_days)
        throw new ProceedingsFactsError(
          e.id,
          'ends_on',
          problem('warrant_too_long', { from_on: e.on, ends_on: e.ends_on, days, max_days: rules.warrant_max_days, source: rules.source }),
        );
      return { ...e, ends_on: e.ends_on, suspect_id: e.suspect_id };
    });
}

/**
 * For each suspect held on `as_of`: the end of the warrant in force and, in
 * the investigation phase, the last day the profile's total allows (its
 * maximum less the days already held before this warrant).
 * @throws ProceedingsFactsError when a warrant is invalid or the warrants exceed the total.
 */
export function pretrialDetentionDeadlines(
  rules: PretrialDetentionRules,
  counting: CriminalProcedureRules['counting'],
  facts: ProceedingsFacts,
): CaseDeadline[] {
  const warrants = pretrialWarrants(rules, counting, facts);
  const rule = {
    code: 'pretrial_detention',
    source: rules.source,
    ...(rules.source_i18n ? { source_i18n: rules.source_i18n } : {}),
    verify: rules.verify,
  };
  const out: CaseDeadline[] = [];
  for (const suspect of new Set(warrants.map((w) => w.suspect_id))) {
    const own = warrants.filter((w) => w.suspect_id === suspect);
    const current = own.filter((w) => w.on <= facts.as_of && w.ends_on >= facts.as_of).sort((a, b) => (a.on < b.on ? 1 : -1))[0];
    if (!current) continue;
    const days = periodDays(current.on, current.ends_on, counting);
    out.push(
      deadline(facts.as_of, {
        kind: 'pretrial_detention_warrant',
        subject: { suspect_id: suspect, event_id: current.id },
        due_on: current.ends_on,
        explanation: `The pre-trial detention warrant ${current.id} of suspect ${suspect}, from ${current.on}, ends on ${current.ends_on} (${days} days; at most ${rules.warrant_max_days} days a warrant or extension, ${rules.source}) unless extended.`,
        reason: {
          key: 'pretrial_detention.warrant',
          values: {
            suspect_id: suspect,
            event_id: current.id,
            from_on: current.on,
            due_on: current.ends_on,
            days,
            warrant_max_days: rules.warrant_max_days,
          },
        },
        rule,
      }),
    );
    if (current.phase === 'trial') continue;

    const investigation = own.filter((w) => w.phase !== 'trial');
    const heldBefore = daysHeldBefore(investigation, current.on, counting);
    const remaining = rules.investigation_total_max_days - heldBefore;
    if (remaining < days)
      throw new ProceedingsFactsError(
        current.id,
        'ends_on',
        problem('detention_total_exceeded', {
          days_held: heldBefore,
          ends_on: current.ends_on,
          max_days: rules.investigation_total_max_days,
          source: rules.source,
        }),
      );
    const lastDay = termEnd(current.on, { days: remaining }, counting);
    out.push(
      deadline(facts.as_of, {
        kind: 'pretrial_detention_total',
        subject: { suspect_id: suspect, event_id: current.id },
        due_on: lastDay,
        explanation: `Suspect ${suspect} was held ${heldBefore} days in pre-trial detention during the investigation before warrant ${current.id} of ${current.on}, so the ${rules.investigation_total_max_days}-day maximum (${rules.source}) is reached on ${lastDay}.`,
        reason: {
          key: 'pretrial_detention.total',
          values: {
            suspect_id: suspect,
            event_id: current.id,
            days_held_before: heldBefore,
            total_max_days: rules.investigation_total_max_days,
            due_on: lastDay,
          },
        },
        rule,
      }),
    );
  }
  return out;
}
