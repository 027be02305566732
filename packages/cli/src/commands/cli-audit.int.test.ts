import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { cliActorUsername, openDatabase, type NrmDatabase } from '@opennrm/server';
import { freshDatabase, TEST_DB_KIND, TEST_POSTGRES_URL } from '../../../server/test/support/test-database.ts';

const BIN = join(import.meta.dirname, '../../bin/opennrm.js');
// Each run starts Node, opens and migrates the database: seconds each, more on a busy machine.
const SLOW = 600_000;
const KEYS = JSON.stringify({ active: 'c1', keys: { c1: randomBytes(32).toString('base64') } });

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface EventRow {
  action: string;
  actor_username: string | null;
  actor_user_id: string | null;
  user_agent: string | null;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  reason: string | null;
  fields: string[];
}

/**
 * Commands that change accounts or read personal data write audit events
 * like the API (issue 3, point 4), naming the operating-system account and
 * the command; `opennrm audit verify` stays green after them.
 */
describe(`audit events of opennrm commands on ${TEST_DB_KIND}`, () => {
  let dir: string;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let schemaDb: NrmDatabase | undefined;

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
    const env: NodeJS.ProcessEnv = { ...process.env, OPENNRM_KEYS: KEYS };
    delete env.DATABASE_URL;
    delete env.OPENNRM_KEY_FILE;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, '--data', dataDir, ...args], { env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }
  async function ok(...args: string[]): Promise<Run> {
    const run = await cli(...args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run;
  }
  const events = () =>
    withDb(async (nrm) => (await sql<EventRow>`SELECT * FROM audit_event ORDER BY id`.execute(nrm.db)).rows.map((r) => ({ ...r })));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opennrm-cli-audit-'));
    dataDir = join(dir, 'data');
    if (TEST_DB_KIND === 'postgres') {
      schemaDb = await freshDatabase();
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(schemaDb.db);
      const url = new URL(TEST_POSTGRES_URL);
      url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
      databaseUrl = url.toString();
    }
  });
  afterAll(async () => {
    await schemaDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'audits account changes, listings, exports and imports as the OS user with the command as reason',
    async () => {
      const actor = cliActorUsername();
      expect(actor).toMatch(/^cli:./);

      await ok('users', 'add', '--username', 'ana.pop', '--role', 'case_manager', '--organisation', 'ANITP');
      const anaId = await withDb(
        async (nrm) => (await nrm.db.selectFrom('app_user').select('id').where('username', '=', 'ana.pop').executeTakeFirstOrThrow()).id,
      );
      await ok('users', 'list');
      await ok('users', 'reset-totp', 'ana.pop');
      const file = join(dir, 'export.jsonl');
      await ok('export', 'json', file);
      expect(readFileSync(file, 'utf8')).toContain('"format"');
      await ok('import', 'json', file);

      const cliEvents = (await events()).filter((e) => e.user_agent === 'opennrm-cli');
      expect(cliEvents.every((e) => e.actor_username === actor && e.actor_user_id === null)).toBe(true);
      expect(cliEvents.map((e) => [e.action, e.record_type, e.record_id, e.reason])).toEqual([
        ['permission_change', 'app_user', anaId, 'opennrm users add'],
        ['search', 'app_user', null, 'opennrm users list'],
        ['permission_change', 'app_user', anaId, 'opennrm users reset-totp'],
        ['export', 'opennrm_json_export', null, 'opennrm export json'],
        ['import', 'import_batch', expect.any(String), 'opennrm import json'],
      ]);
      expect(cliEvents[0]!.fields).toEqual(['display_name', 'organisation_id', 'role', 'username']);
      expect(cliEvents[3]!.fields).toContain('identity');

      const verified = await ok('audit', 'verify');
      expect(verified.stdout).toMatch(/^audit trail intact: \d+ events/m);
    },
    SLOW,
  );

  it(
    'refuses a change it cannot audit: a failed users add leaves neither account nor event',
    async () => {
      const before = (await events()).length;
      const refused = await cli('users', 'add', '--username', 'ana.pop', '--role', 'case_manager');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--username: username "ana.pop" is taken');
      expect((await events()).length).toBe(before);
    },
    SLOW,
  );
});
