import { problem } from '../problems/catalogue.ts';
import { periodDays, termEnd } from './calendar.ts';
import type { CriminalProcedureRules, ProcedureTerm } from './criminal-procedure-profile.ts';
import { deadline, ProceedingsFactsError, type CaseDeadline, type ProceedingsFacts } from './deadline-types.ts';

/**
 * Further procedural terms the profile defines (`criminal_procedure.terms`),
 * all treated alike: a term of `days` or `months` runs from the latest event
 * of kind `starts_with` for each suspect (or for the case, for events naming
 * none), counted by the profile's convention.
 *
 * No deadline is given when an `ends_with` event of the same suspect (or of
 * the whole case) came on or after it, or when the event's own `ends_on` has
 * passed (the measure ended). A term without a recorded end stays, once
 * passed, as a `passed` deadline: something was due and nothing recorded says
 * it was done.
 */

type FactEvent = ProceedingsFacts['events'][number];

function inPhase(term: ProcedureTerm, e: FactEvent): boolean {
  if (term.phase == null) return true;
  return term.phase === 'trial' ? e.phase === 'trial' : e.phase !== 'trial';
}

/**
 * Deadlines of every profile term for `facts`.
 * @throws ProceedingsFactsError when an event's `ends_on` lies beyond the term the profile allows.
 */
export function procedureTermDeadlines(
  terms: ProcedureTerm[],
  counting: CriminalProcedureRules['counting'],
  facts: ProceedingsFacts,
): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  for (const term of terms) {
    const length = term.days != null ? { days: term.days } : { months: term.months! };
    const lengthText = term.days != null ? `${term.days} days` : `${term.months} months`;
    const starts = facts.events.filter((e) => e.kind === term.starts_with && inPhase(term, e) && e.on <= facts.as_of);
    for (const e of starts) {
      const max = termEnd(e.on, length, counting);
      if (e.ends_on != null && e.ends_on > max)
        throw new ProceedingsFactsError(
          e.id,
          'ends_on',
          problem(term.days != null ? 'term_exceeded_days' : 'term_exceeded_months', {
            kind: e.kind,
            from_on: e.on,
            ends_on: e.ends_on,
            days: periodDays(e.on, e.ends_on, counting),
            ...(term.days != null ? { term_days: term.days } : { term_months: term.months! }),
            term: term.code,
            source: term.source,
          }),
        );
    }
    for (const suspect of new Set(starts.map((e) => e.suspect_id ?? null))) {
      const latest = starts.filter((e) => (e.suspect_id ?? null) === suspect).sort((a, b) => (a.on < b.on ? 1 : -1))[0]!;
      const ended = facts.events.some(
        (x) =>
          term.ends_with.includes(x.kind) &&
          x.on >= latest.on &&
          x.on <= facts.as_of &&
          (x.suspect_id == null || suspect == null || x.suspect_id === suspect),
      );
      if (ended || (latest.ends_on != null && latest.ends_on < facts.as_of)) continue;
      const dueOn = latest.ends_on ?? termEnd(latest.on, length, counting);
      const whose = suspect == null ? 'the case' : `suspect ${suspect}`;
      out.push(
        deadline(facts.as_of, {
          kind: `term:${term.code}`,
          subject: { ...(suspect != null ? { suspect_id: suspect } : {}), event_id: latest.id },
          due_on: dueOn,
          explanation: `The ${term.code} term of ${lengthText} from ${latest.kind} ${latest.id} of ${whose} on ${latest.on} (${term.source}) ends on ${dueOn}${latest.ends_on != null ? ', the end ordered' : ''}.`,
          reason: {
            key: 'term',
            values: {
              term: term.code,
              event_kind: latest.kind,
              event_id: latest.id,
              from_on: latest.on,
              due_on: dueOn,
              ...(term.days != null ? { days: term.days } : { months: term.months! }),
              ...(suspect != null ? { suspect_id: suspect } : {}),
            },
          },
          rule: {
            code: `term.${term.code}`,
            source: term.source,
            ...(term.source_i18n ? { source_i18n: term.source_i18n } : {}),
            verify: term.verify,
          },
        }),
      );
    }
  }
  return out;
}
