import { describe, expect, it } from 'vitest';
import { problemText } from '../problems/catalogue.ts';
import { referralResponseError } from './referral-response.ts';

describe('referralResponseError', () => {
  it('lets a sent referral be accepted, declined with a reason, or withdrawn', () => {
    expect(referralResponseError('sent', { status: 'accepted' })).toBeNull();
    expect(referralResponseError('sent', { status: 'declined', decline_reason: 'no places' })).toBeNull();
    expect(referralResponseError('sent', { status: 'withdrawn' })).toBeNull();
  });

  it('requires a reason to decline, and only to decline', () => {
    const blank = referralResponseError('sent', { status: 'declined', decline_reason: '  ' });
    expect(blank).toEqual({ field: 'decline_reason', rule: 'decline_reason_required' });
    expect(problemText(blank!)).toBe('a declined referral needs a decline_reason (or a decline_reason_code other than "other")');
    expect(referralResponseError('sent', { status: 'accepted', decline_reason: 'x' })?.field).toBe('decline_reason');
  });

  it('keeps declined and withdrawn referrals final, and lets an accepted one be withdrawn only', () => {
    const reopened = referralResponseError('declined', { status: 'accepted' });
    expect(reopened).toEqual({
      field: 'status',
      rule: 'referral_status_change_not_allowed',
      params: { from: 'declined', to: 'accepted' },
    });
    expect(problemText(reopened!)).toBe('a referral that is declined cannot become accepted');
    expect(referralResponseError('withdrawn', { status: 'sent' })?.field).toBe('status');
    expect(referralResponseError('accepted', { status: 'declined', decline_reason: 'late' })?.field).toBe('status');
    expect(referralResponseError('accepted', { status: 'withdrawn' })).toBeNull();
  });

  it('accepts a decline reason code instead of text, except "other" which needs the text (issue 4 point 4)', () => {
    expect(referralResponseError('sent', { status: 'declined', decline_reason_code: 'no_free_places' })).toBeNull();
    expect(referralResponseError('sent', { status: 'declined', decline_reason_code: 'other' })?.field).toBe('decline_reason');
    expect(
      referralResponseError('sent', { status: 'declined', decline_reason_code: 'other', decline_reason: 'closed for repairs' }),
    ).toBeNull();
    expect(referralResponseError('sent', { status: 'accepted', decline_reason_code: 'safety_risk' })?.field).toBe('decline_reason_code');
  });
});
