import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { normaliseAuditEvent, AuditError, type AuditEventInput } from './audit-event.ts';
import { auditEventHash, canonicalInstantSql, type HashableAuditEvent } from './canonical-form.ts';
import { withAuditTables } from './audit-tables.ts';

const INSERT_CHUNK = 1000;

/** What was written: the event's place in the chain. */
export interface AppendedAuditEvent {
  id: number;
  /** The database's clock when the chain head was locked, in canonical form ("2024-03-31T06:05:09.123456Z"). */
  occurred_at: string;
  prev_hash: string;
  hash: string;
}

/**
 * Appends one audit event to the chain, inside the caller's transaction, so
 * that the event commits with the data it describes or not at all (a read
 * that is never logged must never be shown; a change that rolls back leaves
 * no event behind).
 *
 * Call it from the repository method that reads or writes personal data,
 * in the same transaction, after the policy check:
 *
 * ```ts
 * await db.transaction().execute(async (trx) => {
 *   const row = await trx.selectFrom('person_identity').selectAll().where('person_id', '=', id).executeTakeFirst();
 *   await appendAuditEvent(trx, {
 *     ...auditActor(ctx.actor), ...requestInfo,
 *     action: 'read', record_type: 'person_identity', record_id: id, person_id: id,
 *     fields: ['given_names', 'family_name', 'date_of_birth'],
 *   });
 *   return row;
 * });
 * ```
 *
 * Concurrency: the chain head row is locked FOR UPDATE until the caller's
 * transaction ends, so appends are serialised and the chain cannot fork;
 * the database trigger also refuses any row that does not extend the head.
 * Keep audited transactions short: a long one holds every other appender.
 * Under REPEATABLE READ or SERIALIZABLE a concurrent append makes this fail
 * with a serialization error (SQLSTATE 40001): retry the transaction.
 *
 * @returns the id, time and hashes of the appended event.
 * @throws AuditError OPENNRM_AUDIT_NOT_IN_TRANSACTION when `trx` is not a transaction;
 *   OPENNRM_AUDIT_INVALID_EVENT / OPENNRM_AUDIT_REASON_REQUIRED from normaliseAuditEvent
 *   (nothing is written then, and the caller's transaction should roll back).
 */
export async function appendAuditEvent(trx: Transaction<Database>, event: AuditEventInput): Promise<AppendedAuditEvent> {
  const [appended] = await appendAuditEvents(trx, [event]);
  return appended!;
}

/**
 * Appends several events (for example one per person listed by a search),
 * in the given order, under one lock of the chain head. All are validated before anything is
 * written. Same transaction rules and errors as appendAuditEvent.
 * @returns one entry per event, in order; [] for no events.
 */
export async function appendAuditEvents(trx: Transaction<Database>, events: readonly AuditEventInput[]): Promise<AppendedAuditEvent[]> {
  if (!trx.isTransaction)
    throw new AuditError('OPENNRM_AUDIT_NOT_IN_TRANSACTION', 'audit events are appended inside the transaction of the data they describe');
  const normalised = events.map((event) => normaliseAuditEvent(event));
  if (normalised.length === 0) return [];

  const { rows } = await sql<{ last_id: number | string; last_hash: string; now: string }>`
    SELECT last_id, last_hash, ${sql.raw(canonicalInstantSql('clock_timestamp()'))} AS now
    FROM audit_chain_head WHERE singleton FOR UPDATE`.execute(trx);
  const head = rows[0];
  if (!head) throw new Error('audit_chain_head is missing: the audit migration has not run or the row was removed');

  let id = Number(head.last_id);
  let prev_hash = head.last_hash;
  const chained: (Omit<HashableAuditEvent, 'fields'> & { fields: string[]; hash: string })[] = [];
  for (const event of normalised) {
    id += 1;
    const hashable = { ...event, id, occurred_at: head.now, prev_hash };
    const hash = auditEventHash(hashable);
    chained.push({ ...hashable, hash });
    prev_hash = hash;
  }
  // PostgreSQL takes at most 65535 parameters a statement; an event has 16.
  for (let i = 0; i < chained.length; i += INSERT_CHUNK)
    await withAuditTables(trx)
      .insertInto('audit_event')
      .values(chained.slice(i, i + INSERT_CHUNK))
      .execute();
  return chained.map(({ id, occurred_at, prev_hash, hash }) => ({ id, occurred_at, prev_hash, hash }));
}
