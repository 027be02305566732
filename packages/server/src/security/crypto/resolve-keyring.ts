import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { IdentityCryptoError } from './errors.ts';
import { generateKey, keyFilePath, loadKeyring, newMasterKey, type KeyringSourceOptions } from './key-file.ts';
import { Keyring } from './keyring.ts';

/**
 * Which keyring a command or server runs with. A configured one (--key-file,
 * OPENNRM_KEY_FILE, OPENNRM_KEYS) always wins. Without one:
 *
 * - on PostgreSQL (DATABASE_URL set: a real deployment) it refuses, because
 *   keys made up on the spot would sit beside the data and be lost with the
 *   machine;
 * - on the embedded PGlite database (the README's quick start, a laptop) it
 *   uses a development key file beside the data folder, `<data>.keys.json`,
 *   creating it (mode 0600) on first use, so that `npm start` needs no set-up.
 *   It lies outside the data folder, so a copy of the database alone still
 *   decrypts nothing.
 */

/** Where a keyring comes from, and whether there is a database server. */
export interface ResolveKeyringOptions extends KeyringSourceOptions {
  /** DATABASE_URL, when the database is PostgreSQL. */
  databaseUrl?: string | undefined;
  /** The PGlite data folder ("./data"), or "memory://..." for a throw-away database. */
  dataDir?: string | undefined;
}

/** The keyring, where it came from, and whether a development key file was just created. */
export interface ResolvedKeyring {
  keyring: Keyring;
  /** The key file path, "OPENNRM_KEYS", or "memory" for a throw-away database. */
  source: string;
  /** True when the keyring is the automatic development key file (or a throw-away one). */
  development: boolean;
  /** True when this call created the development key file. */
  created: boolean;
}

/** The development key file of a PGlite data folder: `<data dir>.keys.json`, beside it, not in it. */
export function developmentKeyFilePath(dataDir: string): string {
  return `${resolve(dataDir).replace(/[\\/]+$/, '')}.keys.json`;
}

/** Printed whenever the development key file is in use. */
export function developmentKeyWarning(resolved: ResolvedKeyring): string {
  return (
    `WARNING: identities are encrypted with the development key file ${resolved.source}` +
    `${resolved.created ? ' (just created)' : ''}, kept beside the embedded database. ` +
    'Fine for a trial; in production keep the keys on separate storage from the data and name them with ' +
    '--key-file, OPENNRM_KEY_FILE or OPENNRM_KEYS (docs/encryption.md). Losing this file loses every identity.'
  );
}

/**
 * The keyring to run with (rules above).
 * @param create false to use an existing development key file but never create one (`opennrm keys status`).
 * @throws IdentityCryptoError KEYRING_INVALID when DATABASE_URL is set and no keyring is configured,
 *   when a configured keyring is malformed, or (create false) when there is none.
 */
export function resolveKeyring(options: ResolveKeyringOptions, create = true): ResolvedKeyring {
  const env = options.env ?? process.env;
  if (keyFilePath(options) || env.OPENNRM_KEYS) {
    const keyring = loadKeyring(options);
    return { keyring, source: keyFilePath(options) ?? 'OPENNRM_KEYS', development: false, created: false };
  }
  if (options.databaseUrl)
    throw new IdentityCryptoError(
      'KEYRING_INVALID',
      'no keyring configured, and DATABASE_URL is set: a deployment on PostgreSQL needs its keys kept apart from the database. ' +
        'Create a key file on separate storage with `opennrm keys generate --key-file <path>`, then pass --key-file <path>, ' +
        'or set OPENNRM_KEY_FILE to that path, or OPENNRM_KEYS to its JSON (docs/encryption.md)',
    );
  const dataDir = options.dataDir ?? './data';
  if (dataDir.startsWith('memory://'))
    return {
      keyring: new Keyring({ active: 'k1', keys: { k1: newMasterKey() } }, 'memory'),
      source: 'memory',
      development: true,
      created: true,
    };
  const path = developmentKeyFilePath(dataDir);
  let created = false;
  if (!existsSync(path)) {
    if (!create) return { keyring: loadKeyring(options), source: path, development: true, created }; // throws: nothing configured
    mkdirSync(dirname(path), { recursive: true });
    generateKey(path);
    created = true;
  }
  return { keyring: loadKeyring({ keyFile: path, env }), source: path, development: true, created };
}
