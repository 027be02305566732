import { problemText, type CataloguedProblem } from '@opennrm/domain';
import type { FieldProblem } from '../http/errors.ts';

/**
 * One field of a refusal that is not a 400 (a 403 or a 409 naming the field at fault), as the error body carries it:
 * the rule's English text as `reason`, beside the rule and its parameters for clients to translate.
 */
export function fieldRefusal(path: string, refusal: CataloguedProblem): FieldProblem {
  return { path, reason: problemText(refusal), ...refusal };
}
