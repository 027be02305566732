import type { ProblemRule } from '@opennrm/domain';
// The real catalogue, by the one path the browser build leaves alone (vite.config.ts, browserCatalogue).
import { PROBLEM_RULES } from '@opennrm/domain/problems/catalogue';

/**
 * The English of the "problems" namespace, built from the domain's catalogue
 * (@opennrm/domain PROBLEM_RULES: the very text the API's `reason` is rendered
 * from), so no English file can drift from the server. Loaded on its own, only
 * when a refusal is shown (bundle.ts imports this module dynamically: the
 * catalogue stays out of the screening route's first chunk).
 *
 * - `rules.<rule>`: the rule's text, with its `{{placeholders}}`;
 * - `codes.<rule>`: which vocabulary each code parameter comes from (problem-text.ts labels it);
 * - `types.<type>`, `formats.<format>`: zod's value types and string formats (rules wrong_type, bad_format).
 * Field labels (`fields.<name>`) have no English file: the name itself, spaced, is the English label.
 */
export function englishProblems() {
  const catalogue = PROBLEM_RULES as Record<string, ProblemRule>;
  const rules = Object.fromEntries(Object.entries(catalogue).map(([rule, entry]) => [rule, entry.text]));
  const codes = Object.fromEntries(
    Object.entries(catalogue).flatMap(([rule, entry]) => (entry.codes ? [[rule, entry.codes] as const] : [])),
  );
  return { rules, codes, types: ENGLISH_TYPES, formats: ENGLISH_FORMATS };
}

/** zod 4's `expected` of an invalid_type issue, as a reader would say it. */
const ENGLISH_TYPES = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'empty',
  bigint: 'a whole number',
};

/** zod 4's string formats (invalid_format issues) that the API's schemas use. */
const ENGLISH_FORMATS = {
  uuid: 'id (UUID)',
  date: 'date (YYYY-MM-DD)',
  datetime: 'date and time (ISO 8601)',
  time: 'time (HH:MM)',
  email: 'e-mail address',
  url: 'web address',
  regex: 'value',
};
