import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMaxErrors } from './import.ts';

const BIN = join(import.meta.dirname, '../../bin/opennrm.js');
const BAD_CSV = join(import.meta.dirname, '../../../server/test/fixtures/ctdc-bad.csv');

/** Runs `opennrm --data DIR ...args` on the embedded database, without DATABASE_URL. */
function opennrm(data: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--data', data, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('opennrm import --max-errors', { timeout: 120_000 }, () => {
  it('accepts a whole number of 1 or more', () => {
    expect(parseMaxErrors('1')).toBe(1);
    expect(parseMaxErrors('250')).toBe(250);
  });

  it.each(['0', 'abc', '-5', '', '2.5', '1e3'])('refuses %j before touching the database or the file', async (value) => {
    const data = join(mkdtempSync(join(tmpdir(), 'opennrm-cli-import-')), 'data');
    for (const kind of ['ctdc', 'json']) {
      const run = await opennrm(data, 'import', kind, '--max-errors', value, BAD_CSV);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `option '--max-errors <n>' argument '${value}' is invalid. "${value}" is not a whole number of 1 or more.`,
      );
      expect(run.stdout).not.toContain('imported');
    }
    expect(existsSync(data)).toBe(false);
  });
});

describe('opennrm import of a file that cannot be read', { timeout: 120_000 }, () => {
  it('names a missing file or a folder in words, exits 1 and creates no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opennrm-cli-import-'));
    const data = join(dir, 'data');
    for (const kind of ['ctdc', 'json']) {
      const missing = await opennrm(data, 'import', kind, join(dir, 'nope.csv'));
      expect(missing).toMatchObject({ code: 1, stderr: `opennrm: cannot read ${join(dir, 'nope.csv')}: no such file\n` });
      const folder = await opennrm(data, 'import', kind, dir);
      expect(folder).toMatchObject({ code: 1, stderr: `opennrm: cannot read ${dir}: it is a folder, not a file\n` });
    }
    expect(existsSync(data)).toBe(false);
  });
});
