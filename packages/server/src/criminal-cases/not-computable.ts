import { notComputedDeadline, ProceedingsFactsError, type CaseDeadline, type ProblemParams } from '@opennrm/domain';

/**
 * Why a case's deadlines could not be computed, for a client to say it in the
 * user's language: the stored record and field the engine refused and the
 * catalogued rule broken (docs/errors.md, "Reasons"), beside the English.
 * `record`, `field` and `rule` are absent when the engine failed on something
 * else than a stored fact (a profile it cannot apply): `reason` alone says why.
 */
export interface NotComputable {
  /** English: the record, the field and the rule ('"<offence id>".article: "999" is not an offence of the profile (210, 211, 213)'). */
  reason: string;
  /** An offence or procedural event id, "victims[<i>]", or "facts" (the case itself). */
  record?: string;
  /** The fact's field: article, committed_on, ends_on, suspect_id... */
  field?: string;
  rule?: string;
  /** ISO dates, codes, counts and the refused value as the engine read it: never a name or free text. */
  params?: ProblemParams;
}

/** A deadline as the lists of deadlines send it: a `not_computed` entry also carries `not_computable`. */
export type ListedDeadline = CaseDeadline & { not_computable?: NotComputable };

/**
 * The `not_computed` entry standing for the deadlines of a case the engine
 * refused (the domain's notComputedDeadline: no due date, the English
 * explanation "deadline could not be computed: <reason>"), with the refusal
 * as a catalogued rule when it is a ProceedingsFactsError, so that the
 * at-risk list and the case's deadlines say it in the user's language.
 */
export function notComputableDeadline(error: unknown): ListedDeadline {
  const reason = error instanceof Error ? error.message : String(error);
  const not_computable: NotComputable =
    error instanceof ProceedingsFactsError
      ? {
          reason,
          record: error.record,
          field: error.field,
          rule: error.problem.rule,
          ...(error.problem.params && { params: error.problem.params }),
        }
      : { reason };
  return { ...notComputedDeadline(error), not_computable };
}
