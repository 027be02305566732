import { sql, type Kysely } from 'kysely';

/**
 * 1. The list facts of ONE victim case for the access policy, as a PL/pgSQL
 * function, for reads by id (access/facts.ts, victimCaseFacts with
 * `oneRecord`). Why a function: the same facts as correlated EXISTS
 * subqueries cost the database more to plan than to run (about 3 ms of
 * planning against 0.7 ms of execution on PGlite, bench/RESULTS.md "Policy
 * overhead"), and a statement is planned on every request. PL/pgSQL prepares
 * each statement of a function once per session and keeps the plan, so a
 * read by id plans a call instead of five subqueries.
 *
 * Each branch must mean exactly what the fact of the same name means in
 * access/facts.ts (the list filter); test/security/case-facts.int.test.ts
 * compares both on every case of a fixture. facts.ts calls it only for the
 * names in ONE_CASE_FACTS and keeps the subquery for any other fact; an
 * unknown name returns NULL.
 *
 * 2. `rate_limit_counter`: the sign-in attempt counters
 * (accounts/rate-limit-store.ts), shared by every server process on the
 * database instead of kept in each process's memory. The key (a client
 * address or a username) is stored only as its SHA-256.
 */
const statements = [
  `CREATE FUNCTION opennrm_victim_case_fact(fact text, case_id uuid, value uuid) RETURNS boolean
   LANGUAGE plpgsql STABLE AS $$
   BEGIN
     IF fact = 'team_user_ids' THEN
       RETURN EXISTS (SELECT 1 FROM case_team ct WHERE ct.victim_case_id = case_id AND ct.user_id = value);
     ELSIF fact = 'referred_organisation_ids' THEN
       RETURN EXISTS (SELECT 1 FROM referral rf WHERE rf.victim_case_id = case_id AND rf.to_organisation_id = value
                        AND rf.status IN ('sent', 'accepted'));
     ELSIF fact = 'prosecuting_organisation_ids' THEN
       RETURN EXISTS (SELECT 1 FROM criminal_case_victim ccv JOIN criminal_case cc ON cc.id = ccv.criminal_case_id
                      WHERE ccv.victim_case_id = case_id AND cc.investigating_organisation_id = value);
     ELSIF fact = 'break_glass_user_ids' THEN
       RETURN EXISTS (SELECT 1 FROM break_glass_grant bg WHERE bg.victim_case_id = case_id AND bg.user_id = value
                        AND bg.expires_at > now());
     ELSIF fact = 'suspect_user_ids' THEN
       RETURN EXISTS (SELECT 1 FROM criminal_case_victim ccv JOIN suspect s ON s.criminal_case_id = ccv.criminal_case_id
                      WHERE ccv.victim_case_id = case_id AND s.app_user_id = value);
     ELSIF fact = 'investigated_organisation_ids' THEN
       RETURN EXISTS (SELECT 1 FROM criminal_case_victim ccv JOIN criminal_case cc ON cc.id = ccv.criminal_case_id
                      WHERE ccv.victim_case_id = case_id AND value = ANY (cc.institutions_under_investigation));
     END IF;
     RETURN NULL;
   END
   $$`,
  `CREATE TABLE rate_limit_counter (
     key_sha256 text PRIMARY KEY,
     hits integer NOT NULL,
     window_started_at timestamptz NOT NULL
   )`,
  `CREATE INDEX rate_limit_counter_window ON rate_limit_counter (window_started_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE rate_limit_counter').execute(db);
  await sql.raw('DROP FUNCTION opennrm_victim_case_fact(text, uuid, uuid)').execute(db);
}
