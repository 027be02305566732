import { z } from 'zod';
import { amountTooLargeProblem, currencyProblem, largestAmount, problem, problemText, type CataloguedProblem } from '@opennrm/domain';

/**
 * Schemas of money and other patterned texts whose refusals are rules of the
 * problem catalogue (@opennrm/domain, rules/proceedings.ts), for the criminal
 * case's confiscations and seizures, compensation and exchange rates. A zod
 * `.regex` cannot carry a rule, so each pattern is checked by a refine that
 * does (and stops there), then declared by `.regex` for the OpenAPI document.
 */

/** A refine option carrying a catalogued rule: its English text as zod's message, the rule in `params` (error handler). */
function refusal(p: CataloguedProblem, abort = true) {
  return { message: problemText(p), params: p, abort };
}

/** A string matching `pattern`, else refused with `rule`; the pattern stays in the OpenAPI document. */
export function matching(pattern: RegExp, rule: CataloguedProblem) {
  return z
    .string()
    .refine((v) => pattern.test(v), refusal(rule))
    .regex(pattern);
}

/**
 * An amount of money as decimal text, exact, for a numeric(`precision`, `scale`) column: a huge amount is told it
 * is too large (amount_too_large {maximum}), rather than that it is not an amount (not_an_amount).
 */
export function moneyAmount(precision: number, scale: number, pattern: RegExp) {
  return z
    .string()
    .refine(
      (v) => amountTooLargeProblem(v, precision, scale) === null,
      refusal(problem('amount_too_large', { maximum: largestAmount(precision, scale) })),
    )
    .refine((v) => pattern.test(v), refusal(problem('not_an_amount')))
    .regex(pattern);
}

/** An ISO 4217 code of money (currencyProblem): not_a_currency_code {example}, currency_not_money or currency_unknown {currency}. */
export function moneyCurrency(example: string) {
  return matching(/^[A-Z]{3}$/, problem('not_a_currency_code', { example })).superRefine((code, ctx) => {
    const found = currencyProblem(code);
    if (found) ctx.addIssue({ code: 'custom', message: problemText(found), params: found });
  });
}
