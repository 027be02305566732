import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AuditError } from './audit-event.ts';
import { auditEventHash, canonicalInstantSql, GENESIS_HASH, type HashableAuditEvent } from './canonical-form.ts';

/**
 * A value kept outside the database (printed by `opennrm audit anchor`,
 * e-mailed to the national coordinator, written in a register): the chain
 * must still contain it later. Without anchors, a superuser who deletes the
 * last events and moves the head back leaves a chain that checks out.
 */
export interface AuditAnchor {
  /** The event the anchor was taken at; when absent, any event with `hash` satisfies the anchor. */
  last_id?: number | undefined;
  hash: string;
}

/** Why verification stopped. */
export type AuditChainProblemKind =
  /** The event's stored hash is not the hash of its content: the event was edited. */
  | 'hash_mismatch'
  /** The event does not point at the event before it: an event before it was deleted, inserted or replaced. */
  | 'prev_hash_mismatch'
  /** Ids are not consecutive: events were deleted, or an id was changed. */
  | 'id_gap'
  /** Events at the end are missing (the chain head or an anchor records more). */
  | 'truncated'
  /** The chain head does not match the last event. */
  | 'head_mismatch'
  /** The event an anchor names has a different hash, or no event has the anchor's hash: history was rewritten. */
  | 'anchor_mismatch';

export interface AuditChainProblem {
  kind: AuditChainProblemKind;
  /** The first broken event (for a gap: the event after it); null when the problem is not one event. */
  event_id: number | null;
  /** For id_gap and truncated: the first id that is missing. */
  missing_id?: number;
  message: string;
}

export type AuditVerification =
  { ok: true; event_count: number; last_id: number; head_hash: string } | { ok: false; events_checked: number; problem: AuditChainProblem };

export interface VerifyOptions {
  anchors?: readonly AuditAnchor[];
  /** Events read per query (default 5000). */
  batchSize?: number;
  /** Called after each batch with the number of events checked so far. */
  onProgress?: (checked: number) => void;
}

interface StoredEvent extends HashableAuditEvent {
  hash: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** An anchor as printed by `opennrm audit anchor` and accepted by `verify --anchor`: "ID:HASH". */
export function formatAuditAnchor(lastId: number, hash: string): string {
  return `${lastId}:${hash}`;
}

/**
 * Reads an anchor as given on the command line: "HASH" or "ID:HASH".
 * @throws AuditError OPENNRM_AUDIT_INVALID_ANCHOR when it is neither.
 */
export function parseAuditAnchor(text: string): AuditAnchor {
  const match = /^(?:(\d+):)?([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match)
    throw new AuditError('OPENNRM_AUDIT_INVALID_ANCHOR', `"${text}" is not an anchor: give HASH or ID:HASH (64 hex digits)`, 'anchor');
  return { ...(match[1] ? { last_id: Number(match[1]) } : {}), hash: match[2]!.toLowerCase() };
}

const SELECT_EVENTS = `
  SELECT id, ${canonicalInstantSql('occurred_at')} AS occurred_at,
         actor_user_id::text AS actor_user_id, actor_username, actor_organisation_id::text AS actor_organisation_id,
         source_ip, user_agent, action, record_type, record_id, person_id::text AS person_id,
         fields, reason, request_id, prev_hash, hash
  FROM audit_event`;

/**
 * Recomputes the whole chain in id order and checks every link, the chain
 * head and the given anchors. Reads in batches of `batchSize` by id (keyset
 * pagination), inside one REPEATABLE READ transaction so that events
 * appended meanwhile do not confuse it (when `db` is already a transaction,
 * that one is used).
 *
 * Per event, in this order: the id is the previous id + 1 (else `id_gap`,
 * naming the event after the gap), prev_hash equals the previous event's
 * hash (else `prev_hash_mismatch`), the stored hash equals the recomputed
 * hash (else `hash_mismatch`: the event was edited), and an anchor taken at
 * this id has this hash (else `anchor_mismatch`). At the end: the chain head
 * names the last event, and every anchor was met (else `truncated` or
 * `anchor_mismatch`).
 *
 * @returns ok with the count and head, or the first problem found.
 */
export async function verifyAuditChain(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerification> {
  if (db.isTransaction) return verifyIn(db, options);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => verifyIn(trx, options));
}

async function verifyIn(db: Kysely<Database>, options: VerifyOptions): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const anchorsById = new Map<number, string>();
  const hashOnlyAnchors = new Set<string>();
  for (const anchor of options.anchors ?? []) {
    if (!HEX64.test(anchor.hash))
      throw new AuditError('OPENNRM_AUDIT_INVALID_ANCHOR', 'an anchor hash is 64 lower-case hex digits', 'anchor');
    const empty = anchor.last_id === 0 || (anchor.last_id === undefined && anchor.hash === GENESIS_HASH);
    if (empty && anchor.hash !== GENESIS_HASH)
      throw new AuditError(
        'OPENNRM_AUDIT_INVALID_ANCHOR',
        'an anchor at event 0 (an empty trail) has the genesis hash, 64 zeros',
        'anchor',
      );
    if (empty) continue; // every chain extends the empty one
    if (anchor.last_id !== undefined) anchorsById.set(anchor.last_id, anchor.hash);
    else hashOnlyAnchors.add(anchor.hash);
  }

  let checked = 0;
  let lastId = 0;
  let lastHash = GENESIS_HASH;
  const fail = (problem: AuditChainProblem): AuditVerification => ({ ok: false, events_checked: checked, problem });

  for (;;) {
    const { rows } = await sql<StoredEvent>`${sql.raw(SELECT_EVENTS)} WHERE id > ${lastId} ORDER BY id LIMIT ${batchSize}`.execute(db);
    for (const row of rows) {
      const id = Number(row.id);
      if (id !== lastId + 1)
        return fail({
          kind: 'id_gap',
          event_id: id,
          missing_id: lastId + 1,
          message:
            lastId === 0
              ? `event ${id} is the first event, but the chain starts at event 1: events 1 to ${id - 1} were deleted, or event 1's id was changed`
              : `event ${id} follows event ${lastId}: event ${lastId + 1}${id > lastId + 2 ? ` to ${id - 1}` : ''} deleted, or its id changed`,
        });
      if (row.prev_hash !== lastHash)
        return fail({
          kind: 'prev_hash_mismatch',
          event_id: id,
          message: `event ${id} does not point at event ${lastId === 0 ? '(genesis)' : lastId}: its prev_hash was edited, or an event before it was replaced`,
        });
      const recomputed = auditEventHash({ ...row, id, fields: row.fields ?? [] });
      if (row.hash !== recomputed)
        return fail({ kind: 'hash_mismatch', event_id: id, message: `event ${id} was edited: its content no longer matches its hash` });
      const anchored = anchorsById.get(id);
      if (anchored !== undefined && anchored !== row.hash)
        return fail({
          kind: 'anchor_mismatch',
          event_id: id,
          message: `event ${id} differs from the anchor taken at it: the chain was rewritten at or before event ${id}`,
        });
      anchorsById.delete(id);
      hashOnlyAnchors.delete(row.hash);
      checked += 1;
      lastId = id;
      lastHash = row.hash;
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) break;
  }

  const { rows: heads } = await sql<{ last_id: number | string; last_hash: string }>`
    SELECT last_id, last_hash FROM audit_chain_head WHERE singleton`.execute(db);
  const head = heads[0];
  if (!head) return fail({ kind: 'head_mismatch', event_id: null, message: 'the chain head row (audit_chain_head) was deleted' });
  const headId = Number(head.last_id);
  if (headId > lastId)
    return fail({
      kind: 'truncated',
      event_id: null,
      missing_id: lastId + 1,
      message: `the chain ends at event ${lastId} but its head records event ${headId}: events ${lastId + 1} to ${headId} were deleted`,
    });
  if (headId !== lastId || head.last_hash !== lastHash)
    return fail({
      kind: 'head_mismatch',
      event_id: lastId || null,
      message: `the chain head (event ${headId}) does not match the last event (${lastId}): the head or the last events were altered`,
    });
  const [unmetId] = anchorsById.keys();
  if (unmetId !== undefined)
    return fail({
      kind: 'truncated',
      event_id: null,
      missing_id: lastId + 1,
      message: `an anchor was taken at event ${unmetId} but the chain ends at event ${lastId}: the events after ${lastId} were deleted`,
    });
  const [unmetHash] = hashOnlyAnchors;
  if (unmetHash !== undefined)
    return fail({
      kind: 'anchor_mismatch',
      event_id: null,
      message: `no event has the anchor hash ${unmetHash.slice(0, 16)}...: events were deleted from the end, or the chain was rewritten`,
    });
  return { ok: true, event_count: checked, last_id: lastId, head_hash: lastHash };
}
