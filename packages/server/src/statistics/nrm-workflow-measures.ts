import { sql, type RawBuilder } from 'kysely';
import { byFormKeys, formsOfCategory, UNSPECIFIED_FORM } from '@opennrm/domain';
import type { Measure } from './report-measures.ts';
import type { ReportScope } from './report-populations.ts';

/**
 * The NRM workflow's populations and measures of the annual report
 * (nrmWorkflowFigures in @opennrm/domain has the rules in words;
 * docs/statistics.md). Plugged into report-populations.ts and report-measures.ts.
 */
export const NRM_WORKFLOW_POPULATIONS = ['anonymous_notifications', 'residence'] as const;
export type NrmWorkflowPopulation = (typeof NRM_WORKFLOW_POPULATIONS)[number];

/** The table each population counts: figures are null while it holds no record at all. */
export const NRM_WORKFLOW_SOURCE_TABLES = {
  anonymous_notifications: 'anonymous_notification',
  residence: 'residence_status',
} as const satisfies Record<NrmWorkflowPopulation, string>;

/**
 * Rows of a population. anonymous_notifications: unit (notification id),
 * refs (none: no case), forms. residence: unit (person id), refs (case
 * numbers), statuses (codes held in the year).
 */
export function nrmWorkflowPopulationSql(name: NrmWorkflowPopulation, scope: ReportScope, withRefs: boolean): RawBuilder<unknown> {
  if (name === 'anonymous_notifications')
    return sql`
      SELECT n.id AS unit, ARRAY[]::text[] AS refs, n.forms
      FROM anonymous_notification n
      WHERE n.notified_on >= ${scope.firstDay}::date AND n.notified_on < ${scope.nextFirstDay}::date AND n.withdrawn_on IS NULL`;
  return sql`
    SELECT vc.person_id AS unit ${withRefs ? sql`, array_agg(DISTINCT vc.case_number) AS refs` : sql``},
      array_agg(DISTINCT rs.status) AS statuses
    FROM residence_status rs JOIN victim_case vc ON vc.id = rs.victim_case_id
    WHERE vc.nrm_status <> 'not_a_victim'
      AND rs.starts_on < ${scope.nextFirstDay}::date
      AND (rs.expires_on IS NULL OR rs.expires_on >= ${scope.firstDay}::date)
    GROUP BY vc.person_id`;
}

/** Every figure of nrmWorkflowFigures, by dotted path. */
export function nrmWorkflowMeasures(scope: ReportScope): [string, Measure][] {
  const { profile } = scope;
  const notice = (where: RawBuilder<boolean>): Measure => ({ kind: 'count', population: 'anonymous_notifications', where });
  return [
    ['anonymous_notifications.total', notice(sql<boolean>`true`)],
    ...byFormKeys(profile).map((category): [string, Measure] => [
      `anonymous_notifications.by_form.${category}`,
      notice(
        category === UNSPECIFIED_FORM
          ? sql<boolean>`(cardinality(forms) = 0)`
          : sql<boolean>`(forms && ${[...formsOfCategory(profile, category)]}::text[])`,
      ),
    ]),
    ...profile.nrm_workflow.residence_statuses.map((status): [string, Measure] => [
      `foreign_victims_by_residence_status.${status.code}`,
      { kind: 'count', population: 'residence', where: sql<boolean>`(${status.code}::text = ANY(statuses))` },
    ]),
  ];
}
