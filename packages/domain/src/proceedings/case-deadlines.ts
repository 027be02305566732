import { problem } from '../problems/catalogue.ts';
import { isIsoDate } from './calendar.ts';
import { ProceedingsFactsError, type CaseDeadline, type DeadlineProfile, type ProceedingsFacts } from './deadline-types.ts';
import { limitationDeadline } from './limitation.ts';
import { PROCEDURAL_EVENTS } from './procedural-events.ts';
import { pretrialDetentionDeadlines } from './pretrial-detention.ts';
import { procedureTermDeadlines } from './procedural-terms.ts';

/**
 * Every legal deadline of a criminal case (issue 6 point 2), by the profile's
 * `criminal_procedure` rules: the limitation of criminal liability of each
 * offence, the pre-trial detention warrant in force and the investigation
 * total for each suspect held, and each further term the profile defines.
 * Pure: the same facts and profile give the same list. docs/proceedings.md,
 * "Deadlines", states the rules, sources and conventions.
 *
 * A closed case keeps one `none` limitation entry per offence (saying why no
 * term runs) and nothing else.
 *
 * @returns the deadlines, soonest `due_on` first, those without a due date last.
 * @throws ProceedingsFactsError naming the offence or event id (or "facts") and the field, for a date
 *   that is not an ISO date, an end before its start, an article the profile does not list, an unknown
 *   event kind, a victim's birth that is not a date or a year, or a detention warrant beyond the profile's maxima.
 */
export function caseDeadlines(profile: DeadlineProfile, facts: ProceedingsFacts): CaseDeadline[] {
  checkFacts(profile, facts);
  const rules = profile.criminal_procedure;
  const out: CaseDeadline[] = [];
  if (rules.limitation) {
    for (const offence of facts.offences) {
      const definition = profile.offences.find((o) => o.article === offence.article)!;
      out.push(limitationDeadline(rules.limitation, rules.counting, definition, offence, facts));
    }
  }
  if (facts.closed_on == null) {
    if (rules.pretrial_detention) out.push(...pretrialDetentionDeadlines(rules.pretrial_detention, rules.counting, facts));
    out.push(...procedureTermDeadlines(rules.terms, rules.counting, facts));
  }
  return out.sort(bySoonest);
}

function bySoonest(a: CaseDeadline, b: CaseDeadline): number {
  if (a.due_on !== b.due_on) {
    if (a.due_on == null) return 1;
    if (b.due_on == null) return -1;
    return a.due_on < b.due_on ? -1 : 1;
  }
  const key = (d: CaseDeadline) =>
    `${d.kind}\u0000${d.subject.offence_id ?? ''}\u0000${d.subject.suspect_id ?? ''}\u0000${d.subject.event_id ?? ''}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function date(record: string, field: string, value: unknown): void {
  if (!isIsoDate(value)) throw new ProceedingsFactsError(record, field, problem('fact_not_an_iso_date', { value: JSON.stringify(value) }));
}

/** @throws ProceedingsFactsError for the first fact the engine cannot use. */
function checkFacts(profile: DeadlineProfile, facts: ProceedingsFacts): void {
  date('facts', 'as_of', facts.as_of);
  if (facts.closed_on != null) date('facts', 'closed_on', facts.closed_on);
  if (facts.final_judgment_on != null) date('facts', 'final_judgment_on', facts.final_judgment_on);
  const articles = profile.offences.map((o) => o.article);
  for (const o of facts.offences) {
    if (!articles.includes(o.article))
      throw new ProceedingsFactsError(
        o.id,
        'article',
        problem('fact_offence_not_in_profile', { article: o.article, articles: articles.join(', ') }),
      );
    date(o.id, 'committed_on', o.committed_on);
    if (o.committed_until != null) {
      date(o.id, 'committed_until', o.committed_until);
      if (o.committed_until < o.committed_on)
        throw new ProceedingsFactsError(
          o.id,
          'committed_until',
          problem('fact_until_before_committed', { until: o.committed_until, committed_on: o.committed_on }),
        );
    }
  }
  (facts.victims ?? []).forEach((v, i) => {
    if (v.date_of_birth != null) date(`victims[${i}]`, 'date_of_birth', v.date_of_birth);
    if (v.birth_year != null && !Number.isInteger(v.birth_year))
      throw new ProceedingsFactsError(`victims[${i}]`, 'birth_year', problem('fact_not_a_year', { value: JSON.stringify(v.birth_year) }));
  });
  for (const e of facts.events) {
    if (!Object.hasOwn(PROCEDURAL_EVENTS, e.kind))
      throw new ProceedingsFactsError(e.id, 'kind', problem('fact_unknown_event_kind', { kind: String(e.kind) }));
    date(e.id, 'on', e.on);
    if (e.ends_on != null) {
      date(e.id, 'ends_on', e.ends_on);
      if (e.ends_on < e.on)
        throw new ProceedingsFactsError(e.id, 'ends_on', problem('fact_ends_before_start', { ends_on: e.ends_on, on: e.on }));
    }
  }
}
