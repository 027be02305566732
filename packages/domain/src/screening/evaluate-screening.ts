import {
  ACT_ELEMENT,
  GRADES,
  type CombinationRule,
  type ExploitationType,
  type Grade,
  type IndicatorSet,
  type RuleSource,
  type ScreeningInstrument,
  type VictimType,
} from './instrument-schema.ts';
import type { CataloguedProblem } from '../problems/catalogue.ts';

/**
 * Evaluates a screening against an instrument's indicators and decision rules
 * (ILO/EC operational indicators of trafficking, 2009; Palermo Protocol art. 3).
 * The rules themselves are data in the instrument; this file only applies them.
 * docs/screening.md explains the outcomes and the sources.
 */

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

/**
 * OpenNRM screening outcomes (docs/screening.md):
 * - no_indicators: no dimension met and no strong indicator answered yes;
 * - potential_victim: a strong indicator or a dimension met, but not the combination: refer for a full assessment;
 * - presumed_victim: the combination for an adult or a child met: refer to assistance at once and for formal identification.
 */
export const SCREENING_OUTCOMES = ['no_indicators', 'potential_victim', 'presumed_victim'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** Palermo Protocol art. 3(d): a child is a person under eighteen years of age. */
export const PALERMO_CHILD_AGE_YEARS = 18;

export interface ScreeningInput {
  /** Code of the indicator set (e.g. "adult_labour"); or give the victim type or age and the exploitation type. */
  set?: string;
  victim?: VictimType;
  /** Age in whole years at the time of the facts; under `child_age_years` is a child. */
  age_years?: number;
  exploitation?: ExploitationType;
  /** Indicator or act-question id -> answer. A question not answered counts as unknown, and unknown never as yes. */
  answers: Record<string, Answer>;
  /** The profile's `child_age_years`; defaults to 18 (Palermo Protocol art. 3(d)). */
  child_age_years?: number;
}

export interface DimensionMet {
  dimension: string;
  /** Indicator ids answered yes in this dimension. */
  by_answers: string[];
  /** The threshold that met it, "<dimension rule id>.<threshold id>", e.g. "ilo_dimension_positive.two_strong". */
  rule: string;
}

export interface PalermoTest {
  act: boolean;
  means: boolean;
  purpose: boolean;
  /** False for a child (art. 3(c)). */
  means_required: boolean;
  met: boolean;
}

export interface ScreeningResult {
  instrument: string;
  set: string;
  victim: VictimType;
  exploitation: ExploitationType;
  outcome: ScreeningOutcome;
  dimensions_met: DimensionMet[];
  /** Strong indicators answered yes. */
  strong_yes: string[];
  combination: { rule: string; met: boolean };
  palermo: PalermoTest;
  /** Unknown (or unanswered) questions a yes to which, alone, would raise the outcome; with that outcome. */
  decisive_unknowns: { id: string; outcome: ScreeningOutcome }[];
  /** The outcome if every unknown answer were yes: the most the missing answers could change. */
  outcome_if_unknowns_yes: ScreeningOutcome;
  /** Rules applied that are flagged `verify` in the instrument (not yet checked against the primary text). */
  unverified_rules: string[];
  /** Human-readable lines, in English, each citing the rule it applies. */
  explanation: string[];
}

/**
 * Bad screening input: names the field, and the reason as a catalogued rule (`problem`, which the API sends for
 * clients to translate) and in English (`reason`; `message` prefixes it with the field). The English is written
 * here, not rendered from the catalogue, because this module runs on the screening route, whose bundle has no room
 * for the catalogue's texts; a unit test checks that both say the same.
 */
export class ScreeningError extends Error {
  readonly field: string;
  readonly problem: CataloguedProblem;
  readonly reason: string;
  constructor(field: string, problem: CataloguedProblem, reason: string) {
    super(`screening ${field}: ${reason}`);
    this.name = 'ScreeningError';
    this.field = field;
    this.problem = problem;
    this.reason = reason;
  }
}

interface Assessment {
  dimensionsMet: DimensionMet[];
  strongYes: string[];
  combinationMet: boolean;
  palermo: PalermoTest;
  outcome: ScreeningOutcome;
}

const OUTCOME_TEXT: Record<ScreeningOutcome, string> = {
  no_indicators: 'no indicators',
  potential_victim: 'potential victim',
  presumed_victim: 'presumed victim',
};
const RANK: Record<ScreeningOutcome, number> = { no_indicators: 0, potential_victim: 1, presumed_victim: 2 };

/**
 * Evaluates one screening.
 *
 * @param instrument a validated instrument (parseInstrument or shippedInstrument).
 * @param input the set (or victim type / age and exploitation type) and the answers.
 * @returns the outcome, the dimensions met and by which answers, the Palermo test, the
 *   unknown answers that could change the outcome, and an explanation citing each rule.
 * @throws ScreeningError when the set cannot be chosen, is not transcribed, or an answer
 *   names a question not in the set or is not yes/no/unknown.
 */
export function evaluateScreening(instrument: ScreeningInstrument, input: ScreeningInput): ScreeningResult {
  const set = chooseSet(instrument, input);
  const answers = checkAnswers(instrument, set, input.answers);
  const yes = new Set(Object.keys(answers).filter((id) => answers[id] === 'yes'));
  const rule = instrument.combination_rules.find((r) => r.victim === set.victim)!;
  const result = assess(instrument, set, rule, yes);

  const askable = [...instrument.act_questions.map((q) => q.id), ...set.indicators.map((i) => i.id)];
  const unknowns = askable.filter((id) => answers[id] !== 'yes' && answers[id] !== 'no');
  const decisive = unknowns.flatMap((id) => {
    const outcome = assess(instrument, set, rule, new Set([...yes, id])).outcome;
    return RANK[outcome] > RANK[result.outcome] ? [{ id, outcome }] : [];
  });
  const ceiling = assess(instrument, set, rule, new Set([...yes, ...unknowns])).outcome;

  const unverified = [
    ...(instrument.dimension_rule.source.verify ? [instrument.dimension_rule.id] : []),
    ...(rule.source.verify ? [rule.id] : []),
  ];
  return {
    instrument: instrument.code,
    set: set.code,
    victim: set.victim,
    exploitation: set.exploitation,
    outcome: result.outcome,
    dimensions_met: result.dimensionsMet,
    strong_yes: result.strongYes,
    combination: { rule: rule.id, met: result.combinationMet },
    palermo: result.palermo,
    decisive_unknowns: decisive,
    outcome_if_unknowns_yes: ceiling,
    unverified_rules: unverified,
    explanation: explain(instrument, set, rule, yes, result, decisive, ceiling, unknowns.length),
  };
}

function setCodes(instrument: ScreeningInstrument): string {
  return instrument.sets.map((s) => s.code).join(', ');
}

function chooseSet(instrument: ScreeningInstrument, input: ScreeningInput): IndicatorSet {
  const childAge = input.child_age_years ?? PALERMO_CHILD_AGE_YEARS;
  let victim = input.victim;
  if (input.age_years != null) {
    if (!Number.isInteger(input.age_years) || input.age_years < 0) {
      throw new ScreeningError(
        'age_years',
        { rule: 'age_not_whole_years', params: { age: input.age_years } },
        `${input.age_years} is not an age in whole years`,
      );
    }
    const byAge: VictimType = input.age_years < childAge ? 'child' : 'adult';
    if (victim != null && victim !== byAge) {
      throw new ScreeningError(
        'victim',
        { rule: 'age_group_contradicts_age', params: { age_group: victim, age: input.age_years, child_age: childAge } },
        `"${victim}" contradicts age ${input.age_years} (child under ${childAge})`,
      );
    }
    victim = byAge;
  }
  let set: IndicatorSet | undefined;
  if (input.set != null) {
    set = instrument.sets.find((s) => s.code === input.set);
    if (!set)
      throw new ScreeningError(
        'set',
        { rule: 'screening_no_such_set', params: { set: input.set, instrument: instrument.code, values: setCodes(instrument) } },
        `no set "${input.set}" in instrument ${instrument.code}; sets: ${setCodes(instrument)}`,
      );
    if (victim != null && set.victim !== victim)
      throw new ScreeningError(
        'set',
        { rule: 'screening_set_for_other_victims', params: { set: set.code, set_victim: set.victim, victim } },
        `set "${set.code}" is for ${set.victim} victims, not ${victim} victims`,
      );
    if (input.exploitation != null && set.exploitation !== input.exploitation) {
      throw new ScreeningError(
        'set',
        {
          rule: 'screening_set_for_other_exploitation',
          params: { set: set.code, set_exploitation: set.exploitation, exploitation: input.exploitation },
        },
        `set "${set.code}" is for ${set.exploitation} exploitation, not ${input.exploitation}`,
      );
    }
  } else {
    if (victim == null)
      throw new ScreeningError(
        'victim',
        { rule: 'screening_victim_type_missing' },
        'give the set, the victim type (adult or child) or the age',
      );
    if (input.exploitation == null)
      throw new ScreeningError(
        'exploitation',
        { rule: 'screening_exploitation_missing' },
        'give the set or the exploitation type (labour or sexual)',
      );
    set = instrument.sets.find((s) => s.victim === victim && s.exploitation === input.exploitation);
    if (!set)
      throw new ScreeningError(
        'set',
        { rule: 'screening_no_set_for', params: { instrument: instrument.code, victim, exploitation: input.exploitation } },
        `instrument ${instrument.code} has no set for ${victim} victims of ${input.exploitation} exploitation`,
      );
  }
  if (set.status !== 'transcribed') {
    throw new ScreeningError(
      'set',
      { rule: 'screening_set_not_transcribed', params: { set: set.code, instrument: instrument.code } },
      `set "${set.code}" of instrument ${instrument.code} is not transcribed yet, so it cannot be screened (see the instrument's gaps)`,
    );
  }
  return set;
}

function checkAnswers(instrument: ScreeningInstrument, set: IndicatorSet, answers: Record<string, Answer>): Record<string, Answer> {
  if (answers == null || typeof answers !== 'object')
    throw new ScreeningError('answers', { rule: 'screening_answers_not_object' }, 'give an object of question id -> yes, no or unknown');
  const known = new Set([...instrument.act_questions.map((q) => q.id), ...set.indicators.map((i) => i.id)]);
  for (const [id, value] of Object.entries(answers)) {
    if (!known.has(id))
      throw new ScreeningError(
        `answers.${id}`,
        { rule: 'screening_not_a_question', params: { set: set.code, instrument: instrument.code } },
        `not a question of set "${set.code}" in instrument ${instrument.code}`,
      );
    // The value is not repeated: it is whatever the client sent.
    if (!(ANSWERS as readonly string[]).includes(value))
      throw new ScreeningError(
        `answers.${id}`,
        { rule: 'screening_answer_not_allowed', params: { values: ANSWERS.join(', ') } },
        `is not one of ${ANSWERS.join(', ')}`,
      );
  }
  return answers;
}

/** The outcome for a set of yes answers: everything here is a function of the instrument's data. */
function assess(instrument: ScreeningInstrument, set: IndicatorSet, rule: CombinationRule, yes: Set<string>): Assessment {
  const dimensionsMet: DimensionMet[] = [];
  for (const dimension of instrument.dimensions) {
    const yesHere = set.indicators.filter((i) => i.dimension === dimension.code && yes.has(i.id));
    const count = Object.fromEntries(GRADES.map((g) => [g, yesHere.filter((i) => i.grade === g).length])) as Record<Grade, number>;
    const threshold = instrument.dimension_rule.combinations.find((t) => GRADES.every((g) => count[g] >= (t.min[g] ?? 0)));
    if (threshold) {
      dimensionsMet.push({
        dimension: dimension.code,
        by_answers: yesHere.map((i) => i.id),
        rule: `${instrument.dimension_rule.id}.${threshold.id}`,
      });
    }
  }
  const met = new Set(dimensionsMet.map((d) => d.dimension));
  const anyMet = (dimensions: string[]) => dimensions.some((d) => met.has(d));
  const p = instrument.palermo;
  const act = anyMet(p.act.dimensions) || p.act.questions.some((q) => yes.has(q));
  const means = anyMet(p.means.dimensions);
  const purpose = anyMet(p.purpose.dimensions);
  const meansRequired = p.means_required[set.victim];
  const palermo = { act, means, purpose, means_required: meansRequired, met: act && purpose && (means || !meansRequired) };

  const holds = (item: string) => (item === ACT_ELEMENT ? act : met.has(item));
  const combinationMet = rule.all_of.every((clause) => clause.some(holds));
  const strongYes = set.indicators.filter((i) => i.grade === 'strong' && yes.has(i.id)).map((i) => i.id);
  const outcome: ScreeningOutcome = combinationMet
    ? 'presumed_victim'
    : dimensionsMet.length > 0 || strongYes.length > 0
      ? 'potential_victim'
      : 'no_indicators';
  return { dimensionsMet, strongYes, combinationMet, palermo, outcome };
}

function cite(instrument: ScreeningInstrument, source: RuleSource): string {
  const doc = instrument.sources.find((s) => s.id === source.ref)?.short ?? source.ref;
  const where = source.page != null ? `p. ${source.page}` : source.section;
  return `${doc}, ${where}${source.verify ? ', not yet verified against the source text' : ''}`;
}

function explain(
  instrument: ScreeningInstrument,
  set: IndicatorSet,
  rule: CombinationRule,
  yes: Set<string>,
  result: Assessment,
  decisive: { id: string; outcome: ScreeningOutcome }[],
  ceiling: ScreeningOutcome,
  unknownCount: number,
): string[] {
  const label = (id: string) =>
    set.indicators.find((i) => i.id === id)?.label ?? instrument.act_questions.find((q) => q.id === id)?.label ?? id;
  const grade = (id: string) => set.indicators.find((i) => i.id === id)?.grade;
  const dimTitle = (code: string) =>
    code === ACT_ELEMENT ? 'the act' : (instrument.dimensions.find((d) => d.code === code)?.title.toLowerCase() ?? code);
  const thresholdLabel = (ruleId: string) =>
    instrument.dimension_rule.combinations.find((t) => `${instrument.dimension_rule.id}.${t.id}` === ruleId)?.label ?? ruleId;
  const lines: string[] = [`Indicator set: ${set.title} (${instrument.title}, ${instrument.code}).`];

  const dimCite = cite(instrument, instrument.dimension_rule.source);
  for (const d of result.dimensionsMet) {
    const answers = d.by_answers.map((id) => `${label(id)} (${grade(id)})`).join('; ');
    lines.push(`Dimension met: ${dimTitle(d.dimension)}, by ${thresholdLabel(d.rule)}: ${answers} [${d.rule}; ${dimCite}].`);
  }
  for (const dimension of instrument.dimensions) {
    if (result.dimensionsMet.some((d) => d.dimension === dimension.code)) continue;
    const yesHere = set.indicators.filter((i) => i.dimension === dimension.code && yes.has(i.id));
    if (yesHere.length > 0) {
      lines.push(
        `Dimension not met: ${dimTitle(dimension.code)}; its yes answers (${yesHere.map((i) => `${i.label} (${i.grade})`).join('; ')}) reach no threshold of ${instrument.dimension_rule.id}.`,
      );
    }
  }
  for (const id of result.strongYes) {
    if (!result.dimensionsMet.some((d) => d.by_answers.includes(id))) lines.push(`Strong indicator answered yes: ${label(id)}.`);
  }

  const clauses = rule.all_of.map((clause) => clause.map(dimTitle).join(' or '));
  const missing = rule.all_of
    .filter(
      (clause) =>
        !clause.some((item) => (item === ACT_ELEMENT ? result.palermo.act : result.dimensionsMet.some((d) => d.dimension === item))),
    )
    .map((clause) => clause.map(dimTitle).join(' or '));
  lines.push(
    result.combinationMet
      ? `Combination for ${set.victim} victims met: ${clauses.map((c) => `(${c})`).join(' and ')} [${rule.id}; ${cite(instrument, rule.source)}].`
      : `Combination for ${set.victim} victims not met: missing ${missing.map((c) => `(${c})`).join(' and ')} [${rule.id}; ${cite(instrument, rule.source)}].`,
  );

  const pt = result.palermo;
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  lines.push(
    `Palermo Protocol art. 3 test: act ${yn(pt.act)}, means ${pt.means_required ? yn(pt.means) : `${yn(pt.means)} (not required for a child, art. 3(c))`}, purpose ${yn(pt.purpose)}: ${pt.met ? 'met' : 'not met'} [${cite(instrument, instrument.palermo.source)}].`,
  );

  const next: Record<ScreeningOutcome, string> = {
    no_indicators: 'no referral on these answers; screen again if new facts appear.',
    potential_victim: 'refer for a full assessment.',
    presumed_victim: 'refer to assistance at once and to the competent body for formal identification.',
  };
  lines.push(`Outcome: ${OUTCOME_TEXT[result.outcome]}: ${next[result.outcome]}`);

  for (const outcome of SCREENING_OUTCOMES) {
    const ids = decisive.filter((d) => d.outcome === outcome).map((d) => d.id);
    if (ids.length > 0)
      lines.push(`Unknown answers that alone would make the outcome ${OUTCOME_TEXT[outcome]} if yes: ${ids.map(label).join('; ')}.`);
  }
  if (decisive.length === 0 && RANK[ceiling] > RANK[result.outcome]) {
    lines.push(
      `No single unknown answer changes the outcome, but the ${unknownCount} unknown answers together could make it ${OUTCOME_TEXT[ceiling]}.`,
    );
  } else if (RANK[ceiling] === RANK[result.outcome] && unknownCount > 0 && result.outcome !== 'presumed_victim') {
    lines.push(`No unknown answer could change the outcome.`);
  }
  if (instrument.status === 'incomplete') {
    lines.push(
      `Instrument ${instrument.code} is incomplete; rules and grades flagged for verification are applied as transcribed (docs/screening.md).`,
    );
  }
  return lines;
}
