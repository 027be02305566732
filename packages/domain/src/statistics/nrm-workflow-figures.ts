import type { JurisdictionProfile } from '../profile/profile-schema.ts';
import type { FigureDefinition } from './annual-report.ts';
import { byFormKeys, formsOfCategory, UNSPECIFIED_FORM } from './form-categories.ts';

const ISSUE_4 = 'OpenNRM issue 4, points 3, 5 and 7 (anonymous notifications, foreign victims by residence status)';

/**
 * The annual report's figures of the NRM workflow (docs/statistics.md):
 * - anonymous_notifications: adults who declined, counted without identity.
 *   A separate figure, never added to victims_identified: a notification has
 *   no identity to deduplicate against identified victims, and a case closed
 *   as "declined" was never identified, so the two never hold the same case;
 *   a notification whose person came back (the case reopened) is withdrawn.
 *   Modelled on the UK's Duty to Notify figures, published beside NRM referrals.
 * - foreign_victims_by_residence_status: persons per residence status code of
 *   the profile, held some day of the year.
 */
export function nrmWorkflowFigures(profile: JurisdictionProfile): FigureDefinition[] {
  const notified =
    'anonymous notifications dated (notified_on) in the reporting year and not withdrawn (a person who came back into the ' +
    'mechanism counts through their case instead)';
  const held =
    'persons with a victim case not decided "not_a_victim" that holds a residence status in force some day of the reporting ' +
    'year (starts_on on or before its last day; expires_on absent or on or after its first day)';
  return [
    {
      path: 'anonymous_notifications.total',
      meaning: 'adult victims who declined referral and data sharing, notified anonymously in the year',
      unit: 'count',
      rule: `${notified}; reported beside victims_identified, never added to it`,
      source: `${ISSUE_4}; UK Home Office, Modern Slavery: NRM and Duty to Notify statistics (DtN reported separately)`,
    },
    ...byFormKeys(profile).map((category) => ({
      path: `anonymous_notifications.by_form.${category}`,
      meaning:
        category === UNSPECIFIED_FORM
          ? 'anonymous notifications with no known form of exploitation'
          : `anonymous notifications in the "${category}" category`,
      unit: 'count' as const,
      rule:
        category === UNSPECIFIED_FORM
          ? `${notified}, with no form recorded`
          : `${notified}, with at least one form in the category (${formsOfCategory(profile, category).join(', ')}); a notification with forms in two categories counts in both`,
      source: `${ISSUE_4}; profile annual_report.form_categories`,
    })),
    ...profile.nrm_workflow.residence_statuses.map((status) => ({
      path: `foreign_victims_by_residence_status.${status.code}`,
      meaning: `foreign victims holding "${status.name}" in the year`,
      unit: 'persons' as const,
      rule: `${held}, of status "${status.code}"; a person who held two statuses in the year counts under both`,
      source: `${ISSUE_4}; profile nrm_workflow.residence_statuses (${status.source})`,
    })),
  ];
}
