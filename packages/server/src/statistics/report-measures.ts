import { sql, type RawBuilder } from 'kysely';
import { nrmWorkflowMeasures } from './nrm-workflow-measures.ts';
import { proceedingsMeasures } from './proceedings-measures.ts';
import { prosecutionMeasures } from './prosecution-measures.ts';
import { byFormKeys, UNSPECIFIED_FORM, formsOfCategory, PROVIDER_SECTORS, SCREENING_OUTCOMES } from '@opennrm/domain';
import { formColumn, LABOUR_CATEGORY, placeColumn, sectorColumn, type PopulationName, type ReportScope } from './report-populations.ts';

/**
 * How each computed figure of the annual report is measured: the population
 * it counts (report-populations.ts) and the predicate a row must satisfy.
 * This is the one definition of each figure's SQL: computeAnnualReport counts
 * with it and traceFigure lists the rows with it. The prose rule of each
 * figure lives beside its path in @opennrm/domain (annualReportFigures).
 */

/** Rows of one population that satisfy a predicate. */
export interface Selection {
  population: PopulationName;
  where: RawBuilder<boolean>;
}

export type Measure =
  /** Number of rows selected. */
  | ({ kind: 'count' } & Selection)
  /** Smallest or largest value of `column` over the rows selected; null over none. */
  | ({ kind: 'min' | 'max'; column: string } & Selection)
  /** Sum of `column` over the rows selected (0 over none), or its mean rounded to 1 decimal (null over none). */
  | ({ kind: 'sum' | 'mean'; column: string } & Selection)
  /** Median of `column` over the rows selected (PostgreSQL percentile_cont(0.5)), rounded to 1 decimal; null over none. */
  | ({ kind: 'median'; column: string } & Selection)
  /** numerator / denominator rounded to 2 decimals; null when the denominator is 0. */
  | { kind: 'share'; numerator: Selection; denominator: Selection };

const TRUE = sql<boolean>`true`;
const col = (name: string) => sql<boolean>`${sql.ref(name)}`;

function byForm(
  population: PopulationName,
  base: string,
  scope: ReportScope,
  when: RawBuilder<boolean>,
  hasCategory: (category: string) => RawBuilder<boolean>,
  noForm: RawBuilder<boolean>,
): [string, Measure][] {
  return byFormKeys(scope.profile).map((category) => [
    `${base}.by_form.${category}`,
    {
      kind: 'count',
      population,
      where: category === UNSPECIFIED_FORM ? sql<boolean>`(${when} AND ${noForm})` : sql<boolean>`(${when} AND ${hasCategory(category)})`,
    },
  ]);
}

/**
 * Every computed figure's measure, by dotted path. Figures that need a
 * category the profile lacks (girls_sexual_exploitation without
 * `sexual_exploitation`, the labour figures without `labour_exploitation`)
 * are left out and so stay null.
 */
export function reportMeasures(scope: ReportScope): Map<string, Measure> {
  const { profile } = scope;
  const categories = profile.annual_report.form_categories;
  const measures = new Map<string, Measure>();
  const add = (path: string, measure: Measure) => measures.set(path, measure);
  const victims = (where: RawBuilder<boolean>): Measure => ({ kind: 'count', population: 'victims', where });

  const foreign = sql<boolean>`(cardinality(citizenships) > 0 AND NOT (${profile.country}::text = ANY(citizenships)))`;
  add('victims_identified.total', victims(TRUE));
  for (const [path, m] of byForm('victims', 'victims_identified', scope, TRUE, (c) => col(formColumn(c)), sql<boolean>`NOT any_form`))
    add(path, m);
  add('victims_identified.children', victims(sql<boolean>`child`));
  if ('sexual_exploitation' in categories)
    add(
      'victims_identified.girls_sexual_exploitation',
      victims(sql<boolean>`(child AND sex = 'female' AND ${col(formColumn('sexual_exploitation'))})`),
    );
  add('victims_identified.foreign_citizens', victims(foreign));
  if (LABOUR_CATEGORY in categories)
    add(
      'victims_identified.foreign_ukrainian_refugees_labour',
      victims(sql<boolean>`(${foreign} AND 'UA' = ANY(citizenships) AND ${col(formColumn(LABOUR_CATEGORY))})`),
    );
  for (const place of profile.annual_report.place_figures) {
    add(
      `victims_identified.${place.key}`,
      victims(sql<boolean>`(${place.citizens}::text = ANY(citizenships) AND ${col(placeColumn(place.key))})`),
    );
  }

  add('victims_referred_to_assistance', { kind: 'count', population: 'referred', where: TRUE });
  const byNgo: Selection = { population: 'assisted', where: sql<boolean>`by_ngo` };
  add('victims_assisted_by_ngos', { kind: 'count', ...byNgo });
  add('victims_assisted_share_of_identified', { kind: 'share', numerator: byNgo, denominator: { population: 'victims', where: TRUE } });

  add('screenings.total', { kind: 'count', population: 'screenings', where: TRUE });
  for (const context of profile.screening_contexts)
    add(`screenings.by_context.${context.code}`, {
      kind: 'count',
      population: 'screenings',
      where: sql<boolean>`(context = ${context.code})`,
    });
  for (const outcome of SCREENING_OUTCOMES)
    add(`screenings.by_outcome.${outcome}`, { kind: 'count', population: 'screenings', where: sql<boolean>`(outcome = ${outcome})` });
  add('victims_assisted.total', { kind: 'count', population: 'assisted', where: TRUE });
  for (const sector of PROVIDER_SECTORS)
    add(`victims_assisted.by_provider_sector.${sector}`, { kind: 'count', population: 'assisted', where: col(sectorColumn(sector)) });
  for (const [path, column] of [
    ['median_days_screening_to_referral', 'days_from_screening'],
    ['median_days_referral_to_first_service', 'days_to_first_service'],
  ] as const)
    add(path, { kind: 'median', column, population: 'referred', where: sql<boolean>`(${sql.ref(column)} IS NOT NULL)` });

  const caseHasCategory = (c: string) => sql<boolean>`(forms && ${[...formsOfCategory(profile, c)]}::text[])`;
  const caseHasNoForm = sql<boolean>`(cardinality(forms) = 0)`;
  add('investigations_new.total', { kind: 'count', population: 'trafficking_cases', where: TRUE });
  for (const [path, m] of byForm('trafficking_cases', 'investigations_new', scope, TRUE, caseHasCategory, caseHasNoForm)) add(path, m);

  const prosecuted = sql<boolean>`prosecuted_in_year`;
  add('suspects_prosecuted.total', { kind: 'count', population: 'trafficking_suspects', where: prosecuted });
  for (const [path, m] of byForm('trafficking_suspects', 'suspects_prosecuted', scope, prosecuted, caseHasCategory, caseHasNoForm))
    add(path, m);

  const convicted = sql<boolean>`convicted_in_year`;
  add('traffickers_convicted.total', { kind: 'count', population: 'trafficking_suspects', where: convicted });
  for (const [path, m] of byForm('trafficking_suspects', 'traffickers_convicted', scope, convicted, caseHasCategory, caseHasNoForm))
    add(path, m);

  const imprisoned = sql<boolean>`(convicted_in_year AND sentence_suspended IS NOT TRUE AND sentence_months IS NOT NULL)`;
  add('prison_sentence_range_months.min', {
    kind: 'min',
    column: 'sentence_months',
    population: 'trafficking_suspects',
    where: imprisoned,
  });
  add('prison_sentence_range_months.max', {
    kind: 'max',
    column: 'sentence_months',
    population: 'trafficking_suspects',
    where: imprisoned,
  });
  add('state_employees_investigated_and_prosecuted', {
    kind: 'count',
    population: 'trafficking_suspects',
    where: sql<boolean>`(state_employee AND (case_opened_in_year OR prosecuted_in_year))`,
  });

  if (LABOUR_CATEGORY in categories)
    add('labour_cases_share_in_romania', {
      kind: 'share',
      numerator: { population: 'victims', where: sql<boolean>`labour_in_country` },
      denominator: { population: 'victims', where: col(formColumn(LABOUR_CATEGORY)) },
    });
  for (const [path, m] of nrmWorkflowMeasures(scope)) add(path, m);
  for (const [path, m] of proceedingsMeasures(scope)) add(path, m);
  for (const [path, m] of prosecutionMeasures()) add(path, m);
  return measures;
}
