import { sql, type RawBuilder } from 'kysely';
import { daysFromScreening, daysToFirstService, localDay } from './referral-intervals.ts';
import { nrmWorkflowPopulationSql, type NrmWorkflowPopulation } from './nrm-workflow-measures.ts';
import { proceedingsPopulationSql, type ProceedingsPopulation } from './proceedings-measures.ts';
import { prosecutionPopulationSql, type ProsecutionPopulation } from './prosecution-measures.ts';
import { formsOfCategory, NON_GOVERNMENT_KINDS, PROVIDER_SECTORS, yearStart, type JurisdictionProfile } from '@opennrm/domain';

/**
 * The record sets the annual report counts, one SQL subquery each. Every
 * figure is a predicate over the rows of one population (report-measures.ts);
 * the report sums `n FILTER (WHERE predicate)` over the population's tally
 * (populationTallySql: the same columns, rows weighted by how many units they
 * stand for) and the trace lists the rows the same predicate selects, so a
 * published number and its list of records cannot drift apart.
 *
 * Each population row is one counted unit (a person or a suspect or a case)
 * with `unit` (its pseudonymous id) and, for traces only, `refs` (the case
 * numbers behind it). No identifying data is ever selected.
 */
export type PopulationName =
  | NrmWorkflowPopulation
  | ProceedingsPopulation
  | ProsecutionPopulation
  | 'victims'
  | 'referred'
  | 'assisted'
  | 'trafficking_cases'
  | 'trafficking_suspects'
  | 'screenings';

/** The year and profile a report is computed for, with the values its SQL binds. */
export interface ReportScope {
  profile: JurisdictionProfile;
  year: number;
  /** First day of the year and of the next, ISO dates (for `date` columns). */
  firstDay: string;
  nextFirstDay: string;
  /** Start of the year and of the next in the profile's time zone (for `timestamptz` columns). */
  startsAt: string;
  nextStartsAt: string;
  /** Offence articles the profile marks as trafficking. */
  traffickingArticles: string[];
}

/** Scope of reporting year `year` under `profile`. */
export function reportScope(profile: JurisdictionProfile, year: number): ReportScope {
  const day = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
  return {
    profile,
    year,
    firstDay: day(year),
    nextFirstDay: day(year + 1),
    startsAt: yearStart(year, profile.annual_report.time_zone),
    nextStartsAt: yearStart(year + 1, profile.annual_report.time_zone),
    traffickingArticles: profile.offences.filter((o) => o.trafficking).map((o) => o.article),
  };
}

/** Column of the victims population that says a person has a form in `category`. */
export function formColumn(category: string): string {
  return `form_${category}`;
}

/** Column of the victims population that says a person was exploited in the place figure `key`. */
export function placeColumn(key: string): string {
  return `place_${key}`;
}

/** The labour category the labour figures refer to (a key of the published report). */
export const LABOUR_CATEGORY = 'labour_exploitation';

const textArray = (values: readonly string[]) => sql`${[...values]}::text[]`;

function inYear(column: RawBuilder<unknown>, scope: ReportScope): RawBuilder<boolean> {
  return sql<boolean>`(${column} >= ${scope.firstDay}::date AND ${column} < ${scope.nextFirstDay}::date)`;
}

/**
 * The fact columns of the victims population, as predicates over one fact
 * set `fs` (victim_fact_set, migration 0016): the profile's form
 * categories, place figures and country applied to the raw facts the
 * summary keeps, so that changing the profile needs no rebuild.
 */
function victimFactColumns(scope: ReportScope): RawBuilder<unknown> {
  const { profile } = scope;
  const labourInCountry = formsOfCategory(profile, LABOUR_CATEGORY).map((form) => `${profile.country}:${form}`);
  const columns: [string, RawBuilder<unknown>][] = [
    ['any_form', sql`cardinality(fs.forms) > 0`],
    ...Object.keys(profile.annual_report.form_categories).map((category): [string, RawBuilder<unknown>] => [
      formColumn(category),
      sql`fs.forms && ${textArray(formsOfCategory(profile, category))}`,
    ]),
    ['child', sql`fs.is_child`],
    ...profile.annual_report.place_figures.map((place): [string, RawBuilder<unknown>] => [
      placeColumn(place.key),
      sql`fs.countries_of_exploitation && ${textArray(place.countries ?? profile.country_groups[place.country_group ?? ''] ?? [])}`,
    ]),
    // A form of labour exploitation and the country in one and the same case.
    ['labour_in_country', sql`fs.forms_by_country && ${textArray(labourInCountry)}`],
  ];
  return sql.join(columns.map(([column, holds]) => sql`${holds} AS ${sql.id(column)}`));
}

/**
 * Identified victims of the year: one row per person, read from the victim
 * year summary (migration 0016, kept by triggers), and one row per line of
 * an imported CTDC file registered in the year (ctdc_record_kind, migration
 * 0022: de-identified statistical records stored by kind, each line one
 * victim, as each line was one person with one identified case before). A
 * person counts in a category when any of their identified cases of the
 * year has a form in it, has no known form only when none of those cases
 * has one, and is a child when any of those cases says so.
 *
 * Rows: unit (person id, or a CTDC line's id: UUIDv8 of the file's SHA-256
 * and the line, lineIds(sha, "ctdc_record") in SQL), refs? (the person's case
 * numbers, or "<file name> line <N>"), sex, citizenships,
 * any_form, form_<category>…, child, place_<key>…, labour_in_country.
 */
function victims(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  const refs = sql`, (SELECT array_agg(vc.case_number ORDER BY vc.case_number) FROM victim_case vc
      WHERE vc.person_id = s.person_id AND vc.reporting_year = s.reporting_year AND vc.nrm_status = 'identified') AS refs`;
  const ctdcRefs = sql`, ARRAY[b.file_name || ' line ' || l.line] AS refs`;
  return sql`
    SELECT s.person_id AS unit ${withRefs ? refs : sql``}, fs.sex, fs.citizenships, ${victimFactColumns(scope)}
    FROM victim_year_summary s JOIN victim_fact_set fs ON fs.id = s.fact_set_id
    WHERE s.reporting_year = ${scope.year}
    UNION ALL
    SELECT opennrm_line_id(b.file_sha256, 'ctdc_record', l.line) AS unit ${withRefs ? ctdcRefs : sql``}, fs.sex, fs.citizenships,
      ${victimFactColumns(scope)}
    FROM ctdc_record_kind k JOIN victim_fact_set fs ON fs.id = k.fact_set_id JOIN import_batch b ON b.id = k.import_batch_id
      CROSS JOIN LATERAL unnest(k.lines) AS l(line)
    WHERE k.reporting_year = ${scope.year}`;
}

/**
 * The victims population tallied: one row per fact set of the year with `n`,
 * the number of victims who have it: persons of the victim year summary (an
 * index-only scan of its primary key, no fold, no join with the persons)
 * plus the CTDC lines of the year's kinds. The same columns as victims(), so
 * every figure's predicate applies unchanged, over a few hundred rows rather
 * than one per victim.
 */
function victimsTally(scope: ReportScope): RawBuilder<unknown> {
  return sql`
    SELECT fs.sex, fs.citizenships, ${victimFactColumns(scope)}, y.n
    FROM (SELECT fact_set_id, sum(n) AS n
          FROM (SELECT fact_set_id, count(*) AS n FROM victim_year_summary WHERE reporting_year = ${scope.year} GROUP BY fact_set_id
                UNION ALL
                SELECT fact_set_id, sum(n) AS n FROM ctdc_record_kind WHERE reporting_year = ${scope.year} GROUP BY fact_set_id) AS both_kinds
          GROUP BY fact_set_id) AS y
      JOIN victim_fact_set fs ON fs.id = y.fact_set_id`;
}

/**
 * Persons with a referral sent in the year (any status). Rows: unit (person id), refs?,
 * days_from_screening (from the earliest screening a case of the person was opened from, on or
 * before the first referral of the year, to that referral; null when none) and
 * days_to_first_service (from that first referral to the first assistance started on or after
 * it; null when none). Days are local calendar days of the profile's time zone
 * (referral-intervals.ts). Once the retention purge has generalised the person's referrals, their
 * dates say only the year: the intervals are those it wrote on them before (`intervals_kept`,
 * migration 0017).
 */
function referred(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  const tz = scope.profile.annual_report.time_zone;
  const unit = sql`ref.unit`;
  const first = sql`ref.first_referred_on`;
  return sql`
    SELECT ref.unit ${withRefs ? sql`, ref.refs` : sql``},
      CASE WHEN ref.kept THEN ref.kept_days_from_screening ELSE ${daysFromScreening(unit, first, tz)} END AS days_from_screening,
      CASE WHEN ref.kept THEN ref.kept_days_to_first_service ELSE ${daysToFirstService(unit, first, tz)} END AS days_to_first_service
    FROM (SELECT vc.person_id AS unit ${withRefs ? sql`, array_agg(DISTINCT vc.case_number) AS refs` : sql``},
            ${localDay(sql`min(r.sent_at)`, tz)} AS first_referred_on,
            bool_or(r.intervals_kept) AS kept,
            min(r.days_from_screening) AS kept_days_from_screening,
            min(r.days_to_first_service) AS kept_days_to_first_service
          FROM referral r JOIN victim_case vc ON vc.id = r.victim_case_id
          WHERE r.sent_at >= ${scope.startsAt}::timestamptz AND r.sent_at < ${scope.nextStartsAt}::timestamptz
          GROUP BY vc.person_id) AS ref`;
}

/** Column of the assisted population that says a person was assisted by the sector (PROVIDER_SECTORS). */
export function sectorColumn(sector: string): string {
  return `sector_${sector}`;
}

/** "The provider organisation `o` is of the sector", from its kind (NON_GOVERNMENT_KINDS). */
function sectorHolds(sector: (typeof PROVIDER_SECTORS)[number]): RawBuilder<unknown> {
  if (sector !== 'government') return sql`o.kind = ANY(${textArray(NON_GOVERNMENT_KINDS[sector])})`;
  return sql`NOT (o.kind = ANY(${textArray(Object.values(NON_GOVERNMENT_KINDS).flat())}))`;
}

/**
 * Screenings recorded in the year (profile time zone). Rows: unit (screening id), refs (the case
 * number of the case opened from it, if any), context, outcome.
 */
function screenings(scope: ReportScope): RawBuilder<unknown> {
  return sql`
    SELECT s.id AS unit, array_remove(ARRAY[vc.case_number], NULL) AS refs, s.context, s.outcome
    FROM screening s LEFT JOIN victim_case vc ON vc.id = s.victim_case_id
    WHERE s.recorded_at >= ${scope.startsAt}::timestamptz AND s.recorded_at < ${scope.nextStartsAt}::timestamptz`;
}

/**
 * Persons with assistance started in the year, and started by today (profile time zone): a planned service
 * (docs/services.md) is not assistance received until it starts. Rows: unit (person id), refs?, by_ngo,
 * sector_<sector>… (sectorColumn).
 */
function assisted(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  return sql`
    SELECT vc.person_id AS unit ${withRefs ? sql`, array_agg(DISTINCT vc.case_number) AS refs` : sql``},
      bool_or(o.kind = 'ngo') AS by_ngo,
      ${sql.join(PROVIDER_SECTORS.map((sector) => sql`bool_or(${sectorHolds(sector)}) AS ${sql.id(sectorColumn(sector))}`))}
    FROM assistance a
      JOIN victim_case vc ON vc.id = a.victim_case_id
      JOIN organisation o ON o.id = a.provider_organisation_id
    WHERE ${inYear(sql`a.started_on`, scope)}
      AND a.started_on <= (now() AT TIME ZONE ${scope.profile.annual_report.time_zone})::date
    GROUP BY vc.person_id`;
}

/** Trafficking criminal cases opened in the year. Rows: unit (case id), refs, forms. */
function traffickingCases(scope: ReportScope): RawBuilder<unknown> {
  return sql`
    SELECT c.id AS unit, ARRAY[c.case_number] AS refs, c.forms
    FROM criminal_case c
    WHERE ${inYear(sql`c.opened_on`, scope)} AND c.offence_articles && ${textArray(scope.traffickingArticles)}`;
}

/**
 * Suspects of trafficking cases with something in the year: case opened,
 * prosecuted, or a verdict. Rows: unit (suspect id), refs (case number),
 * forms (the case's), state_employee, case_opened_in_year,
 * prosecuted_in_year, convicted_in_year, sentence_months, sentence_suspended.
 */
function traffickingSuspects(scope: ReportScope): RawBuilder<unknown> {
  const opened = inYear(sql`c.opened_on`, scope);
  const prosecuted = inYear(sql`s.prosecuted_on`, scope);
  const decided = inYear(sql`s.verdict_on`, scope);
  return sql`
    SELECT s.id AS unit, ARRAY[c.case_number] AS refs, c.forms, s.state_employee,
      ${opened} AS case_opened_in_year,
      coalesce(${prosecuted}, false) AS prosecuted_in_year,
      coalesce(s.verdict = 'convicted' AND ${decided}, false) AS convicted_in_year,
      s.sentence_months, s.sentence_suspended
    FROM suspect s JOIN criminal_case c ON c.id = s.criminal_case_id
    WHERE c.offence_articles && ${textArray(scope.traffickingArticles)}
      AND (${opened} OR ${prosecuted} OR ${decided})`;
}

/**
 * The rows of a population, each weighted by `n`, the number of units it
 * stands for: sum(n) over the rows a predicate selects is the number of units
 * it counts. The victims are tallied (victimsTally); the other populations are
 * small and keep one row per unit (n = 1).
 */
export function populationTallySql(name: PopulationName, scope: ReportScope): RawBuilder<unknown> {
  if (name === 'victims') return victimsTally(scope);
  return sql`SELECT pop.*, 1 AS n FROM (${populationSql(name, scope, false)}) AS pop`;
}

/**
 * The SQL of a population for a scope.
 * @param withRefs also select `refs`, the case numbers (traces only: it costs an aggregate).
 */
export function populationSql(name: PopulationName, scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  switch (name) {
    case 'anonymous_notifications':
    case 'residence':
      return nrmWorkflowPopulationSql(name, scope, withRefs);
    case 'programmes':
    case 'heard':
      return proceedingsPopulationSql(name, scope, withRefs);
    case 'closed_cases':
    case 'joint_teams':
      return prosecutionPopulationSql(name, scope, withRefs);
    case 'victims':
      return victims(scope, withRefs);
    case 'referred':
      return referred(scope, withRefs);
    case 'assisted':
      return assisted(scope, withRefs);
    case 'trafficking_cases':
      return traffickingCases(scope);
    case 'trafficking_suspects':
      return traffickingSuspects(scope);
    case 'screenings':
      return screenings(scope);
  }
}
