import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { migrateToLatest, newId, openDatabase, type PersonIdentityData } from '@opennrm/server';
import { Keyring, readIdentities, readKeyFile, writeIdentity } from '../../../server/src/security/crypto/index.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/opennrm.js', import.meta.url).pathname;

/** Runs the opennrm command on the PGlite folder `data`, without DATABASE_URL or keyring variables. */
async function opennrm(data: string, ...args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.OPENNRM_KEY_FILE;
  delete env.OPENNRM_KEYS;
  const { stdout } = await run(process.execPath, [bin, '--data', data, ...args], { env });
  return stdout;
}

// Each command starts Node and opens PGlite, which takes seconds.
describe('opennrm keys', { timeout: 120_000 }, () => {
  let dir: string;
  let data: string;
  let keyFile: string;
  const written = new Map<string, PersonIdentityData>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opennrm-cli-keys-'));
    data = join(dir, 'data');
    keyFile = join(dir, 'keys.json');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generate creates a key file of mode 0600', async () => {
    expect(await opennrm(data, 'keys', 'generate', '--key-file', keyFile)).toContain(`created ${keyFile}: key "k1" is now active`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('rotate re-encrypts what k1 sealed under a new k2, after which k1 can be removed', async () => {
    const nrm = await openDatabase({ dataDir: data });
    try {
      await migrateToLatest(nrm.db);
      const k1 = new Keyring(readKeyFile(keyFile));
      for (const name of ['Ștefan', 'Ioana', 'Mihai']) {
        const id = newId();
        await nrm.db.insertInto('person').values({ id }).execute();
        await writeIdentity(nrm.db, k1, id, { given_names: name, family_name: 'Popa' });
        written.set(id, { given_names: name, family_name: 'Popa' });
      }
    } finally {
      await nrm.close();
    }

    await opennrm(data, 'keys', 'generate', '--key-file', keyFile);
    expect(await opennrm(data, 'keys', 'remove', 'k1', '--key-file', keyFile).catch((e: Error) => e.message)).toContain(
      '"k1" still seals 3 in person_identity_secret.envelope',
    );
    const rotated = await opennrm(data, 'keys', 'rotate', '--key-file', keyFile, '--batch-size', '2');
    expect(rotated).toContain('rotation to key "k2" done: 3 identities re-encrypted, 3 re-indexed');
    expect(rotated).toContain('k1: nothing');
    expect(await opennrm(data, 'keys', 'remove', 'k1', '--key-file', keyFile)).toContain('removed key "k1"');

    const nrm2 = await openDatabase({ dataDir: data });
    try {
      const k2 = new Keyring(readKeyFile(keyFile));
      expect(k2.keyIds()).toEqual(['k2']);
      expect(await readIdentities(nrm2.db, k2, [...written.keys()])).toEqual(written);
    } finally {
      await nrm2.close();
    }
  });

  it('export-index-key writes blind-index keys that cannot be loaded as a keyring', async () => {
    const out = join(dir, 'index-keys.json');
    await opennrm(data, 'keys', 'export-index-key', '--key-file', keyFile, '--out', out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { kind: string; keys: Record<string, string> };
    expect(exported.kind).toBe('opennrm-blind-index-keys');
    expect(exported.keys.k2).not.toBe(readKeyFile(keyFile).keys.k2);
  });
});
