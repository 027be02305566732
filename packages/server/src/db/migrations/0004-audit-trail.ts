import { sql, type Kysely } from 'kysely';

/**
 * The audit trail (issue 3, point 4): `audit_event`, append-only and
 * hash-chained, and `audit_chain_head`, the single row that serialises
 * appends. docs/audit.md explains the design; packages/server/src/audit holds
 * the code that writes and checks it.
 *
 * Ids are dense (1, 2, 3, ...) and taken from the chain head under its row
 * lock, not from a PostgreSQL SEQUENCE: a sequence skips a value whenever a
 * transaction rolls back, and a gap must mean "an event was deleted".
 *
 * The triggers stop an ordinary connection (the application's, or a
 * careless DBA's) from changing history. A database superuser can disable
 * them; the hash chain and external anchors are what make that visible.
 * Sources: Crosby & Wallach, "Efficient Data Structures for Tamper-Evident
 * Logging", USENIX Security 2009; GDPR art. 30 and 32.
 */
const GENESIS = '0'.repeat(64);

const statements = [
  `CREATE TABLE audit_event (
     id bigint PRIMARY KEY CHECK (id > 0),
     occurred_at timestamptz NOT NULL,
     actor_user_id uuid,
     actor_username text,
     actor_organisation_id uuid,
     source_ip text CHECK (source_ip IS NULL OR source_ip::inet IS NOT NULL),
     user_agent text,
     action text NOT NULL CHECK (action ~ '^[a-z][a-z_]*$'),
     record_type text,
     record_id text,
     person_id uuid,
     fields text[] NOT NULL DEFAULT '{}',
     reason text,
     request_id text,
     prev_hash text NOT NULL UNIQUE CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
     hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
     CONSTRAINT audit_event_actor_named CHECK (actor_user_id IS NOT NULL OR actor_username IS NOT NULL),
     CONSTRAINT audit_event_break_glass_reason CHECK (action <> 'break_glass' OR char_length(btrim(coalesce(reason, ''))) >= 10)
   )`,
  `CREATE INDEX audit_event_person ON audit_event (person_id, occurred_at) WHERE person_id IS NOT NULL`,
  `CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at)`,
  `CREATE INDEX audit_event_actor ON audit_event (actor_user_id, occurred_at)`,
  `CREATE TABLE audit_chain_head (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     last_id bigint NOT NULL CHECK (last_id >= 0),
     last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
   )`,
  `INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (true, 0, '${GENESIS}')`,

  // History cannot be changed through an ordinary connection.
  `CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'OPENNRM_AUDIT_APPEND_ONLY: % on % is not allowed; the audit trail is append-only', TG_OP, TG_TABLE_NAME
       USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
     FOR EACH ROW EXECUTE FUNCTION audit_reject_change()`,
  `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
     FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()`,

  // Every insert must extend the chain head exactly (next id, previous hash),
  // whoever writes it, and moves the head on. Taking the head row FOR UPDATE
  // serialises concurrent appends, so the chain cannot fork.
  `CREATE FUNCTION audit_event_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     head audit_chain_head%ROWTYPE;
   BEGIN
     SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
     IF NOT FOUND THEN
       RAISE EXCEPTION 'OPENNRM_AUDIT_NO_HEAD: audit_chain_head is missing' USING ERRCODE = 'data_exception';
     END IF;
     IF NEW.id <> head.last_id + 1 OR NEW.prev_hash <> head.last_hash THEN
       RAISE EXCEPTION 'OPENNRM_AUDIT_CHAIN_FORK: event % does not extend the chain head (event %)', NEW.id, head.last_id
         USING ERRCODE = 'serialization_failure';
     END IF;
     UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER audit_event_extend_chain BEFORE INSERT ON audit_event
     FOR EACH ROW EXECUTE FUNCTION audit_event_extend_chain()`,

  // The head moves only from inside that trigger (trigger depth 2).
  `CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
       RETURN NEW;
     END IF;
     RAISE EXCEPTION 'OPENNRM_AUDIT_APPEND_ONLY: % on audit_chain_head is not allowed; it moves only when an event is appended', TG_OP
       USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head
     FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`,
  `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
     FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
