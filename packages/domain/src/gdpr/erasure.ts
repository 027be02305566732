/**
 * The right to erasure (GDPR art. 17): when a victim's request to be erased
 * is granted, and which exemption refuses it. Pure rules over facts the
 * server gathers; docs/gdpr.md explains them.
 */
import { problem, type CataloguedProblem } from '../problems/catalogue.ts';

/** Grounds of a request, art. 17(1)(a)-(f). */
export const ERASURE_GROUNDS = [
  'no_longer_necessary', // (a)
  'consent_withdrawn', // (b)
  'objection', // (c), art. 21(1)
  'unlawfully_processed', // (d)
  'legal_obligation', // (e)
  'child_information_society', // (f)
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** Exemptions of art. 17(3) that OpenNRM can establish from the record. */
export const ERASURE_EXEMPTIONS = {
  legal_claims: {
    article: 'GDPR art. 17(3)(e)',
    explanation:
      'the person is a victim or witness in a criminal case that is still open: the data are needed for the establishment, exercise or defence of legal claims',
  },
  legal_obligation: {
    article: 'GDPR art. 17(3)(b)',
    explanation:
      'the person is receiving assistance the state is bound to provide (Law 678/2001, Directive 2011/36/EU art. 11): end the assistance or record the refusal of services first',
  },
} as const;
export type ErasureExemption = keyof typeof ERASURE_EXEMPTIONS;

/** What the server knows of the person when the request is decided. */
export interface ErasureFacts {
  /** Case numbers of criminal cases linked to the person that are not concluded. */
  open_criminal_cases: readonly string[];
  /** Assistance of the person with no end date. */
  ongoing_assistance: number;
  /** Already anonymised (by the purge or an earlier erasure). */
  anonymised: boolean;
}

export type ErasureDecision =
  | { allowed: true; already_anonymised: boolean }
  | {
      allowed: false;
      exemption: ErasureExemption;
      article: string;
      explanation: string;
      details: string;
      /** The refusal as a catalogued rule; the server adds `request_id` to its parameters. */
      problem: CataloguedProblem;
    };

/**
 * Decides an erasure request. Legal claims outrank everything: a victim of
 * an open criminal case keeps their record even if they also receive
 * assistance. Statistics never block erasure: what they need is kept
 * anonymised, which is no longer personal data (recital 26), under art.
 * 17(3)(d) and 89(1).
 */
export function decideErasure(facts: ErasureFacts): ErasureDecision {
  if (facts.open_criminal_cases.length > 0) {
    const e = ERASURE_EXEMPTIONS.legal_claims;
    return {
      allowed: false,
      exemption: 'legal_claims',
      article: e.article,
      explanation: e.explanation,
      details: `open criminal case(s): ${facts.open_criminal_cases.join(', ')}`,
      problem: problem('erasure_refused_legal_claims', { cases: facts.open_criminal_cases.join(', ') }),
    };
  }
  if (facts.ongoing_assistance > 0) {
    const e = ERASURE_EXEMPTIONS.legal_obligation;
    return {
      allowed: false,
      exemption: 'legal_obligation',
      article: e.article,
      explanation: e.explanation,
      details: `${facts.ongoing_assistance} assistance service(s) without an end date`,
      problem: problem('erasure_refused_legal_obligation', { count: facts.ongoing_assistance }),
    };
  }
  return { allowed: true, already_anonymised: facts.anonymised };
}
