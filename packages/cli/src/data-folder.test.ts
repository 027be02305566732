import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../bin/opennrm.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `opennrm ...` on the embedded database, as an operator types it. */
function opennrm(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.OPENNRM_KEY_FILE;
  delete env.OPENNRM_KEYS;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each run starts Node: about a second, more on a busy machine.
describe('the --data folder of opennrm', { timeout: 240_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'opennrm-cli-data-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('commands that only read refuse a folder without a database, and create nothing', async () => {
    const typo = join(dir, 'typo');
    const refusal = `opennrm: no OpenNRM database in ${typo}: run \`opennrm demo romania --data ${typo}\` or \`opennrm migrate --data ${typo}\` first`;
    for (const args of [
      ['report', '--year', '2023'],
      ['export', 'json', join(dir, 'out.jsonl')],
      ['audit', 'verify'],
      ['audit', 'history', '--person', '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e'],
      ['users', 'list'],
      ['subject-access', '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e', '--as', 'dpo'],
      ['retention', 'purge', '--dry-run'],
    ]) {
      const run = await opennrm('--data', typo, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim(), args.join(' ')).toBe(refusal);
    }
    expect(existsSync(typo)).toBe(false);
    expect(existsSync(`${typo}.keys.json`)).toBe(false);
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
  });

  it('commands that create make the folder; a folder that cannot be made is an error, not a hang', async () => {
    const data = join(dir, 'new', 'data');
    const migrated = await opennrm('--data', data, 'migrate');
    expect(migrated.code, migrated.stderr).toBe(0);
    const listed = await opennrm('--data', data, 'users', 'list');
    expect(listed.code, listed.stderr).toBe(0);

    const proc = await opennrm('--data', '/proc/nope', 'migrate');
    expect(proc.code).toBe(1);
    expect(proc.stderr).toContain('opennrm: cannot use /proc/nope as the data folder');
  });

  it('subcommand help lists the global options', async () => {
    for (const args of [
      ['report', '--help'],
      ['audit', 'verify', '--help'],
      ['users', 'add', '--help'],
    ]) {
      const help = await opennrm(...args);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Global Options:\n\s+--data <dir>[^\n]*\n[\s\S]*--profile <code>/);
    }
  });
});
