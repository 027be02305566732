import { sql, type Kysely } from 'kysely';

/**
 * The NRM record v1: persons, victim cases, referrals, assistance, criminal
 * cases and suspects, plus organisations, users and import batches.
 * docs/data-model.md describes each table and docs/htcds-mapping.md maps its
 * columns to HTCDS 2.0.
 *
 * Identifying data lives only in `person_identity`, so that access to it can
 * be restricted and encrypted separately from what statistics need.
 */
const statements = [
  `CREATE TABLE organisation (
     id uuid PRIMARY KEY,
     code text NOT NULL UNIQUE,
     name text NOT NULL,
     kind text NOT NULL,
     functions text[] NOT NULL DEFAULT '{}',
     region text,
     from_profile boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE app_user (
     id uuid PRIMARY KEY,
     username text NOT NULL UNIQUE,
     display_name text NOT NULL,
     password_hash text NOT NULL,
     role text NOT NULL,
     organisation_id uuid REFERENCES organisation(id),
     must_change_password boolean NOT NULL DEFAULT false,
     disabled boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE import_batch (
     id uuid PRIMARY KEY,
     kind text NOT NULL,
     file_name text NOT NULL,
     file_sha256 text NOT NULL,
     row_count integer NOT NULL,
     imported_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (kind, file_sha256)
   )`,
  `CREATE TABLE person (
     id uuid PRIMARY KEY,
     sex text NOT NULL DEFAULT 'unknown',
     birth_year integer CHECK (birth_year BETWEEN 1900 AND 2200),
     citizenships text[] NOT NULL DEFAULT '{}',
     synthetic boolean NOT NULL DEFAULT false,
     import_batch_id uuid REFERENCES import_batch(id),
     source_ref text,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE person_identity (
     person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
     data jsonb NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE victim_case (
     id uuid PRIMARY KEY,
     person_id uuid NOT NULL REFERENCES person(id),
     case_number text NOT NULL UNIQUE,
     nrm_status text NOT NULL,
     potential_on date,
     presumed_on date,
     identified_on date,
     not_a_victim_on date,
     registration_year integer,
     reporting_year integer,
     identifying_organisation_id uuid REFERENCES organisation(id),
     forms text[] NOT NULL DEFAULT '{}',
     sector text,
     countries_of_exploitation text[] NOT NULL DEFAULT '{}',
     regions_of_exploitation text[] NOT NULL DEFAULT '{}',
     exploitation_started_on date,
     age_at_exploitation_start integer CHECK (age_at_exploitation_start BETWEEN 0 AND 130),
     age_at_identification integer CHECK (age_at_identification BETWEEN 0 AND 130),
     age_band text,
     is_child boolean,
     recruitment_methods text[] NOT NULL DEFAULT '{}',
     recruiter_relationship text,
     means_of_control text[] NOT NULL DEFAULT '{}',
     synthetic boolean NOT NULL DEFAULT false,
     import_batch_id uuid REFERENCES import_batch(id),
     source_ref text,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX victim_case_reporting_year ON victim_case (reporting_year)`,
  `CREATE INDEX victim_case_person ON victim_case (person_id)`,
  `CREATE TABLE referral (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id),
     from_organisation_id uuid NOT NULL REFERENCES organisation(id),
     to_organisation_id uuid NOT NULL REFERENCES organisation(id),
     services text[] NOT NULL,
     status text NOT NULL DEFAULT 'sent',
     sent_at timestamptz NOT NULL,
     responded_at timestamptz,
     decline_reason text,
     started_on date,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX referral_case ON referral (victim_case_id)`,
  `CREATE INDEX referral_sent_at ON referral (sent_at)`,
  `CREATE TABLE assistance (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id),
     referral_id uuid REFERENCES referral(id),
     provider_organisation_id uuid NOT NULL REFERENCES organisation(id),
     service text NOT NULL,
     started_on date NOT NULL,
     ended_on date,
     created_at timestamptz NOT NULL DEFAULT now(),
     CHECK (ended_on IS NULL OR ended_on >= started_on)
   )`,
  `CREATE INDEX assistance_case ON assistance (victim_case_id)`,
  `CREATE TABLE criminal_case (
     id uuid PRIMARY KEY,
     case_number text NOT NULL UNIQUE,
     investigating_organisation_id uuid REFERENCES organisation(id),
     opened_on date NOT NULL,
     offence_articles text[] NOT NULL DEFAULT '{}',
     forms text[] NOT NULL DEFAULT '{}',
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX criminal_case_opened_on ON criminal_case (opened_on)`,
  `CREATE TABLE criminal_case_victim (
     criminal_case_id uuid NOT NULL REFERENCES criminal_case(id) ON DELETE CASCADE,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id),
     role text NOT NULL DEFAULT 'injured_party',
     PRIMARY KEY (criminal_case_id, victim_case_id)
   )`,
  `CREATE TABLE suspect (
     id uuid PRIMARY KEY,
     criminal_case_id uuid NOT NULL REFERENCES criminal_case(id) ON DELETE CASCADE,
     sex text NOT NULL DEFAULT 'unknown',
     age integer CHECK (age BETWEEN 10 AND 130),
     citizenships text[] NOT NULL DEFAULT '{}',
     role text NOT NULL DEFAULT 'unknown',
     state_employee boolean NOT NULL DEFAULT false,
     prosecuted_on date,
     verdict text,
     verdict_on date,
     sentence_months integer CHECK (sentence_months >= 0),
     sentence_suspended boolean,
     created_at timestamptz NOT NULL DEFAULT now(),
     CHECK ((verdict IS NULL) = (verdict_on IS NULL))
   )`,
  `CREATE INDEX suspect_case ON suspect (criminal_case_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
