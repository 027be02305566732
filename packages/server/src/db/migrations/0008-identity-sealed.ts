import { sql, type Kysely } from 'kysely';

/**
 * Identities are stored only sealed (person_identity_secret, migration 0003):
 * the clear-text jsonb table `person_identity` of 0001 goes. SQL cannot
 * encrypt, so when it holds rows (a database written before encryption) it is
 * renamed `person_identity_legacy`, which no code reads or writes; the server
 * refuses to start until `opennrm keys seal-legacy` has sealed those rows and
 * dropped the table (security/crypto/legacy-identities.ts). Renaming, not
 * keeping the name, makes any forgotten writer fail loudly instead of writing
 * clear text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_identity`.execute(db);
  if (rows[0]?.n === 0) await sql`DROP TABLE person_identity`.execute(db);
  else await sql`ALTER TABLE person_identity RENAME TO person_identity_legacy`.execute(db);
}
