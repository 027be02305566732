import { sql, type Kysely } from 'kysely';

/**
 * The victims of each reporting year, summarised for the annual report
 * (packages/server/src/statistics/report-populations.ts): one row per person
 * and reporting year in which the person has an identified victim case,
 * pointing at the person's facts of that year. docs/statistics.md
 * ("Victim year summary") and docs/data-model.md describe it.
 *
 * - victim_fact_set: one row per distinct combination of the raw facts the
 *   victims figures test (sex, citizenships, forms, countries of
 *   exploitation, country:form pairs, child). No person id, no profile
 *   rule: which forms make a category, which countries a region, and the
 *   child age stay profile data, applied by the report query. Arrays are
 *   sorted and without repeats, so one combination has one row.
 * - victim_year_summary: (reporting_year, person_id) -> fact_set_id, the
 *   union of the facts of the person's identified cases of the year (a
 *   victim counts once, in every form of any of those cases) with the
 *   person's sex and citizenships.
 *
 * The report counts a year's rows by fact set (an index-only scan of the
 * primary key) and tests each figure's predicate on the few hundred fact
 * sets, instead of folding every case of the year per person and joining
 * all persons (bench/RESULTS.md, "Annual report time").
 *
 * Kept by statement-level triggers (PL/pgSQL with transition tables, the
 * same on PostgreSQL and PGlite) on victim_case and person, so that every
 * writer keeps it: the API, the demo, both importers, GDPR anonymisation, a
 * DBA's UPDATE. A COPY or INSERT ... SELECT of a million cases is summarised
 * by one set-based statement that maps each distinct kind of case (person's
 * sex and citizenships, forms, countries, child) to its fact set once.
 * Concurrency: each trigger first locks the persons it summarises (FOR NO
 * KEY UPDATE, in id order), so two transactions writing one person take
 * turns, and its next statements (READ COMMITTED: a new snapshot each) see
 * what the other committed. A transaction that holds victim_case and person
 * in ACCESS EXCLUSIVE mode (the CTDC bulk load) has no concurrent writer and
 * skips the row locks.
 *
 * Replaces migration 0005's covering index victim_case_report, which only
 * the per-person fold of the report used.
 */

/**
 * A statement of a trigger function, planned at every run: a cached plan
 * would keep the join strategy chosen for the first statement's row count
 * (one case from the API) for a COPY of a million cases, or the reverse.
 */
const run = (statement: string, into = '', using = '') =>
  `EXECUTE $statement$${statement}$statement$${into ? ` INTO ${into}` : ''}${using ? ` USING ${using}` : ''};`;

/**
 * The kinds of case among `cases` (rows of person_id, reporting_year, sex,
 * citizenships, forms, countries_of_exploitation, is_child), each with its
 * fact set (victim_case_fact_set, once per kind), and `members`: every case's
 * (reporting_year, person_id, fact_set_id). A million CTDC cases are a few
 * hundred kinds.
 */
const caseFactSets = `
  kinds AS (
    SELECT k.*, victim_case_fact_set(k.sex, k.citizenships, k.forms, k.countries_of_exploitation, k.is_child) AS fact_set_id
    FROM (SELECT DISTINCT sex, citizenships, forms, countries_of_exploitation, is_child FROM cases) k),
  members AS (
    SELECT c.reporting_year, c.person_id, k.fact_set_id
    FROM cases c JOIN kinds k ON k.sex = c.sex AND k.citizenships = c.citizenships AND k.forms = c.forms
      AND k.countries_of_exploitation = c.countries_of_exploitation AND k.is_child = c.is_child)`;

const CASE_COLUMNS = `c.person_id, c.reporting_year, p.sex, p.citizenships, c.forms, c.countries_of_exploitation,
  coalesce(c.is_child, false) AS is_child`;

/**
 * Adds the cases of `added` (victim_case rows) to the summary, set-based for
 * a COPY of a million rows: a person-year whose new cases and summary row so
 * far are all of one fact set takes it; the statement returns the
 * person-years left with several (persons, years arrays) for
 * REFRESH_STATEMENT to unite.
 */
const addStatement = (added: string) => `
  WITH cases AS (
    SELECT ${CASE_COLUMNS}
    FROM ${added} c JOIN person p ON p.id = c.person_id
    WHERE c.nrm_status = 'identified' AND c.reporting_year IS NOT NULL),
  ${caseFactSets},
  keyed AS (
    SELECT reporting_year, person_id, min(fact_set_id) AS lo, max(fact_set_id) AS hi, max(old_fact_set_id) AS old_fact_set_id
    FROM (SELECT reporting_year, person_id, fact_set_id, NULL::integer AS old_fact_set_id FROM members
          UNION ALL
          SELECT s.reporting_year, s.person_id, s.fact_set_id, s.fact_set_id
          FROM victim_year_summary s JOIN cases c ON c.reporting_year = s.reporting_year AND c.person_id = s.person_id) m
    GROUP BY reporting_year, person_id),
  inserted AS (
    INSERT INTO victim_year_summary (reporting_year, person_id, fact_set_id)
    SELECT reporting_year, person_id, lo FROM keyed WHERE old_fact_set_id IS NULL AND lo = hi),
  updated AS (
    UPDATE victim_year_summary s SET fact_set_id = k.lo FROM keyed k
    WHERE k.old_fact_set_id IS NOT NULL AND k.lo = k.hi AND k.lo <> k.old_fact_set_id
      AND s.reporting_year = k.reporting_year AND s.person_id = k.person_id)
  SELECT array_agg(person_id), array_agg(reporting_year) FROM keyed WHERE lo <> hi`;

/**
 * Re-summarises the person-years ($1 person ids, $2 years, pairwise) from
 * their identified cases as they now are: one fact set, or the union of
 * several (victim_fact_set_union); a person-year left with no identified
 * case loses its row.
 */
const REFRESH_STATEMENT = `
  WITH keys AS (SELECT DISTINCT person_id, reporting_year FROM unnest($1::uuid[], $2::integer[]) AS k(person_id, reporting_year)),
  cases AS (
    SELECT ${CASE_COLUMNS}
    FROM keys k JOIN victim_case c ON c.person_id = k.person_id AND c.reporting_year = k.reporting_year
      JOIN person p ON p.id = c.person_id
    WHERE c.nrm_status = 'identified'),
  ${caseFactSets},
  folded AS (
    SELECT k.reporting_year, k.person_id,
      CASE WHEN min(m.fact_set_id) IS NULL OR min(m.fact_set_id) = max(m.fact_set_id) THEN min(m.fact_set_id)
        ELSE victim_fact_set_union(array_agg(m.fact_set_id)) END AS fact_set_id
    FROM keys k LEFT JOIN members m ON m.person_id = k.person_id AND m.reporting_year = k.reporting_year
    GROUP BY k.reporting_year, k.person_id),
  removed AS (
    DELETE FROM victim_year_summary s USING folded f
    WHERE f.fact_set_id IS NULL AND s.reporting_year = f.reporting_year AND s.person_id = f.person_id)
  INSERT INTO victim_year_summary AS s (reporting_year, person_id, fact_set_id)
  SELECT reporting_year, person_id, fact_set_id FROM folded WHERE fact_set_id IS NOT NULL
  ON CONFLICT (reporting_year, person_id) DO UPDATE SET fact_set_id = excluded.fact_set_id
  WHERE s.fact_set_id <> excluded.fact_set_id`;

/** Locks the persons whose ids `persons` selects, unless this transaction holds victim_case and person exclusively. */
const lockPersons = (persons: string, using = '') => `
  IF NOT victim_year_summary_writes_alone() THEN
    ${run(`SELECT 1 FROM person WHERE id IN (${persons}) ORDER BY id FOR NO KEY UPDATE`, '', using)}
  END IF;`;

/** Re-summarises the person-years (person_id, reporting_year) that `keys` selects. */
const refreshKeys = (keys: string) => `
  SELECT array_agg(person_id), array_agg(reporting_year) INTO persons, years FROM (${keys}) k;
  IF persons IS NOT NULL THEN
    PERFORM victim_year_summary_refresh(persons, years);
  END IF;`;

/**
 * The planner cannot know how few kinds of case there are (it guesses
 * 200,000 for a million cases) and then joins cases to kinds by sorting both
 * on their arrays, about twice the CPU of a hash join.
 */
const HASH_JOINS = 'SET enable_mergejoin = off';

const DECLARE_KEYS = `DECLARE
     persons uuid[];
     years integer[];`;

/** (person_id, reporting_year) of the identified cases with a reporting year among `cases`. */
const keysOf = (cases: string) =>
  `SELECT person_id, reporting_year FROM ${cases} WHERE nrm_status = 'identified' AND reporting_year IS NOT NULL`;

const sortedSet = (array: string) => `ARRAY(SELECT DISTINCT v FROM unnest(${array}) v ORDER BY v)`;

const statements = [
  `DROP INDEX victim_case_report`,
  `CREATE TABLE victim_fact_set (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     sex text NOT NULL,
     citizenships text[] NOT NULL,
     forms text[] NOT NULL,
     countries_of_exploitation text[] NOT NULL,
     forms_by_country text[] NOT NULL,
     is_child boolean NOT NULL,
     UNIQUE (sex, citizenships, forms, countries_of_exploitation, forms_by_country, is_child)
   )`,
  `CREATE TABLE victim_year_summary (
     reporting_year integer NOT NULL,
     person_id uuid NOT NULL,
     fact_set_id integer NOT NULL,
     PRIMARY KEY (reporting_year, person_id) INCLUDE (fact_set_id)
   )`,

  // The id of a combination of facts (arrays already sorted, without
  // repeats), added when new. The second look-up finds a row another
  // transaction added meanwhile: ON CONFLICT waited for it to commit, and
  // under READ COMMITTED the new SELECT has a new snapshot.
  `CREATE FUNCTION victim_fact_set_id(p_sex text, p_citizenships text[], p_forms text[], p_countries text[],
     p_forms_by_country text[], p_child boolean) RETURNS integer LANGUAGE plpgsql AS $$
   DECLARE
     found_id integer;
   BEGIN
     SELECT id INTO found_id FROM victim_fact_set
     WHERE sex = p_sex AND citizenships = p_citizenships AND forms = p_forms AND countries_of_exploitation = p_countries
       AND forms_by_country = p_forms_by_country AND is_child = p_child;
     IF found_id IS NULL THEN
       INSERT INTO victim_fact_set (sex, citizenships, forms, countries_of_exploitation, forms_by_country, is_child)
       VALUES (p_sex, p_citizenships, p_forms, p_countries, p_forms_by_country, p_child)
       ON CONFLICT DO NOTHING RETURNING id INTO found_id;
     END IF;
     IF found_id IS NULL THEN
       SELECT id INTO found_id FROM victim_fact_set
       WHERE sex = p_sex AND citizenships = p_citizenships AND forms = p_forms AND countries_of_exploitation = p_countries
         AND forms_by_country = p_forms_by_country AND is_child = p_child;
     END IF;
     IF found_id IS NULL THEN
       RAISE EXCEPTION 'victim_fact_set: another transaction added this fact set after this one''s snapshot'
         USING ERRCODE = 'serialization_failure';
     END IF;
     RETURN found_id;
   END $$`,

  // The fact set of one case of a person: country:form pairs record which
  // forms happened in which country (the labour-in-the-country figure).
  `CREATE FUNCTION victim_case_fact_set(p_sex text, p_citizenships text[], p_forms text[], p_countries text[], p_child boolean)
   RETURNS integer LANGUAGE plpgsql AS $$
   DECLARE
     forms text[] := ${sortedSet('p_forms')};
     countries text[] := ${sortedSet('p_countries')};
   BEGIN
     RETURN victim_fact_set_id(p_sex, ${sortedSet('p_citizenships')}, forms, countries,
       ARRAY(SELECT x || ':' || f FROM unnest(countries) x, unnest(forms) f ORDER BY 1), p_child);
   END $$`,

  // The fact set of a person-year with cases of several fact sets: the
  // union of their forms, countries and pairs; a child if any case is.
  // Sex and citizenships are the person's in all of them.
  `CREATE FUNCTION victim_fact_set_union(p_ids integer[]) RETURNS integer LANGUAGE plpgsql AS $$
   DECLARE
     u record;
   BEGIN
     SELECT min(f.sex) AS sex, min(f.citizenships) AS citizenships,
       ARRAY(SELECT DISTINCT v FROM victim_fact_set g, unnest(g.forms) v WHERE g.id = ANY(p_ids) ORDER BY v) AS forms,
       ARRAY(SELECT DISTINCT v FROM victim_fact_set g, unnest(g.countries_of_exploitation) v WHERE g.id = ANY(p_ids) ORDER BY v)
         AS countries,
       ARRAY(SELECT DISTINCT v FROM victim_fact_set g, unnest(g.forms_by_country) v WHERE g.id = ANY(p_ids) ORDER BY v) AS pairs,
       bool_or(f.is_child) AS is_child
     INTO u FROM victim_fact_set f WHERE f.id = ANY(p_ids);
     RETURN victim_fact_set_id(u.sex, u.citizenships, u.forms, u.countries, u.pairs, u.is_child);
   END $$`,

  `CREATE FUNCTION victim_year_summary_writes_alone() RETURNS boolean LANGUAGE sql STABLE AS $$
     SELECT count(*) = 2 FROM pg_locks
     WHERE locktype = 'relation' AND pid = pg_backend_pid() AND mode = 'AccessExclusiveLock' AND granted
       AND relation IN ('victim_case'::regclass, 'person'::regclass)
   $$`,

  `CREATE FUNCTION victim_year_summary_refresh(p_persons uuid[], p_years integer[]) RETURNS void LANGUAGE plpgsql
   ${HASH_JOINS} AS $$
   BEGIN
     ${lockPersons('SELECT unnest($1::uuid[])', 'p_persons')}
     ${run(REFRESH_STATEMENT, '', 'p_persons, p_years')}
   END $$`,

  // Cases added: their facts join the person's facts of the year so far.
  `CREATE FUNCTION victim_year_summary_cases_added() RETURNS trigger LANGUAGE plpgsql ${HASH_JOINS} AS $$
   ${DECLARE_KEYS}
   BEGIN
     ${lockPersons(`SELECT person_id FROM added_cases WHERE nrm_status = 'identified' AND reporting_year IS NOT NULL`)}
     ${run(addStatement('added_cases'), 'persons, years')}
     IF persons IS NOT NULL THEN
       PERFORM victim_year_summary_refresh(persons, years);
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER victim_year_summary_cases_added AFTER INSERT ON victim_case
     REFERENCING NEW TABLE AS added_cases FOR EACH STATEMENT EXECUTE FUNCTION victim_year_summary_cases_added()`,

  // Cases changed: the person-years before and after, of the cases whose
  // person, year, status or facts changed (an anonymisation changes none).
  `CREATE FUNCTION victim_year_summary_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   ${DECLARE_KEYS}
   BEGIN
     ${refreshKeys(`
       SELECT k.person_id, k.reporting_year
       FROM old_cases o JOIN new_cases n ON n.id = o.id
       CROSS JOIN LATERAL (VALUES (o.person_id, o.reporting_year, o.nrm_status), (n.person_id, n.reporting_year, n.nrm_status))
         AS k(person_id, reporting_year, nrm_status)
       WHERE k.nrm_status = 'identified' AND k.reporting_year IS NOT NULL
         AND (o.person_id, o.reporting_year, o.nrm_status, o.forms, o.countries_of_exploitation, o.is_child)
             IS DISTINCT FROM (n.person_id, n.reporting_year, n.nrm_status, n.forms, n.countries_of_exploitation, n.is_child)`)}
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER victim_year_summary_cases_changed AFTER UPDATE ON victim_case
     REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION victim_year_summary_cases_changed()`,

  `CREATE FUNCTION victim_year_summary_cases_removed() RETURNS trigger LANGUAGE plpgsql AS $$
   ${DECLARE_KEYS}
   BEGIN
     ${refreshKeys(keysOf('removed_cases'))}
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER victim_year_summary_cases_removed AFTER DELETE ON victim_case
     REFERENCING OLD TABLE AS removed_cases FOR EACH STATEMENT EXECUTE FUNCTION victim_year_summary_cases_removed()`,

  `CREATE FUNCTION victim_year_summary_cases_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     TRUNCATE victim_year_summary;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER victim_year_summary_cases_truncated AFTER TRUNCATE ON victim_case
     FOR EACH STATEMENT EXECUTE FUNCTION victim_year_summary_cases_truncated()`,

  // A person's sex or citizenships changed: so did their fact set of every
  // year. The UPDATE already holds the persons' row locks.
  `CREATE FUNCTION victim_year_summary_persons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   ${DECLARE_KEYS}
   BEGIN
     ${refreshKeys(`
       SELECT DISTINCT c.person_id, c.reporting_year
       FROM old_persons o JOIN new_persons n ON n.id = o.id JOIN victim_case c ON c.person_id = n.id
       WHERE (o.sex, o.citizenships) IS DISTINCT FROM (n.sex, n.citizenships)
         AND c.nrm_status = 'identified' AND c.reporting_year IS NOT NULL`)}
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER victim_year_summary_persons_changed AFTER UPDATE ON person
     REFERENCING OLD TABLE AS old_persons NEW TABLE AS new_persons FOR EACH STATEMENT EXECUTE FUNCTION victim_year_summary_persons_changed()`,

  // The cases already recorded, with no writer meanwhile (and so no row locks).
  `LOCK TABLE victim_case, person IN ACCESS EXCLUSIVE MODE`,
  `SELECT victim_year_summary_refresh(array_agg(person_id), array_agg(reporting_year))
   FROM (${keysOf('victim_case')}) k`,
  `ANALYZE victim_fact_set`,
  `ANALYZE victim_year_summary`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
