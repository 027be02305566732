import type { Problem, ProblemParams, ProblemRule } from './problem.ts';
import { renderProblem } from './problem.ts';
import { casesRules } from './rules/cases.ts';
import { commonRules } from './rules/common.ts';
import { proceedingsRules } from './rules/proceedings.ts';

/**
 * Every rule the API can cite in a refusal (docs/errors.md, "Reasons"): its
 * English text and the vocabularies of its code parameters. The web app's
 * English is this text; its other languages translate it, key for key
 * (a unit test in packages/web checks that no language misses a rule).
 */
export const PROBLEM_RULES = { ...commonRules, ...proceedingsRules, ...casesRules } as const satisfies Record<string, ProblemRule>;

/** The name of a rule of the catalogue. */
export type ProblemRuleCode = keyof typeof PROBLEM_RULES;

/** A problem whose rule is in the catalogue. */
export interface CataloguedProblem extends Problem {
  rule: ProblemRuleCode;
}

/** Builds a catalogued problem: `problem('date_before_earliest', { date: '1900-01-01' })`. */
export function problem(rule: ProblemRuleCode, params?: ProblemParams): CataloguedProblem {
  return params ? { rule, params } : { rule };
}

/** The English sentence of a catalogued problem (renderProblem over PROBLEM_RULES). */
export function problemText(p: Problem): string {
  return renderProblem(PROBLEM_RULES as Record<string, ProblemRule>, p);
}
