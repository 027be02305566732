import { z } from 'zod';
import { problem, problemText } from '@opennrm/domain';
import { ApiError, invalidField } from './errors.ts';

/**
 * Optimistic concurrency by entity tag (RFC 9110 §8.8.3 ETag, §13.1.1
 * If-Match, §15.5.13 412 Precondition Failed), for records that several
 * people edit (docs/errors.md, OPENNRM_STALE_VERSION).
 *
 * A record's ETag is its edit version in quotes, `"4"` (column `version`,
 * bumped by a trigger on every update: migration 0024). The client sends it
 * back in `If-Match` with its change; a version that is no longer current is
 * refused with 412 instead of silently undoing the other person's edit.
 * If-Match is optional: a client that sends none is served as before
 * (last writer wins), so scripts and older clients keep working.
 */

/** What an If-Match header asks: nothing (no header), any current version (`*`), or one of the listed strong tags. */
export type IfMatch = { kind: 'none' } | { kind: 'any' } | { kind: 'tags'; tags: string[] };

/** The `headers` schema of a route that takes If-Match, for the OpenAPI document and the web client's types. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .describe(
      'the ETag of the record as you read it (GET answers with it; also the record\'s `version` in quotes, e.g. "4"): the change is ' +
        'made only if nobody changed the record since, else 412 OPENNRM_STALE_VERSION (RFC 9110 §13.1.1). Without it the change is made ' +
        'whatever happened since.',
    ),
});

/** The ETag of a record at edit version `version` (an integer from 1): `"4"`. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3).
const ENTITY_TAG = /^\s*(W\/)?("[\x21\x23-\x7e\x80-\xff]*")\s*$/;

/**
 * Reads an If-Match header (RFC 9110 §13.1.1): absent, `*`, or a comma-separated list of entity tags.
 * Weak tags (`W/"4"`) are kept out: If-Match compares strongly, so they never match.
 * @throws ApiError OPENNRM_VALIDATION naming `headers.if-match` when the header is not that syntax (an unquoted `4`).
 */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return { kind: 'none' };
  if (header.trim() === '*') return { kind: 'any' };
  const tags: string[] = [];
  for (const part of header.split(',')) {
    const match = ENTITY_TAG.exec(part);
    if (!match) throw invalidField('headers.if-match', problem('not_an_etag'));
    if (!match[1]) tags.push(match[2]!);
  }
  return { kind: 'tags', tags };
}

/**
 * Refuses a change made from a read that is no longer current.
 * @param what the record for the message, e.g. `victim case 0190…`; never personal data.
 * @param version the record's current edit version.
 * @throws ApiError OPENNRM_STALE_VERSION (412) naming `headers.if-match`, with the version the record is at now.
 */
export function assertCurrent(ifMatch: IfMatch, version: number, what: string): void {
  if (ifMatch.kind !== 'tags' || ifMatch.tags.includes(versionTag(version))) return;
  throw staleVersion(ifMatch, version, what);
}

/** The 412 for a change from a stale read: `sent` is what If-Match held, `version` the record's edit version now. */
export function staleVersion(ifMatch: IfMatch, version: number, what: string): ApiError {
  const sent = ifMatch.kind === 'tags' ? ifMatch.tags.join(', ') || 'only weak tags' : '*';
  const reason =
    `${what} was changed by someone else since you read it: it is now at version ${version} (ETag ${versionTag(version)}), ` +
    `you sent If-Match ${sent}. Nothing was saved: read it again and make your change on what is there now.`;
  const changed = problem('changed_since_read', { version });
  return new ApiError('OPENNRM_STALE_VERSION', reason, [{ path: 'headers.if-match', reason: problemText(changed), ...changed }]);
}
