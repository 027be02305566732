import { PROBLEM_RULES, problem, type CataloguedProblem, type ProblemParams, type ProblemRuleCode } from '@opennrm/domain';

/**
 * A schema's refusal of one value as a rule of the problem catalogue
 * (@opennrm/domain, rules/common.ts), so clients can say it in their user's
 * language (docs/errors.md, "Reasons"). Two sources: zod's issues (every route's
 * schema, through fastify-type-provider-zod) and Ajv's errors (Fastify's own
 * JSON-schema validation, for a route declared with a plain JSON schema).
 */

/** What is known about one failed check: zod's issue code or Ajv's keyword, and the issue's own fields. */
export interface SchemaIssue {
  keyword: string;
  params: Record<string, unknown>;
  /** The value at the issue's path in the request, or undefined when the request has none there. */
  value: unknown;
  /** Whether the check is on a query string (a missing parameter and an unknown one are named as parameters). */
  query: boolean;
}

const number = (v: unknown): number => Number(v);

/** too_small / too_big by what was measured: a text's length, a number, a list's items. */
function sizeProblem(bound: 'minimum' | 'maximum', origin: unknown, limit: unknown, inclusive: unknown): CataloguedProblem {
  const params = { [bound]: number(limit) };
  if (origin === 'string') return problem(bound === 'minimum' ? 'text_too_short' : 'text_too_long', params);
  if (origin === 'array' || origin === 'set') return problem(bound === 'minimum' ? 'too_few_items' : 'too_many_items', params);
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    if (inclusive === false) return problem(bound === 'minimum' ? 'number_not_above' : 'number_not_below', params);
    return problem(bound === 'minimum' ? 'number_too_small' : 'number_too_large', params);
  }
  return problem('invalid');
}

/** A custom issue's `params` when they name a catalogued rule (`{ rule, params }`, as problem() builds them). */
function customProblem(params: Record<string, unknown>): CataloguedProblem | undefined {
  const inner = params.params as { rule?: unknown; params?: unknown } | undefined;
  if (typeof inner?.rule !== 'string' || !(inner.rule in PROBLEM_RULES)) return undefined;
  const ruleParams = inner.params && typeof inner.params === 'object' ? (inner.params as ProblemParams) : undefined;
  return problem(inner.rule as ProblemRuleCode, ruleParams);
}

/**
 * The rule a zod issue breaks (zod 4 issue codes): too_small/too_big by origin (text_too_short {minimum},
 * number_too_small, number_not_above when not inclusive, too_few_items ...), invalid_type on a missing value ->
 * required (required_parameter in a query string), else wrong_type {expected}; invalid_format -> bad_format {format};
 * invalid_value -> not_one_of {values joined ", "}; not_multiple_of {divisor}; a custom issue carrying
 * `params: problem(...)` -> that rule; anything else -> invalid.
 * @returns the problem, and whether zod's own message says more than the rule's text (a custom message on a
 *   refine or regex that names no rule): the caller then keeps zod's message as the English reason.
 */
export function zodIssueProblem(issue: SchemaIssue): { problem: CataloguedProblem; keepMessage: boolean } {
  const p = issue.params;
  switch (issue.keyword) {
    case 'too_small':
      return { problem: sizeProblem('minimum', p.origin, p.minimum, p.inclusive), keepMessage: false };
    case 'too_big':
      return { problem: sizeProblem('maximum', p.origin, p.maximum, p.inclusive), keepMessage: false };
    case 'invalid_type':
      if (issue.value === undefined) return { problem: problem(issue.query ? 'required_parameter' : 'required'), keepMessage: false };
      return { problem: problem('wrong_type', { expected: String(p.expected) }), keepMessage: false };
    case 'invalid_format':
      // A pattern's own message ("an ISO 4217 code such as \"RON\"") says more than "is not a valid regex".
      if (p.format === 'regex') return { problem: problem('invalid'), keepMessage: true };
      return { problem: problem('bad_format', { format: String(p.format) }), keepMessage: false };
    case 'invalid_value':
      return { problem: problem('not_one_of', { values: ((p.values as unknown[]) ?? []).map(String).join(', ') }), keepMessage: false };
    case 'not_multiple_of':
      return { problem: problem('not_multiple_of', { divisor: number(p.divisor) }), keepMessage: false };
    case 'custom': {
      const catalogued = customProblem(p);
      return catalogued ? { problem: catalogued, keepMessage: false } : { problem: problem('invalid'), keepMessage: true };
    }
    default:
      return { problem: problem('invalid'), keepMessage: true };
  }
}

/**
 * The rule an Ajv error breaks (Fastify's JSON-schema validation): required, type, enum, minLength/maxLength,
 * minimum/maximum (exclusive ones too), minItems/maxItems, format, multipleOf; anything else -> invalid.
 * additionalProperties is an unknown field or parameter, named by the caller with its key.
 */
export function ajvProblem(keyword: string, params: Record<string, unknown>, query: boolean): CataloguedProblem {
  switch (keyword) {
    case 'required':
      return problem(query ? 'required_parameter' : 'required');
    case 'additionalProperties':
      return problem(query ? 'unknown_parameter' : 'unknown_field');
    case 'type':
      return problem('wrong_type', { expected: String(params.type) });
    case 'enum':
      return problem('not_one_of', { values: ((params.allowedValues as unknown[]) ?? []).map(String).join(', ') });
    case 'minLength':
      return problem('text_too_short', { minimum: number(params.limit) });
    case 'maxLength':
      return problem('text_too_long', { maximum: number(params.limit) });
    case 'minimum':
      return problem('number_too_small', { minimum: number(params.limit) });
    case 'maximum':
      return problem('number_too_large', { maximum: number(params.limit) });
    case 'exclusiveMinimum':
      return problem('number_not_above', { minimum: number(params.limit) });
    case 'exclusiveMaximum':
      return problem('number_not_below', { maximum: number(params.limit) });
    case 'minItems':
      return problem('too_few_items', { minimum: number(params.limit) });
    case 'maxItems':
      return problem('too_many_items', { maximum: number(params.limit) });
    case 'format':
      return problem('bad_format', { format: String(params.format) });
    case 'multipleOf':
      return problem('not_multiple_of', { divisor: number(params.multipleOf) });
    default:
      return problem('invalid');
  }
}
