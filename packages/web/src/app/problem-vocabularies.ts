/**
 * Where the web app finds the label of a code that a refusal's parameter
 * holds (a status, a service, a value type): the vocabulary a catalogue rule
 * names in `codes` (@opennrm/domain PROBLEM_RULES, e.g. `codes: { status: 'nrm_status' }`)
 * mapped to the i18n key prefix of its labels, `namespace:prefix.`. The code is
 * appended to the prefix, so `nrm_status: 'app:nrm_status.'` shows the code
 * "presumed" as t('app:nrm_status.presumed'). Reuse the labels a screen already
 * has; a code without a label is shown as it is (problem-text.ts).
 *
 * A unit test (test/problem-translations.test.ts) fails when a vocabulary of
 * the catalogue is missing here.
 */
export const PROBLEM_VOCABULARIES: Readonly<Record<string, string>> = {
  // zod's type names and string formats (common rules wrong_type and bad_format): labels in problems/common.
  value_type: 'problems:types.',
  value_format: 'problems:formats.',
  nrm_status: 'app:nrm_status.',
  // Criminal proceedings and compensation (rules/proceedings.ts): the labels the proceedings screens show.
  criminal_case_stage: 'proceedings:stage.',
  procedural_event_kind: 'proceedings:event.',
  procedural_term: 'proceedings:term.',
  // In a sentence ("a planned hearing was not held"): the lower-case labels, not the list's capitalised ones.
  hearing_status: 'proceedings:hearings.status_in_sentence.',
  hearing_setting: 'proceedings:hearings.setting.',
  compensation_route: 'proceedings:compensation.route.',
  organisation_kind: 'admin:kind.',
  // Screening, victim cases, the NRM workflow, referrals and services (rules/cases.ts): the labels those screens show.
  age_group: 'app:age_group.',
  exploitation_type: 'app:exploitation.',
  nrm_workflow_state: 'case:workflow_state.',
  nrm_event: 'case:event.',
  closure_ground: 'case:ground.',
  referral_status: 'case:referral_status.',
  service: 'case:service.',
  // A request field named in a rule's text (date_before_other_field {other: "occurred_on"}): the field labels of problems/common.
  request_field: 'problems:fields.',
};

/**
 * The namespaces a refusal's words come from: "problems" and every namespace
 * holding a vocabulary's labels. A screen showing refusals loads them all
 * (useTranslation(PROBLEM_NAMESPACES, { useSuspense: false })): the referrals
 * inbox would otherwise show a referral status from the case namespace as its
 * raw code.
 */
export const PROBLEM_NAMESPACES: readonly string[] = [
  ...new Set(['problems', ...Object.values(PROBLEM_VOCABULARIES).map((prefix) => prefix.slice(0, prefix.indexOf(':')))]),
];
