import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type NrmDatabase } from '@opennrm/server';
import { freshDatabase, TEST_DB_KIND, TEST_POSTGRES_URL } from '../../../server/test/support/test-database.ts';
import { appendAuditEvent } from '../../../server/src/audit/index.ts';

const BIN = join(import.meta.dirname, '../../bin/opennrm.js');
// Each run starts Node, opens and migrates the database: seconds each, more on a busy machine.
const SLOW = 240_000;
const PERSON = '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `opennrm audit ...` as an operator runs it, against the database of this
 * run: a PGlite folder, or a PostgreSQL schema named in DATABASE_URL.
 */
describe(`opennrm audit on ${TEST_DB_KIND}`, () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let schemaDb: NrmDatabase | undefined;

  // PGlite allows one process on a folder: open it only between CLI runs.
  async function withDb<T>(work: (nrm: NrmDatabase) => Promise<T>): Promise<T> {
    if (schemaDb) return work(schemaDb);
    const nrm = await openDatabase({ dataDir });
    try {
      return await work(nrm);
    } finally {
      await nrm.close();
    }
  }

  function cli(...args: string[]): Promise<Run> {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, '--data', dataDir, 'audit', ...args], { env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'opennrm-audit-cli-'));
    if (TEST_DB_KIND === 'postgres') {
      schemaDb = await freshDatabase();
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(schemaDb.db);
      const url = new URL(TEST_POSTGRES_URL);
      url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
      databaseUrl = url.toString();
    }
    await withDb(async (nrm) => {
      await migrateToLatest(nrm.db);
      for (let i = 1; i <= 5; i++)
        await nrm.db.transaction().execute((trx) =>
          appendAuditEvent(trx, {
            action: i === 4 ? 'break_glass' : 'read',
            actor_username: `user${i}`,
            person_id: PERSON,
            record_type: 'person_identity',
            record_id: PERSON,
            fields: ['given_names'],
            reason: i === 4 ? 'Police asked at night about the child' : null,
          }),
        );
    });
  });
  afterAll(async () => {
    await schemaDb?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'verifies, anchors, and after tampering fails with exit code 1 naming the event',
    async () => {
      const intact = await cli('verify');
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.stdout).toMatch(/^audit trail intact: 5 events, head 5:[0-9a-f]{64}$/m);

      const anchored = await cli('anchor');
      expect(anchored.code).toBe(0);
      const anchor = anchored.stdout.trim();
      expect(anchor).toMatch(/^5:[0-9a-f]{64}$/);

      // A superuser removes the last event and moves the head back: only the anchor shows it
      // (that verify passes without it is tested in verify-audit-chain.int.test.ts).
      await withDb(async (nrm) => {
        await sql`SET session_replication_role = replica`.execute(nrm.db);
        await sql`DELETE FROM audit_event WHERE id = 5`.execute(nrm.db);
        await sql`UPDATE audit_chain_head SET last_id = 4, last_hash = (SELECT hash FROM audit_event WHERE id = 4)`.execute(nrm.db);
        await sql`SET session_replication_role = origin`.execute(nrm.db);
      });
      const truncated = await cli('verify', '--anchor', anchor);
      expect(truncated.code).toBe(1);
      expect(truncated.stdout).toContain('anchor was taken at event 5 but the chain ends at event 4');

      // ... and edits event 2.
      await withDb(async (nrm) => {
        await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(nrm.db);
        await sql`UPDATE audit_event SET actor_username = 'someone_else' WHERE id = 2`.execute(nrm.db);
        await sql`ALTER TABLE audit_event ENABLE TRIGGER USER`.execute(nrm.db);
      });
      const edited = await cli('verify', '--json');
      expect(edited.code).toBe(1);
      expect(JSON.parse(edited.stdout)).toMatchObject({ ok: false, events_checked: 1, problem: { kind: 'hash_mismatch', event_id: 2 } });
      const refused = await cli('anchor'); // no anchor of a broken chain
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('no anchor taken: audit trail BROKEN at event 2 (hash_mismatch)');
    },
    SLOW,
  );

  it(
    'shows who accessed a person, and logs that it was asked',
    async () => {
      const first = await cli('history', '--person', PERSON, '--json');
      expect(first.code).toBe(0);
      const rows = JSON.parse(first.stdout) as { actor_username: string; action: string; reason: string | null }[];
      expect(rows.find((r) => r.action === 'break_glass')).toMatchObject({
        actor_username: 'user4',
        reason: 'Police asked at night about the child',
      });
      const second = await cli('history', '--person', PERSON);
      expect(second.stdout.split('\n')[0]).toMatch(/\tcli:[^\t]+\t-\tread\taudit_history /);
      const bad = await cli('history', '--person', 'not-a-uuid');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('person_id: must be a UUID');
    },
    SLOW,
  );

  it(
    'reports unusual access for a window of local days',
    async () => {
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const run = await cli('unusual', '--from', day(-1), '--to', day(1), '--json');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { break_glass: { actor_username: string }[] };
      expect(report.break_glass.map((b) => b.actor_username)).toEqual(['user4']);
      const bad = await cli('unusual', '--from', day(-1), '--to', day(1), '--time-zone', 'Nowhere/Else');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('time_zone');
    },
    SLOW,
  );
});
