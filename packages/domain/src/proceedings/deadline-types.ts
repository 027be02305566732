import { problemText, type CataloguedProblem } from '../problems/catalogue.ts';
import type { JurisdictionProfile } from '../profile/profile-schema.ts';
import type { SourceI18n } from '../profile/source-i18n.ts';
import { daysFromTo } from './calendar.ts';
import type { ProceduralEventKind } from './procedural-events.ts';

/**
 * The deadline engine's input and output (issue 6 point 2). Dates are ISO
 * "YYYY-MM-DD". The shapes are a contract shared with the server, the
 * reminders job and the web app.
 */

/** What the engine needs of a criminal case. */
export type ProceedingsFacts = {
  /** The day the deadlines are computed at (ISO date). */
  as_of: string;
  /** `article` is one of the profile's offences; `committed_until` is the day a continuing offence's conduct ended. */
  offences: { id: string; article: string; committed_on: string; committed_until?: string | null; suspect_id?: string | null }[];
  /** Procedural events; `ends_on` is the last day of a warrant or measure (`PROCEDURAL_EVENTS[kind].has_end`). */
  events: {
    id: string;
    kind: ProceduralEventKind;
    on: string;
    ends_on?: string | null;
    suspect_id?: string | null;
    phase?: 'investigation' | 'trial' | null;
  }[];
  /**
   * The victims linked to the case, with what is known of their birth: the
   * date (ISO) or only the year. Read for the rules that start a limitation
   * term at a victim's majority (`limitation.start_at_victim_majority`); absent
   * or empty, those rules change nothing.
   */
  victims?: { date_of_birth?: string | null; birth_year?: number | null }[];
  /** Case closed: no deadline runs. */
  closed_on?: string | null;
  /** Limitation of criminal liability stops running at the final judgment. */
  final_judgment_on?: string | null;
};

/**
 * One deadline of a case, with why it falls when it does. `not_computed` is
 * never the engine's: lists of many cases (the at-risk dashboard) put it in
 * place of the deadlines of a case whose facts the engine refused, so that the
 * case is shown rather than dropped (notComputedDeadline).
 */
export type CaseDeadline = {
  kind: 'limitation' | 'pretrial_detention_warrant' | 'pretrial_detention_total' | `term:${string}` | 'not_computed';
  subject: { offence_id?: string; suspect_id?: string; event_id?: string };
  /** The last day (ISO); null: no deadline (offence not subject to limitation, case closed, final judgment). */
  due_on: string | null;
  /** `due_on` minus `as_of`, days; 0 on the last day, negative once passed. */
  days_left: number | null;
  status: 'running' | 'passed' | 'none';
  /** One English sentence with the dates, terms and articles applied. */
  explanation: string;
  /** The same, for translation: `key` names the sentence, `values` fill it. */
  reason: { key: string; values: Record<string, string | number> };
  /** `source_i18n`: the source's citation by language code, where the profile gives it (profile/source-i18n.ts). */
  rule: { code: string; source: string; source_i18n?: SourceI18n; verify: boolean };
};

/** The parts of a profile the engine reads. */
export type DeadlineProfile = Pick<JurisdictionProfile, 'offences' | 'criminal_procedure'>;

/**
 * Facts the engine cannot compute from: names the record (offence or event id, or "facts"), the field and the
 * rule broken (`problem`, a rule of the problem catalogue; the message says it in English after `"record".field: `).
 */
export class ProceedingsFactsError extends Error {
  readonly record: string;
  readonly field: string;
  readonly problem: CataloguedProblem;
  constructor(record: string, field: string, problem: CataloguedProblem) {
    super(`${record === 'facts' ? 'facts' : `"${record}"`}.${field}: ${problemText(problem)}`);
    this.name = 'ProceedingsFactsError';
    this.record = record;
    this.field = field;
    this.problem = problem;
  }
}

/** A deadline with `days_left` and `status` derived from `due_on` and `as_of`. */
export function deadline(asOf: string, d: Omit<CaseDeadline, 'days_left' | 'status'>): CaseDeadline {
  if (d.due_on == null) return { ...d, days_left: null, status: 'none' };
  const daysLeft = daysFromTo(asOf, d.due_on);
  return { ...d, days_left: daysLeft, status: daysLeft < 0 ? 'passed' : 'running' };
}

/**
 * The entry that stands for the deadlines of a case the engine could not
 * compute (its facts refused: ProceedingsFactsError, or a profile the engine
 * cannot apply): no due date, and the reason in the explanation ("deadline
 * could not be computed: <reason>"), so that a list of cases shows the case
 * instead of losing it to the statute of limitations unseen.
 */
export function notComputedDeadline(error: unknown): CaseDeadline {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'not_computed',
    subject: {},
    due_on: null,
    days_left: null,
    status: 'none',
    explanation: `deadline could not be computed: ${message}`,
    reason: { key: 'not_computed', values: { error: message } },
    rule: {
      code: 'facts',
      source: 'OpenNRM deadline engine (caseDeadlines): the facts it refuses are listed in its documentation',
      verify: false,
    },
  };
}
