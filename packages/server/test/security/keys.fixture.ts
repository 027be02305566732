import { randomBytes } from 'node:crypto';
import { Keyring, type KeyringConfig } from '../../src/security/crypto/keyring.ts';

/** A keyring config of fresh random keys; the first id is active unless `active` says otherwise. */
export function keyringConfig(ids: readonly string[], active = ids[0]!): KeyringConfig {
  return { active, keys: Object.fromEntries(ids.map((id) => [id, randomBytes(32).toString('base64')])) };
}

/** The same keys with another active one, or only some of them. */
export function withActive(config: KeyringConfig, active: string, keep: readonly string[] = Object.keys(config.keys)): Keyring {
  return new Keyring({ active, keys: Object.fromEntries(keep.map((id) => [id, config.keys[id]!])) });
}
