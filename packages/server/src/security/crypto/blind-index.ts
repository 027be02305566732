import { createHmac } from 'node:crypto';
import type { PersonIdentityData } from '../../db/schema.ts';
import type { BlindIndexKeys } from './keyring.ts';
import { normaliseDocumentNumber, normaliseFullName, normaliseName } from './normalise.ts';

/**
 * Keyed blind indexes for exact-match search on encrypted identities, after
 * the CipherSweet design (Paragon Initiative Enterprises, "CipherSweet: Blind
 * Index Planning"): HMAC-SHA-256 (RFC 2104) of a normalised value, under a
 * key derived per field, truncated so that each digest is shared by several
 * values and proves less.
 *
 * Truncation to 16 bits: a digest has 65,536 possible values. With R indexed
 * values (Romania identifies a few hundred victims a year, so tens of thousands
 * of persons over a retention period), a search returns on average
 * R / 65,536 unrelated persons (under 1 for R < 65,536, about 2 at 150,000),
 * which `identity-store.ts` removes by decrypting and comparing. In exchange,
 * one digest stands for about 1 in 65,536 of all possible values: to anyone
 * holding the blind-index key, a digest narrows a dictionary of 100,000
 * surnames only to ~1.5 candidates, and the space of document numbers
 * (> 10^8) to thousands. More bits leak more; fewer cost more decryptions.
 * docs/encryption.md states the leakage in full.
 */

/** The fields indexed, as stored in `person_identity_index.field`. */
export type BlindIndexField = 'family_name' | 'given_names' | 'full_name' | 'document_number';

/** Digest length in bits per field (a whole number of hex digits, so a multiple of 4). */
export const BLIND_INDEX_BITS: Readonly<Record<BlindIndexField, number>> = {
  family_name: 16,
  given_names: 16,
  full_name: 16,
  document_number: 16,
};

/** Domain-separation label of each field: the HMAC key is derived from it (keyring.ts, fieldKey). */
const FIELD_LABEL = (field: BlindIndexField) => `person_identity.${field}`;

/**
 * The blind index of an already-normalised value: the first BLIND_INDEX_BITS[field]
 * bits of HMAC-SHA-256(fieldKey(keyId, field), value), as lower-case hex.
 * @throws IdentityCryptoError KEY_UNKNOWN when `keyId` is not held.
 */
export function blindIndex(keys: BlindIndexKeys, keyId: string, field: BlindIndexField, normalised: string): string {
  const mac = createHmac('sha256', keys.fieldKey(keyId, FIELD_LABEL(field)))
    .update(normalised, 'utf8')
    .digest('hex');
  return mac.slice(0, BLIND_INDEX_BITS[field] / 4);
}

/** One row of `person_identity_index`, without the person. */
export interface BlindIndexEntry {
  field: BlindIndexField;
  key_id: string;
  digest: string;
}

/** The normalised values of an identity that are indexed (empty values are skipped). */
export function indexedValues(data: PersonIdentityData): { field: BlindIndexField; value: string }[] {
  const values: { field: BlindIndexField; value: string }[] = [
    { field: 'family_name', value: normaliseName(data.family_name ?? '') },
    { field: 'given_names', value: normaliseName(data.given_names ?? '') },
    { field: 'full_name', value: normaliseFullName(data.given_names, data.family_name) },
    ...(data.documents ?? []).map((document) => ({ field: 'document_number' as const, value: normaliseDocumentNumber(document.number) })),
  ];
  const seen = new Set<string>();
  return values.filter(({ field, value }) => {
    const key = `${field}\u0000${value}`;
    if (value === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The blind-index entries of an identity under one key id (the active one when writing),
 * deduplicated: two documents with the same number give one entry.
 */
export function blindIndexEntries(keys: BlindIndexKeys, keyId: string, data: PersonIdentityData): BlindIndexEntry[] {
  const entries = indexedValues(data).map(({ field, value }) => ({ field, key_id: keyId, digest: blindIndex(keys, keyId, field, value) }));
  return entries.filter((entry, i) => entries.findIndex((e) => e.field === entry.field && e.digest === entry.digest) === i);
}
