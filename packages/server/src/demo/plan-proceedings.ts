import {
  caseDeadlines,
  type ClosureReason,
  type CooperationKind,
  type CriminalCaseStage,
  type JurisdictionProfile,
  type ProceduralEventKind,
} from '@opennrm/domain';
import { addDays, dateBetween, daysBetween, maxDate, minDate } from './calendar.ts';
import type { PlannedCriminalCase, PlannedVictim } from './demo-plan.ts';
import type { SeededRandom } from './random.ts';
import type { DemoScenario } from './romania-scenario.ts';

/** The scenario's numbers for proceedings (issue 6), by year. */
export interface ProceedingsScenario {
  /** Joint investigation teams of trafficking cases concluded, by year (2023: 7, 2024 TIP report). */
  joint_investigation_teams_concluded: Record<number, number>;
  /** Trafficking cases closed because the statute of limitations ran out, by year of closure. */
  limitation_closures: Record<number, number>;
  /** Trafficking cases closed for insufficient evidence, by year of closure. */
  evidence_closures: Record<number, number>;
  /** Days after `at_risk_from` on which the limitation of an open pre-2021 case falls (the at-risk dashboard shows them). */
  at_risk_limitation_days: number[];
  /** The day those days count from; as_of when absent. The demo loader sets the day it loads (loadDemo). */
  at_risk_from?: string;
  /** Share of cases flagged as organised crime groups. */
  organised_crime_group_share: number;
}

export interface PlannedEvent {
  /** Index of the suspect in the case's `suspects`; null for an event of the case. */
  suspect: number | null;
  kind: ProceduralEventKind;
  occurred_on: string;
  ends_on: string | null;
  phase: 'investigation' | 'trial';
  sentence_months: number | null;
  sentence_suspended: boolean | null;
  amount: string | null;
  currency: string | null;
  note: string | null;
}

export interface PlannedProceedings {
  stage: CriminalCaseStage;
  closed_on: string | null;
  closure_reason: ClosureReason | null;
  organised_crime_group: boolean;
  offences: { article: string; committed_on: string; committed_until: string | null }[];
  events: PlannedEvent[];
  cooperation: { kind: CooperationKind; countries: string[]; opened_on: string; concluded_on: string | null }[];
}

const PARTNERS = ['IT', 'ES', 'DE', 'FR', 'GB', 'AT', 'IE', 'NL', 'BE'];

/**
 * Plans the proceedings of every criminal case (issue 6): dated offences,
 * procedural events that agree with each suspect's indictment, verdict and
 * sentence (so no published figure moves), the stage they lead to, closures
 * by the statute of limitations and for insufficient evidence among cases
 * without an indicted suspect, joint investigation teams and other
 * cooperation, and a few open cases whose limitation (computed by the
 * domain's deadline engine, so the profile's rules decide) falls within days
 * of `as_of`. Sets `proceedings` on each case; changes nothing else.
 *
 * The engine is given each case's victims' years of birth, as the server gives
 * them (proceedings-facts.ts): a case whose child victim's majority sets the
 * term (Criminal Code art. 154(4)) cannot be time-barred on a chosen day, and
 * is passed over for a limitation closure or an at-risk limitation.
 *
 * @throws Error when the scenario asks for more closures or teams of a year than there are cases to carry them.
 */
export function planProceedings(
  scenario: DemoScenario,
  profile: JurisdictionProfile,
  cases: PlannedCriminalCase[],
  random: SeededRandom,
  victims: readonly Pick<PlannedVictim, 'person'>[],
): void {
  const numbers = scenario.proceedings;
  if (!numbers) return;
  const asOf = scenario.as_of;
  const trafficking = new Set(profile.offences.filter((o) => o.trafficking).map((o) => o.article));
  for (const c of cases) c.proceedings = ordinaryProceedings(c);

  /** Cases still under investigation with nobody indicted, oldest first after a shuffle (so the pick is seeded). */
  const investigations = () =>
    random.shuffle(
      cases.filter(
        (c) =>
          c.offence_articles.some((a) => trafficking.has(a)) &&
          (c.proceedings!.stage === 'investigation_in_rem' || c.proceedings!.stage === 'investigation_in_personam'),
      ),
    );

  for (const [year, count] of Object.entries(numbers.limitation_closures)) close(Number(year), count, 'statute_of_limitations');
  for (const [year, count] of Object.entries(numbers.evidence_closures)) close(Number(year), count, 'insufficient_evidence');
  const atRisk = investigations().filter((c) => c.opened_on <= addDays(asOf, -400));
  let nextAtRisk = 0;
  for (const days of numbers.at_risk_limitation_days) {
    const target = addDays(numbers.at_risk_from ?? asOf, days);
    for (;;) {
      const c = atRisk[nextAtRisk++];
      if (!c) throw new Error('demo: no open investigation left for an at-risk limitation');
      const offences = c.proceedings!.offences.map((o) => ({ ...o, committed_on: committedFor(o.article, target), committed_until: null }));
      if (limitationDue(offences, c) !== target) continue;
      c.proceedings!.offences = offences;
      break;
    }
  }
  for (const [year, count] of Object.entries(numbers.joint_investigation_teams_concluded)) jointTeams(Number(year), count);
  for (const c of random.shuffle(cases.filter((c) => c.proceedings!.stage !== 'closed')).slice(0, 40)) {
    const opened = dateBetween(random, c.opened_on, minDate(addDays(c.opened_on, 300), asOf));
    const answered = addDays(opened, random.int(20, 200));
    c.proceedings!.cooperation.push({
      kind: random.weighted([
        ['european_investigation_order', 5],
        ['mutual_legal_assistance_request', 3],
        ['european_arrest_warrant', 2],
      ]),
      countries: [random.pick(PARTNERS)],
      opened_on: opened,
      concluded_on: answered <= asOf ? answered : null,
    });
  }

  function ordinaryProceedings(c: PlannedCriminalCase): PlannedProceedings {
    const events: PlannedEvent[] = [event(null, 'investigation_in_rem_started', c.opened_on, 'investigation')];
    const offences = c.offence_articles.map((article) => {
      const committed = addDays(c.opened_on, -random.int(20, 540));
      const until = random.chance(0.5) ? minDate(addDays(committed, random.int(10, 200)), addDays(c.opened_on, -1)) : null;
      return { article, committed_on: committed, committed_until: until };
    });
    let appealed = false;
    let allFinal = c.suspects.some((s) => s.prosecuted_on != null);
    c.suspects.forEach((s, i) => {
      const until = s.prosecuted_on ?? asOf;
      if (s.prosecuted_on == null && !random.chance(0.6)) return;
      if (daysBetween(c.opened_on, until) < 10) return;
      const personam = dateBetween(random, addDays(c.opened_on, 1), addDays(until, -5));
      events.push(event(i, 'investigation_in_personam_started', personam, 'investigation'));
      events.push(event(i, 'suspect_heard', personam, 'investigation'));
      if (random.chance(0.35)) {
        events.push({ ...event(i, 'detained', personam, 'investigation'), ends_on: addDays(personam, 1) });
        // Warrants of 30 days counted with their first and last day (CPP art. 226), extended while the investigation runs.
        let start = addDays(personam, 1);
        for (let n = 0; n < random.int(1, 4) && addDays(start, 29) < until; n++) {
          events.push({ ...event(i, 'pretrial_detention_warrant', start, 'investigation'), ends_on: addDays(start, 29) });
          start = addDays(start, 30);
        }
      }
      if (s.prosecuted_on == null) return;
      if (random.chance(0.2))
        events.push({
          ...event(i, 'assets_seized', personam, 'investigation'),
          amount: `${random.int(5, 400) * 1000}.00`,
          currency: 'EUR',
        });
      events.push(event(i, 'indicted', s.prosecuted_on, 'trial'));
      if (!s.verdict || !s.verdict_on) {
        allFinal = false;
        return;
      }
      events.push(event(i, s.verdict === 'convicted' ? 'convicted_first_instance' : 'acquitted_first_instance', s.verdict_on, 'trial'));
      if (s.sentence_months != null)
        events.push({
          ...event(i, 'sentenced', s.verdict_on, 'trial'),
          sentence_months: s.sentence_months,
          sentence_suspended: s.sentence_suspended,
        });
      if (s.verdict === 'convicted' && random.chance(0.3))
        events.push({
          ...event(i, 'confiscation_ordered', s.verdict_on, 'trial'),
          amount: `${random.int(2, 250) * 1000}.00`,
          currency: 'RON',
        });
      const final = addDays(s.verdict_on, random.int(90, 300));
      if (final > asOf) {
        allFinal = false;
        return;
      }
      if (!appealed) events.push(event(null, 'appeal_filed', addDays(s.verdict_on, 10), 'trial'));
      appealed = true;
      events.push(event(i, s.verdict === 'convicted' ? 'convicted_final' : 'acquitted_final', final, 'trial'));
    });
    const has = (kind: ProceduralEventKind) => events.some((e) => e.kind === kind);
    const stage: CriminalCaseStage = allFinal
      ? 'final_judgment'
      : has('convicted_first_instance') || has('acquitted_first_instance')
        ? appealed
          ? 'appeal'
          : 'first_instance'
        : has('indicted')
          ? 'indicted'
          : has('investigation_in_personam_started')
            ? 'investigation_in_personam'
            : 'investigation_in_rem';
    events.sort((a, b) => a.occurred_on.localeCompare(b.occurred_on));
    return {
      stage,
      closed_on: null,
      closure_reason: null,
      organised_crime_group: random.chance(numbers!.organised_crime_group_share),
      offences,
      events,
      cooperation: [],
    };
  }

  function close(year: number, count: number, reason: ClosureReason): void {
    const from = reason === 'statute_of_limitations' && year === 2022 ? '2022-10-01' : `${year}-01-10`;
    const candidates = investigations().filter((c) => c.opened_on <= addDays(minDate(`${year}-12-20`, asOf), -60));
    let closed = 0;
    for (const c of candidates) {
      if (closed === count) break;
      const p = c.proceedings!;
      const closedOn = dateBetween(random, maxDate(from, addDays(c.opened_on, 60)), minDate(`${year}-12-20`, asOf));
      if (reason === 'statute_of_limitations') {
        // Offences time-barred some months before the closure: committed years before the case opened.
        const offences = p.offences.map((o) => ({
          ...o,
          committed_on: committedFor(o.article, addDays(closedOn, -random.int(10, 200))),
          committed_until: null,
        }));
        const due = limitationDue(offences, c);
        if (!due || due >= closedOn) continue;
        p.offences = offences;
      }
      closed += 1;
      p.events = p.events.filter((e) => e.occurred_on <= closedOn && e.kind !== 'pretrial_detention_warrant' && e.kind !== 'detained');
      p.events.push({ ...event(null, 'case_closed', closedOn, 'investigation'), note: reason });
      p.stage = 'closed';
      p.closed_on = closedOn;
      p.closure_reason = reason;
    }
    if (closed < count) throw new Error(`scenario: ${count} closures (${reason}) in ${year}, only ${closed} cases to close`);
  }

  function jointTeams(year: number, count: number): void {
    const end = minDate(`${year}-12-20`, asOf);
    const candidates = random
      .shuffle(cases.filter((c) => c.offence_articles.some((a) => trafficking.has(a)) && c.opened_on <= addDays(end, -200)))
      .filter((c) => c.proceedings!.closed_on == null || c.proceedings!.closed_on >= end)
      .slice(0, count);
    if (candidates.length < count)
      throw new Error(`scenario: ${count} joint investigation teams concluded in ${year}, only ${candidates.length} cases`);
    for (const c of candidates) {
      const concluded = dateBetween(random, maxDate(`${year}-01-10`, addDays(c.opened_on, 120)), end);
      const opened = dateBetween(random, c.opened_on, addDays(concluded, -90));
      const countries = random.shuffle([...PARTNERS]).slice(0, random.int(1, 3));
      c.proceedings!.cooperation.push({ kind: 'joint_investigation_team', countries, opened_on: opened, concluded_on: concluded });
    }
  }

  /** The day an offence must have been committed for its limitation to fall on `due` (the engine decides the term). */
  function committedFor(article: string, due: string): string {
    let committed = addDays(due, -8 * 365);
    for (let i = 0; i < 4; i++) {
      const actual = limitationDue([{ article, committed_on: committed, committed_until: null }]);
      if (actual == null) throw new Error(`demo: article ${article} committed ${committed} has no limitation`);
      committed = addDays(committed, daysBetween(actual, due));
    }
    return committed;
  }

  /** The earliest limitation date of the offences (of case `c`, with its victims' years of birth), by the domain's deadline engine; null when none runs. */
  function limitationDue(offences: PlannedProceedings['offences'], c?: PlannedCriminalCase): string | null {
    const deadlines = caseDeadlines(profile, {
      as_of: asOf,
      offences: offences.map((o, i) => ({ id: `o${i}`, ...o })),
      events: [],
      victims: (c?.victims ?? []).map((v) => ({ birth_year: victims[v.victim]!.person.birth_year })),
    });
    const dues = deadlines.filter((d) => d.kind === 'limitation' && d.due_on).map((d) => d.due_on!);
    return dues.length ? dues.sort()[0]! : null;
  }
}

function event(suspect: number | null, kind: ProceduralEventKind, occurred_on: string, phase: 'investigation' | 'trial'): PlannedEvent {
  return {
    suspect,
    kind,
    occurred_on,
    ends_on: null,
    phase,
    sentence_months: null,
    sentence_suspended: null,
    amount: null,
    currency: null,
    note: null,
  };
}
