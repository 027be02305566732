/**
 * Why a value or a request is refused, as a stable rule and its parameters,
 * so that every client can say it in its user's language (issue 5, point 2:
 * "all strings translated"). The API sends the rule and parameters beside an
 * English `reason` rendered from the catalogue (problems/catalogue.ts); the
 * web app translates the rule (locales/problems/<language>.json) and the
 * parameters that are codes of a vocabulary (a status, a service).
 */

/** A rule's parameters: ISO dates as "YYYY-MM-DD" strings, amounts and counts as numbers, codes as strings. */
export type ProblemParams = Record<string, string | number>;

/** One refusal: `rule` names an entry of the catalogue, `params` fills its placeholders. */
export interface Problem {
  rule: string;
  params?: ProblemParams;
}

/** A refusal of one field: `field` is its path ("body.held_on", or a bare name that the caller prefixes). */
export interface FieldRuleProblem extends Problem {
  field: string;
}

/**
 * A catalogue entry. `text` is the English sentence with i18next placeholders
 * (`{{date}}`; a format after a comma, `{{date, datetime}}`, is for the web
 * and ignored by renderProblem). `codes` names, for each parameter that holds
 * a code, the vocabulary it comes from, so the web shows the code's label
 * (packages/web/src/app/problem-vocabularies.ts maps vocabularies to keys).
 */
export interface ProblemRule {
  text: string;
  codes?: Record<string, string>;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g;

/**
 * The English sentence of a problem: its rule's text with the parameters put in.
 * @throws Error when the rule is not in the catalogue (a programming error: the type of `rule` prevents it in TS).
 * @example renderProblem({ before: { text: 'must not be before {{date}}' } }, { rule: 'before', params: { date: '1900-01-01' } }) // 'must not be before 1900-01-01'
 */
export function renderProblem(catalogue: Readonly<Record<string, ProblemRule>>, problem: Problem): string {
  const rule = catalogue[problem.rule];
  if (!rule) throw new Error(`problem rule "${problem.rule}" is not in the catalogue`);
  return rule.text.replace(PLACEHOLDER, (_whole, name: string) => String(problem.params?.[name] ?? `{{${name}}}`));
}
