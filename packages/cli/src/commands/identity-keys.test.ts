import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { openDatabase } from '@opennrm/server';
import { migrations } from '../../../server/src/db/migrations/index.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/opennrm.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'opennrm-cli-identity-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs opennrm on the PGlite folder `data` with no keyring configured (plus `env`); never throws. */
async function opennrm(data: string, args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete clean.DATABASE_URL;
  delete clean.OPENNRM_KEY_FILE;
  delete clean.OPENNRM_KEYS;
  return run(process.execPath, [bin, '--data', data, ...args], { env: clean }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

// Each command starts Node and opens PGlite, which takes seconds.
describe('keyring of the commands that handle identities', { timeout: 240_000 }, () => {
  it('on the embedded database, creates a development key file beside the data folder and warns', async () => {
    const data = join(dir, 'fresh');
    expect((await opennrm(data, ['migrate'])).code).toBe(0); // export refuses a folder without a database
    const result = await opennrm(data, ['export', 'json', join(dir, 'fresh.jsonl')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`development key file ${data}.keys.json (just created)`);
    expect(result.stderr).toMatch(/in production keep the keys on separate storage/);
    expect(statSync(`${data}.keys.json`).mode & 0o777).toBe(0o600);
  });

  it('with DATABASE_URL set, refuses to start without a keyring, naming the settings', async () => {
    const result = await opennrm(join(dir, 'unused'), ['serve', '--port', '0'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no keyring configured, and DATABASE_URL is set.*--key-file.*OPENNRM_KEY_FILE.*OPENNRM_KEYS/);
  });

  it('refuses while identities are in clear text, until keys seal-legacy has sealed them', async () => {
    const data = join(dir, 'legacy');
    const nrm = await openDatabase({ dataDir: data });
    const person = '01900000-0000-7000-8000-0000000000aa';
    try {
      const migrator = new Migrator({ db: nrm.db, provider: { getMigrations: async () => migrations as Record<string, Migration> } });
      const { error } = await migrator.migrateTo('0005-statistics-report-indexes');
      if (error) throw error;
      await sql`INSERT INTO person (id) VALUES (${person})`.execute(nrm.db);
      await sql`INSERT INTO person_identity (person_id, data) VALUES (${person}, ${JSON.stringify({ family_name: 'Lazăr' })}::jsonb)`.execute(
        nrm.db,
      );
    } finally {
      await nrm.close();
    }
    const refused = await opennrm(data, ['export', 'json', join(dir, 'legacy.jsonl')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1 identities are still stored in clear text in person_identity_legacy.*opennrm keys seal-legacy/);

    const sealed = await opennrm(data, ['keys', 'seal-legacy']);
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.stdout).toContain('sealed 1 clear-text identities under key "k1"; the clear-text table is dropped');

    const exported = await opennrm(data, ['export', 'json', join(dir, 'legacy.jsonl')]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(join(dir, 'legacy.jsonl'), 'utf8')).toContain(`"id":"${person}"`);
    expect(readFileSync(join(dir, 'legacy.jsonl'), 'utf8')).toContain('"identity":{"family_name":"Lazăr"}');
  });
});
