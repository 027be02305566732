import { sql, type Kysely } from 'kysely';

/**
 * The need-to-know policy of issue 3 (points 1 and 5), docs/access-policy.md:
 * - who created a person or case, and which organisation owns a case (the
 *   creator's); existing cases are owned by their identifying organisation;
 * - case_team: the users working a case (case workers see only their team's cases);
 * - referral.shared_fields: what the receiving organisation may see;
 * - suspect.app_user_id and criminal_case.institutions_under_investigation:
 *   conflicts of interest that block a user from a case whatever their role;
 * - break_glass_grant: time-limited access to a case outside the user's team,
 *   given for a written reason, and alert: what the case managers are told.
 */
const DEFAULT_SHARED = `'{case_number,nrm_status,forms,is_child,age_band,identity.given_names,identity.family_name,identity.contacts}'`;

const statements = [
  `ALTER TABLE person ADD COLUMN created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL`,
  `ALTER TABLE victim_case ADD COLUMN created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL`,
  `ALTER TABLE victim_case ADD COLUMN owner_organisation_id uuid REFERENCES organisation(id)`,
  `UPDATE victim_case SET owner_organisation_id = identifying_organisation_id`,
  `CREATE INDEX victim_case_owner ON victim_case (owner_organisation_id)`,
  `CREATE INDEX victim_case_created_by ON victim_case (created_by_user_id) WHERE created_by_user_id IS NOT NULL`,
  `CREATE INDEX person_created_by ON person (created_by_user_id) WHERE created_by_user_id IS NOT NULL`,
  `CREATE TABLE case_team (
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
     role text NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
     added_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (victim_case_id, user_id)
   )`,
  `CREATE INDEX case_team_user ON case_team (user_id)`,
  `ALTER TABLE referral ADD COLUMN shared_fields text[] NOT NULL DEFAULT ${DEFAULT_SHARED}`,
  `CREATE INDEX referral_to_organisation ON referral (to_organisation_id, victim_case_id)`,
  `ALTER TABLE suspect ADD COLUMN app_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL`,
  `CREATE INDEX suspect_app_user ON suspect (app_user_id) WHERE app_user_id IS NOT NULL`,
  `ALTER TABLE criminal_case ADD COLUMN institutions_under_investigation uuid[] NOT NULL DEFAULT '{}'`,
  `CREATE INDEX criminal_case_victim_victim ON criminal_case_victim (victim_case_id)`,
  `CREATE TABLE break_glass_grant (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
     reason text NOT NULL CHECK (char_length(btrim(reason)) >= 10),
     granted_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL
   )`,
  `CREATE INDEX break_glass_grant_case ON break_glass_grant (victim_case_id, user_id, expires_at)`,
  `CREATE TABLE alert (
     id uuid PRIMARY KEY,
     recipient_user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
     kind text NOT NULL,
     victim_case_id uuid REFERENCES victim_case(id) ON DELETE CASCADE,
     actor_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
     reason text,
     created_at timestamptz NOT NULL DEFAULT now(),
     read_at timestamptz
   )`,
  `CREATE INDEX alert_recipient ON alert (recipient_user_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
