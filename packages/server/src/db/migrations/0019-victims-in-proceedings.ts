import { sql, type Kysely } from 'kysely';

/**
 * Victims in proceedings (issue 6 point 4; docs/proceedings.md):
 * - victim_hearing: each hearing or interview of a victim, planned, held or
 *   cancelled, by which body (organisation and its kind), in which settings
 *   (codes of profile victims_in_proceedings.hearing_settings), whether legal
 *   counsel was present, in which interpreted language, and a note for the
 *   team sealed with the keyring (it may name people: security/crypto/sealed-columns.ts);
 * - legal_counsel_assignment: the lawyer or bar assigned to the victim, and
 *   whether the appointment is mandatory (ex officio);
 * - programme_participation: the victim's time in a programme of the profile
 *   (Romania: victim and witness coordination, witness protection);
 * - protection_measure: a measure of the profile ordered for the victim.
 * Codes are checked against the profile by the API (country rules are data).
 */
const statements = [
  `CREATE TABLE victim_hearing (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     criminal_case_id uuid REFERENCES criminal_case(id) ON DELETE SET NULL,
     status text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
     planned_on date,
     held_on date,
     body_organisation_id uuid NOT NULL REFERENCES organisation(id),
     body_kind text NOT NULL CHECK (body_kind IN ('police', 'prosecutor', 'court')),
     settings text[] NOT NULL DEFAULT '{}',
     counsel_present boolean,
     interpreter_language text,
     note bytea,
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT victim_hearing_held CHECK ((status = 'held') = (held_on IS NOT NULL)),
     CONSTRAINT victim_hearing_counsel CHECK (status <> 'held' OR counsel_present IS NOT NULL),
     CONSTRAINT victim_hearing_planned CHECK (status <> 'planned' OR planned_on IS NOT NULL)
   )`,
  `CREATE INDEX victim_hearing_case ON victim_hearing (victim_case_id, held_on)`,
  `CREATE INDEX victim_hearing_held_year ON victim_hearing (held_on) WHERE status = 'held'`,
  `CREATE TABLE legal_counsel_assignment (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     counsel_organisation_id uuid REFERENCES organisation(id),
     counsel_bar text,
     counsel_name text,
     assigned_on date NOT NULL,
     ended_on date,
     mandatory boolean NOT NULL DEFAULT false,
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT legal_counsel_assignment_who CHECK (counsel_organisation_id IS NOT NULL OR counsel_bar IS NOT NULL),
     CONSTRAINT legal_counsel_assignment_dates CHECK (ended_on IS NULL OR ended_on >= assigned_on)
   )`,
  `CREATE INDEX legal_counsel_assignment_case ON legal_counsel_assignment (victim_case_id, assigned_on)`,
  `CREATE TABLE programme_participation (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     programme text NOT NULL,
     started_on date NOT NULL,
     ended_on date,
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT programme_participation_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
   )`,
  `CREATE INDEX programme_participation_case ON programme_participation (victim_case_id, started_on)`,
  `CREATE INDEX programme_participation_period ON programme_participation (programme, started_on, ended_on)`,
  `CREATE TABLE protection_measure (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     measure text NOT NULL,
     ordered_on date NOT NULL,
     ended_on date,
     ordered_by_organisation_id uuid REFERENCES organisation(id),
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT protection_measure_dates CHECK (ended_on IS NULL OR ended_on >= ordered_on)
   )`,
  `CREATE INDEX protection_measure_case ON protection_measure (victim_case_id, ordered_on)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
