import type { Kysely } from 'kysely';
import { problem } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { AuditError, type AuditAction } from './audit-event.ts';
import { withAuditTables } from './audit-tables.ts';

/** One line of a person's access history. Times are instants (Date). */
export interface PersonAccessEntry {
  id: number;
  occurred_at: Date;
  action: string;
  actor_user_id: string | null;
  /** Username when the event was written. */
  actor_username: string | null;
  /** Current display name of the account; null if it no longer exists. */
  actor_display_name: string | null;
  actor_organisation_id: string | null;
  organisation_code: string | null;
  organisation_name: string | null;
  record_type: string | null;
  record_id: string | null;
  /** Names of the fields read or changed. */
  fields: string[];
  reason: string | null;
  source_ip: string | null;
  request_id: string | null;
}

export interface AccessHistoryOptions {
  /** Most entries returned, newest first (default 200, at most 5000). */
  limit?: number;
  /** For the next page: only events with a smaller id. */
  beforeId?: number;
  /** Only these actions (default: all). */
  actions?: readonly AuditAction[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Who has looked at this person": every audit event that concerns the
 * person (reads, changes, exports, break-glass with its reason), newest
 * first, with the user and organisation as they were recorded and the
 * organisation's current name. Serves the case page of issue 3 and a
 * data-subject access request (GDPR art. 15(1)(c): the recipients to whom
 * the data have been disclosed).
 *
 * Reading this history is itself an access to personal data: the caller
 * appends a `read` event for it (record_type "audit_history").
 *
 * @throws AuditError OPENNRM_AUDIT_INVALID_QUERY for a person id that is not a UUID or a bad limit.
 */
export async function accessHistoryForPerson(
  db: Kysely<Database>,
  personId: string,
  options: AccessHistoryOptions = {},
): Promise<PersonAccessEntry[]> {
  if (!UUID.test(personId)) throw new AuditError('OPENNRM_AUDIT_INVALID_QUERY', problem('must_be_uuid'), 'person_id');
  const limit = options.limit ?? 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
    throw new AuditError('OPENNRM_AUDIT_INVALID_QUERY', problem('number_between', { minimum: 1, maximum: 5000 }), 'limit');

  let query = withAuditTables(db)
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organisation as o', 'o.id', 'e.actor_organisation_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.action',
      'e.actor_user_id',
      'e.actor_username',
      'u.display_name as actor_display_name',
      'e.actor_organisation_id',
      'o.code as organisation_code',
      'o.name as organisation_name',
      'e.record_type',
      'e.record_id',
      'e.fields',
      'e.reason',
      'e.source_ip',
      'e.request_id',
    ])
    .where('e.person_id', '=', personId.toLowerCase());
  if (options.beforeId !== undefined) query = query.where('e.id', '<', options.beforeId);
  if (options.actions?.length) query = query.where('e.action', 'in', [...options.actions]);
  const rows = await query.orderBy('e.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), fields: row.fields ?? [] }));
}
