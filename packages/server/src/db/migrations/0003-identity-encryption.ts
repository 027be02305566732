import { sql, type Kysely } from 'kysely';

/**
 * Encrypted identities (issue 3, point 3). A person's identifying record is
 * stored only as an AES-256-GCM envelope (security/crypto/envelope.ts) in
 * `person_identity_secret`; exact-match search goes through truncated keyed
 * blind indexes in `person_identity_index`. Keys never enter the database:
 * only the id of the key that sealed each row is kept, so that
 * `opennrm keys rotate` finds what to re-encrypt. docs/encryption.md
 * describes the format and what the tables leak.
 *
 * The clear-text `person_identity` table of 0001 stays until the persons
 * repository is moved over and its rows are sealed.
 */
const statements = [
  `CREATE TABLE person_identity_secret (
     person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
     key_id text NOT NULL,
     envelope bytea NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX person_identity_secret_key ON person_identity_secret (key_id)`,
  `CREATE TABLE person_identity_index (
     person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
     field text NOT NULL,
     key_id text NOT NULL,
     digest text NOT NULL,
     PRIMARY KEY (person_id, field, key_id, digest)
   )`,
  `CREATE INDEX person_identity_index_lookup ON person_identity_index (field, digest)`,
  `CREATE INDEX person_identity_index_key ON person_identity_index (key_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
