import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { IdentityCryptoError } from './errors.ts';

/** Length of every master and derived key, in bytes (AES-256 and HMAC-SHA-256 both take 32). */
export const KEY_BYTES = 32;

/** A key id: 1 to 32 of A-Z a-z 0-9 _ -. It is stored beside every ciphertext, so it must not be secret. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The keyring as configured (env OPENNRM_KEYS, or a key file):
 * `{"active":"k2","keys":{"k1":"<base64 of 32 bytes>","k2":"..."}}`.
 * `active` seals every new record; the others only open older ones.
 */
export interface KeyringConfig {
  active: string;
  keys: Record<string, string>;
}

/**
 * What a search service gets instead of the keyring (`opennrm keys export-index-key`):
 * the blind-index root key of each key id, which computes blind indexes but cannot decrypt.
 */
export interface BlindIndexKeysConfig {
  kind: typeof BLIND_INDEX_KEYS_KIND;
  active: string;
  keys: Record<string, string>;
}

export const BLIND_INDEX_KEYS_KIND = 'opennrm-blind-index-keys';

// RFC 5869 §3.1: a salt strengthens HKDF but a fixed, non-secret one is fine
// when the input key material is already uniformly random (ours is 32 random bytes).
const HKDF_SALT = Buffer.from('OpenNRM keyring v1', 'utf8');
// RFC 5869 §3.2: the `info` string separates keys derived for different uses,
// so the encryption key and the blind-index key are independent even though
// they come from one master key.
const ENCRYPTION_INFO = 'opennrm:v1:identity-encryption';
const BLIND_INDEX_INFO = 'opennrm:v1:blind-index';
const BLIND_INDEX_FIELD_INFO = 'opennrm:v1:blind-index-field:';

/** HKDF-SHA-256 (RFC 5869) of 32 bytes. */
function hkdf(ikm: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, HKDF_SALT, Buffer.from(info, 'utf8'), KEY_BYTES));
}

/**
 * Decodes one base64 key of exactly 32 bytes.
 * @throws IdentityCryptoError KEYRING_INVALID naming `source` and the key id.
 */
export function decodeKey(value: unknown, source: string, keyId: string): Buffer {
  if (typeof value !== 'string') throw invalid(source, `keys.${keyId} must be a base64 string`);
  const bytes = Buffer.from(value, 'base64');
  // Buffer.from ignores characters outside the alphabet: re-encode to refuse typos instead of using a different key.
  if (bytes.toString('base64').replace(/=+$/, '') !== value.trim().replace(/=+$/, ''))
    throw invalid(source, `keys.${keyId} is not valid base64`);
  if (bytes.length !== KEY_BYTES) throw invalid(source, `keys.${keyId} must decode to ${KEY_BYTES} bytes, not ${bytes.length}`);
  return bytes;
}

function invalid(source: string, reason: string): IdentityCryptoError {
  return new IdentityCryptoError('KEYRING_INVALID', `keyring from ${source}: ${reason}`);
}

function checkShape(value: unknown, source: string): { active: string; keys: Record<string, unknown> } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(source, 'must be a JSON object {"active","keys"}');
  const { active, keys } = value as { active?: unknown; keys?: unknown };
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys))
    throw invalid(source, '"keys" must be an object of key id to base64 key');
  const ids = Object.keys(keys);
  if (ids.length === 0) throw invalid(source, '"keys" is empty');
  for (const id of ids) if (!KEY_ID_PATTERN.test(id)) throw invalid(source, `key id "${id}" must match ${KEY_ID_PATTERN}`);
  if (typeof active !== 'string' || !(active in keys)) throw invalid(source, `"active" must name one of the keys (${ids.join(', ')})`);
  return { active, keys: keys as Record<string, unknown> };
}

/**
 * Checks a parsed keyring configuration.
 * @param source where it came from ("OPENNRM_KEYS", a file path), for the error message.
 * @throws IdentityCryptoError KEYRING_INVALID naming the source and the faulty field.
 */
export function parseKeyringConfig(value: unknown, source: string): KeyringConfig {
  if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === BLIND_INDEX_KEYS_KIND)
    throw invalid(source, 'this is an export of blind-index keys, which cannot decrypt; give the keyring instead');
  const { active, keys } = checkShape(value, source);
  const checked: Record<string, string> = {};
  for (const [id, key] of Object.entries(keys)) {
    decodeKey(key, source, id);
    checked[id] = key as string;
  }
  return { active, keys: checked };
}

/**
 * Blind-index keys, one root per key id, each expanded into one key per
 * indexed field (domain separation: a digest of a family name can never be
 * compared with a digest of a document number). Holding these computes and
 * compares blind indexes but cannot decrypt anything.
 */
export class BlindIndexKeys {
  readonly activeKeyId: string;
  readonly #roots: ReadonlyMap<string, Buffer>;
  readonly #fieldKeys = new Map<string, Buffer>();

  constructor(activeKeyId: string, roots: ReadonlyMap<string, Buffer>) {
    if (!roots.has(activeKeyId)) throw invalid('blind-index keys', `active key "${activeKeyId}" is missing`);
    this.activeKeyId = activeKeyId;
    this.#roots = roots;
  }

  /**
   * Reads an export made by `toConfig()` (`opennrm keys export-index-key`).
   * @throws IdentityCryptoError KEYRING_INVALID naming the source and field.
   */
  static fromConfig(value: unknown, source: string): BlindIndexKeys {
    if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== BLIND_INDEX_KEYS_KIND)
      throw invalid(source, `must carry "kind": "${BLIND_INDEX_KEYS_KIND}"`);
    const { active, keys } = checkShape(value, source);
    return new BlindIndexKeys(active, new Map(Object.entries(keys).map(([id, key]) => [id, decodeKey(key, source, id)])));
  }

  /** Key ids, active first. */
  keyIds(): string[] {
    return [this.activeKeyId, ...[...this.#roots.keys()].filter((id) => id !== this.activeKeyId).sort()];
  }

  /**
   * The HMAC key of one field under one key id: HKDF(root, "opennrm:v1:blind-index-field:" + field).
   * @throws IdentityCryptoError KEY_UNKNOWN when `keyId` is not held.
   */
  fieldKey(keyId: string, field: string): Buffer {
    const cacheKey = `${keyId}\u0000${field}`;
    let key = this.#fieldKeys.get(cacheKey);
    if (!key) {
      const root = this.#roots.get(keyId);
      if (!root) throw new IdentityCryptoError('KEY_UNKNOWN', `no blind-index key "${keyId}" (held: ${this.keyIds().join(', ')})`);
      key = hkdf(root, BLIND_INDEX_FIELD_INFO + field);
      this.#fieldKeys.set(cacheKey, key);
    }
    return key;
  }

  /** The JSON to hand to a search service. Contains key material: store it as a secret (mode 0600). */
  toConfig(): BlindIndexKeysConfig {
    const keys: Record<string, string> = {};
    for (const id of this.keyIds()) keys[id] = this.#roots.get(id)!.toString('base64');
    return { kind: BLIND_INDEX_KEYS_KIND, active: this.activeKeyId, keys };
  }
}

/**
 * The keys that seal and open identifying records. Each configured master key
 * is never used directly: HKDF-SHA-256 (RFC 5869) derives from it one
 * AES-256-GCM key and one blind-index root key, with different `info`
 * strings, so that the blind-index keys can be given to a search service
 * without the power to decrypt (the derivation is one-way).
 */
export class Keyring {
  readonly activeKeyId: string;
  readonly blindIndexKeys: BlindIndexKeys;
  readonly #encryptionKeys: ReadonlyMap<string, KeyObject>;

  /**
   * @param source where the configuration came from, for error messages.
   * @throws IdentityCryptoError KEYRING_INVALID when the configuration is malformed.
   */
  constructor(config: KeyringConfig, source = 'configuration') {
    const { active, keys } = parseKeyringConfig(config, source);
    const encryption = new Map<string, KeyObject>();
    const roots = new Map<string, Buffer>();
    for (const [id, key] of Object.entries(keys)) {
      const master = decodeKey(key, source, id);
      encryption.set(id, createSecretKey(hkdf(master, ENCRYPTION_INFO)));
      roots.set(id, hkdf(master, BLIND_INDEX_INFO));
      master.fill(0);
    }
    this.activeKeyId = active;
    this.#encryptionKeys = encryption;
    this.blindIndexKeys = new BlindIndexKeys(active, roots);
  }

  /** Key ids, active first. */
  keyIds(): string[] {
    return this.blindIndexKeys.keyIds();
  }

  has(keyId: string): boolean {
    return this.#encryptionKeys.has(keyId);
  }

  /**
   * The AES-256-GCM key derived from master key `keyId`.
   * @throws IdentityCryptoError KEY_UNKNOWN when the keyring does not hold it.
   */
  encryptionKey(keyId: string): KeyObject {
    const key = this.#encryptionKeys.get(keyId);
    if (!key) throw new IdentityCryptoError('KEY_UNKNOWN', `no key "${keyId}" in the keyring (held: ${this.keyIds().join(', ')})`);
    return key;
  }
}
