import { proceedingsCase, type ProceedingsCase } from '../victims-in-proceedings/proceedings-access.ts';
import type { RecordContext } from '../shared/record-context.ts';

/** The victim case behind a compensation record, as the repositories need it. */
export type CompensationCase = ProceedingsCase;

/**
 * The victim case `caseId` when the policy lets the user `action` its
 * compensation records (rules compensation.* and prosecutor.compensation;
 * docs/access-policy.md): the same facts and conflict check as victims in
 * proceedings (proceedingsCase), under the Compensation subject.
 * @throws ApiError 404 when there is no such case or the user may not act on it (the same answer);
 *   OPENNRM_CONFLICT_OF_INTEREST (403, the refusal audited) when a conflict rule blocks the user from the case.
 */
export function compensationCase(ctx: RecordContext, caseId: string, action: 'read' | 'create' | 'update'): Promise<CompensationCase> {
  return proceedingsCase(ctx, caseId, action, 'Compensation');
}
