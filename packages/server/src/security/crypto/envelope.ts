import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IdentityCryptoError } from './errors.ts';
import type { Keyring } from './keyring.ts';

/**
 * The versioned envelope every sealed record is stored as (a `bytea`):
 *
 * | offset     | bytes | content                                          |
 * |------------|-------|--------------------------------------------------|
 * | 0          | 1     | format version, 0x01                             |
 * | 1          | 1     | L, length of the key id (1..32)                  |
 * | 2          | L     | key id, ASCII                                    |
 * | 2+L        | 12    | nonce (random 96 bits)                           |
 * | 14+L       | n     | AES-256-GCM ciphertext of the padded plaintext   |
 * | 14+L+n     | 16    | GCM authentication tag (128 bits)                |
 *
 * Associated data (authenticated, not stored) = header (bytes 0..2+L) ||
 * len16(table) || table || len16(column) || column || len16(record id) || record id,
 * all UTF-8. So a ciphertext copied to another person, another table or
 * column, or given another key id fails authentication.
 *
 * Sources: NIST SP 800-38D (GCM) §5.2.1.1 recommends 96-bit IVs and §8.3
 * limits a key to 2^32 invocations with random IVs; §5.2.1.2 and Appendix C
 * favour the full 128-bit tag.
 */
export const ENVELOPE_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** Plaintext is padded with trailing spaces to a multiple of this many bytes, so that lengths of names do not show. */
export const PADDING_BLOCK_BYTES = 128;

/** What a ciphertext is bound to: the table and column it is stored in and the record it belongs to. */
export interface SealContext {
  table: string;
  column: string;
  /** The record's id (a person id for identities). */
  recordId: string;
}

/** The parts of an envelope, as read from its header. */
export interface EnvelopeParts {
  version: number;
  keyId: string;
  header: Buffer;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

const describe = (context: SealContext) => `${context.table}.${context.column} of record ${context.recordId}`;

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function associatedData(header: Buffer, context: SealContext): Buffer {
  return Buffer.concat([header, lengthPrefixed(context.table), lengthPrefixed(context.column), lengthPrefixed(context.recordId)]);
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([ENVELOPE_VERSION, id.length]), id]);
}

/**
 * Splits an envelope into its parts without decrypting.
 * @throws IdentityCryptoError ENVELOPE_MALFORMED (too short, bad key id length),
 *   ENVELOPE_UNSUPPORTED_VERSION (unknown version byte).
 */
export function parseEnvelope(envelope: Uint8Array, context: SealContext): EnvelopeParts {
  const bytes = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (bytes.length < 2)
    throw new IdentityCryptoError('ENVELOPE_MALFORMED', `${describe(context)}: envelope of ${bytes.length} bytes is too short`);
  const version = bytes[0]!;
  if (version !== ENVELOPE_VERSION)
    throw new IdentityCryptoError(
      'ENVELOPE_UNSUPPORTED_VERSION',
      `${describe(context)}: envelope version ${version} is not supported (this build opens version ${ENVELOPE_VERSION})`,
    );
  const idLength = bytes[1]!;
  const headerLength = 2 + idLength;
  if (idLength === 0 || bytes.length < headerLength + NONCE_BYTES + TAG_BYTES)
    throw new IdentityCryptoError('ENVELOPE_MALFORMED', `${describe(context)}: envelope of ${bytes.length} bytes is truncated`);
  return {
    version,
    keyId: bytes.subarray(2, headerLength).toString('ascii'),
    header: bytes.subarray(0, headerLength),
    nonce: bytes.subarray(headerLength, headerLength + NONCE_BYTES),
    ciphertext: bytes.subarray(headerLength + NONCE_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}

/**
 * Encrypts `plaintext` under the keyring's active key with AES-256-GCM and a
 * fresh random 96-bit nonce, padding it to a multiple of 128 bytes with
 * trailing spaces (0x20; JSON ignores them).
 * @returns the envelope (layout above) and the key id it was sealed with.
 */
export function seal(keyring: Keyring, context: SealContext, plaintext: Uint8Array): { keyId: string; envelope: Buffer } {
  const keyId = keyring.activeKeyId;
  const head = header(keyId);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.encryptionKey(keyId), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(head, context));
  const padding = (PADDING_BLOCK_BYTES - (plaintext.length % PADDING_BLOCK_BYTES)) % PADDING_BLOCK_BYTES;
  const body = Buffer.concat([cipher.update(plaintext), cipher.update(Buffer.alloc(padding, 0x20)), cipher.final()]);
  return { keyId, envelope: Buffer.concat([head, nonce, body, cipher.getAuthTag()]) };
}

/**
 * Decrypts and authenticates an envelope made by `seal` for the same context.
 * @returns the padded plaintext (trailing spaces included).
 * @throws IdentityCryptoError ENVELOPE_MALFORMED / ENVELOPE_UNSUPPORTED_VERSION (see parseEnvelope),
 *   KEY_UNKNOWN (the key id is not in the keyring), DECRYPTION_FAILED (any bit of
 *   ciphertext, nonce, tag, header or context changed, or the key is wrong).
 */
export function open(keyring: Keyring, context: SealContext, envelope: Uint8Array): Buffer {
  const parts = parseEnvelope(envelope, context);
  if (!keyring.has(parts.keyId))
    throw new IdentityCryptoError(
      'KEY_UNKNOWN',
      `${describe(context)} was sealed with key "${parts.keyId}", which is not in the keyring (held: ${keyring.keyIds().join(', ')})`,
    );
  const decipher = createDecipheriv('aes-256-gcm', keyring.encryptionKey(parts.keyId), parts.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(parts.header, context));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
  } catch (error) {
    throw new IdentityCryptoError(
      'DECRYPTION_FAILED',
      `${describe(context)} failed authentication under key "${parts.keyId}": ` +
        'the ciphertext, nonce, tag or associated data was altered, the envelope belongs to another record, or the key is wrong',
      { cause: error },
    );
  }
}
