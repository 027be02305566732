import { sql, type Kysely } from 'kysely';

/**
 * Suspension of the limitation of criminal liability (issue 6; Romanian
 * Criminal Code art. 156; docs/proceedings.md, "Deadlines"): a new procedural
 * event kind, `limitation_suspended`, of the whole case, with the last day of
 * the suspension in `ends_on` (none while it lasts): the kind check and the
 * check of which kinds carry an end are replaced. The kinds are written out
 * here, as in migration 0018, because a migration never changes once shipped.
 */
const CASE_EVENTS = `'investigation_in_rem_started', 'appeal_filed', 'case_closed', 'limitation_suspended'`;
const SUSPECT_EVENTS = `'investigation_in_personam_started', 'suspect_notified', 'suspect_heard', 'detained',
  'pretrial_detention_warrant', 'house_arrest', 'judicial_control', 'indicted', 'convicted_first_instance',
  'acquitted_first_instance', 'convicted_final', 'acquitted_final', 'sentenced', 'confiscation_ordered', 'assets_seized'`;

const EVENTS_WITH_END = `'detained', 'pretrial_detention_warrant', 'house_arrest', 'judicial_control', 'limitation_suspended'`;

const statements = [
  `ALTER TABLE procedural_event DROP CONSTRAINT procedural_event_kind_check`,
  `ALTER TABLE procedural_event ADD CONSTRAINT procedural_event_kind_check CHECK (kind IN (${CASE_EVENTS}, ${SUSPECT_EVENTS}))`,
  // 0018's "ends_on only on events with an end" has the name the database gave it: found by its definition.
  `DO $$
   DECLARE found text;
   BEGIN
     SELECT conname INTO STRICT found FROM pg_constraint
      WHERE conrelid = 'procedural_event'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%ends_on IS NULL%';
     EXECUTE format('ALTER TABLE procedural_event DROP CONSTRAINT %I', found);
   END $$`,
  `ALTER TABLE procedural_event ADD CONSTRAINT procedural_event_end_kinds CHECK (ends_on IS NULL OR kind IN (${EVENTS_WITH_END}))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
