import { randomBytes } from 'node:crypto';
import { Keyring } from '../../src/security/crypto/keyring.ts';

/**
 * The keyring every test runs with: fresh random keys per test process, so
 * that identities in every test are sealed exactly as in production and no
 * test can pass by reading clear text. Two keys; "t1" active.
 */
export const TEST_KEYRING_CONFIG = {
  active: 't1',
  keys: { t1: randomBytes(32).toString('base64'), t2: randomBytes(32).toString('base64') },
};

export const TEST_KEYRING = new Keyring(TEST_KEYRING_CONFIG, 'test keyring');
