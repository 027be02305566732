import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Row types of the audit trail (migration 0004-audit-trail), as Kysely sees
 * them. `id` is a bigint that the database driver returns as a number (ids
 * stay far below 2^53).
 */
export interface AuditEventTable {
  id: ColumnType<number, number, never>;
  occurred_at: ColumnType<Date, string, never>;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_organisation_id: string | null;
  source_ip: string | null;
  user_agent: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  fields: ColumnType<string[], string[], never>;
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The single row that records the end of the chain; appends lock it. */
export interface AuditChainHeadTable {
  singleton: boolean;
  last_id: number;
  last_hash: string;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type AuditTables = {
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
};

/** The NRM record plus the audit tables. */
export type AuditDatabase = Database & AuditTables;

/** Views a handle on the NRM record as one that also knows the audit tables. */
export function withAuditTables(db: Kysely<Database>): Kysely<AuditDatabase> {
  return db.withTables<AuditTables>() as unknown as Kysely<AuditDatabase>;
}
