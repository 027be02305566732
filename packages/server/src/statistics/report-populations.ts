import { sql, type RawBuilder } from 'kysely';
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
export type PopulationName = 'victims' | 'referred' | 'assisted' | 'trafficking_cases' | 'trafficking_suspects' | 'screenings';

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
 * A case-level fact of the victims population: a predicate over one victim
 * case `vc`, false whenever the array named by `needs` is empty.
 */
interface CaseFact {
  column: string;
  holds: RawBuilder<unknown>;
  needs?: 'vc.forms' | 'vc.countries_of_exploitation';
}

/**
 * The case-level facts of the victims population, in bit order. A person has
 * a fact when any of their identified cases of the year has it.
 */
function victimCaseFacts(scope: ReportScope): CaseFact[] {
  const { profile } = scope;
  const labourForms = formsOfCategory(profile, LABOUR_CATEGORY);
  return [
    { column: 'any_form', holds: sql`true`, needs: 'vc.forms' },
    ...Object.keys(profile.annual_report.form_categories).map((category): CaseFact => ({
      column: formColumn(category),
      holds: sql`vc.forms && ${textArray(formsOfCategory(profile, category))}`,
      needs: 'vc.forms',
    })),
    { column: 'child', holds: sql`vc.is_child IS TRUE` },
    ...profile.annual_report.place_figures.map((place): CaseFact => ({
      column: placeColumn(place.key),
      holds: sql`vc.countries_of_exploitation && ${textArray(place.countries ?? profile.country_groups[place.country_group ?? ''] ?? [])}`,
      needs: 'vc.countries_of_exploitation',
    })),
    {
      column: 'labour_in_country',
      holds: sql`vc.forms && ${textArray(labourForms)} AND ${profile.country}::text = ANY(vc.countries_of_exploitation)`,
      needs: 'vc.forms',
    },
  ];
}

/**
 * One victim case's facts as a bigint, bit i for fact i. Facts that need a
 * non-empty array are tested only when it is not empty: most records leave
 * form or country unknown, and array tests are the costliest part of the fold.
 */
function caseFactBits(facts: CaseFact[]): RawBuilder<unknown> {
  const bit = (fact: CaseFact) => {
    const i = facts.indexOf(fact);
    return sql`CASE WHEN ${fact.holds} THEN ${sql.lit(2 ** i)}::bigint ELSE 0::bigint END`;
  };
  const parts = [
    ...facts.filter((f) => !f.needs).map(bit),
    ...(['vc.forms', 'vc.countries_of_exploitation'] as const).flatMap((array) => {
      const guarded = facts.filter((f) => f.needs === array);
      if (guarded.length === 0) return [];
      return [sql`CASE WHEN cardinality(${sql.raw(array)}) = 0 THEN 0::bigint ELSE ${sql.join(guarded.map(bit), sql` | `)} END`];
    }),
  ];
  return sql.join(parts, sql` | `);
}

/**
 * Identified victims of the year folded per person: one row per person with
 * `facts`, a bigint with one bit per case fact (victimCaseFacts). A person
 * counts in a category when any of their identified cases of the year has a
 * form in it, and has no known form only when none of those cases has one.
 * The fold reads only the covering index victim_case_report (migration 0005),
 * in person order, with one bit_or per person rather than one bool_or per fact.
 */
function foldedVictims(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  const facts = victimCaseFacts(scope);
  if (facts.length > 63) throw new RangeError(`the victims population has ${facts.length} facts; a bigint holds 63`);
  return sql`
    SELECT p.id AS unit ${withRefs ? sql`, cases.refs` : sql``}, p.sex, p.citizenships, cases.facts
    FROM (SELECT vc.person_id ${withRefs ? sql`, array_agg(vc.case_number ORDER BY vc.case_number) AS refs` : sql``},
            bit_or(${caseFactBits(facts)}) AS facts
          FROM victim_case vc
          WHERE vc.reporting_year = ${scope.year} AND vc.nrm_status = 'identified'
          GROUP BY vc.person_id) AS cases
      JOIN person p ON p.id = cases.person_id`;
}

/** The fact columns of the victims population (victimCaseFacts), read from the `facts` bits. */
function victimColumns(scope: ReportScope): RawBuilder<unknown> {
  return sql.join(victimCaseFacts(scope).map(({ column }, i) => sql`(facts & ${sql.lit(2 ** i)}::bigint) <> 0 AS ${sql.id(column)}`));
}

/**
 * Identified victims of the year, one row per person (foldedVictims).
 *
 * Rows: unit (person id), refs?, sex, citizenships, any_form, form_<category>…,
 * child, place_<key>…, labour_in_country.
 */
function victims(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  return sql`
    SELECT unit ${withRefs ? sql`, refs` : sql``}, sex, citizenships, ${victimColumns(scope)}
    FROM (${foldedVictims(scope, withRefs)}) AS folded`;
}

/**
 * The victims population tallied: one row per distinct (sex, citizenships,
 * facts) with `n`, the number of persons alike. The same columns as
 * victims(), so every figure's predicate applies unchanged, over a few dozen
 * rows rather than one per victim.
 */
function victimsTally(scope: ReportScope): RawBuilder<unknown> {
  return sql`
    SELECT sex, citizenships, ${victimColumns(scope)}, n
    FROM (SELECT sex, citizenships, facts, count(*) AS n
          FROM (${foldedVictims(scope, false)}) AS folded
          GROUP BY sex, citizenships, facts) AS alike`;
}

/**
 * Persons with a referral sent in the year (any status). Rows: unit (person id), refs?,
 * days_from_screening (from the earliest screening a case of the person was opened from, on or
 * before the first referral of the year, to that referral; null when none) and
 * days_to_first_service (from that first referral to the first assistance started on or after
 * it; null when none). Days are local calendar days of the profile's time zone.
 */
function referred(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  const tz = scope.profile.annual_report.time_zone;
  const localDay = (instant: RawBuilder<unknown>) => sql`(${instant} AT TIME ZONE ${tz})::date`;
  return sql`
    SELECT ref.*,
      ref.first_referred_on - (
        SELECT min(${localDay(sql`s.recorded_at`)}) FROM screening s JOIN victim_case sv ON sv.id = s.victim_case_id
        WHERE sv.person_id = ref.unit AND ${localDay(sql`s.recorded_at`)} <= ref.first_referred_on) AS days_from_screening,
      (SELECT min(a.started_on) FROM assistance a JOIN victim_case av ON av.id = a.victim_case_id
        WHERE av.person_id = ref.unit AND a.started_on >= ref.first_referred_on) - ref.first_referred_on AS days_to_first_service
    FROM (SELECT vc.person_id AS unit ${withRefs ? sql`, array_agg(DISTINCT vc.case_number) AS refs` : sql``},
            ${localDay(sql`min(r.sent_at)`)} AS first_referred_on
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

/** Persons with assistance started in the year. Rows: unit (person id), refs?, by_ngo, sector_<sector>… (sectorColumn). */
function assisted(scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  return sql`
    SELECT vc.person_id AS unit ${withRefs ? sql`, array_agg(DISTINCT vc.case_number) AS refs` : sql``},
      bool_or(o.kind = 'ngo') AS by_ngo,
      ${sql.join(PROVIDER_SECTORS.map((sector) => sql`bool_or(${sectorHolds(sector)}) AS ${sql.id(sectorColumn(sector))}`))}
    FROM assistance a
      JOIN victim_case vc ON vc.id = a.victim_case_id
      JOIN organisation o ON o.id = a.provider_organisation_id
    WHERE ${inYear(sql`a.started_on`, scope)}
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
