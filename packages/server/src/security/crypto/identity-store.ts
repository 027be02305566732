import { sql, type Kysely } from 'kysely';
import type { Database, PersonIdentityData } from '../../db/schema.ts';
import { blindIndex, blindIndexEntries, type BlindIndexField } from './blind-index.ts';
import { open, parseEnvelope, seal, type SealContext } from './envelope.ts';
import { IdentityCryptoError } from './errors.ts';
import { inTransaction, withIdentityTables, type IdentityDatabase } from './identity-tables.ts';
import type { BlindIndexKeys, Keyring } from './keyring.ts';
import { normaliseDocumentNumber, normaliseFullName, normaliseName } from './normalise.ts';

/**
 * Repository functions for encrypted identities: pure functions of a Kysely
 * database or transaction, so that the persons repository calls them inside
 * its own transaction (and adds policy checks and audit events around them).
 */

/** What an identity envelope is bound to (its associated data). */
export function identityContext(personId: string): SealContext {
  return { table: 'person_identity_secret', column: 'envelope', recordId: personId };
}

/**
 * Encrypts a person's identifying record under the keyring's active key.
 * @returns `{ keyId, envelope }`; the envelope binds the person id.
 */
export function sealIdentity(keyring: Keyring, personId: string, data: PersonIdentityData): { keyId: string; envelope: Buffer } {
  return seal(keyring, identityContext(personId), Buffer.from(JSON.stringify(data), 'utf8'));
}

/**
 * Decrypts an identity envelope of `personId`.
 * @param storedKeyId the row's `key_id` column, checked against the envelope header.
 * @throws IdentityCryptoError KEY_ID_MISMATCH, KEY_UNKNOWN, DECRYPTION_FAILED,
 *   ENVELOPE_MALFORMED or ENVELOPE_UNSUPPORTED_VERSION (envelope.ts).
 */
export function openIdentity(keyring: Keyring, personId: string, envelope: Uint8Array, storedKeyId?: string): PersonIdentityData {
  const context = identityContext(personId);
  if (storedKeyId !== undefined) {
    const { keyId } = parseEnvelope(envelope, context);
    if (keyId !== storedKeyId)
      throw new IdentityCryptoError(
        'KEY_ID_MISMATCH',
        `person_identity_secret of person ${personId}: key_id column says "${storedKeyId}" but the envelope was sealed with "${keyId}"`,
      );
  }
  return JSON.parse(open(keyring, context, envelope).toString('utf8')) as PersonIdentityData;
}

/**
 * writeIdentity's work inside an open transaction typed with the identity
 * tables (rotation.ts uses it for each row of a batch).
 * @returns the key id it was sealed with.
 */
export async function replaceIdentity(tx: IdentityDatabase, keyring: Keyring, personId: string, data: PersonIdentityData): Promise<string> {
  const { keyId, envelope } = sealIdentity(keyring, personId, data);
  await tx
    .insertInto('person_identity_secret')
    .values({ person_id: personId, key_id: keyId, envelope })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ key_id: keyId, envelope, updated_at: sql`now()` }))
    .execute();
  await tx.deleteFrom('person_identity_index').where('person_id', '=', personId).execute();
  const entries = blindIndexEntries(keyring.blindIndexKeys, keyId, data);
  if (entries.length > 0)
    await tx
      .insertInto('person_identity_index')
      .values(entries.map((entry) => ({ person_id: personId, ...entry })))
      .execute();
  return keyId;
}

/**
 * Stores (or replaces) a person's identifying record, encrypted under the
 * active key, with its blind indexes, in one transaction (the caller's when
 * `db` is a transaction). The whole record is replaced: merge a patch before.
 * @returns the key id it was sealed with.
 * @throws the database's error when `personId` is not a person (foreign key).
 */
export async function writeIdentity(db: Kysely<Database>, keyring: Keyring, personId: string, data: PersonIdentityData): Promise<string> {
  return inTransaction(db, (tx) => replaceIdentity(tx, keyring, personId, data));
}

/**
 * A person's identifying record, decrypted.
 * @returns undefined when the person has none.
 * @throws IdentityCryptoError when the stored envelope cannot be opened (see openIdentity).
 */
export async function readIdentity(db: Kysely<Database>, keyring: Keyring, personId: string): Promise<PersonIdentityData | undefined> {
  const row = await withIdentityTables(db)
    .selectFrom('person_identity_secret')
    .select(['key_id', 'envelope'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ? openIdentity(keyring, personId, row.envelope, row.key_id) : undefined;
}

/**
 * Identifying records of many persons, decrypted; persons without one are absent.
 * @throws IdentityCryptoError for the first envelope that cannot be opened.
 */
export async function readIdentities(
  db: Kysely<Database>,
  keyring: Keyring,
  personIds: readonly string[],
): Promise<Map<string, PersonIdentityData>> {
  const found = new Map<string, PersonIdentityData>();
  if (personIds.length === 0) return found;
  const rows = await withIdentityTables(db)
    .selectFrom('person_identity_secret')
    .select(['person_id', 'key_id', 'envelope'])
    .where('person_id', 'in', [...personIds])
    .execute();
  for (const row of rows) found.set(row.person_id, openIdentity(keyring, row.person_id, row.envelope, row.key_id));
  return found;
}

/**
 * Deletes a person's identifying record and its blind indexes (erasure).
 * @returns whether there was one.
 */
export async function eraseIdentity(db: Kysely<Database>, personId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await tx.deleteFrom('person_identity_index').where('person_id', '=', personId).execute();
    const result = await tx.deleteFrom('person_identity_secret').where('person_id', '=', personId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/** One value to look up: a field and its normalised value. */
export interface BlindIndexQuery {
  field: BlindIndexField;
  normalised: string;
}

/**
 * Persons whose blind index matches any of `queries`, under every key id the
 * keys hold (so search keeps working half-way through a rotation). Needs only
 * the blind-index keys: this is what a search service can run. Truncated
 * digests match some other values too; `findPersonsByName` and
 * `findPersonsByDocument` remove those by decrypting.
 * @returns candidate person ids, sorted.
 */
export async function findBlindIndexCandidates(
  db: Kysely<Database>,
  keys: BlindIndexKeys,
  queries: readonly BlindIndexQuery[],
): Promise<string[]> {
  const wanted = keys
    .keyIds()
    .flatMap((keyId) =>
      queries.map(({ field, normalised }) => ({ field, key_id: keyId, digest: blindIndex(keys, keyId, field, normalised) })),
    );
  if (wanted.length === 0) return [];
  const rows = await withIdentityTables(db)
    .selectFrom('person_identity_index')
    .select('person_id')
    .distinct()
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb('field', '=', w.field), eb('digest', '=', w.digest), eb('key_id', '=', w.key_id)]))))
    .orderBy('person_id')
    .execute();
  return rows.map((row) => row.person_id);
}

function requireValue(normalised: string, what: string): void {
  if (normalised === '')
    throw new IdentityCryptoError('SEARCH_VALUE_EMPTY', `${what}: nothing to search for once spaces and punctuation are removed`);
}

async function verified(
  db: Kysely<Database>,
  keyring: Keyring,
  candidates: string[],
  matches: (data: PersonIdentityData) => boolean,
): Promise<string[]> {
  const identities = await readIdentities(db, keyring, candidates);
  return candidates.filter((id) => {
    const data = identities.get(id);
    return data !== undefined && matches(data);
  });
}

/**
 * Persons whose family name, given names, or full name (words in any order)
 * equals `value` after normalisation (normalise.ts: "ștefan" = "Stefan",
 * "Popescu Ion" = "Ion Popescu"). Exact match only: no prefixes, no fuzzy match.
 * @returns person ids, sorted; false positives of the truncated index removed.
 * @throws IdentityCryptoError SEARCH_VALUE_EMPTY, or any error of openIdentity.
 */
export async function findPersonsByName(db: Kysely<Database>, keyring: Keyring, value: string): Promise<string[]> {
  const name = normaliseName(value);
  const fullName = normaliseFullName(value);
  requireValue(name, 'name search');
  const candidates = await findBlindIndexCandidates(db, keyring.blindIndexKeys, [
    { field: 'family_name', normalised: name },
    { field: 'given_names', normalised: name },
    { field: 'full_name', normalised: fullName },
  ]);
  return verified(
    db,
    keyring,
    candidates,
    (data) =>
      normaliseName(data.family_name ?? '') === name ||
      normaliseName(data.given_names ?? '') === name ||
      normaliseFullName(data.given_names, data.family_name) === fullName,
  );
}

/**
 * Persons holding a document whose number equals `value` after normalisation
 * ("rx 123-456" = "RX123456"), whatever the document type or country.
 * @returns person ids, sorted; false positives of the truncated index removed.
 * @throws IdentityCryptoError SEARCH_VALUE_EMPTY, or any error of openIdentity.
 */
export async function findPersonsByDocument(db: Kysely<Database>, keyring: Keyring, value: string): Promise<string[]> {
  const number = normaliseDocumentNumber(value);
  requireValue(number, 'document search');
  const candidates = await findBlindIndexCandidates(db, keyring.blindIndexKeys, [{ field: 'document_number', normalised: number }]);
  return verified(db, keyring, candidates, (data) => (data.documents ?? []).some((d) => normaliseDocumentNumber(d.number) === number));
}

/** How many identities and blind-index rows each key id holds. */
export interface KeyUsage {
  identities: number;
  index_entries: number;
}

/** Usage of every key id found in the database (keys of the keyring that seal nothing are absent). */
export async function countIdentitiesByKey(db: Kysely<Database>): Promise<Record<string, KeyUsage>> {
  const tables = withIdentityTables(db);
  const usage: Record<string, KeyUsage> = {};
  const slot = (keyId: string) => (usage[keyId] ??= { identities: 0, index_entries: 0 });
  const secrets = await tables
    .selectFrom('person_identity_secret')
    .select(['key_id', sql<number>`count(*)`.as('n')])
    .groupBy('key_id')
    .execute();
  for (const { key_id, n } of secrets) slot(key_id).identities = Number(n);
  const entries = await tables
    .selectFrom('person_identity_index')
    .select(['key_id', sql<number>`count(*)`.as('n')])
    .groupBy('key_id')
    .execute();
  for (const { key_id, n } of entries) slot(key_id).index_entries = Number(n);
  return usage;
}
