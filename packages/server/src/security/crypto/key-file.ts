import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { IdentityCryptoError } from './errors.ts';
import { KEY_BYTES, KEY_ID_PATTERN, Keyring, parseKeyringConfig, type KeyringConfig } from './keyring.ts';
import type { SealedUsage } from './rotation.ts';

/**
 * Where the keyring comes from, and the key file's life cycle. Keys live in
 * configuration only, never in the database: a copy of the database alone
 * decrypts nothing.
 */

/** Where to look for the keyring. */
export interface KeyringSourceOptions {
  /** --key-file: a JSON key file; wins over the environment. */
  keyFile?: string | undefined;
  /** Environment to read OPENNRM_KEY_FILE and OPENNRM_KEYS from. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The key file path named by --key-file or OPENNRM_KEY_FILE, if any. */
export function keyFilePath(options: KeyringSourceOptions = {}): string | undefined {
  const env = options.env ?? process.env;
  return options.keyFile || env.OPENNRM_KEY_FILE || undefined;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IdentityCryptoError('KEYRING_INVALID', `keyring from ${source}: not valid JSON`, { cause: error });
  }
}

/**
 * Reads and checks a key file. On POSIX systems the file must not be
 * readable or writable by group or others (like an SSH private key): chmod 600.
 * @throws IdentityCryptoError KEYRING_INVALID naming the file and the reason.
 */
export function readKeyFile(path: string): KeyringConfig {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    throw new IdentityCryptoError('KEYRING_INVALID', `keyring from ${path}: cannot read the key file`, { cause: error });
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new IdentityCryptoError(
      'KEYRING_INVALID',
      `keyring from ${path}: the key file is open to other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`,
    );
  return parseKeyringConfig(parseJson(readFileSync(path, 'utf8'), path), path);
}

/**
 * The keyring from --key-file, else the file named by OPENNRM_KEY_FILE, else
 * the JSON in OPENNRM_KEYS.
 * @throws IdentityCryptoError KEYRING_INVALID when none is set or the one set is malformed.
 */
export function loadKeyring(options: KeyringSourceOptions = {}): Keyring {
  const env = options.env ?? process.env;
  const path = keyFilePath(options);
  if (path) return new Keyring(readKeyFile(path), path);
  if (env.OPENNRM_KEYS) return new Keyring(parseKeyringConfig(parseJson(env.OPENNRM_KEYS, 'OPENNRM_KEYS'), 'OPENNRM_KEYS'), 'OPENNRM_KEYS');
  throw new IdentityCryptoError(
    'KEYRING_INVALID',
    'no keyring configured: pass --key-file, or set OPENNRM_KEY_FILE to a key file, or OPENNRM_KEYS to its JSON (opennrm keys generate makes one)',
  );
}

/** Writes a key file atomically (temporary file then rename) with mode 0600. */
export function writeKeyFile(path: string, config: KeyringConfig): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, path);
}

/** A fresh master key: 32 bytes from the operating system's CSPRNG, base64. */
export function newMasterKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** "k1", "k2", ...: one more than the highest kN in use. */
function nextKeyId(existing: readonly string[]): string {
  const numbers = existing.map((id) => /^k(\d+)$/.exec(id)?.[1]).map((n) => (n === undefined ? 0 : Number(n)));
  return `k${Math.max(0, ...numbers) + 1}`;
}

/** What `generateKey` did. */
export interface GeneratedKey {
  path: string;
  key_id: string;
  /** True when the file was created; false when the key was added to an existing file. */
  created: boolean;
  key_ids: string[];
}

/**
 * `opennrm keys generate`: creates the key file with one new key, or adds a
 * new key to an existing file and makes it the active one (older keys stay,
 * so that existing rows still open until `opennrm keys rotate` has run).
 * @param keyId the new key's id; default one more than the highest "kN".
 * @throws IdentityCryptoError KEYRING_INVALID for a bad or duplicate id or an unreadable file.
 */
export function generateKey(path: string, keyId?: string): GeneratedKey {
  const created = !existsSync(path);
  const config: KeyringConfig = created ? { active: '', keys: {} } : readKeyFile(path);
  const id = keyId ?? nextKeyId(Object.keys(config.keys));
  if (!KEY_ID_PATTERN.test(id)) throw new IdentityCryptoError('KEYRING_INVALID', `key id "${id}" must match ${KEY_ID_PATTERN}`);
  if (id in config.keys) throw new IdentityCryptoError('KEYRING_INVALID', `${path} already holds a key "${id}"`);
  const next: KeyringConfig = { active: id, keys: { ...config.keys, [id]: newMasterKey() } };
  writeKeyFile(path, next);
  return { path, key_id: id, created, key_ids: Object.keys(next.keys) };
}

/**
 * `opennrm keys remove`: drops a key from the key file once nothing in the
 * database uses it: no identity, blind-index entry, TOTP secret or draft
 * (every location countSealedValuesByKey counts).
 * @param usage countSealedValuesByKey of the database the file serves.
 * @throws IdentityCryptoError KEY_IN_USE when it is the active key or any value still uses it
 *   (the message names each table.column and its count); KEY_UNKNOWN when the file does not hold it.
 */
export function removeKey(path: string, keyId: string, usage: Readonly<SealedUsage>): KeyringConfig {
  const config = readKeyFile(path);
  if (!(keyId in config.keys)) throw new IdentityCryptoError('KEY_UNKNOWN', `${path} holds no key "${keyId}"`);
  if (config.active === keyId)
    throw new IdentityCryptoError('KEY_IN_USE', `"${keyId}" is the active key; generate a new one and rotate first`);
  const used = Object.entries(usage[keyId] ?? {}).filter(([, n]) => n > 0);
  if (used.length > 0)
    throw new IdentityCryptoError(
      'KEY_IN_USE',
      `"${keyId}" still seals ${used.map(([location, n]) => `${n} in ${location}`).join(', ')}; run opennrm keys rotate first`,
    );
  const keys = { ...config.keys };
  delete keys[keyId];
  const next = { active: config.active, keys };
  writeKeyFile(path, next);
  return next;
}
