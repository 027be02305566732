import { sql, type RawBuilder } from 'kysely';
import { PROGRAMME_REPORT_FIGURES } from '@opennrm/domain';
import type { Measure } from './report-measures.ts';
import type { ReportScope } from './report-populations.ts';

/**
 * The populations and measures of victims in proceedings (victimsInProceedingsFigures
 * in @opennrm/domain has the rules in words; docs/statistics.md). Plugged into
 * report-populations.ts and report-measures.ts. No free text (notes, counsel
 * names) is ever selected.
 */
export const PROCEEDINGS_POPULATIONS = ['programmes', 'heard'] as const;
export type ProceedingsPopulation = (typeof PROCEEDINGS_POPULATIONS)[number];

/** The table each population counts: figures are null while it holds no record at all. */
export const PROCEEDINGS_SOURCE_TABLES = {
  programmes: 'programme_participation',
  heard: 'victim_hearing',
} as const satisfies Record<ProceedingsPopulation, string>;

/**
 * Rows of a population. programmes: unit (person id), refs?, programmes (codes
 * the person took part in some day of the year). heard: unit (person id),
 * refs?, hearings (hearings held in the year).
 */
export function proceedingsPopulationSql(name: ProceedingsPopulation, scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  const refs = withRefs ? sql`, array_agg(DISTINCT vc.case_number) AS refs` : sql``;
  if (name === 'programmes')
    return sql`
      SELECT vc.person_id AS unit ${refs}, array_agg(DISTINCT pp.programme) AS programmes
      FROM programme_participation pp JOIN victim_case vc ON vc.id = pp.victim_case_id
      WHERE vc.nrm_status <> 'not_a_victim'
        AND pp.started_on < ${scope.nextFirstDay}::date
        AND (pp.ended_on IS NULL OR pp.ended_on >= ${scope.firstDay}::date)
      GROUP BY vc.person_id`;
  return sql`
    SELECT vc.person_id AS unit ${refs}, count(*)::int AS hearings
    FROM victim_hearing h JOIN victim_case vc ON vc.id = h.victim_case_id
    WHERE h.status = 'held' AND h.held_on >= ${scope.firstDay}::date AND h.held_on < ${scope.nextFirstDay}::date
    GROUP BY vc.person_id`;
}

/** Every computed figure of victimsInProceedingsFigures, by dotted path (a programme figure only when the profile names its programme). */
export function proceedingsMeasures(scope: ReportScope): [string, Measure][] {
  const programmes = scope.profile.victims_in_proceedings.programmes;
  const heard = { population: 'heard' as const, where: sql<boolean>`true` };
  return [
    ...PROGRAMME_REPORT_FIGURES.flatMap((path): [string, Measure][] => {
      const programme = programmes.find((p) => p.report_figure === path);
      if (!programme) return [];
      return [[path, { kind: 'count', population: 'programmes', where: sql<boolean>`(${programme.code}::text = ANY(programmes))` }]];
    }),
    ['interviews_per_victim.victims_heard', { kind: 'count', ...heard }],
    ['interviews_per_victim.hearings', { kind: 'sum', column: 'hearings', ...heard }],
    ['interviews_per_victim.mean', { kind: 'mean', column: 'hearings', ...heard }],
    ['interviews_per_victim.median', { kind: 'median', column: 'hearings', ...heard }],
    ['interviews_per_victim.max', { kind: 'max', column: 'hearings', ...heard }],
  ];
}
