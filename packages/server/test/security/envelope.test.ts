import { describe, expect, it } from 'vitest';
import {
  ENVELOPE_VERSION,
  NONCE_BYTES,
  PADDING_BLOCK_BYTES,
  TAG_BYTES,
  open,
  parseEnvelope,
  seal,
} from '../../src/security/crypto/envelope.ts';
import { IdentityCryptoError } from '../../src/security/crypto/errors.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { keyringConfig, withActive } from './keys.fixture.ts';

const context = { table: 'person_identity_secret', column: 'envelope', recordId: '0190a1b2-0000-7000-8000-000000000001' };
const plaintext = Buffer.from(JSON.stringify({ given_names: 'Ștefan', family_name: 'Popescu' }), 'utf8');

function failure(work: () => unknown): IdentityCryptoError {
  try {
    work();
  } catch (error) {
    if (error instanceof IdentityCryptoError) return error;
    throw error;
  }
  throw new Error('expected an IdentityCryptoError');
}

describe('identity envelope (AES-256-GCM)', () => {
  const config = keyringConfig(['k1', 'k2']);
  const keyring = new Keyring(config);

  it('opens what it sealed, padded with spaces to a multiple of 128 bytes', () => {
    const { keyId, envelope } = seal(keyring, context, plaintext);
    expect(keyId).toBe('k1');
    const opened = open(keyring, context, envelope);
    expect(opened.length % PADDING_BLOCK_BYTES).toBe(0);
    expect(opened.toString('utf8').trimEnd()).toBe(plaintext.toString('utf8'));
    expect(JSON.parse(opened.toString('utf8'))).toEqual({ given_names: 'Ștefan', family_name: 'Popescu' });
  });

  it('writes the documented layout: version, key id, 96-bit nonce, ciphertext, 128-bit tag', () => {
    const { envelope } = seal(keyring, context, plaintext);
    expect(envelope[0]).toBe(ENVELOPE_VERSION);
    expect(envelope[1]).toBe(2);
    expect(envelope.subarray(2, 4).toString('ascii')).toBe('k1');
    const parts = parseEnvelope(envelope, context);
    expect(parts.nonce.length).toBe(NONCE_BYTES);
    expect(parts.tag.length).toBe(TAG_BYTES);
    expect(parts.ciphertext.length).toBe(PADDING_BLOCK_BYTES);
    expect(envelope.length).toBe(4 + NONCE_BYTES + PADDING_BLOCK_BYTES + TAG_BYTES);
  });

  it('uses a fresh nonce each time, so equal records give unrelated envelopes', () => {
    const a = parseEnvelope(seal(keyring, context, plaintext).envelope, context);
    const b = parseEnvelope(seal(keyring, context, plaintext).envelope, context);
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('hides the length of short values: a 3-letter and a 40-letter name give envelopes of one size', () => {
    const short = seal(keyring, context, Buffer.from(JSON.stringify({ family_name: 'Ion' })));
    const long = seal(keyring, context, Buffer.from(JSON.stringify({ family_name: 'x'.repeat(40) })));
    expect(short.envelope.length).toBe(long.envelope.length);
  });

  // Offsets into an envelope sealed under "k1": header 0..3, nonce 4..15, ciphertext 16..143, tag 144..159.
  it.each([
    ['the nonce', 4 + 5],
    ['the ciphertext', 16 + 20],
    ['the tag', 16 + PADDING_BLOCK_BYTES + 3],
  ])('refuses an envelope with one bit of %s flipped', (_part, offset) => {
    const { envelope } = seal(keyring, context, plaintext);
    envelope[offset]! ^= 0x01;
    const error = failure(() => open(keyring, context, envelope));
    expect(error.code).toBe('DECRYPTION_FAILED');
    expect(error.message).toBe(
      `person_identity_secret.envelope of record ${context.recordId} failed authentication under key "k1": ` +
        'the ciphertext, nonce, tag or associated data was altered, the envelope belongs to another record, or the key is wrong',
    );
  });

  it.each([
    ['another record', { ...context, recordId: '0190a1b2-0000-7000-8000-000000000002' }],
    ['another column', { ...context, column: 'notes' }],
    ['another table', { ...context, table: 'suspect_identity_secret' }],
  ])('refuses an envelope opened as %s (associated data)', (_what, elsewhere) => {
    const { envelope } = seal(keyring, context, plaintext);
    expect(failure(() => open(keyring, elsewhere, envelope)).code).toBe('DECRYPTION_FAILED');
  });

  it('refuses an envelope whose key id was changed to another held key (the header is authenticated)', () => {
    const { envelope } = seal(keyring, context, plaintext);
    envelope[3] = '2'.charCodeAt(0);
    const error = failure(() => open(keyring, context, envelope));
    expect(error.code).toBe('DECRYPTION_FAILED');
    expect(error.message).toContain('under key "k2"');
  });

  it('refuses the wrong key under the right id', () => {
    const { envelope } = seal(keyring, context, plaintext);
    const impostor = new Keyring(keyringConfig(['k1']));
    expect(failure(() => open(impostor, context, envelope)).code).toBe('DECRYPTION_FAILED');
  });

  it('names the missing key when the keyring does not hold it', () => {
    const { envelope } = seal(keyring, context, plaintext);
    const error = failure(() => open(withActive(config, 'k2', ['k2']), context, envelope));
    expect(error.code).toBe('KEY_UNKNOWN');
    expect(error.message).toContain('was sealed with key "k1", which is not in the keyring (held: k2)');
  });

  it('refuses an unknown version and a truncated envelope', () => {
    const { envelope } = seal(keyring, context, plaintext);
    const future = Buffer.from(envelope);
    future[0] = 2;
    const unsupported = failure(() => open(keyring, context, future));
    expect(unsupported.code).toBe('ENVELOPE_UNSUPPORTED_VERSION');
    expect(unsupported.message).toContain('envelope version 2 is not supported');
    expect(failure(() => open(keyring, context, envelope.subarray(0, 20))).code).toBe('ENVELOPE_MALFORMED');
    expect(failure(() => open(keyring, context, envelope.subarray(0, 1))).code).toBe('ENVELOPE_MALFORMED');
  });

  it('never puts the clear text in an error message', () => {
    const { envelope } = seal(keyring, context, plaintext);
    envelope[20]! ^= 0xff;
    const error = failure(() => open(keyring, context, envelope));
    expect(error.message).not.toMatch(/Popescu|tefan/);
  });
});
