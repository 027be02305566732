import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.ts';
import { createDataFolder, LOCK_FILE } from '../../src/db/data-folder.ts';

const DATABASE_TS = path.resolve(import.meta.dirname, '../../src/db/database.ts');

/** A second Node process that opens the folder and waits: "opennrm serve" for these tests. */
function holder(dataDir: string): Promise<ChildProcess> {
  const script = `const { openDatabase } = await import(${JSON.stringify(DATABASE_TS)});
    await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log('open'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

// PGlite on disk: seconds per open on a busy machine.
describe('PGlite data folder: one process at a time, no database made by a reader', { timeout: 120_000 }, () => {
  let root: string;
  let data: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'opennrm-lock-'));
    data = path.join(root, 'data');
    const nrm = await openDatabase({ dataDir: data });
    await migrateToLatest(nrm.db);
    await nrm.close();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second open in the same process until the first closes', async () => {
    const first = await openDatabase({ dataDir: data });
    try {
      expect(JSON.parse(readFileSync(path.join(data, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      await expect(openDatabase({ dataDir: data })).rejects.toThrow(
        `the database in ${data} is in use by process ${process.pid} (opennrm serve?); stop it or use the API`,
      );
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(data, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: data, create: false });
    await again.close();
  });

  it('refuses while another process holds the folder, and takes over the lock of a killed one', async () => {
    const child = await holder(data);
    try {
      await expect(openDatabase({ dataDir: data })).rejects.toMatchObject({
        problem: 'IN_USE',
        message: `the database in ${data} is in use by process ${child.pid} (opennrm serve?); stop it or use the API`,
      });
    } finally {
      child.kill('SIGKILL'); // no exit handler runs: the lock file stays behind, stale
      await exited(child);
    }
    expect(JSON.parse(readFileSync(path.join(data, LOCK_FILE), 'utf8'))).toMatchObject({ pid: child.pid });
    const nrm = await openDatabase({ dataDir: data, create: false });
    await nrm.close();
  });

  it('releases the lock when the process exits without closing', async () => {
    const script = `const { openDatabase } = await import(${JSON.stringify(DATABASE_TS)});
      await openDatabase({ dataDir: ${JSON.stringify(data)} }); process.exit(0);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(existsSync(path.join(data, LOCK_FILE))).toBe(false);
  });

  it('with create: false, refuses a missing folder without creating it, and a folder without an OpenNRM database', async () => {
    const typo = path.join(root, 'typo');
    await expect(openDatabase({ dataDir: typo, create: false })).rejects.toThrow(
      `no OpenNRM database in ${typo}: run \`opennrm demo romania --data ${typo}\` or \`opennrm migrate --data ${typo}\` first`,
    );
    expect(existsSync(typo)).toBe(false);

    mkdirSync(typo);
    await expect(openDatabase({ dataDir: typo, create: false })).rejects.toMatchObject({ problem: 'NO_DATABASE' });

    // A PostgreSQL data directory that was never migrated is no OpenNRM database either.
    const bare = await openDatabase({ dataDir: typo });
    await bare.close();
    await expect(openDatabase({ dataDir: typo, create: false })).rejects.toMatchObject({ problem: 'NO_DATABASE' });
    expect(existsSync(path.join(typo, LOCK_FILE))).toBe(false);
  });

  it('fails at once on a folder that cannot be created (Node recursive mkdir spins forever under /proc)', async () => {
    expect(() => createDataFolder('/proc/nope/data')).toThrow('cannot use /proc/nope/data as the data folder');
    await expect(openDatabase({ dataDir: '/proc/nope' })).rejects.toMatchObject({ problem: 'UNUSABLE' });
    const file = path.join(root, 'data', 'PG_VERSION');
    await expect(openDatabase({ dataDir: path.join(file, 'sub') })).rejects.toThrow(/ENOTDIR/);
  });
});
