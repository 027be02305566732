import { sql, type Kysely } from 'kysely';

/**
 * The NRM workflow (issue 4, points 2, 3 and 5; docs/nrm-workflow.md):
 * - victim_case.workflow_state: the case's latest step (null: never moved
 *   through the workflow, its state is implied by nrm_status, as for imports);
 *   victim_case.region: the county the case is handled in (ISO 3166-2), whose
 *   child-protection service is notified of a child;
 * - nrm_transition: every step, who (user, organisation), when, why;
 * - child_protection_notification: the county child-protection service told
 *   of a child's case ("unrouted" when the profile has none for the county);
 * - anonymous_notification: an adult who declined, counted without any link
 *   to a person (sex, age band, citizenships, forms, place);
 * - residence_status: a foreign victim's reflection period, permit, tolerated
 *   stay or asylum, with start, expiry and when the expiry warning went out.
 */
const statements = [
  `ALTER TABLE victim_case ADD COLUMN workflow_state text`,
  `ALTER TABLE victim_case ADD COLUMN region text`,
  `CREATE TABLE anonymous_notification (
     id uuid PRIMARY KEY,
     notified_on date NOT NULL,
     notifying_organisation_id uuid REFERENCES organisation(id),
     sex text NOT NULL DEFAULT 'unknown',
     age_band text,
     citizenships text[] NOT NULL DEFAULT '{}',
     forms text[] NOT NULL DEFAULT '{}',
     region text,
     countries_of_exploitation text[] NOT NULL DEFAULT '{}',
     withdrawn_on date,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT anonymous_notification_withdrawal CHECK (withdrawn_on IS NULL OR withdrawn_on >= notified_on)
   )`,
  `CREATE INDEX anonymous_notification_year ON anonymous_notification (notified_on)`,
  `CREATE TABLE nrm_transition (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     event text NOT NULL,
     from_state text NOT NULL,
     to_state text NOT NULL,
     occurred_on date NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT now(),
     actor_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
     actor_organisation_id uuid REFERENCES organisation(id),
     reason text,
     closure_reason text,
     grounds text[] NOT NULL DEFAULT '{}',
     nrm_status text,
     source_type text,
     source_id uuid,
     anonymous_notification_id uuid REFERENCES anonymous_notification(id)
   )`,
  `CREATE INDEX nrm_transition_case ON nrm_transition (victim_case_id, recorded_at)`,
  `CREATE TABLE child_protection_notification (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     transition_id uuid NOT NULL REFERENCES nrm_transition(id) ON DELETE CASCADE,
     region text,
     organisation_id uuid REFERENCES organisation(id),
     status text NOT NULL CHECK (status IN ('sent', 'unrouted')),
     recipients integer NOT NULL DEFAULT 0,
     notified_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT child_protection_notification_routed CHECK ((status = 'sent') = (organisation_id IS NOT NULL))
   )`,
  `CREATE INDEX child_protection_notification_case ON child_protection_notification (victim_case_id)`,
  `CREATE INDEX child_protection_notification_organisation ON child_protection_notification (organisation_id, victim_case_id)`,
  `CREATE TABLE residence_status (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     status text NOT NULL,
     starts_on date NOT NULL,
     expires_on date,
     expiry_warned_on date,
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT residence_status_dates CHECK (expires_on IS NULL OR expires_on >= starts_on)
   )`,
  `CREATE INDEX residence_status_case ON residence_status (victim_case_id, starts_on)`,
  `CREATE INDEX residence_status_unwarned ON residence_status (expires_on) WHERE expiry_warned_on IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
