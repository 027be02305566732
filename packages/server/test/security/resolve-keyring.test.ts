import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentKeyFilePath, developmentKeyWarning, resolveKeyring } from '../../src/security/crypto/resolve-keyring.ts';
import { writeKeyFile } from '../../src/security/crypto/key-file.ts';
import { keyringConfig } from './keys.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'opennrm-resolve-keyring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noEnv = {} as NodeJS.ProcessEnv;

describe('resolveKeyring', () => {
  it('refuses to run on PostgreSQL without a configured keyring, naming the settings', () => {
    expect(() => resolveKeyring({ env: noEnv, databaseUrl: 'postgres://db/nrm', dataDir: join(dir, 'unused') })).toThrow(
      /DATABASE_URL is set.*--key-file.*OPENNRM_KEY_FILE.*OPENNRM_KEYS/,
    );
  });

  it('creates a development key file beside the PGlite data folder, not in it, mode 0600, and reuses it', () => {
    const data = join(dir, 'data');
    const first = resolveKeyring({ env: noEnv, dataDir: data });
    expect(first).toMatchObject({ source: `${data}.keys.json`, development: true, created: true });
    expect(developmentKeyFilePath(`${data}/`)).toBe(`${data}.keys.json`);
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    expect(developmentKeyWarning(first)).toMatch(/production.*separate storage/);
    const again = resolveKeyring({ env: noEnv, dataDir: data });
    expect(again).toMatchObject({ created: false, development: true });
    expect(again.keyring.keyIds()).toEqual(first.keyring.keyIds());
    expect(() => resolveKeyring({ env: noEnv, dataDir: join(dir, 'other') }, false)).toThrow(/no keyring configured/);
  });

  it('uses a configured keyring first: --key-file, then OPENNRM_KEY_FILE, then OPENNRM_KEYS, even with DATABASE_URL', () => {
    const path = join(dir, 'configured.json');
    writeKeyFile(path, keyringConfig(['c1']));
    const env = { OPENNRM_KEYS: JSON.stringify(keyringConfig(['e1'])) } as NodeJS.ProcessEnv;
    expect(resolveKeyring({ env, keyFile: path, databaseUrl: 'postgres://db/nrm' })).toMatchObject({ source: path, development: false });
    expect(resolveKeyring({ env: { ...env, OPENNRM_KEY_FILE: path }, databaseUrl: 'postgres://db/nrm' }).keyring.activeKeyId).toBe('c1');
    expect(resolveKeyring({ env, databaseUrl: 'postgres://db/nrm' })).toMatchObject({ source: 'OPENNRM_KEYS', development: false });
  });
});
