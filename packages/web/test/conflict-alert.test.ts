import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../src/api/client.ts';
import { isConflict } from '../src/app/ConflictAlert.tsx';

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
