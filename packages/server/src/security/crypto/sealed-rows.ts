import type { PersonIdentityData } from '../../db/schema.ts';
import { blindIndexEntries } from './blind-index.ts';
import { sealIdentity } from './identity-store.ts';
import type { Keyring } from './keyring.ts';

/**
 * Sealed identities as plain rows, for bulk writers that load with COPY or
 * set-wise INSERT (the demo, the JSON import) instead of one `writeIdentity`
 * per person: the encryption happens here, in Node; the database only ever
 * receives envelopes and blind indexes. Same envelope and indexes as
 * `writeIdentity` (identity-store.ts), so everything reads back the same way.
 */

/** The rows of one person's sealed identity: one `person_identity_secret`, some `person_identity_index`. */
export interface SealedIdentityRows {
  secret: { person_id: string; key_id: string; envelope: Buffer };
  index: { person_id: string; field: string; key_id: string; digest: string }[];
}

/** Seals `data` for `personId` under the keyring's active key and computes its blind indexes. */
export function sealedIdentityRows(keyring: Keyring, personId: string, data: PersonIdentityData): SealedIdentityRows {
  const { keyId, envelope } = sealIdentity(keyring, personId, data);
  return {
    secret: { person_id: personId, key_id: keyId, envelope },
    index: blindIndexEntries(keyring.blindIndexKeys, keyId, data).map((entry) => ({ person_id: personId, ...entry })),
  };
}

/** A bytea in PostgreSQL's hex input format ("\x0a1b..."), for COPY text and json_populate_recordset. */
export function byteaHex(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes).toString('hex')}`;
}
