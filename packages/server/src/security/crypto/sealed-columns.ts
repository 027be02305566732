import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { open, seal, type SealContext } from './envelope.ts';
import { IdentityCryptoError } from './errors.ts';
import type { Keyring } from './keyring.ts';

/**
 * Every column outside the identity tables that holds an envelope sealed
 * with the keyring (envelope.ts). This list is what `opennrm keys rotate`
 * re-seals and what `opennrm keys remove` checks, so a value sealed anywhere
 * else would be lost when an old key leaves the keyring: a column that stores
 * envelopes must be listed here and build its SealContext with `context`
 * (test/security/rotation-sealed-values.int.test.ts fails for an unlisted bytea column).
 * Identities (person_identity_secret, with their blind indexes) have their own
 * rotation (rotation.ts) because their indexes must change with them.
 */
export interface SealedColumn {
  table: 'app_user' | 'draft' | 'screening' | 'victim_hearing';
  column: string;
  /** The columns that identify a row, in keyset order. */
  key: readonly string[];
  /** The associated data of the row's envelope, from its key columns. */
  context: (row: Record<string, unknown>) => SealContext;
}

/** TOTP secrets of local accounts (accounts/second-factor.repository.ts), bound to the user id. */
export const TOTP_SECRET_COLUMN: SealedColumn = {
  table: 'app_user',
  column: 'totp_secret',
  key: ['id'],
  context: (row) => totpSecretContext(String(row.id)),
};

/** Saved half-filled forms (drafts/drafts.repository.ts), bound to the user and the draft's key. */
export const DRAFT_CONTENT_COLUMN: SealedColumn = {
  table: 'draft',
  column: 'content',
  key: ['user_id', 'key'],
  context: (row) => draftContext(String(row.user_id), String(row.key)),
};

/** A screening's notes (screenings/screenings.repository.ts), bound to the screening id. */
export const SCREENING_NOTES_COLUMN: SealedColumn = {
  table: 'screening',
  column: 'notes',
  key: ['id'],
  context: (row) => screeningNotesContext(String(row.id)),
};

/** A victim hearing's note (victims-in-proceedings/hearings.repository.ts), bound to the hearing id. */
export const VICTIM_HEARING_NOTE_COLUMN: SealedColumn = {
  table: 'victim_hearing',
  column: 'note',
  key: ['id'],
  context: (row) => victimHearingNoteContext(String(row.id)),
};

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  TOTP_SECRET_COLUMN,
  DRAFT_CONTENT_COLUMN,
  SCREENING_NOTES_COLUMN,
  VICTIM_HEARING_NOTE_COLUMN,
];

/** Associated data of a user's TOTP secret: a secret copied to another account fails authentication. */
export function totpSecretContext(userId: string): SealContext {
  return { table: 'app_user', column: 'totp_secret', recordId: userId };
}

/** Associated data of a draft: copied to another user or key, it fails authentication. */
export function draftContext(userId: string, key: string): SealContext {
  return { table: 'draft', column: 'content', recordId: `${userId}/${key}` };
}

/** Associated data of a screening's notes: copied to another screening, they fail authentication. */
export function screeningNotesContext(screeningId: string): SealContext {
  return { table: 'screening', column: 'notes', recordId: screeningId };
}

/** Associated data of a hearing's note: copied to another hearing, it fails authentication. */
export function victimHearingNoteContext(hearingId: string): SealContext {
  return { table: 'victim_hearing', column: 'note', recordId: hearingId };
}

/** "table.column", as usage reports and refusals name a location. */
export const locationOf = (column: { table: string; column: string }) => `${column.table}.${column.column}`;

/**
 * The key id in an envelope's header (byte 1 is its length, the id follows
 * from byte 2: envelope.ts), read in SQL so that counting and selecting by
 * key needs no decryption. NULL for a value too short to be an envelope.
 */
export function envelopeKeyIdSql(column: string): RawBuilder<string | null> {
  const ref = sql.ref(column);
  return sql<string | null>`CASE WHEN length(${ref}) >= 2 THEN convert_from(substring(${ref} from 3 for get_byte(${ref}, 1)), 'UTF8') END`;
}

/** Rows of one sealed column per key id. */
export async function countSealedColumnByKey(db: Kysely<Database>, column: SealedColumn): Promise<Record<string, number>> {
  const keyId = envelopeKeyIdSql(column.column);
  const { rows } = await sql<{ key_id: string | null; n: number }>`
    SELECT ${keyId} AS key_id, count(*) AS n FROM ${sql.table(column.table)}
    WHERE ${sql.ref(column.column)} IS NOT NULL GROUP BY 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { key_id, n } of rows) counts[key_id ?? '(malformed)'] = Number(n);
  return counts;
}

/** What re-sealing one column did. */
export interface ColumnRotation {
  location: string;
  resealed: number;
}

/**
 * Re-seals every value of `column` not under the keyring's active key, in
 * batches of `batchSize` rows, one transaction each; rows are locked
 * (SELECT ... FOR UPDATE) so a concurrent save is never overwritten with an
 * older value. Walks the table once in key order, so it ends even while a
 * server still seals with an old key (those rows wait for the next run).
 * @throws IdentityCryptoError from `open` for a value that cannot be opened
 *   (its batch is rolled back; earlier batches stay committed).
 */
export async function resealColumn(
  db: Kysely<Database>,
  keyring: Keyring,
  column: SealedColumn,
  batchSize: number,
  onBatch?: (resealed: number) => void,
): Promise<ColumnRotation> {
  const keys = column.key.map((name) => sql.ref(name));
  const keyTuple = sql.join(keys);
  let after: unknown[] | undefined;
  let resealed = 0;
  for (;;) {
    const cursor = after ? sql`AND (${keyTuple}) > (${sql.join(after.map((value) => sql`${value}`))})` : sql``;
    const batch = await db.transaction().execute(async (tx) => {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT ${keyTuple}, ${sql.ref(column.column)} AS sealed FROM ${sql.table(column.table)}
        WHERE ${sql.ref(column.column)} IS NOT NULL
          AND ${envelopeKeyIdSql(column.column)} IS DISTINCT FROM ${keyring.activeKeyId} ${cursor}
        ORDER BY ${keyTuple} LIMIT ${batchSize} FOR UPDATE`.execute(tx);
      for (const row of rows) {
        const context = column.context(row);
        const { envelope } = seal(keyring, context, open(keyring, context, row.sealed as Uint8Array));
        const match = sql.join(
          column.key.map((name) => sql`${sql.ref(name)} = ${row[name]}`),
          sql` AND `,
        );
        await sql`UPDATE ${sql.table(column.table)} SET ${sql.ref(column.column)} = ${envelope} WHERE ${match}`.execute(tx);
      }
      return rows;
    });
    if (batch.length === 0) break;
    resealed += batch.length;
    onBatch?.(resealed);
    const last = batch[batch.length - 1]!;
    after = column.key.map((name) => last[name]);
  }
  return { location: locationOf(column), resealed };
}

/**
 * Refuses before any change when some value is sealed with a key the
 * keyring does not hold (it could never be opened again).
 * @param usage countSealedValuesByKey (rotation.ts) of the database.
 * @throws IdentityCryptoError KEY_UNKNOWN naming each table, key and count.
 */
export function assertKeysHeld(keyring: Keyring, usage: Readonly<Record<string, Readonly<Record<string, number>>>>): void {
  const missing = Object.entries(usage)
    .filter(([keyId]) => !keyring.has(keyId))
    .flatMap(([keyId, locations]) =>
      Object.entries(locations)
        .filter(([location, n]) => n > 0 && !location.startsWith('person_identity_index'))
        .map(([location, n]) => `${n} values of ${location} are sealed with key "${keyId}"`),
    );
  if (missing.length > 0)
    throw new IdentityCryptoError(
      'KEY_UNKNOWN',
      `cannot rotate: ${missing.join('; ')}, which the keyring does not hold (held: ${keyring.keyIds().join(', ')}); ` +
        'put the old key back in the key file',
    );
}
