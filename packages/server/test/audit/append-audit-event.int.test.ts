import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { newId } from '../../src/shared/ids.ts';
import { appendAuditEvent, appendAuditEvents } from '../../src/audit/append-audit-event.ts';
import { AuditError, type AuditEventInput } from '../../src/audit/audit-event.ts';
import { auditEventHash, type HashableAuditEvent, GENESIS_HASH } from '../../src/audit/canonical-form.ts';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.ts';
import { auditRows } from './audit-test-support.ts';

const reader = (personId: string): AuditEventInput => ({
  action: 'read',
  actor_user_id: newId(),
  actor_username: 'ana.popescu',
  actor_organisation_id: newId(),
  source_ip: '192.0.2.10',
  user_agent: 'Mozilla/5.0 (Android 14) Chrome/126',
  record_type: 'person_identity',
  record_id: personId,
  person_id: personId,
  fields: ['given_names', 'family_name'],
  request_id: 'req-1',
});

async function head(nrm: NrmDatabase): Promise<{ last_id: number; last_hash: string }> {
  const { rows } = await sql<{ last_id: number; last_hash: string }>`SELECT last_id, last_hash FROM audit_chain_head`.execute(nrm.db);
  return { last_id: Number(rows[0]!.last_id), last_hash: rows[0]!.last_hash };
}

describe(`appending audit events on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('chains events from the genesis value, with dense ids, the database clock and recomputable hashes', async () => {
    const person = newId();
    const before = Date.now();
    const first = await nrm.db.transaction().execute((trx) => appendAuditEvent(trx, reader(person)));
    const second = await nrm.db
      .transaction()
      .execute((trx) => appendAuditEvent(trx, { ...reader(person), action: 'update', fields: ['notes'] }));
    expect(first.id).toBe(1);
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(second.id).toBe(2);
    expect(second.prev_hash).toBe(first.hash);
    expect(first.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(Math.abs(Date.parse(first.occurred_at) - before)).toBeLessThan(60_000);

    const rows = await auditRows(nrm.db);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: 'read', person_id: person, fields: ['family_name', 'given_names'], hash: first.hash });
    expect((rows[0]!.occurred_at as Date).toISOString()).toBe(first.occurred_at.replace(/\d{3}Z$/, 'Z'));
    expect(auditEventHash({ ...(rows[1] as unknown as HashableAuditEvent), occurred_at: second.occurred_at, id: 2 })).toBe(second.hash);
    expect(await head(nrm)).toEqual({ last_id: 2, last_hash: second.hash });
  });

  it('rolls the event back with the caller’s transaction, leaving no gap in the ids', async () => {
    const { last_id } = await head(nrm);
    await expect(
      nrm.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, reader(newId()));
        throw new Error('the repository failed after logging');
      }),
    ).rejects.toThrow('the repository failed');
    expect(await head(nrm)).toMatchObject({ last_id });
    const next = await nrm.db.transaction().execute((trx) => appendAuditEvent(trx, reader(newId())));
    expect(next.id).toBe(last_id + 1);
    expect((await verifyAuditChain(nrm.db)).ok).toBe(true);
  });

  it('refuses to write outside a transaction, so that no event can commit apart from its data', async () => {
    const error = await appendAuditEvent(nrm.db as unknown as Transaction<Database>, reader(newId())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).code).toBe('OPENNRM_AUDIT_NOT_IN_TRANSACTION');
  });

  it('refuses break-glass without a written reason, in code and in the database', async () => {
    const { last_id, last_hash } = await head(nrm);
    const error = await nrm.db
      .transaction()
      .execute((trx) => appendAuditEvent(trx, { ...reader(newId()), action: 'break_glass', reason: '  urgent ' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OPENNRM_AUDIT_REASON_REQUIRED', field: 'reason' });

    // A writer that bypasses appendAuditEvent still meets the CHECK constraint.
    await expect(
      sql`INSERT INTO audit_event (id, occurred_at, actor_username, action, prev_hash, hash)
          VALUES (${last_id + 1}, now(), 'mallory', 'break_glass', ${last_hash}, ${'e'.repeat(64)})`.execute(nrm.db),
    ).rejects.toThrow(/audit_event_break_glass_reason/);

    const ok = await nrm.db
      .transaction()
      .execute((trx) =>
        appendAuditEvent(trx, { ...reader(newId()), action: 'break_glass', reason: 'Child reported missing, case manager unreachable' }),
      );
    expect(ok.id).toBe(last_id + 1);
  });

  it('rejects UPDATE, DELETE and TRUNCATE of audit events and of the chain head', async () => {
    for (const statement of [
      `UPDATE audit_event SET actor_username = 'nobody' WHERE id = 1`,
      `DELETE FROM audit_event WHERE id = 1`,
      `TRUNCATE audit_event`,
      `UPDATE audit_chain_head SET last_id = 0`,
      `DELETE FROM audit_chain_head`,
      `TRUNCATE audit_chain_head`,
    ])
      await expect(sql.raw(statement).execute(nrm.db), statement).rejects.toThrow(/OPENNRM_AUDIT_APPEND_ONLY/);
    expect((await verifyAuditChain(nrm.db)).ok).toBe(true);
  });

  it('refuses a row that does not extend the chain head (a fork or a gap)', async () => {
    const { last_id, last_hash } = await head(nrm);
    const insert = (id: number, prev: string) =>
      sql`INSERT INTO audit_event (id, occurred_at, actor_username, action, prev_hash, hash)
          VALUES (${id}, now(), 'mallory', 'read', ${prev}, ${'d'.repeat(64)})`.execute(nrm.db);
    await expect(insert(last_id + 2, last_hash)).rejects.toThrow(/OPENNRM_AUDIT_CHAIN_FORK/);
    await expect(insert(last_id + 1, GENESIS_HASH)).rejects.toThrow(/OPENNRM_AUDIT_CHAIN_FORK/);
    expect(await head(nrm)).toEqual({ last_id, last_hash });
  });

  it('appends several events in one statement, in order', async () => {
    const { last_id } = await head(nrm);
    const persons = [newId(), newId(), newId()];
    const appended = await nrm.db.transaction().execute((trx) =>
      appendAuditEvents(
        trx,
        persons.map((p) => ({ ...reader(p), action: 'search' as const })),
      ),
    );
    expect(appended.map((e) => e.id)).toEqual([last_id + 1, last_id + 2, last_id + 3]);
    expect(appended[1]!.prev_hash).toBe(appended[0]!.hash);
    expect(await nrm.db.transaction().execute((trx) => appendAuditEvents(trx, []))).toEqual([]);
    expect((await verifyAuditChain(nrm.db)).ok).toBe(true);
  });

  it('validates every event before writing any', async () => {
    const { last_id } = await head(nrm);
    const error = await nrm.db
      .transaction()
      .execute((trx) => appendAuditEvents(trx, [reader(newId()), { ...reader(newId()), fields: ['Ion Popescu'] }]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OPENNRM_AUDIT_INVALID_EVENT', field: 'fields' });
    expect(await head(nrm)).toMatchObject({ last_id });
  });

  it('keeps one chain when many transactions append at once', async () => {
    const { last_id } = await head(nrm);
    const writers = 24;
    const perWriter = 3;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        nrm.db.transaction().execute(async (trx) => {
          for (let i = 0; i < perWriter; i++) {
            // Work between appends, as a repository does, so that transactions overlap.
            await sql`SELECT count(*) FROM organisation`.execute(trx);
            await appendAuditEvent(trx, { ...reader(newId()), request_id: `writer-${w}-${i}` });
          }
        }),
      ),
    );
    const verification = await verifyAuditChain(nrm.db);
    expect(verification).toMatchObject({ ok: true, event_count: last_id + writers * perWriter });
    const rows = await auditRows(nrm.db);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    // Each writer's events are consecutive: the head lock is held to commit.
    const byWriter = new Map<string, number[]>();
    for (const row of rows.filter((r) => String(r.request_id).startsWith('writer-'))) {
      const writer = String(row.request_id).split('-')[1]!;
      byWriter.set(writer, [...(byWriter.get(writer) ?? []), Number(row.id)]);
    }
    for (const ids of byWriter.values()) expect(ids[ids.length - 1]! - ids[0]!).toBe(perWriter - 1);
  });

  it('under REPEATABLE READ, a concurrent append fails with a serialization error instead of forking', async () => {
    const { last_id } = await head(nrm);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        nrm.db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            await sql`SELECT last_id FROM audit_chain_head`.execute(trx); // take the snapshot first
            await new Promise((resolve) => setTimeout(resolve, 20));
            return appendAuditEvent(trx, reader(newId()));
          }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results)
      if (r.status === 'rejected') expect(String((r.reason as { code?: string }).code ?? r.reason)).toMatch(/40001|serializ/i);
    expect(committed).toBeGreaterThanOrEqual(1);
    expect(await verifyAuditChain(nrm.db)).toMatchObject({ ok: true, event_count: last_id + committed });
  });
});
