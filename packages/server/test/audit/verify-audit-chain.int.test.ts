import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { newId } from '../../src/shared/ids.ts';
import { appendAuditEvent } from '../../src/audit/append-audit-event.ts';
import type { AuditEventInput } from '../../src/audit/audit-event.ts';
import { auditEventHash, type HashableAuditEvent, canonicalInstantSql, GENESIS_HASH } from '../../src/audit/canonical-form.ts';
import { parseAuditAnchor, verifyAuditChain, type AuditVerification } from '../../src/audit/verify-audit-chain.ts';
import { inRolledBackTransaction } from './audit-test-support.ts';

const EVENTS = 12;

/** A varied chain: every column is set on some events and null on others. */
function event(i: number): AuditEventInput {
  const person = i % 3 === 0 ? null : newId();
  return {
    action: i % 5 === 4 ? 'break_glass' : i % 2 === 0 ? 'read' : 'update',
    actor_user_id: i % 4 === 3 ? null : newId(),
    actor_username: `user${i}`,
    actor_organisation_id: i % 2 === 0 ? newId() : null,
    source_ip: i % 2 === 0 ? '2001:db8::7' : '198.51.100.4',
    user_agent: i % 3 === 1 ? null : `agent "${i}" \\ ț`,
    record_type: person ? 'person_identity' : 'victim_case',
    record_id: person ?? newId(),
    person_id: person,
    fields: i % 2 === 0 ? ['given_names', 'documents.number'] : [],
    reason: i % 5 === 4 ? `Break-glass ${i}: victim in hospital, team absent` : null,
    request_id: i % 2 === 0 ? `req-${i}` : null,
  };
}

/** An attacker with superuser rights: triggers off for this transaction only (rolled back after). */
async function disableTriggers(trx: Kysely<Database>, how: 'alter_table' | 'replication_role'): Promise<void> {
  if (how === 'alter_table') {
    await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(trx);
    await sql`ALTER TABLE audit_chain_head DISABLE TRIGGER USER`.execute(trx);
  } else {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  }
}

function problemOf(result: AuditVerification) {
  if (result.ok) throw new Error(`expected verification to fail, but it passed with ${result.event_count} events`);
  return result.problem;
}

// Each edit changes one column to a value that differs from any it holds, within the table's constraints.
const EDITS: Record<string, string> = {
  id: 'id = id + 1000000',
  occurred_at: `occurred_at = occurred_at + interval '1 microsecond'`,
  actor_user_id: `actor_user_id = '00000000-0000-4000-8000-000000000001'`,
  actor_username: `actor_username = coalesce(actor_username, '') || 'x'`,
  actor_organisation_id: `actor_organisation_id = '00000000-0000-4000-8000-000000000002'`,
  source_ip: `source_ip = '203.0.113.99'`,
  user_agent: `user_agent = coalesce(user_agent, '') || ' '`,
  action: `action = CASE action WHEN 'read' THEN 'search' WHEN 'update' THEN 'read' ELSE 'update' END, reason = coalesce(reason, 'added to pass the check constraint')`,
  record_type: `record_type = 'referral'`,
  record_id: `record_id = coalesce(record_id, '') || '0'`,
  person_id: `person_id = '00000000-0000-4000-8000-000000000003'`,
  fields: `fields = array_append(fields, 'address')`,
  reason: `reason = coalesce(reason, '') || ' (edited later)'`,
  request_id: `request_id = coalesce(request_id, '') || '!'`,
  prev_hash: `prev_hash = repeat('a', 64)`,
  hash: `hash = repeat('b', 64)`,
};

describe(`verifying the audit chain on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let hashes: string[];
  beforeAll(async () => {
    nrm = await freshDatabase();
    expect(await verifyAuditChain(nrm.db)).toEqual({ ok: true, event_count: 0, last_id: 0, head_hash: GENESIS_HASH });
    hashes = [];
    for (let i = 0; i < EVENTS; i++) hashes.push((await nrm.db.transaction().execute((trx) => appendAuditEvent(trx, event(i)))).hash);
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('verifies an intact chain, with or without anchors, in small batches too', async () => {
    const whole = { ok: true, event_count: EVENTS, last_id: EVENTS, head_hash: hashes[EVENTS - 1] };
    expect(await verifyAuditChain(nrm.db)).toEqual(whole);
    const progress: number[] = [];
    expect(await verifyAuditChain(nrm.db, { batchSize: 5, onProgress: (n) => progress.push(n) })).toEqual(whole);
    expect(progress).toEqual([5, 10, 12]);
    const anchors = [parseAuditAnchor(`5:${hashes[4]}`), parseAuditAnchor(hashes[EVENTS - 1]!.toUpperCase())];
    expect(await verifyAuditChain(nrm.db, { anchors })).toEqual(whole);
    // The anchor of the empty trail (taken before the first event) holds for every chain.
    expect(await verifyAuditChain(nrm.db, { anchors: [parseAuditAnchor(`0:${GENESIS_HASH}`)] })).toEqual(whole);
    await expect(verifyAuditChain(nrm.db, { anchors: [{ last_id: 0, hash: hashes[0]! }] })).rejects.toMatchObject({
      code: 'OPENNRM_AUDIT_INVALID_ANCHOR',
    });
  });

  it('recomputes each stored hash from the stored columns by the documented canonical form', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT id, ${sql.raw(canonicalInstantSql('occurred_at'))} AS occurred_at, actor_user_id::text AS actor_user_id, actor_username,
             actor_organisation_id::text AS actor_organisation_id, source_ip, user_agent, action, record_type, record_id,
             person_id::text AS person_id, fields, reason, request_id, prev_hash, hash
      FROM audit_event ORDER BY id`.execute(nrm.db);
    for (const row of rows) expect(auditEventHash({ ...(row as unknown as HashableAuditEvent), id: Number(row.id) })).toBe(row.hash);
  });

  for (const [column, assignment] of Object.entries(EDITS))
    it(`names the event whose ${column} was edited, first, middle or last`, async () => {
      for (const [target, how] of [
        [1, 'alter_table'],
        [Math.ceil(EVENTS / 2), 'replication_role'],
        [EVENTS, 'alter_table'],
      ] as const) {
        const result = await inRolledBackTransaction(nrm.db, async (trx) => {
          await disableTriggers(trx, how);
          const { numAffectedRows } = await sql.raw(`UPDATE audit_event SET ${assignment} WHERE id = ${target}`).execute(trx);
          expect(Number(numAffectedRows)).toBe(1);
          return verifyAuditChain(trx, { batchSize: 4 });
        });
        const problem = problemOf(result);
        if (column === 'id') expect(problem).toMatchObject({ kind: 'id_gap', missing_id: target });
        else if (column === 'prev_hash') expect(problem).toMatchObject({ kind: 'prev_hash_mismatch', event_id: target });
        else expect(problem).toMatchObject({ kind: 'hash_mismatch', event_id: target });
        expect(problem.message).toContain(`event ${target}`);
      }
      expect((await verifyAuditChain(nrm.db)).ok).toBe(true);
    });

  it('names the event after a deleted one', async () => {
    for (const deleted of [1, 7]) {
      const problem = problemOf(
        await inRolledBackTransaction(nrm.db, async (trx) => {
          await disableTriggers(trx, 'alter_table');
          await sql`DELETE FROM audit_event WHERE id = ${deleted}`.execute(trx);
          return verifyAuditChain(trx);
        }),
      );
      expect(problem).toMatchObject({ kind: 'id_gap', event_id: deleted + 1, missing_id: deleted });
      expect(problem.message).toContain(`event ${deleted + 1}`);
    }
  });

  it('names the event after a deletion covered by renumbering the later events', async () => {
    const problem = problemOf(
      await inRolledBackTransaction(nrm.db, async (trx) => {
        await disableTriggers(trx, 'replication_role');
        await sql`DELETE FROM audit_event WHERE id = 4`.execute(trx);
        await sql`UPDATE audit_event SET id = id + 1000 WHERE id > 4`.execute(trx);
        await sql`UPDATE audit_event SET id = id - 1001 WHERE id > 1000`.execute(trx);
        await sql`UPDATE audit_chain_head SET last_id = last_id - 1`.execute(trx);
        return verifyAuditChain(trx);
      }),
    );
    // The former event 5 is now event 4: it points at event 3's hash but its id was part of its hash.
    expect(problem).toMatchObject({ kind: 'prev_hash_mismatch', event_id: 4 });
  });

  it('detects deleted last events through the chain head, and through an anchor when the head is moved back too', async () => {
    const anchor = parseAuditAnchor(`${EVENTS}:${hashes[EVENTS - 1]}`);
    const naive = problemOf(
      await inRolledBackTransaction(nrm.db, async (trx) => {
        await disableTriggers(trx, 'alter_table');
        await sql`DELETE FROM audit_event WHERE id > ${EVENTS - 2}`.execute(trx);
        return verifyAuditChain(trx);
      }),
    );
    expect(naive).toMatchObject({ kind: 'truncated', missing_id: EVENTS - 1 });

    const [withoutAnchor, withAnchor, withHashOnlyAnchor] = await inRolledBackTransaction(nrm.db, async (trx) => {
      await disableTriggers(trx, 'alter_table');
      await sql`DELETE FROM audit_event WHERE id > ${EVENTS - 2}`.execute(trx);
      await sql`UPDATE audit_chain_head SET last_id = ${EVENTS - 2}, last_hash = ${hashes[EVENTS - 3]}`.execute(trx);
      return [
        await verifyAuditChain(trx),
        await verifyAuditChain(trx, { anchors: [anchor] }),
        await verifyAuditChain(trx, { anchors: [{ hash: anchor.hash }] }),
      ];
    });
    expect(withoutAnchor.ok).toBe(true); // why anchors are kept outside the database
    expect(problemOf(withAnchor)).toMatchObject({ kind: 'truncated', missing_id: EVENTS - 1 });
    expect(problemOf(withAnchor).message).toContain(`anchor was taken at event ${EVENTS}`);
    expect(problemOf(withHashOnlyAnchor)).toMatchObject({ kind: 'anchor_mismatch', event_id: null });
  });

  it('detects a rewritten chain (every later hash recomputed) only against an anchor, naming the anchored event', async () => {
    const anchor = parseAuditAnchor(`${EVENTS - 2}:${hashes[EVENTS - 3]}`);
    const [withoutAnchor, withAnchor] = await inRolledBackTransaction(nrm.db, async (trx) => {
      await disableTriggers(trx, 'replication_role');
      // The attacker edits event 6 and recomputes the hashes of 6..12 and the head.
      await sql`UPDATE audit_event SET actor_username = 'someone_else' WHERE id = 6`.execute(trx);
      const { rows } = await sql<Record<string, unknown>>`
        SELECT id, ${sql.raw(canonicalInstantSql('occurred_at'))} AS occurred_at, actor_user_id::text AS actor_user_id, actor_username,
               actor_organisation_id::text AS actor_organisation_id, source_ip, user_agent, action, record_type, record_id,
               person_id::text AS person_id, fields, reason, request_id, prev_hash
        FROM audit_event WHERE id >= 6 ORDER BY id`.execute(trx);
      let prev = hashes[4]!;
      for (const row of rows) {
        const hash = auditEventHash({ ...(row as unknown as HashableAuditEvent), id: Number(row.id), prev_hash: prev });
        await sql`UPDATE audit_event SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${Number(row.id)}`.execute(trx);
        prev = hash;
      }
      await sql`UPDATE audit_chain_head SET last_hash = ${prev}`.execute(trx);
      return [await verifyAuditChain(trx), await verifyAuditChain(trx, { anchors: [anchor] })];
    });
    expect(withoutAnchor.ok).toBe(true);
    expect(problemOf(withAnchor)).toMatchObject({ kind: 'anchor_mismatch', event_id: EVENTS - 2 });
  });

  it('detects a chain head that was moved or removed', async () => {
    const moved = await inRolledBackTransaction(nrm.db, async (trx) => {
      await disableTriggers(trx, 'alter_table');
      await sql`UPDATE audit_chain_head SET last_hash = ${'c'.repeat(64)}`.execute(trx);
      return verifyAuditChain(trx);
    });
    expect(problemOf(moved)).toMatchObject({ kind: 'head_mismatch', event_id: EVENTS });
    const removed = await inRolledBackTransaction(nrm.db, async (trx) => {
      await disableTriggers(trx, 'alter_table');
      await sql`DELETE FROM audit_chain_head`.execute(trx);
      return verifyAuditChain(trx);
    });
    expect(problemOf(removed)).toMatchObject({ kind: 'head_mismatch', event_id: null });
  });

  it('refuses a malformed anchor', () => {
    expect(() => parseAuditAnchor('12:abc')).toThrow(/not an anchor/);
    expect(parseAuditAnchor(` 3:${'A'.repeat(64)} `)).toEqual({ last_id: 3, hash: 'a'.repeat(64) });
  });
});
