/**
 * Why an encryption, decryption or key operation was refused. Codes are
 * stable (docs/encryption.md lists them); messages name the record and field
 * but never contain identifying data or key material.
 */
export type IdentityCryptoErrorCode =
  /** The keyring configuration is missing, unreadable or malformed. */
  | 'KEYRING_INVALID'
  /** An envelope names a key id the keyring does not hold. */
  | 'KEY_UNKNOWN'
  /** The envelope is too short or its header cannot be read. */
  | 'ENVELOPE_MALFORMED'
  /** The envelope's version byte is not one this build can open. */
  | 'ENVELOPE_UNSUPPORTED_VERSION'
  /** GCM authentication failed: ciphertext, nonce, tag or associated data altered, or the wrong key. */
  | 'DECRYPTION_FAILED'
  /** The `key_id` column disagrees with the key id sealed in the envelope header. */
  | 'KEY_ID_MISMATCH'
  /** A search value is empty once normalised. */
  | 'SEARCH_VALUE_EMPTY'
  /** A key operation would lose data (removing the active key, or one still in use). */
  | 'KEY_IN_USE'
  /** Identities are still in clear text in person_identity_legacy (migration 0008): run opennrm keys seal-legacy. */
  | 'LEGACY_CLEAR_TEXT';

/** Thrown by everything under security/crypto. */
export class IdentityCryptoError extends Error {
  readonly code: IdentityCryptoErrorCode;
  constructor(code: IdentityCryptoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityCryptoError';
    this.code = code;
  }
}
