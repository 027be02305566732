import type { TFunction } from 'i18next';
import { PROBLEM_VOCABULARIES } from './problem-vocabularies.ts';

/**
 * A refusal of the server in the user's language (docs/errors.md, "Reasons"). The API sends each refusal as a
 * catalogued rule and its parameters beside an English sentence; this module translates the rule from the
 * "problems" namespace (i18n.ts: English from the domain catalogue, other languages from
 * i18n/problems/<area>/<language>.json), with
 * - ISO dates ("2024-03-01") as dates of the user's language ({{date, datetime}} in the rule's text, e.g. "1 martie 2024"),
 * - codes of a vocabulary (the rule's `codes`) as the labels the screens show (problem-vocabularies.ts),
 * and falls back to the English sentence only when this build does not know the rule (a newer server).
 *
 * `t` may be any namespace's t: keys are fully qualified. The caller loads the namespace
 * (useTranslation('problems', { useSuspense: false }), so a form never suspends and loses what was typed).
 */

/** A rule and its parameters, as the API sends them (a field's refusal or a whole error body). */
export interface RefusalParts {
  rule?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date alone, as a reader says it ("1 martie 2024"); the day is the calendar day sent, whatever the browser's zone. */
const DATE_FORMAT = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;

/** "date_of_birth" -> "Date of birth": the English label of a field this build has no label for. */
function spaced(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of a request field name ("held_on"), in the user's language. */
export function fieldLabel(t: TFunction, name: string): string {
  return t(`problems:fields.${name}`, { defaultValue: spaced(name) });
}

/** The name a path's label is looked up by: its last segment that is not a list index ("body.forms.0" -> "forms"). */
export function fieldName(path: string): string {
  return (
    path
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .pop() ?? path
  );
}

/** The label of one code of a vocabulary, or the code itself when no label is known. */
function codeLabel(t: TFunction, vocabulary: string, code: string): string {
  if (vocabulary === 'request_field') return fieldLabel(t, code);
  const prefix = PROBLEM_VOCABULARIES[vocabulary];
  return prefix ? t(`${prefix}${code}`, { defaultValue: code }) : code;
}

/** The rule's sentence with its parameters put in, or undefined when this build does not know the rule. */
function ruleText(t: TFunction, parts: RefusalParts): string | undefined {
  const { rule, params = {} } = parts;
  if (!rule || !t(`problems:rules.${rule}`, { defaultValue: '' })) return undefined;
  const codes = t(`problems:codes.${rule}`, { returnObjects: true, defaultValue: {} }) as unknown;
  const vocabularies = codes && typeof codes === 'object' ? (codes as Record<string, string>) : {};
  const values: Record<string, unknown> = {};
  const formatParams: Record<string, object> = {};
  for (const [name, value] of Object.entries(params)) {
    const vocabulary = vocabularies[name];
    if (vocabulary && typeof value === 'string')
      // A parameter listing codes joins them with ", " (rules not_one_of, stage_move_not_allowed).
      values[name] = value
        .split(', ')
        .map((code) => codeLabel(t, vocabulary, code))
        .join(', ');
    else if (typeof value === 'string' && ISO_DATE.test(value)) {
      values[name] = new Date(`${value}T00:00:00Z`);
      formatParams[name] = DATE_FORMAT;
    } else values[name] = value;
  }
  return t(`problems:rules.${rule}`, { ...values, formatParams });
}

/**
 * Why the server refused one field, in the user's language: the rule with its parameters, else the English `reason`.
 * @example fieldProblemText(t, { rule: 'date_before_earliest', params: { date: '1900-01-01' }, reason: '...' }) // "nu poate fi înainte de 1 ianuarie 1900"
 */
export function fieldProblemText(t: TFunction, field: RefusalParts & { reason: string }): string {
  return ruleText(t, field) ?? field.reason;
}

/** A refused field as one sentence: its label and why ("Data nașterii: nu poate fi ..."), through the app's one pattern. */
export function fieldLine(t: TFunction, field: RefusalParts & { path: string; reason: string }): string {
  return t('app:errors.field', { field: fieldLabel(t, fieldName(field.path)), reason: fieldProblemText(t, field) });
}

/**
 * A whole refusal's message in the user's language: its rule when it has one, else the error code's own words
 * (app:errors.codes), else the server's English message.
 */
export function errorText(t: TFunction, body: RefusalParts & { code: string; message: string }): string {
  return ruleText(t, body) ?? t(`app:errors.codes.${body.code}`, { defaultValue: body.message });
}
