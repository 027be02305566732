import type { FormOfExploitation } from '../nrm/codes.ts';
import type { JurisdictionProfile } from '../profile/profile-schema.ts';

/** Key of the `by_form` entry that counts victims or cases with no known form of exploitation. */
export const UNSPECIFIED_FORM = 'unspecified';

/**
 * The `by_form` keys of a report, in profile order: one per category of the
 * profile's `annual_report.form_categories`, then `unspecified`.
 *
 * @example byFormKeys(romania) // ['sexual_exploitation', 'labour_exploitation', 'other_exploitation', 'unspecified']
 */
export function byFormKeys(profile: JurisdictionProfile): string[] {
  return [...Object.keys(profile.annual_report.form_categories), UNSPECIFIED_FORM];
}

/** The detailed forms a report category counts, or an empty list for an unknown category. */
export function formsOfCategory(profile: JurisdictionProfile, category: string): readonly FormOfExploitation[] {
  return profile.annual_report.form_categories[category] ?? [];
}

/**
 * The report categories a set of detailed forms falls in. Counting rule
 * (docs/statistics.md, "by_form"): a record counts in every category one of
 * whose forms it has, so a victim exploited in two categories counts in both;
 * a record with no known form counts only in `unspecified`. Forms the profile
 * maps to no category count in none.
 *
 * @returns category keys in profile order.
 */
export function categoriesOfForms(profile: JurisdictionProfile, forms: readonly string[]): string[] {
  if (forms.length === 0) return [UNSPECIFIED_FORM];
  return Object.entries(profile.annual_report.form_categories)
    .filter(([, members]) => members.some((form) => forms.includes(form)))
    .map(([category]) => category);
}
