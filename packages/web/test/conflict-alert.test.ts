import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../src/api/client.ts';
import { canResend, isConflict } from '../src/app/ConflictAlert.tsx';

const refusal = (status: number, code: string) => new ApiRequestError(status, { error: code.toLowerCase(), code, message: code });

// A save refused because the record changed since the page read it gets "Reload theirs" / "Send mine", never a dead
// end: a workflow step that is no longer possible (409) and an edit from a stale read (412 If-Match, docs/errors.md).
describe('which refusals offer the conflict choices', () => {
  it('offers them for 409 and for 412 OPENNRM_STALE_VERSION', () => {
    expect(isConflict(refusal(409, 'OPENNRM_INVALID_TRANSITION'))).toBe(true);
    expect(isConflict(refusal(412, 'OPENNRM_STALE_VERSION'))).toBe(true);
  });

  it('does not offer them for a refusal that reloading cannot resolve, or for a network failure', () => {
    for (const [status, code] of [
      [400, 'OPENNRM_VALIDATION'],
      [403, 'OPENNRM_FORBIDDEN'],
      [404, 'OPENNRM_NOT_FOUND'],
      [500, 'OPENNRM_INTERNAL'],
    ] as const)
      expect(isConflict(refusal(status, code)), code).toBe(false);
    expect(isConflict(new TypeError('Failed to fetch'))).toBe(false);
  });
});

// "Send mine" only where sending the same request again can succeed: an edit from a stale read carries the version
// just reloaded (412); a step the record no longer allows (409: a case identified meanwhile cannot be rejected, a
// declined referral cannot be accepted) would only be refused again, so only "Reload theirs" is offered.
describe('which conflicts offer "Send mine"', () => {
  it('offers it for a stale edit version', () => {
    expect(canResend(refusal(412, 'OPENNRM_STALE_VERSION'))).toBe(true);
  });

  it('does not offer it for a step or answer the record no longer allows', () => {
    for (const code of ['OPENNRM_INVALID_TRANSITION', 'OPENNRM_CONFLICT', 'OPENNRM_CONSENT_REQUIRED', 'OPENNRM_ASSISTANCE_CONDITIONAL'])
      expect(canResend(refusal(409, code)), code).toBe(false);
  });
});
