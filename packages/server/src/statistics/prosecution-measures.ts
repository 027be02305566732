import { sql, type RawBuilder } from 'kysely';
import type { Measure } from './report-measures.ts';
import type { ReportScope } from './report-populations.ts';

/**
 * The populations and measures of the criminal-proceedings figures issue 6
 * adds (prosecutionFigures in @opennrm/domain has the rules in words;
 * docs/statistics.md). Plugged into report-populations.ts and
 * report-measures.ts; the state-employee and sentence figures count the
 * existing trafficking_suspects population.
 */
export const PROSECUTION_POPULATIONS = ['closed_cases', 'joint_teams'] as const;
export type ProsecutionPopulation = (typeof PROSECUTION_POPULATIONS)[number];

/** The table each population counts: figures are null while it holds no record at all. */
export const PROSECUTION_SOURCE_TABLES = {
  closed_cases: 'criminal_case',
  joint_teams: 'criminal_case_cooperation',
} as const satisfies Record<ProsecutionPopulation, string>;

/**
 * Rows of a population. closed_cases: unit (case id), refs?, closure_reason, of
 * trafficking cases closed in the year. joint_teams: unit (cooperation id),
 * refs?, of joint investigation teams of trafficking cases concluded in the year.
 */
export function prosecutionPopulationSql(name: ProsecutionPopulation, scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  const refs = withRefs ? sql`, ARRAY[c.case_number] AS refs` : sql``;
  const trafficking = sql`c.offence_articles && ${[...scope.traffickingArticles]}::text[]`;
  const inYear = (column: RawBuilder<unknown>) => sql`(${column} >= ${scope.firstDay}::date AND ${column} < ${scope.nextFirstDay}::date)`;
  if (name === 'closed_cases')
    return sql`
      SELECT c.id AS unit ${refs}, c.closure_reason
      FROM criminal_case c
      WHERE c.closed_on IS NOT NULL AND ${inYear(sql`c.closed_on`)} AND ${trafficking}`;
  return sql`
    SELECT j.id AS unit ${refs}
    FROM criminal_case_cooperation j JOIN criminal_case c ON c.id = j.criminal_case_id
    WHERE j.kind = 'joint_investigation_team' AND j.concluded_on IS NOT NULL AND ${inYear(sql`j.concluded_on`)} AND ${trafficking}`;
}

/** Every computed figure of prosecutionFigures and the sentence median, by dotted path. */
export function prosecutionMeasures(): [string, Measure][] {
  const suspects = (where: RawBuilder<boolean>): Measure => ({ kind: 'count', population: 'trafficking_suspects', where });
  return [
    [
      'prison_sentence_range_months.median',
      {
        kind: 'median',
        column: 'sentence_months',
        population: 'trafficking_suspects',
        where: sql<boolean>`(convicted_in_year AND sentence_suspended IS NOT TRUE AND sentence_months IS NOT NULL)`,
      },
    ],
    [
      'cases_closed_statute_of_limitations',
      { kind: 'count', population: 'closed_cases', where: sql<boolean>`(closure_reason = 'statute_of_limitations')` },
    ],
    ['state_employees.investigated', suspects(sql<boolean>`(state_employee AND case_opened_in_year)`)],
    ['state_employees.prosecuted', suspects(sql<boolean>`(state_employee AND prosecuted_in_year)`)],
    ['state_employees.convicted', suspects(sql<boolean>`(state_employee AND convicted_in_year)`)],
    ['joint_investigation_teams_concluded', { kind: 'count', population: 'joint_teams', where: sql<boolean>`true` }],
  ];
}
