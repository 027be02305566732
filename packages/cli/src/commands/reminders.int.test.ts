import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type NrmDatabase } from '@opennrm/server';
import { freshDatabase, TEST_DB_KIND, TEST_POSTGRES_URL } from '../../../server/test/support/test-database.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../server/test/support/test-smtp-server.ts';
import { newId } from '../../../server/src/shared/ids.ts';

const BIN = join(import.meta.dirname, '../../bin/opennrm.js');
// Each run starts Node, opens and migrates the database: seconds each, more on a busy machine.
const SLOW = 600_000;
const KEYS = JSON.stringify({ active: 'c1', keys: { c1: randomBytes(32).toString('base64') } });

/** `opennrm reminders run` and `opennrm users email` as an operator runs them, against a real SMTP server. */
describe(`opennrm reminders run on ${TEST_DB_KIND}`, () => {
  let dir: string;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let schemaDb: NrmDatabase | undefined;
  let smtp: TestSmtpServer;

  async function withDb<T>(work: (nrm: NrmDatabase) => Promise<T>): Promise<T> {
    if (schemaDb) return work(schemaDb);
    const nrm = await openDatabase({ dataDir });
    try {
      return await work(nrm);
    } finally {
      await nrm.close();
    }
  }

  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OPENNRM_KEYS: KEYS,
      OPENNRM_SMTP_URL: smtp.url,
      OPENNRM_MAIL_FROM: 'reminders@nrm.test',
    };
    delete env.DATABASE_URL;
    delete env.OPENNRM_PUBLIC_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, '--data', dataDir, ...args], { env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }
  async function ok(...args: string[]) {
    const run = await cli(...args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run;
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    dir = mkdtempSync(join(tmpdir(), 'opennrm-reminders-'));
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
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'sets e-mail addresses, lists what is due in a dry run, sends once, and says so',
    async () => {
      await ok('users', 'add', '--username', 'procuror', '--role', 'prosecutor', '--organisation', 'DIICOT');
      await ok('users', 'add', '--username', 'sef', '--role', 'prosecutor', '--organisation', 'DIICOT');
      await ok('users', 'email', 'procuror', 'procuror@diicot.test');
      const bad = await cli('users', 'email', 'sef', 'Sef <sef@diicot.test>');
      expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('address: "Sef <sef@diicot.test>" is not one e-mail address')]);
      // The manager has no address: in-app only.
      await withDb(async (nrm) => {
        const user = async (username: string) =>
          (await nrm.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
        const id = newId();
        await nrm.db
          .insertInto('criminal_case')
          .values({
            id,
            case_number: '301/D/P/2019',
            opened_on: '2019-02-01',
            prosecutor_user_id: await user('procuror'),
            manager_user_id: await user('sef'),
          })
          .execute();
        // Pimping (art. 213) committed on 2018-05-10: the 8-year limitation term ends in May 2026.
        await nrm.db
          .insertInto('criminal_case_offence')
          .values({ id: newId(), criminal_case_id: id, article: '213', committed_on: '2018-05-10' })
          .execute();
      });

      const dry = await ok('reminders', 'run', '--as-of', '2026-04-20', '--dry-run');
      expect(dry.stdout).toContain('deadline reminders for 2026-04-20 (lead times 180, 90, 30, 7 days): dry run, nothing written or sent');
      expect(dry.stdout).toMatch(
        /301\/D\/P\/2019: limitation due 2026-05-0\d, \d+ days left \(30-day reminder\) to procuror \(prosecutor, in-app and e-mail\)/,
      );
      expect(dry.stdout).toMatch(/to sef \(manager, in-app\)/);
      expect(smtp.received).toEqual([]);

      const sent = await ok('reminders', 'run', '--as-of', '2026-04-20');
      expect(sent.stdout).toContain('in-app alerts written: 2');
      expect(sent.stdout).toMatch(/e-mails via smtp:\/\/127\.0\.0\.1:\d+: 1 sent, 0 refused/);
      expect(smtp.received.map((m) => m.to)).toEqual([['procuror@diicot.test']]);
      expect(smtp.received[0]?.subject).toMatch(/^\[OpenNRM\] 301\/D\/P\/2019: limitation in \d+ days \(2026-05-0\d\)$/);

      const again = await ok('reminders', 'run', '--as-of', '2026-04-20');
      expect(again.stdout).toContain('in-app alerts written: 0');
      expect(again.stdout).toContain(': 0 sent, 0 refused');
      expect(smtp.received).toHaveLength(1);

      const events = await withDb(
        async (nrm) =>
          (
            await sql<{ action: string; record_type: string; reason: string | null }>`
            SELECT action, record_type, reason FROM audit_event WHERE user_agent = 'opennrm-cli' ORDER BY id`.execute(nrm.db)
          ).rows,
      );
      expect(events.map((e) => [e.action, e.record_type])).toEqual([
        ['permission_change', 'app_user'],
        ['permission_change', 'app_user'],
        ['update', 'app_user'],
        ['create', 'alert'],
        ['create', 'alert'],
        ['export', 'alert_email'],
      ]);
    },
    SLOW,
  );

  it(
    'explains itself: --help names --as-of and --dry-run; a bad date or SMTP URL is refused naming it',
    async () => {
      const help = await ok('reminders', 'run', '--help');
      expect(help.stdout).toContain('--as-of <date>');
      expect(help.stdout).toContain('--dry-run');
      const badDate = await cli('reminders', 'run', '--as-of', '20-04-2026');
      expect([badDate.code, badDate.stderr.trim()]).toEqual([1, 'opennrm: --as-of must be a date YYYY-MM-DD, got "20-04-2026"']);
      const badUrl = await new Promise<{ code: number; stderr: string }>((resolve) => {
        const env: NodeJS.ProcessEnv = { ...process.env, OPENNRM_KEYS: KEYS, OPENNRM_SMTP_URL: 'http://mail.example.ro' };
        delete env.DATABASE_URL;
        execFile(process.execPath, [BIN, '--data', dataDir, 'reminders', 'run'], { env }, (error, _stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
        );
      });
      expect([badUrl.code, badUrl.stderr.trim()]).toEqual([
        1,
        'opennrm: OPENNRM_SMTP_URL: must start with smtp:// or smtps://, got http://',
      ]);
    },
    SLOW,
  );
});
