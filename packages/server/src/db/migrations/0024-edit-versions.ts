import { sql, type Kysely } from 'kysely';

/**
 * Edit versions for optimistic concurrency (docs/errors.md, OPENNRM_STALE_VERSION):
 * two caseworkers who edit the same victim case or person from the same read
 * no longer have the second silently undo the first. `version` starts at 1
 * and goes up by one on every UPDATE of the row, whoever writes it (the
 * PATCH route, a workflow step, GDPR anonymisation): a trigger rather than
 * each writer's own `SET version = version + 1`, so a writer added later
 * cannot forget it. The API sends it as the `version` field and as the ETag
 * `"<version>"`; PATCH with `If-Match` refuses a stale one with 412. The
 * trigger function is generic: another shared record gets a version by a
 * column and a trigger of its own.
 *
 * Why a column and not PostgreSQL's `xmin` (which PGlite, being PostgreSQL,
 * has too): xmin is the id of the writing transaction, so as an ETag it
 * tells clients the order of writes across the whole database; it is 32 bits
 * and wraps around; and a dump and restore or a move to another instance
 * gives every row a new one. A small integer per row says only "changed since".
 *
 * The column has a constant default, so adding it rewrites no rows.
 */
const statements = [
  `CREATE FUNCTION opennrm_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.version := OLD.version + 1;
     RETURN NEW;
   END $$`,
  `ALTER TABLE victim_case ADD COLUMN version integer NOT NULL DEFAULT 1`,
  `CREATE TRIGGER victim_case_bump_version BEFORE UPDATE ON victim_case FOR EACH ROW EXECUTE FUNCTION opennrm_bump_version()`,
  // A person is shared by every case about them; an identity-only edit also writes the row (updated_at), so it counts.
  `ALTER TABLE person ADD COLUMN version integer NOT NULL DEFAULT 1`,
  `CREATE TRIGGER person_bump_version BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION opennrm_bump_version()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
