import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, loadKeyring, readKeyFile, removeKey } from '../../src/security/crypto/key-file.ts';
import { keyringConfig } from './keys.fixture.ts';

describe('key file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opennrm-keys-'));
    path = join(dir, 'keys.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created with one active key, readable by its owner only', () => {
    expect(generateKey(path)).toEqual({ path, key_id: 'k1', created: true, key_ids: ['k1'] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const config = readKeyFile(path);
    expect(config.active).toBe('k1');
    expect(Buffer.from(config.keys.k1!, 'base64')).toHaveLength(32);
  });

  it('gains a new active key and keeps the old ones', () => {
    generateKey(path);
    const first = readKeyFile(path).keys.k1;
    expect(generateKey(path)).toMatchObject({ key_id: 'k2', created: false, key_ids: ['k1', 'k2'] });
    expect(generateKey(path, 'winter-2026')).toMatchObject({ key_id: 'winter-2026', key_ids: ['k1', 'k2', 'winter-2026'] });
    const config = readKeyFile(path);
    expect(config.active).toBe('winter-2026');
    expect(config.keys.k1).toBe(first);
    expect(new Set(Object.values(config.keys)).size).toBe(3);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => generateKey(path, 'k2')).toThrow(/already holds a key "k2"/);
    expect(() => generateKey(path, 'bad id')).toThrow(/key id "bad id" must match/);
  });

  it('is refused when other users can read it', () => {
    generateKey(path);
    chmodSync(path, 0o644);
    expect(() => readKeyFile(path)).toThrow(`keyring from ${path}: the key file is open to other users (mode 644); run chmod 600 on it`);
  });

  it('is refused when it is not JSON, naming the file', () => {
    writeFileSync(path, 'active=k1', { mode: 0o600 });
    expect(() => readKeyFile(path)).toThrow(`keyring from ${path}: not valid JSON`);
  });

  it('loses a key only when it is not active and nothing uses it', () => {
    generateKey(path);
    generateKey(path);
    expect(() => removeKey(path, 'k2', {})).toThrow(/"k2" is the active key/);
    expect(() => removeKey(path, 'k1', { k1: { 'person_identity_secret.envelope': 3, 'app_user.totp_secret': 1 } })).toThrow(
      '"k1" still seals 3 in person_identity_secret.envelope, 1 in app_user.totp_secret; run opennrm keys rotate first',
    );
    expect(() => removeKey(path, 'k1', { k1: { 'draft.content': 2 } })).toThrow('"k1" still seals 2 in draft.content;');
    expect(() => removeKey(path, 'k9', {})).toThrow(/holds no key "k9"/);
    expect(removeKey(path, 'k1', { k2: { 'person_identity_secret.envelope': 3 } }).keys).not.toHaveProperty('k1');
    expect(Object.keys(readKeyFile(path).keys)).toEqual(['k2']);
  });
});

describe('loading the keyring', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opennrm-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes --key-file first, then OPENNRM_KEY_FILE, then OPENNRM_KEYS', () => {
    const flag = join(dir, 'flag.json');
    const fromEnv = join(dir, 'env.json');
    generateKey(flag, 'flag');
    generateKey(fromEnv, 'file');
    const inline = JSON.stringify(keyringConfig(['inline']));
    const env = { OPENNRM_KEY_FILE: fromEnv, OPENNRM_KEYS: inline };
    expect(loadKeyring({ keyFile: flag, env }).activeKeyId).toBe('flag');
    expect(loadKeyring({ env }).activeKeyId).toBe('file');
    expect(loadKeyring({ env: { OPENNRM_KEYS: inline } }).activeKeyId).toBe('inline');
  });

  it('says how to configure one when none is set', () => {
    expect(() => loadKeyring({ env: {} })).toThrow(/no keyring configured: pass --key-file, or set OPENNRM_KEY_FILE .* or OPENNRM_KEYS/);
  });

  it('names OPENNRM_KEYS when its JSON is bad', () => {
    expect(() => loadKeyring({ env: { OPENNRM_KEYS: '{"active":' } })).toThrow('keyring from OPENNRM_KEYS: not valid JSON');
    expect(() => loadKeyring({ env: { OPENNRM_KEYS: JSON.stringify({ active: 'k1', keys: { k1: 'c2hvcnQ=' } }) } })).toThrow(
      'keyring from OPENNRM_KEYS: keys.k1 must decode to 32 bytes, not 5',
    );
  });
});
