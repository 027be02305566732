import { describe, expect, it } from 'vitest';
import { BLIND_INDEX_BITS, blindIndex, blindIndexEntries } from '../../src/security/crypto/blind-index.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { normaliseDocumentNumber, normaliseFullName, normaliseName } from '../../src/security/crypto/normalise.ts';
import { keyringConfig } from './keys.fixture.ts';

describe('normalising names', () => {
  it.each([
    ['Ștefan', 'stefan'],
    ['Ştefan', 'stefan'], // s with cedilla, the legacy Romanian spelling
    ['STEFAN', 'stefan'],
    ['  Ana   Maria\t', 'ana maria'],
    ['Ana-Maria', 'ana maria'],
    ['Țăranu', 'taranu'],
    ['Îonescu', 'ionescu'],
    ['Müller', 'muller'],
    ['Weiß', 'weiss'],
    ['Łukasz', 'lukasz'],
    ["O'Brien", 'obrien'],
    ['Ｍａｒｉａ', 'maria'], // full-width letters (NFKD compatibility)
    ['ОЛЕНА', 'олена'],
    ['Nagy-Kovács Ágnes', 'nagy kovacs agnes'],
    ['  -- ', ''],
  ])('%j → %j', (raw, normalised) => {
    expect(normaliseName(raw)).toBe(normalised);
  });

  it('puts the words of a full name in order, so surname-first matches given-name-first', () => {
    expect(normaliseFullName('Ion', 'Popescu')).toBe('ion popescu');
    expect(normaliseFullName('POPESCU Ion')).toBe('ion popescu');
    expect(normaliseFullName('Ana-Maria', 'Șerban')).toBe(normaliseFullName('Serban Ana Maria'));
  });
});

describe('normalising document numbers', () => {
  it.each([
    ['rx 123456', 'RX123456'],
    ['RX-123-456', 'RX123456'],
    ['rx.123/456', 'RX123456'],
    ['  ab 12 34 ', 'AB1234'],
    ['---', ''],
  ])('%j → %j', (raw, normalised) => {
    expect(normaliseDocumentNumber(raw)).toBe(normalised);
  });
});

describe('blind indexes', () => {
  const keyring = new Keyring(keyringConfig(['k1', 'k2']));
  const keys = keyring.blindIndexKeys;

  it('are truncated to the documented number of bits, as lower-case hex', () => {
    for (const field of ['family_name', 'given_names', 'full_name', 'document_number'] as const)
      expect(blindIndex(keys, 'k1', field, 'popescu')).toMatch(new RegExp(`^[0-9a-f]{${BLIND_INDEX_BITS[field] / 4}}$`));
  });

  it('match diacritic and case variants once normalised', () => {
    const digest = (raw: string) => blindIndex(keys, 'k1', 'given_names', normaliseName(raw));
    expect(digest('Ștefan')).toBe(digest('STEFAN'));
    expect(digest('Ştefan')).toBe(digest(' stefan '));
  });

  it('differ between fields and between keys for the same value (domain separation)', () => {
    // 16-bit digests collide by chance 1 time in 65,536; over several values, at least one must differ if keys are separate.
    const values = ['popescu', 'ionescu', 'stefan', 'maria', 'rx123456'];
    const byField = values.filter((v) => blindIndex(keys, 'k1', 'family_name', v) !== blindIndex(keys, 'k1', 'given_names', v));
    const byKey = values.filter((v) => blindIndex(keys, 'k1', 'family_name', v) !== blindIndex(keys, 'k2', 'family_name', v));
    expect(byField.length).toBeGreaterThanOrEqual(4);
    expect(byKey.length).toBeGreaterThanOrEqual(4);
  });

  it('spread values evenly: 20,000 values fill about as many 16-bit buckets as chance predicts', () => {
    const buckets = new Set<string>();
    for (let i = 0; i < 20_000; i++) buckets.add(blindIndex(keys, 'k1', 'family_name', `name${i}`));
    // Expected occupied buckets: 65536 * (1 - e^(-20000/65536)) ≈ 17,270.
    expect(buckets.size).toBeGreaterThan(17_000);
    expect(buckets.size).toBeLessThan(17_550);
  });

  it('index family name, given names, full name and each distinct document number once', () => {
    const entries = blindIndexEntries(keys, 'k2', {
      given_names: 'Ana Maria',
      family_name: 'Popescu',
      date_of_birth: '1999-01-02',
      documents: [
        { type: 'identity_card', number: 'RX 123456', country: 'RO' },
        { type: 'passport', number: '051234567', country: 'RO' },
        { type: 'identity_card_copy', number: 'rx-123456' },
      ],
      notes: 'met at the border',
    });
    expect(entries.map((e) => e.field)).toEqual(['family_name', 'given_names', 'full_name', 'document_number', 'document_number']);
    expect(entries.every((e) => e.key_id === 'k2')).toBe(true);
  });

  it('skip absent or empty values', () => {
    expect(blindIndexEntries(keys, 'k1', { family_name: 'Popescu', given_names: '  ' }).map((e) => e.field)).toEqual([
      'family_name',
      'full_name',
    ]);
    expect(blindIndexEntries(keys, 'k1', {})).toEqual([]);
  });
});
