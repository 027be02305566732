import { sql, type Kysely } from 'kysely';

/**
 * CTDC records stored by kind (docs/data-model.md, "CTDC records"; issue 2's
 * import target, bench/RESULTS.md "Import throughput").
 *
 * A line of a CTDC global dataset file is a de-identified statistical record
 * of IOM's dataset, not an NRM case: nobody works on it, nobody can be
 * traced from it, and it has no person behind it that this database could
 * erase or anonymise. Until now each line became a `person` and an identified
 * `victim_case`, which put a million anonymous rows in caseworkers' lists, the
 * GDPR purge and the JSON export's person records, and made an import some 30
 * times a plain COPY of the file. From here on they are stored by kind:
 *
 * - `ctdc_record_kind`: one row per import batch and distinct mapped line
 *   (everything the domain's ctdcRowMapper returns for a line: sex,
 *   citizenships, registration and reporting year, forms, sector, countries of
 *   exploitation, age band, child, recruitment, recruiter relationship, means
 *   of control), with `n` (how many lines of the file are of this kind) and
 *   `lines` (their line numbers, ascending: what the report's trace lists).
 *   `fact_set_id` is the victim fact set (migration 0016) a victim case with
 *   these facts would get, set by a trigger through migration 0016's
 *   victim_case_fact_set, so the report counts the kinds with the same
 *   predicates as the NRM's victims (report-populations.ts).
 *   Ids are UUIDv8 from the file's SHA-256 and the kind's first line
 *   (imports/import-batch.ts lineIds, table "ctdc_record_kind"): the same
 *   file gives the same ids in every database.
 *
 * Records imported before this migration move: every CTDC person with one
 * identified victim case, both as the import wrote them (`source_ref` "line
 * N" of a batch of kind "ctdc") and with no other record pointing at either,
 * becomes part of its kind, and the person and case are deleted (the
 * victim year summary's triggers drop their rows). A CTDC person or case that
 * a user has since linked to anything (a referral, a case team, a consent...)
 * or whose case is no longer identified stays a person and a victim case, so
 * that no caseworker's record loses its subject; the report counts both
 * kinds of record, so the figures are the same before and after.
 */
const KIND_COLUMNS = `sex, citizenships, registration_year, reporting_year, forms, sector, countries_of_exploitation, age_band,
  is_child, recruitment_methods, recruiter_relationship, means_of_control`;

const statements = [
  // lineIds (imports/import-batch.ts) in SQL: the id of line `p_line` of the file whose SHA-256 is
  // `p_file_sha256`, for table (or use) `p_table`. The importer's staged path and the report use it;
  // the CTDC import tests check it gives what lineIds gives.
  `CREATE FUNCTION opennrm_line_id(p_file_sha256 text, p_table text, p_line bigint) RETURNS uuid
   LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
     SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-8' || substr(h, 13, 3) || '-'
       || substr('89ab', (('x' || substr(h, 16, 1))::bit(4)::integer & 3) + 1, 1) || substr(h, 17, 3) || '-'
       || lpad(to_hex(p_line), 12, '0'))::uuid
     FROM (SELECT encode(sha256(convert_to(p_file_sha256 || ':' || p_table, 'UTF8')), 'hex') AS h) d
   $$`,
  `CREATE TABLE ctdc_record_kind (
     id uuid PRIMARY KEY,
     import_batch_id uuid NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
     sex text NOT NULL,
     citizenships text[] NOT NULL,
     registration_year integer,
     reporting_year integer,
     forms text[] NOT NULL,
     sector text,
     countries_of_exploitation text[] NOT NULL,
     age_band text,
     is_child boolean,
     recruitment_methods text[] NOT NULL,
     recruiter_relationship text,
     means_of_control text[] NOT NULL,
     fact_set_id integer NOT NULL REFERENCES victim_fact_set(id),
     n integer NOT NULL CHECK (n > 0),
     lines integer[] NOT NULL,
     CONSTRAINT ctdc_record_kind_lines CHECK (cardinality(lines) = n),
     CONSTRAINT ctdc_record_kind_once UNIQUE NULLS NOT DISTINCT (import_batch_id, ${KIND_COLUMNS})
   )`,
  // The report reads one reporting year's kinds.
  `CREATE INDEX ctdc_record_kind_year ON ctdc_record_kind (reporting_year) INCLUDE (fact_set_id, n)`,

  // The fact set of a kind, whoever writes it (the importer, the JSON import, a DBA): what
  // victim_year_summary_cases_added gives a person with one identified case of these facts.
  `CREATE FUNCTION ctdc_record_kind_fact_set() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.fact_set_id := victim_case_fact_set(NEW.sex, NEW.citizenships, NEW.forms, NEW.countries_of_exploitation,
       coalesce(NEW.is_child, false));
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER ctdc_record_kind_fact_set BEFORE INSERT OR UPDATE OF sex, citizenships, forms, countries_of_exploitation, is_child
     ON ctdc_record_kind FOR EACH ROW EXECUTE FUNCTION ctdc_record_kind_fact_set()`,

  // The CTDC persons and cases already imported, as the importer wrote them. No writer
  // meanwhile, so the victim year summary's triggers take no row locks (as in migration 0016).
  `LOCK TABLE victim_case, person IN ACCESS EXCLUSIVE MODE`,
  `CREATE TEMP TABLE ctdc_moving ON COMMIT DROP AS
   SELECT c.id AS case_id, c.person_id, c.import_batch_id, substr(c.source_ref, 6)::integer AS line
   FROM victim_case c JOIN person p ON p.id = c.person_id JOIN import_batch b ON b.id = c.import_batch_id
   WHERE b.kind = 'ctdc' AND p.import_batch_id = c.import_batch_id AND c.nrm_status = 'identified'
     AND c.source_ref ~ '^line [0-9]{1,9}$' AND p.source_ref = c.source_ref
     AND NOT EXISTS (SELECT 1 FROM victim_case o WHERE o.person_id = c.person_id AND o.id <> c.id)`,
  // Records pointing at one of them (every foreign key to victim_case or person but the
  // case's own person_id) keep it a person and a case.
  `DO $$
   DECLARE
     fk record;
   BEGIN
     FOR fk IN
       SELECT k.conrelid::regclass AS referencing, a.attname AS column_name, k.confrelid::regclass AS referenced
       FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       WHERE k.contype = 'f' AND k.confrelid IN ('victim_case'::regclass, 'person'::regclass)
         AND NOT (k.conrelid = 'victim_case'::regclass AND a.attname = 'person_id')
     LOOP
       EXECUTE format('DELETE FROM ctdc_moving m WHERE EXISTS (SELECT 1 FROM %s r WHERE r.%I = m.%I)',
         fk.referencing, fk.column_name, CASE WHEN fk.referenced = 'victim_case'::regclass THEN 'case_id' ELSE 'person_id' END);
     END LOOP;
   END $$`,
  `INSERT INTO ctdc_record_kind (id, import_batch_id, ${KIND_COLUMNS}, n, lines)
   SELECT opennrm_line_id(b.file_sha256, 'ctdc_record_kind', k.lines[1]), k.*
   FROM (SELECT c.import_batch_id, p.sex, p.citizenships, c.registration_year, c.reporting_year, c.forms, c.sector,
           c.countries_of_exploitation, c.age_band, c.is_child, c.recruitment_methods, c.recruiter_relationship,
           c.means_of_control, count(*)::integer AS n, array_agg(m.line ORDER BY m.line) AS lines
         FROM ctdc_moving m JOIN victim_case c ON c.id = m.case_id JOIN person p ON p.id = m.person_id
         GROUP BY c.import_batch_id, p.sex, p.citizenships, c.registration_year, c.reporting_year, c.forms, c.sector,
           c.countries_of_exploitation, c.age_band, c.is_child, c.recruitment_methods, c.recruiter_relationship,
           c.means_of_control) k
     JOIN import_batch b ON b.id = k.import_batch_id`,
  `DELETE FROM victim_case WHERE id IN (SELECT case_id FROM ctdc_moving)`,
  `DELETE FROM person WHERE id IN (SELECT person_id FROM ctdc_moving)`,
  `DROP TABLE ctdc_moving`,
  `ANALYZE ctdc_record_kind`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
