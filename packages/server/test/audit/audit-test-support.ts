import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { normaliseAuditEvent, type AuditEventInput } from '../../src/audit/audit-event.ts';
import { auditEventHash } from '../../src/audit/canonical-form.ts';
import { withAuditTables } from '../../src/audit/audit-tables.ts';
import { newId } from '../../src/shared/ids.ts';

/** Thrown to roll a test transaction back after looking at what it did. */
class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back; returns what `work` returned. */
export async function inRolledBackTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      result = await work(trx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result as T;
}

/**
 * Appends an event with a chosen time, as appendAuditEvent would but without
 * its clock: the unusual-access tests need events at given local hours. It
 * goes through the same chain trigger, so the chain stays valid.
 */
export async function appendAuditEventAt(trx: Transaction<Database>, event: AuditEventInput, occurredAt: string): Promise<number> {
  const normalised = normaliseAuditEvent(event);
  const { rows } = await sql<{ last_id: number; last_hash: string; at: string }>`
    SELECT last_id, last_hash, to_char(${occurredAt}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
    FROM audit_chain_head WHERE singleton FOR UPDATE`.execute(trx);
  const head = rows[0]!;
  const id = Number(head.last_id) + 1;
  const hashable = { ...normalised, id, occurred_at: head.at, prev_hash: head.last_hash };
  await withAuditTables(trx)
    .insertInto('audit_event')
    .values({ ...hashable, hash: auditEventHash(hashable) })
    .execute();
  return id;
}

/** An organisation of the test, with a region or none (national). */
export async function addOrganisation(db: Kysely<Database>, code: string, region: string | null): Promise<string> {
  const id = newId();
  await db
    .insertInto('organisation')
    .values({ id, code, name: `Test ${code}`, kind: 'ngo', region })
    .execute();
  return id;
}

/** A user account of the test (never signs in: the hash is a placeholder). */
export async function addUser(
  db: Kysely<Database>,
  username: string,
  organisationId: string | null,
  role = 'case_worker',
): Promise<string> {
  const id = newId();
  await db
    .insertInto('app_user')
    .values({ id, username, display_name: `User ${username}`, password_hash: 'not-a-hash', role, organisation_id: organisationId })
    .execute();
  return id;
}

/** Every column of audit_event, as stored (for comparisons). */
export async function auditRows(db: Kysely<Database>): Promise<Record<string, unknown>[]> {
  return withAuditTables(db).selectFrom('audit_event').selectAll().orderBy('id').execute();
}
