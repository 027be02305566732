import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../src/api/client.ts';
import { standingRefusal } from '../src/app/server-problems.ts';

// A refusal of a hearing: the day before the case opened and an unknown body; plus a path the form has no field for.
const refusal = new ApiRequestError(400, {
  error: 'validation',
  code: 'OPENNRM_VALIDATION',
  message: 'invalid',
  fields: [
    { path: 'body.held_on', reason: 'before the case opened', rule: 'date_before_case_opened', params: { date: '2024-03-01' } },
    { path: 'body.body_organisation', reason: 'no organisation with this code or id', rule: 'no_organisation_with_ref' },
  ],
});
const fieldOf = (path: string) => (({ 'body.held_on': 'day', 'body.body_organisation': 'body' }) as const)[path];

describe('what of a server refusal still stands once the user edits', () => {
  it('shows the whole refusal until a field is edited', () => {
    const standing = standingRefusal(refusal, new Set<'day' | 'body'>(), fieldOf);
    expect(Object.keys(standing.fields).sort()).toEqual(['body', 'day']);
    expect(standing.alertError).toBe(refusal);
  });

  it("drops an edited field's reason from the field and from the alert", () => {
    const standing = standingRefusal(refusal, new Set(['day'] as const), fieldOf);
    expect(Object.keys(standing.fields)).toEqual(['body']);
    expect(standing.alertError).toBeInstanceOf(ApiRequestError);
    expect((standing.alertError as ApiRequestError).body.fields?.map((f) => f.path)).toEqual(['body.body_organisation']);
  });

  it('shows no alert once every field it named has been edited', () => {
    expect(standingRefusal(refusal, new Set(['day', 'body'] as const), fieldOf).alertError).toBeNull();
  });

  it('keeps a refusal that names no field, and a network failure, as they are', () => {
    const conflict = new ApiRequestError(409, { error: 'conflict', code: 'OPENNRM_INVALID_TRANSITION', message: 'no' });
    expect(standingRefusal(conflict, new Set(['day'] as const), fieldOf).alertError).toBe(conflict);
    const offline = new TypeError('Failed to fetch');
    expect(standingRefusal(offline, new Set(['day'] as const), fieldOf)).toEqual({ fields: {}, alertError: offline });
  });
});
