import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { BlindIndexKeys, Keyring, parseKeyringConfig } from '../../src/security/crypto/keyring.ts';
import { blindIndex } from '../../src/security/crypto/blind-index.ts';
import { IdentityCryptoError } from '../../src/security/crypto/errors.ts';
import { keyringConfig } from './keys.fixture.ts';

const key = () => randomBytes(32).toString('base64');

function refusal(work: () => unknown): IdentityCryptoError {
  try {
    work();
  } catch (error) {
    if (error instanceof IdentityCryptoError) return error;
    throw error;
  }
  throw new Error('expected an IdentityCryptoError');
}

describe('keyring configuration', () => {
  it('accepts {"active","keys"} with base64 keys of 32 bytes', () => {
    const keyring = new Keyring(keyringConfig(['k1', 'k2'], 'k2'));
    expect(keyring.activeKeyId).toBe('k2');
    expect(keyring.keyIds()).toEqual(['k2', 'k1']);
    expect(keyring.has('k1')).toBe(true);
  });

  it.each([
    ['not an object', 'x', /JSON object/],
    ['no keys', { active: 'k1', keys: {} }, /"keys" is empty/],
    ['active not among the keys', { active: 'k9', keys: { k1: key() } }, /"active" must name one of the keys \(k1\)/],
    ['a short key', { active: 'k1', keys: { k1: randomBytes(16).toString('base64') } }, /keys\.k1 must decode to 32 bytes, not 16/],
    ['a key that is not base64', { active: 'k1', keys: { k1: `${key().slice(0, 40)}!!!!` } }, /keys\.k1 is not valid base64/],
    ['a key id with a space', { active: 'k 1', keys: { 'k 1': key() } }, /key id "k 1" must match/],
  ])('refuses %s, naming the source and field', (_what, config, reason) => {
    const error = refusal(() => parseKeyringConfig(config, '/etc/opennrm/keys.json'));
    expect(error.code).toBe('KEYRING_INVALID');
    expect(error.message).toMatch(/^keyring from \/etc\/opennrm\/keys\.json: /);
    expect(error.message).toMatch(reason);
  });

  it('derives an encryption key and blind-index keys that differ from each other and from the master key', () => {
    const config = keyringConfig(['k1']);
    const keyring = new Keyring(config);
    const encryption = keyring.encryptionKey('k1').export();
    const root = Buffer.from(keyring.blindIndexKeys.toConfig().keys.k1!, 'base64');
    const master = Buffer.from(config.keys.k1!, 'base64');
    const family = keyring.blindIndexKeys.fieldKey('k1', 'person_identity.family_name');
    const documents = keyring.blindIndexKeys.fieldKey('k1', 'person_identity.document_number');
    const all = [encryption, root, master, family, documents].map((b) => b.toString('hex'));
    expect(new Set(all).size).toBe(5);
  });

  it('is deterministic: the same master key gives the same derived keys', () => {
    const config = keyringConfig(['k1']);
    expect(new Keyring(config).encryptionKey('k1').export()).toEqual(new Keyring(config).encryptionKey('k1').export());
  });

  it('names the held keys when asked for one it does not hold', () => {
    const error = refusal(() => new Keyring(keyringConfig(['k1', 'k2'])).encryptionKey('k7'));
    expect(error.code).toBe('KEY_UNKNOWN');
    expect(error.message).toContain('no key "k7" in the keyring (held: k1, k2)');
  });
});

describe('blind-index key export', () => {
  it('computes the same digests as the full keyring, yet cannot be loaded as a keyring', () => {
    const keyring = new Keyring(keyringConfig(['k1', 'k2'], 'k2'));
    const exported = JSON.parse(JSON.stringify(keyring.blindIndexKeys.toConfig())) as unknown;
    const searchOnly = BlindIndexKeys.fromConfig(exported, 'index-keys.json');
    for (const keyId of ['k1', 'k2'])
      expect(blindIndex(searchOnly, keyId, 'family_name', 'popescu')).toBe(
        blindIndex(keyring.blindIndexKeys, keyId, 'family_name', 'popescu'),
      );
    const error = refusal(() => parseKeyringConfig(exported, 'index-keys.json'));
    expect(error.code).toBe('KEYRING_INVALID');
    expect(error.message).toMatch(/export of blind-index keys, which cannot decrypt/);
  });

  it('refuses a keyring passed as blind-index keys', () => {
    expect(() => BlindIndexKeys.fromConfig(keyringConfig(['k1']), 'keys.json')).toThrow(/must carry "kind": "opennrm-blind-index-keys"/);
  });
});
