import { isIP } from 'node:net';
import { problemText, type CataloguedProblem } from '@opennrm/domain';

/**
 * What an audit event says was done. Issue 3 asks for every read and change
 * of personal data, every export, sign-in and permission change; the rest
 * are the other moments an investigator of a leak asks about.
 * Source: GDPR art. 30 (records of processing) and art. 32(1)(d) (regularly
 * testing the security of processing); ISO/IEC 27001:2022 A.8.15 (logging).
 */
export const AUDIT_ACTIONS = [
  'read', // a record was shown or returned
  'search', // a search or list that returned personal data
  'create',
  'update',
  'delete',
  'export', // data left the system (file, print, data-subject access export)
  'import',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password_change',
  'permission_change', // role, organisation or case-team membership changed
  'access_denied', // the policy refused a request: repeated refusals are a probe
  'break_glass', // opened a case outside the user's team; `reason` required
  'erase', // GDPR art. 17 erasure
  'purge', // retention purge (anonymisation)
  'key_rotation',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A break-glass reason shorter than this (after trimming) is refused, here and by the database. */
export const MIN_BREAK_GLASS_REASON_LENGTH = 10;

/**
 * One audit event as the caller describes it. The database adds the id, the
 * time (its own clock) and the chain hashes.
 *
 * Fields are snake_case like every field of the record. Ids are UUIDs.
 * `fields` lists the NAMES of the fields read or changed
 * ("given_names", "documents.number"), never their values: the audit trail
 * must not become a second copy of the identities it protects.
 */
export interface AuditEventInput {
  action: AuditAction;
  /** The signed-in user; null for an unknown user (a failed sign-in) or the system. */
  actor_user_id?: string | null;
  /** Username at the time (kept even if the account is renamed or removed); "system:purge" for jobs. */
  actor_username?: string | null;
  /** The user's organisation at the time. */
  actor_organisation_id?: string | null;
  /** IPv4 or IPv6 address of the client, without zone or port. */
  source_ip?: string | null;
  user_agent?: string | null;
  /** Table-like name of the record: "person", "person_identity", "victim_case", "referral", "export". */
  record_type?: string | null;
  record_id?: string | null;
  /** The person the record concerns, so that "who has looked at this person" finds it. */
  person_id?: string | null;
  fields?: readonly string[] | null;
  /** Why: required for break_glass (at least MIN_BREAK_GLASS_REASON_LENGTH characters). */
  reason?: string | null;
  /** Correlates events with the HTTP request and server log lines. */
  request_id?: string | null;
}

/** An event after validation: every field present, strings normalised, fields sorted and unique. */
export interface NormalisedAuditEvent {
  action: AuditAction;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_organisation_id: string | null;
  source_ip: string | null;
  user_agent: string | null;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  fields: string[];
  reason: string | null;
  request_id: string | null;
}

export type AuditErrorCode =
  | 'OPENNRM_AUDIT_INVALID_EVENT'
  | 'OPENNRM_AUDIT_REASON_REQUIRED'
  | 'OPENNRM_AUDIT_NOT_IN_TRANSACTION'
  | 'OPENNRM_AUDIT_INVALID_ANCHOR'
  | 'OPENNRM_AUDIT_INVALID_QUERY';

/**
 * A refused audit event or query. `field` names the offending field. The
 * message never repeats a value that could be personal data. A refused query
 * parameter, which the API reports, carries its catalogued rule as `problem`
 * (the message is then its English text).
 */
export class AuditError extends Error {
  readonly code: AuditErrorCode;
  readonly field: string | undefined;
  readonly problem: CataloguedProblem | undefined;
  constructor(code: AuditErrorCode, message: string | CataloguedProblem, field?: string) {
    const text = typeof message === 'string' ? message : problemText(message);
    super(field ? `${field}: ${text}` : text);
    this.name = 'AuditError';
    this.code = code;
    this.field = field;
    this.problem = typeof message === 'string' ? undefined : message;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_NAME = /^[a-z][a-z0-9_]*$/;
const FIELD_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const MAX = { name: 200, record_id: 200, request_id: 200, user_agent: 512, reason: 2000, field: 100, fields: 200 };

const invalid = (field: string, message: string) => new AuditError('OPENNRM_AUDIT_INVALID_EVENT', message, field);

/** Text that PostgreSQL stores and returns unchanged, so that its hash can be recomputed. */
function text(field: string, value: string | null | undefined, max: number, allowLines = false): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  if (!value.isWellFormed()) throw invalid(field, 'contains an unpaired surrogate (not valid Unicode)');
  if ((allowLines ? CONTROL_EXCEPT_LINES : CONTROL).test(value)) throw invalid(field, 'contains a control character');
  if (value.length === 0) throw invalid(field, 'is empty; omit it or give null');
  if (value.length > max) throw invalid(field, `is longer than ${max} characters`);
  return value;
}

function uuid(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !UUID.test(value)) throw invalid(field, 'must be a UUID');
  return value.toLowerCase(); // PostgreSQL returns uuids in lower case
}

function codeName(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !CODE_NAME.test(value) || value.length > MAX.name)
    throw invalid(field, 'must be a lower-case name such as "victim_case"');
  return value;
}

function ipAddress(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || isIP(value) === 0 || value.includes('%'))
    throw invalid('source_ip', 'must be an IPv4 or IPv6 address without zone');
  return value;
}

/** A client may send an empty user agent, and a form an empty reason: both mean "none". */
function blankToNull(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/** Keeps the first `max` characters without splitting a surrogate pair. */
function truncate(value: string | null | undefined, max: number): string | null | undefined {
  if (typeof value !== 'string' || value.length <= max) return value;
  const cut = value.slice(0, max);
  return cut.isWellFormed() ? cut : cut.slice(0, -1);
}

/**
 * Validates an event and puts it in the form that is stored and hashed.
 * The user agent is cut to 512 characters (clients control it); everything
 * else that is too long is refused.
 *
 * @throws AuditError OPENNRM_AUDIT_INVALID_EVENT naming the field (unknown
 *   action, malformed UUID or IP address, a field name that looks like a
 *   value, control characters, no actor at all);
 *   OPENNRM_AUDIT_REASON_REQUIRED for break_glass without a written reason.
 */
export function normaliseAuditEvent(input: AuditEventInput): NormalisedAuditEvent {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(input.action)) throw invalid('action', `must be one of ${AUDIT_ACTIONS.join(', ')}`);
  const reasonText = text('reason', blankToNull(input.reason), MAX.reason, true);
  const reason = reasonText === null ? null : reasonText.trim() || null;
  if (input.action === 'break_glass' && (reason === null || reason.length < MIN_BREAK_GLASS_REASON_LENGTH))
    throw new AuditError(
      'OPENNRM_AUDIT_REASON_REQUIRED',
      `break-glass access needs a written reason of at least ${MIN_BREAK_GLASS_REASON_LENGTH} characters`,
      'reason',
    );
  const fields = [...new Set(input.fields ?? [])].sort();
  if (fields.length > MAX.fields) throw invalid('fields', `lists more than ${MAX.fields} names`);
  for (const name of fields)
    if (typeof name !== 'string' || !FIELD_NAME.test(name) || name.length > MAX.field)
      throw invalid('fields', 'must list field names such as "given_names" or "documents.number", never values');
  const event: NormalisedAuditEvent = {
    action: input.action,
    actor_user_id: uuid('actor_user_id', input.actor_user_id),
    actor_username: text('actor_username', input.actor_username, MAX.name),
    actor_organisation_id: uuid('actor_organisation_id', input.actor_organisation_id),
    source_ip: ipAddress(input.source_ip),
    user_agent: text('user_agent', truncate(blankToNull(input.user_agent), MAX.user_agent), MAX.user_agent),
    record_type: codeName('record_type', input.record_type),
    record_id: text('record_id', input.record_id, MAX.record_id),
    person_id: uuid('person_id', input.person_id),
    fields,
    reason,
    request_id: text('request_id', input.request_id, MAX.request_id),
  };
  if (event.actor_user_id === null && event.actor_username === null)
    throw invalid('actor_username', 'an event must name who acted (actor_user_id or actor_username)');
  return event;
}

/** The signed-in user as the `actor_*` fields of an event (spread it into AuditEventInput). */
export function auditActor(actor: { user_id: string; username: string; organisation_id: string | null }): {
  actor_user_id: string;
  actor_username: string;
  actor_organisation_id: string | null;
} {
  return { actor_user_id: actor.user_id, actor_username: actor.username, actor_organisation_id: actor.organisation_id };
}
