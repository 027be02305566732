import { sql, type Kysely } from 'kysely';

/**
 * GDPR (issue 3, point 7): consent records, erasure requests, and the mark
 * the retention purge or an erasure leaves on a record it anonymised (the
 * day and the rule). packages/server/src/gdpr holds the code; docs/gdpr.md
 * explains the rules.
 *
 * A withdrawal is recorded on the consent row (withdrawn_on), never by
 * deleting it: art. 7(1) asks the controller to show consent held while
 * the processing happened.
 */
const ANONYMISED = ['person', 'victim_case', 'referral', 'assistance'];

const statements = [
  `CREATE TABLE consent (
     id uuid PRIMARY KEY,
     person_id uuid NOT NULL REFERENCES person(id),
     victim_case_id uuid REFERENCES victim_case(id),
     purpose text NOT NULL,
     given boolean NOT NULL,
     recorded_on date NOT NULL,
     recorded_by uuid REFERENCES app_user(id),
     method text NOT NULL,
     withdrawn_on date,
     withdrawn_by uuid REFERENCES app_user(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT consent_withdrawal CHECK (withdrawn_on IS NULL OR (given AND withdrawn_on >= recorded_on))
   )`,
  `CREATE INDEX consent_person ON consent (person_id, purpose, recorded_on)`,
  `CREATE TABLE erasure_request (
     id uuid PRIMARY KEY,
     person_id uuid NOT NULL REFERENCES person(id),
     requested_by uuid REFERENCES app_user(id),
     requested_at timestamptz NOT NULL DEFAULT now(),
     ground text NOT NULL,
     reason text NOT NULL CHECK (char_length(btrim(reason)) >= 10),
     outcome text NOT NULL CHECK (outcome IN ('erased', 'refused')),
     exemption text,
     article text,
     CONSTRAINT erasure_request_refusal_named CHECK ((outcome = 'refused') = (exemption IS NOT NULL AND article IS NOT NULL))
   )`,
  `CREATE INDEX erasure_request_person ON erasure_request (person_id)`,
  ...ANONYMISED.flatMap((table) => [
    `ALTER TABLE ${table} ADD COLUMN anonymised_on date, ADD COLUMN anonymisation_rule text`,
    `ALTER TABLE ${table} ADD CONSTRAINT ${table}_anonymisation_marked CHECK ((anonymised_on IS NULL) = (anonymisation_rule IS NULL))`,
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
