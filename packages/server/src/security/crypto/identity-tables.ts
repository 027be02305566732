import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Row types of the tables of migration 0003, part of `Database` (db/schema.ts).
 */
export interface PersonIdentitySecretTable {
  person_id: string;
  /** Id of the keyring key that sealed `envelope` (also inside the envelope header, authenticated). */
  key_id: string;
  /** The envelope (envelope.ts). PostgreSQL returns a Buffer, PGlite a Uint8Array. */
  envelope: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PersonIdentityIndexTable {
  person_id: string;
  /** One of BlindIndexField. */
  field: string;
  key_id: string;
  /** Truncated HMAC-SHA-256, lower-case hex (blind-index.ts). */
  digest: string;
}

// A type alias, not an interface: $extendTables wants a type with an implicit index signature.
export type IdentityTables = {
  person_identity_secret: PersonIdentitySecretTable;
  person_identity_index: PersonIdentityIndexTable;
};

export type IdentityDatabase = Kysely<Database & IdentityTables>;

/** The same connection or transaction, typed with the identity tables. */
export function withIdentityTables(db: Kysely<Database>): IdentityDatabase {
  return db.$extendTables<IdentityTables>();
}

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a new one,
 * so that an envelope and its blind indexes always change together.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (tx: IdentityDatabase) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(withIdentityTables(db));
  return db.transaction().execute((tx) => work(withIdentityTables(tx)));
}
