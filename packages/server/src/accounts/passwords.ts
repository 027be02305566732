import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

/**
 * Argon2id with OWASP's first recommended configuration: 19 MiB of memory,
 * 2 iterations, 1 degree of parallelism (OWASP Password Storage Cheat Sheet,
 * "Argon2id"; RFC 9106). @node-rs/argon2 uses Argon2id by default and writes
 * the parameters into the PHC string, so raising them later still verifies
 * old hashes.
 */
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Passwords are 12 to 256 characters; no composition rules (NIST SP 800-63B §3.1.1.2). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Hashes a password into a PHC string "$argon2id$v=19$m=19456,t=2,p=1$...". */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` matches the PHC `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * password_hash of an account imported from an OpenNRM JSON file, which
 * carries no credential: no PHC string, so verifyPassword is false for every
 * password until an administrator issues one (`opennrm users reset-password`).
 * "!" is what /etc/shadow writes for the same.
 */
export const NO_PASSWORD = '!';

// No 0/O, 1/l/I: a one-time password is read from a terminal and typed by hand.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time password: 20 characters from a 57-character alphabet, about 116
 * bits from the system's cryptographic random source. The user must change it
 * at first sign-in (must_change_password).
 */
export function oneTimePassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
