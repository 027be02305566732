import { sql, type Kysely } from 'kysely';

/**
 * Criminal proceedings (issue 6 point 1; docs/proceedings.md).
 *
 * 1. `criminal_case` gains its stage (investigation in rem, in personam,
 *    indicted, first instance, appeal, final judgment, closed), the closure
 *    date and reason (both or neither, and only on a closed case), the
 *    organised-crime-group flag, and the case's prosecutor and manager (the
 *    accounts the deadline reminders go to). Existing cases take their stage
 *    from their suspects: a first-instance verdict puts a case at
 *    `first_instance`, an indictment at `indicted`.
 * 2. `criminal_case_offence`: offences with the dates they were committed
 *    (the limitation period runs from them, Romanian Criminal Code art. 154).
 *    `criminal_case.offence_articles` stays the case's list of articles, which
 *    the statistics read; the repository adds a dated offence's article to it.
 * 3. `procedural_event`: what happened on the case or to one suspect, dated;
 *    measures with a term carry `ends_on`. Event kinds are the domain's
 *    PROCEDURAL_EVENTS (packages/domain/src/proceedings/procedural-events.ts),
 *    written out here because a migration never changes once shipped.
 * 4. `criminal_case_cooperation`: joint investigation teams and international
 *    requests, with the countries involved.
 * 5. `criminal_case_victim.role` is one of the domain's victim roles.
 */
const CASE_EVENTS = `'investigation_in_rem_started', 'appeal_filed', 'case_closed'`;
const EVENTS_WITH_END = `'detained', 'pretrial_detention_warrant', 'house_arrest', 'judicial_control'`;
const SUSPECT_EVENTS = `'investigation_in_personam_started', 'suspect_notified', 'suspect_heard', ${EVENTS_WITH_END},
  'indicted', 'convicted_first_instance', 'acquitted_first_instance', 'convicted_final', 'acquitted_final', 'sentenced',
  'confiscation_ordered', 'assets_seized'`;

const statements = [
  `ALTER TABLE criminal_case
     ADD COLUMN stage text NOT NULL DEFAULT 'investigation_in_rem' CHECK (stage IN
       ('investigation_in_rem', 'investigation_in_personam', 'indicted', 'first_instance', 'appeal', 'final_judgment', 'closed')),
     ADD COLUMN closed_on date,
     ADD COLUMN closure_reason text CHECK (closure_reason IN
       ('no_offence', 'insufficient_evidence', 'statute_of_limitations', 'death', 'other')),
     ADD COLUMN organised_crime_group boolean NOT NULL DEFAULT false,
     ADD COLUMN prosecutor_user_id uuid REFERENCES app_user(id),
     ADD COLUMN manager_user_id uuid REFERENCES app_user(id),
     ADD CONSTRAINT criminal_case_closure CHECK ((closed_on IS NULL) = (closure_reason IS NULL)),
     ADD CONSTRAINT criminal_case_closed_stage CHECK ((stage = 'closed') = (closed_on IS NOT NULL))`,
  `UPDATE criminal_case c SET stage = CASE
     WHEN EXISTS (SELECT 1 FROM suspect s WHERE s.criminal_case_id = c.id AND s.verdict IS NOT NULL) THEN 'first_instance'
     WHEN EXISTS (SELECT 1 FROM suspect s WHERE s.criminal_case_id = c.id AND s.prosecuted_on IS NOT NULL) THEN 'indicted'
     ELSE 'investigation_in_rem' END`,
  `CREATE INDEX criminal_case_prosecutor ON criminal_case (prosecutor_user_id)`,
  `CREATE INDEX criminal_case_closed_on ON criminal_case (closed_on) WHERE closed_on IS NOT NULL`,
  `CREATE TABLE criminal_case_offence (
     id uuid PRIMARY KEY,
     criminal_case_id uuid NOT NULL REFERENCES criminal_case(id) ON DELETE CASCADE,
     article text NOT NULL,
     committed_on date NOT NULL,
     committed_until date CHECK (committed_until >= committed_on),
     suspect_id uuid REFERENCES suspect(id) ON DELETE SET NULL
   )`,
  `CREATE INDEX criminal_case_offence_case ON criminal_case_offence (criminal_case_id)`,
  `CREATE TABLE procedural_event (
     id uuid PRIMARY KEY,
     criminal_case_id uuid NOT NULL REFERENCES criminal_case(id) ON DELETE CASCADE,
     suspect_id uuid REFERENCES suspect(id) ON DELETE CASCADE,
     kind text NOT NULL CHECK (kind IN (${CASE_EVENTS}, ${SUSPECT_EVENTS})),
     occurred_on date NOT NULL,
     ends_on date CHECK (ends_on >= occurred_on),
     phase text CHECK (phase IN ('investigation', 'trial')),
     sentence_months integer CHECK (sentence_months >= 0),
     sentence_suspended boolean,
     amount numeric(16, 2) CHECK (amount >= 0),
     currency text CHECK (currency ~ '^[A-Z]{3}$'),
     note text,
     recorded_by uuid REFERENCES app_user(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     CHECK ((suspect_id IS NOT NULL) = (kind IN (${SUSPECT_EVENTS}))),
     CHECK (ends_on IS NULL OR kind IN (${EVENTS_WITH_END})),
     CHECK ((sentence_months IS NULL AND sentence_suspended IS NULL) OR kind = 'sentenced'),
     CHECK (amount IS NULL OR kind IN ('confiscation_ordered', 'assets_seized')),
     CHECK ((amount IS NULL) = (currency IS NULL))
   )`,
  `CREATE INDEX procedural_event_case ON procedural_event (criminal_case_id, occurred_on)`,
  `CREATE INDEX procedural_event_kind ON procedural_event (kind, occurred_on)`,
  `CREATE TABLE criminal_case_cooperation (
     id uuid PRIMARY KEY,
     criminal_case_id uuid NOT NULL REFERENCES criminal_case(id) ON DELETE CASCADE,
     kind text NOT NULL CHECK (kind IN
       ('joint_investigation_team', 'mutual_legal_assistance_request', 'european_investigation_order', 'european_arrest_warrant')),
     countries text[] NOT NULL DEFAULT '{}',
     opened_on date NOT NULL,
     concluded_on date CHECK (concluded_on >= opened_on)
   )`,
  `CREATE INDEX criminal_case_cooperation_case ON criminal_case_cooperation (criminal_case_id)`,
  `ALTER TABLE criminal_case_victim
     ADD CONSTRAINT criminal_case_victim_role CHECK (role IN ('injured_party', 'witness', 'civil_party'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
