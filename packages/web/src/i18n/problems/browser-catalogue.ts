import type { CataloguedProblem, Problem, ProblemParams, ProblemRuleCode } from '@opennrm/domain';

/**
 * What the browser build uses in place of the domain's problem catalogue
 * (packages/domain/src/problems/catalogue.ts; vite.config.ts, browserCatalogue):
 * the same functions without the catalogue's English texts. Domain code the web
 * runs (profile schemas, workflow rules) builds problems and renders them in
 * English for the server's messages, which the web app never shows: it
 * translates rules itself (app/problem-text.ts), and its English loads with the
 * "problems" namespace (english.ts imports the real catalogue). Keeping the texts
 * out of the shared chunk keeps them off the screening route (250 KB budget).
 */

/** No texts here: the real catalogue is english.ts's (imported as @opennrm/domain/problems/catalogue). */
export const PROBLEM_RULES = {};

/** Builds a catalogued problem, as the domain's problem(). */
export function problem(rule: ProblemRuleCode, params?: ProblemParams): CataloguedProblem {
  return params ? { rule, params } : { rule };
}

/** The rule's name: the browser shows refusals through problem-text.ts, never this English. */
export function problemText(p: Problem): string {
  return p.rule;
}
