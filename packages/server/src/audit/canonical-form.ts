import { createHash } from 'node:crypto';

/**
 * The canonical form of an audit event: the exact bytes its hash covers.
 * docs/audit.md states the same rules for anyone re-implementing `verify`.
 *
 * The form is the JSON text of one array, in this order:
 *
 *   0  "opennrm-audit-v1"     format tag (a new form gets a new tag)
 *   1  id                     decimal string, no sign, no leading zeros: "1", "2", ...
 *   2  occurred_at            UTC, microseconds: "2024-03-31T06:05:09.123456Z"
 *   3  actor_user_id          UUID, lower case, or null
 *   4  actor_username         string or null
 *   5  actor_organisation_id  UUID, lower case, or null
 *   6  source_ip              string exactly as stored, or null
 *   7  user_agent             string or null
 *   8  action                 string
 *   9  record_type            string or null
 *  10  record_id              string or null
 *  11  person_id              UUID, lower case, or null
 *  12  fields                 array of strings in stored order (the writer sorts them); [] when none
 *  13  reason                 string or null
 *  14  request_id             string or null
 *  15  prev_hash              64 lower-case hex digits; GENESIS_HASH for event 1
 *
 * Serialisation: no whitespace; a missing value is the JSON literal null
 * (never "" or an absent element); strings are escaped as ECMAScript
 * JSON.stringify does, which is the string rule of the JSON Canonicalization
 * Scheme (RFC 8785 §3.2.2.2: only `"`, `\` and U+0000..U+001F are escaped,
 * the latter as \b \t \n \f \r or \u00xx with lower-case hex). Because the
 * form holds only strings, nulls and one array of strings, this is exactly
 * its RFC 8785 canonical JSON.
 *
 * hash = lower-case hex of SHA-256 (FIPS 180-4) over the UTF-8 bytes of that
 * text. Including prev_hash chains every event to all before it, so changing
 * or removing any one changes every later hash (a hash chain: Crosby &
 * Wallach, "Efficient Data Structures for Tamper-Evident Logging", USENIX
 * Security 2009. RFC 6962, Certificate Transparency, uses a Merkle tree for
 * the same goal to get short proofs; `verify` reads the whole log, so a
 * chain is enough).
 */
export const AUDIT_FORMAT = 'opennrm-audit-v1';

/** The prev_hash of event 1: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything the hash covers, as stored (times already in the canonical text form). */
export interface HashableAuditEvent {
  id: number;
  occurred_at: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_organisation_id: string | null;
  source_ip: string | null;
  user_agent: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  fields: readonly string[];
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
}

/** The canonical text of an event (see the module comment for the rules). */
export function canonicalAuditEvent(event: HashableAuditEvent): string {
  if (!Number.isSafeInteger(event.id) || event.id < 1) throw new Error(`audit event id must be a positive integer, got ${event.id}`);
  return JSON.stringify([
    AUDIT_FORMAT,
    String(event.id),
    event.occurred_at,
    event.actor_user_id,
    event.actor_username,
    event.actor_organisation_id,
    event.source_ip,
    event.user_agent,
    event.action,
    event.record_type,
    event.record_id,
    event.person_id,
    event.fields,
    event.reason,
    event.request_id,
    event.prev_hash,
  ]);
}

/** hash = hex(SHA-256(UTF-8(canonical form))). */
export function auditEventHash(event: HashableAuditEvent): string {
  return createHash('sha256').update(canonicalAuditEvent(event), 'utf8').digest('hex');
}

/**
 * The SQL that renders a timestamptz column in the canonical time form
 * (UTC, six fractional digits, "Z"), identical on PostgreSQL and PGlite.
 */
export function canonicalInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
