import type { ProblemRule } from '../problem.ts';

/**
 * Rules of screening, victim cases, the NRM workflow, referrals, services, accounts and the other routes outside
 * proceedings (server/src/screenings, victim-cases, nrm-workflow, referrals, assistance, service-directory, gdpr,
 * accounts, access, audit, ...). Parameters named `date` or ending in `_on` are ISO dates; `values` and `fields` are
 * comma-separated lists of codes of the profile, shown as they are. A parameter in `codes` holds one code of the
 * named vocabulary (web: problem-vocabularies.ts); `field` and `other` hold a request field name. The generic
 * date_before_other_date, date_before_other_field and no_organisation_with_ref are proceedings.ts's, used here too.
 */
export const casesRules = {
  // Screening (domain screening/evaluate-screening.ts, screening-record.ts; server screenings/).
  age_not_whole_years: { text: '{{age}} is not an age in whole years' },
  age_group_contradicts_age: {
    text: '"{{age_group}}" contradicts age {{age}} (child under {{child_age}})',
    codes: { age_group: 'age_group' },
  },
  screening_no_such_set: { text: 'no set "{{set}}" in instrument {{instrument}}; sets: {{values}}' },
  screening_set_for_other_victims: {
    text: 'set "{{set}}" is for {{set_victim}} victims, not {{victim}} victims',
    codes: { set_victim: 'age_group', victim: 'age_group' },
  },
  screening_set_for_other_exploitation: {
    text: 'set "{{set}}" is for {{set_exploitation}} exploitation, not {{exploitation}}',
    codes: { set_exploitation: 'exploitation_type', exploitation: 'exploitation_type' },
  },
  screening_victim_type_missing: { text: 'give the set, the victim type (adult or child) or the age' },
  screening_exploitation_missing: { text: 'give the set or the exploitation type (labour or sexual)' },
  screening_no_set_for: {
    text: 'instrument {{instrument}} has no set for {{victim}} victims of {{exploitation}} exploitation',
    codes: { victim: 'age_group', exploitation: 'exploitation_type' },
  },
  screening_set_not_transcribed: {
    text: 'set "{{set}}" of instrument {{instrument}} is not transcribed yet, so it cannot be screened (see the instrument\'s gaps)',
  },
  screening_answers_not_object: { text: 'give an object of question id -> yes, no or unknown' },
  screening_not_a_question: { text: 'not a question of set "{{set}}" in instrument {{instrument}}' },
  screening_answer_not_allowed: { text: 'is not one of {{values}}' },
  recorded_after_server_clock: {
    text: "more than {{minutes}} minutes after the server's clock: check the device's date and time",
  },
  not_a_region_of_profile: { text: 'not a region of profile {{profile}}' },
  not_a_screening_context: { text: 'not a screening context of profile {{profile}}: {{values}}' },
  screening_found_no_indicators: {
    text: "screening {{screening_id}} found no indicators (server's evaluation): no victim case is opened from it; screen again if new facts appear",
  },
  screening_id_of_another_user: {
    text: 'a screening with this id was recorded by another user; the client must generate a new id',
  },
  screening_revision_differs: {
    text: 'revision {{revision}} was already received with different content; send the edit as revision {{next}}',
  },
  screening_revision_older: {
    text: 'the server holds revision {{revision}} (received {{received_at, datetime}}); revision {{sent}} is older and was not applied',
  },
  screening_closed_by_case: {
    text: 'victim case {{victim_case_id}} was opened from revision {{revision}}; the screening is closed: record changes on the case',
  },

  // Victim cases (domain victims/victim-case-rules.ts; server victim-cases/).
  status_date_required: { text: 'required when nrm_status is {{status}}', codes: { status: 'nrm_status' } },
  status_date_must_be_empty: { text: 'must be empty when nrm_status is {{status}}', codes: { status: 'nrm_status' } },
  date_in_future: { text: 'must not be in the future (after {{date, datetime}})' },
  date_before_birth_year: { text: "must not be before the person's year of birth ({{year}})" },
  region_not_in_profile: { text: '"{{region}}" is not a region of the {{profile}} profile' },
  age_band_reversed: { text: 'age band "{{age_band}}" ends before it starts' },
  no_person_with_id: { text: 'no person with this id' },
  no_victim_case_with_id: { text: 'no victim case with this id' },
  victim_case_number_taken: { text: 'A victim case with this case_number exists.' },
  no_user_of_owning_organisation: { text: "no user of the case's owning organisation with this id" },

  // NRM workflow (domain nrm/workflow.ts; server nrm-workflow/).
  workflow_already_opened: { text: 'the case is already open: "open" is only its first step' },
  workflow_step_not_allowed: {
    text: 'a case at "{{from}}" cannot take the step "{{event}}" (allowed from: {{values}})',
    codes: { from: 'nrm_workflow_state', event: 'nrm_event', values: 'nrm_workflow_state' },
  },
  workflow_decision_taken: {
    text: 'the case\'s NRM status is already "{{status}}": "{{event}}" sets "{{sets}}" only on a case that is {{values}} (a decision is final; an appeal is not modelled yet)',
    codes: { status: 'nrm_status', event: 'nrm_event', sets: 'nrm_status' },
  },
  screening_organisation_may_not_decide: {
    text: 'the organisation that screened the person may not decide on victim status: only a competent identifying body (profile function "identifying_body") decides',
  },
  only_identifying_body_decides: {
    text: 'only a competent identifying body (profile function "identifying_body", e.g. ANITP or a prosecutor) decides on victim status',
  },
  decision_reasons_required: { text: 'a decision states its reasons (at least {{minimum}} characters)' },
  reopen_reasons_required: { text: 'say why the case is reopened (at least {{minimum}} characters)' },
  referral_consent_missing: {
    text: 'no consent to referral is recorded for this adult on {{date, datetime}}: ask the person and record the answer first (purpose "referral")',
  },
  referral_consent_refused: {
    text: 'the person refused consent to referral (the latest answer on or before {{date, datetime}}): an adult is not referred against their refusal; record a new answer only if they change their mind',
  },
  referral_consent_withdrawn: {
    text: 'the person withdrew their consent to referral (on or before {{date, datetime}}): an adult is not referred after a withdrawal unless they consent again',
  },
  nothing_to_reopen: { text: 'no closure of this case is recorded to reopen' },
  closure_fields_only_on_close: { text: 'closure_reason and grounds belong to the step "close"' },
  closure_reason_required: { text: 'a closure names its reason: {{values}}' },
  unknown_closure_reason: { text: '"{{code}}" is not a closure reason of the profile: {{values}}' },
  unknown_closure_ground: { text: '"{{code}}" is not a ground of the profile: {{values}}' },
  assistance_conditional_ground: {
    text: 'assistance may not be refused or ended because "{{ground}}": assistance is never conditional on taking part in criminal proceedings ({{source}})',
    codes: { ground: 'closure_ground' },
  },
  workflow_nothing_recorded: { text: 'the step changes nothing and the case has no recorded step' },
  step_date_before_other_date: {
    text: '{{field}} must not be before {{other}} ({{date, datetime}})',
    codes: { field: 'request_field', other: 'request_field' },
  },
  child_case_needs_county: {
    text: "a child's case needs its county (ISO 3166-2, e.g. RO-CJ) so that the county child-protection service is notified at once",
  },

  // Referrals (domain referrals/referral-response.ts, access/fields.ts; server referrals/).
  referral_status_change_not_allowed: {
    text: 'a referral that is {{from}} cannot become {{to}}',
    codes: { from: 'referral_status', to: 'referral_status' },
  },
  decline_reason_required: { text: 'a declined referral needs a decline_reason (or a decline_reason_code other than "other")' },
  decline_reason_only_when_declined: { text: 'decline_reason is only recorded when the referral is declined' },
  decline_reason_code_only_when_declined: { text: 'decline_reason_code is only recorded when the referral is declined' },
  start_date_only_when_accepted: { text: 'only an accepted referral has a start date' },
  referral_answered_by_receiver: {
    text: "the receiving organisation answers a referral; what it shares, its services and urgency are the referring side's to change",
  },
  referral_field_for_case_editors: { text: 'only a user who may edit the victim case changes this' },
  resend_only_declined: { text: 'only a declined referral is re-sent; this one is {{status}}', codes: { status: 'referral_status' } },
  provider_declined_choose_another: { text: 'this provider declined the referral; choose another' },
  referral_from_own_organisation: { text: "a referral is sent from the user's own organisation" },
  field_not_shareable: { text: '"{{field}}" is not a shareable field' },
  shared_field_repeats: { text: '"{{field}}" repeats' },

  // Services delivered and the service directory (domain services/, nrm/residence-status.ts; server assistance/,
  // service-directory/, foreign-victims/).
  no_referral_with_id: { text: 'no referral with this id' },
  referral_of_other_case: { text: 'the referral belongs to another victim case' },
  // server/src/assistance/referral-check.ts: a service given under a referral the provider declined or the sender withdrew.
  referral_not_open_for_services: {
    text: 'the referral is {{status}}: a service is given under a referral that is sent or accepted',
    codes: { status: 'referral_status' },
  },
  service_before_referral_sent: { text: 'must not be before the referral was sent ({{date, datetime}})' },
  provider_not_own_organisation: { text: 'you may record only services your own organisation gives' },
  role_may_not_record_services: { text: 'your role may not record services on this victim case' },
  only_financial_support_records: {
    text: 'only financial support records {{field}}; this service is {{service}}',
    codes: { field: 'request_field', service: 'service' },
  },
  amount_needs_currency: { text: 'an amount needs its currency' },
  unknown_payment_scheme: { text: 'unknown scheme; the profile lists {{values}}' },
  payment_over_cap: { text: 'exceeds the {{year}} cap of {{cap}} {{currency}} for {{scheme}} ({{source}})' },
  no_facility_with_id: { text: 'no facility with this id' },
  facility_of_other_provider: { text: 'the facility belongs to another provider' },
  facility_lacks_service: { text: 'the facility does not offer {{service}}', codes: { service: 'service' } },
  facility_code_taken: { text: 'a facility with code "{{code}}" exists' },
  provider_changes_free_places_only: { text: "a provider's staff may change only free_places, not {{fields}}" },
  free_places_need_capacity: { text: 'record the capacity first' },
  free_places_over_capacity: { text: 'must not exceed the capacity ({{capacity}})' },
  licence_needs_number_and_expiry: { text: 'a licence has both a number and an expiry date' },
  not_a_residence_status: { text: 'not a residence status of the profile: {{values}}' },

  // Consent and the data subject's rights (server gdpr/, domain gdpr/erasure.ts).
  not_a_case_of_person: { text: 'is not a victim case of this person' },
  consent_refusal_not_withdrawable: { text: 'consent: a refusal cannot be withdrawn; record a new consent instead' },
  consent_already_withdrawn: { text: 'consent: already withdrawn on {{date, datetime}}' },
  withdrawal_before_consent: { text: 'is before the consent was recorded ({{date, datetime}})' },
  erasure_refused_legal_claims: {
    text: 'erasure refused: GDPR art. 17(3)(e) (legal_claims): the person is a victim or witness in a criminal case that is still open: the data are needed for the establishment, exercise or defence of legal claims; open criminal case(s): {{cases}}. The request is recorded as {{request_id}}.',
  },
  erasure_refused_legal_obligation: {
    text: 'erasure refused: GDPR art. 17(3)(b) (legal_obligation): the person is receiving assistance the state is bound to provide (Law 678/2001, Directive 2011/36/EU art. 11): end the assistance or record the refusal of services first; {{count}} assistance service(s) without an end date. The request is recorded as {{request_id}}.',
  },

  // Accounts, sign-in and access (server accounts/, access/).
  username_malformed: {
    text: 'a username is 2-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  },
  unknown_role: { text: 'unknown role "{{role}}"; roles: {{values}}' },
  no_organisation_with_code: { text: 'no organisation with this code' },
  username_taken: { text: 'this username is taken' },
  not_one_email_address: { text: 'is not one e-mail address like name@example.ro' },
  account_vanished: { text: 'account vanished' },
  route_without_policy: { text: 'This route declares no access policy (config.policy): denied by default.' },
  current_password_wrong: { text: 'The current password is wrong.' },
  password_must_change: { text: 'must differ from the current password' },
  oidc_state_mismatch: { text: 'The sign-in state does not match this browser.' },
  oidc_sign_in_expired: { text: 'The sign-in expired or was already used; start again.' },
  oidc_answer_refused: { text: "The identity provider's answer was refused: {{error}}." },
  oidc_no_id_token: { text: 'The identity provider returned no ID token.' },

  // Audit queries (server audit/).
  must_be_uuid: { text: 'must be a UUID' },
  number_between: { text: 'must be {{minimum}} to {{maximum}}' },
  not_a_valid_date: { text: 'is not a valid date' },
  date_or_instant_required: {
    text: 'must be a local date YYYY-MM-DD or an instant with a time zone (2024-03-01T08:00:00Z)',
  },
  time_of_day_format: { text: 'must be HH:MM (24-hour clock)' },
  not_a_time_zone: { text: 'is not an IANA time zone such as Europe/Bucharest' },
  workday_end_before_start: { text: 'must be after workday_start' },
  not_iso_weekdays: { text: 'are ISO weekdays 1 (Monday) to 7 (Sunday)' },
  not_local_dates: { text: 'are local dates YYYY-MM-DD' },
  whole_number_at_least: { text: 'must be a whole number of at least {{minimum}}' },

  // Drafts, reports, persons.
  draft_too_large: { text: 'a draft holds at most {{maximum}} bytes of JSON' },
  too_many_drafts: { text: 'a user keeps at most {{maximum}} drafts; delete some first' },
  not_a_report_figure: { text: '"{{figure}}" is not a figure of the annual report; figures: {{values}}' },
  figure_not_computed: { text: 'figure "{{figure}}" is not computed from records: {{reason}}' },
  nothing_to_search: { text: 'nothing to search for once spaces and punctuation are removed' },
  name_or_document: { text: 'give exactly one of name or document' },
} as const satisfies Record<string, ProblemRule>;
