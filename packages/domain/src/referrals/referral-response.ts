import type { ReferralStatus } from '../nrm/codes.ts';
import type { DeclineReasonCode } from '../services/decline-reasons.ts';
import { problem, type CataloguedProblem } from '../problems/catalogue.ts';

/** What a receiving organisation (or the sender, to withdraw) answers to a referral. */
export interface ReferralResponse {
  status: ReferralStatus;
  /** Why the referral was declined; required when declining, so that unmet needs can be counted. */
  decline_reason?: string | null;
  /** Why, as a code the gaps report counts (DECLINE_REASON_CODES); "other" needs the text. */
  decline_reason_code?: DeclineReasonCode | null;
}

/** Why a referral response is refused: the field at fault and the catalogued rule (problemText gives the English). */
export interface ReferralResponseProblem extends CataloguedProblem {
  field: 'status' | 'decline_reason' | 'decline_reason_code';
}

/**
 * Checks a change of referral status and returns why it is not allowed, or
 * null when it is. A referral is answered once: `sent` may become `accepted`,
 * `declined` or `withdrawn`; an accepted referral may still be withdrawn (the
 * victim leaves the service); declined and withdrawn referrals are final, so
 * that the record of an unmet need is never overwritten. A decline gives a
 * reason code (issue 4 point 4: the gaps report counts them), free text, or
 * both; the code "other" needs the text. A declined referral is re-sent to
 * another provider as a new referral (resent_from_referral_id), never reopened.
 *
 * Source: OSCE/ODIHR "National Referral Mechanisms" handbook (2nd ed., 2022),
 * ch. 4 (referral to services; documenting refusals).
 */
export function referralResponseError(current: ReferralStatus, response: ReferralResponse): ReferralResponseProblem | null {
  const allowed: Record<ReferralStatus, readonly ReferralStatus[]> = {
    sent: ['sent', 'accepted', 'declined', 'withdrawn'],
    accepted: ['accepted', 'withdrawn'],
    declined: ['declined'],
    withdrawn: ['withdrawn'],
  };
  if (!allowed[current].includes(response.status))
    return { field: 'status', ...problem('referral_status_change_not_allowed', { from: current, to: response.status }) };
  const code = response.decline_reason_code ?? null;
  const text = response.decline_reason?.trim();
  if (response.status === 'declined' && !text && (code === null || code === 'other'))
    return { field: 'decline_reason', ...problem('decline_reason_required') };
  if (response.status !== 'declined' && response.decline_reason) {
    return { field: 'decline_reason', ...problem('decline_reason_only_when_declined') };
  }
  if (response.status !== 'declined' && code) return { field: 'decline_reason_code', ...problem('decline_reason_code_only_when_declined') };
  return null;
}
