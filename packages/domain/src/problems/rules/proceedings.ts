import type { ProblemRule } from '../problem.ts';

/**
 * Rules of criminal cases, victims in proceedings and compensation (server/src/criminal-cases,
 * victims-in-proceedings, compensation; domain/src/proceedings and compensation). Parameters named `date` or
 * ending in `_on` are ISO dates; `field`-like parameters (`other`) are request field names, labelled by the web;
 * amounts are decimal strings (exact, never floats); `source` and `profile` are texts of the jurisdiction profile.
 * A parameter that lists codes (`allowed`, `routes`, `codes`) joins them with ", ".
 */
export const proceedingsRules = {
  // Dates of one record in order (the later field names the earlier one).
  date_before_other_field: { text: 'must not be before {{other}}', codes: { other: 'request_field' } },
  date_before_other_date: { text: 'must not be before {{other}} ({{date, datetime}})', codes: { other: 'request_field' } },
  date_before_case_opened: { text: 'must not be before the case opened ({{date, datetime}})' },
  date_before_claim_filed: { text: 'before the claim was filed ({{date, datetime}})' },

  // Criminal cases and their suspects.
  case_number_taken: { text: 'A criminal case with this case_number exists.' },
  offence_not_in_profile: { text: 'article "{{article}}" is not an offence of the {{profile}} profile' },
  no_such_victim_case: { text: 'no victim case with this id' },
  no_such_user_account: { text: 'no user account with this id' },
  account_disabled: { text: 'this account is disabled' },
  prosecutor_not_of_investigating_office: {
    text: "not a prosecutor of the investigating office: the case's reminders would reach someone who may not read it",
  },
  manager_not_of_investigating_office: {
    text: "neither a prosecutor of the investigating office nor the coordinator: the case's reminders would reach someone who may not read it",
  },
  prosecutor_opens_own_office_cases: { text: 'a prosecutor opens cases their own office investigates' },
  investigating_office_not_yours: { text: 'not your organisation: the case would be one you cannot see' },
  verdict_and_date_together: { text: 'verdict and verdict_on go together' },
  sentence_only_when_convicted: { text: 'only a convicted suspect has a sentence' },
  no_such_suspect_in_case: { text: 'no suspect with this id in this criminal case' },

  // Stages and procedural events (Romanian Code of Criminal Procedure, domain/proceedings/stage-moves.ts).
  stage_move_not_allowed: {
    text: 'a case at stage {{from}} cannot move to {{to}} (it may move to {{allowed}})',
    codes: { from: 'criminal_case_stage', to: 'criminal_case_stage', allowed: 'criminal_case_stage' },
  },
  stage_move_after_final_judgment: {
    text: 'a case at stage {{from}} cannot move to {{to}} (a final judgment ends the case)',
    codes: { from: 'criminal_case_stage', to: 'criminal_case_stage' },
  },
  closure_needs_reason: { text: 'closing a case needs its reason' },
  reason_only_on_closure: { text: 'only a closure has a reason' },
  close_with_stage_route: { text: 'close the case by changing its stage to closed, with the reason' },
  case_closed_no_events: { text: 'The criminal case is closed: reopen it before recording events.' },
  event_concerns_one_suspect: { text: 'a {{kind}} event concerns one suspect', codes: { kind: 'procedural_event_kind' } },
  event_concerns_whole_case: { text: 'a {{kind}} event concerns the whole case', codes: { kind: 'procedural_event_kind' } },
  event_has_no_end: { text: 'a {{kind}} event has no end date', codes: { kind: 'procedural_event_kind' } },
  warrant_needs_last_day: { text: 'a pre-trial detention warrant needs the last day of its term (CPP art. 226, 236)' },
  sentence_needs_months: { text: 'a sentence needs its months' },
  sentence_only_on_sentenced_event: { text: 'only a sentenced event has a sentence' },
  amount_only_on_confiscation: { text: 'only a confiscation or a seizure has an amount' },
  amount_and_currency_together: { text: 'an amount and its currency go together' },
  verdict_needs_indictment: { text: 'a first-instance verdict needs the suspect indicted first' },
  final_verdict_needs_first_instance: { text: 'a final verdict needs a first-instance verdict first' },
  sentence_needs_conviction: { text: 'a sentence needs a conviction first' },
  appeal_needs_judgment: {
    text: 'an appeal is against a first-instance judgment, which a case at stage {{stage}} does not have yet',
    codes: { stage: 'criminal_case_stage' },
  },

  // Facts the deadline engine refuses (domain/proceedings/case-deadlines.ts, pretrial-detention.ts, procedural-terms.ts).
  fact_not_an_iso_date: { text: '{{value}} is not an ISO date (YYYY-MM-DD)' },
  fact_not_a_year: { text: '{{value}} is not a year' },
  fact_offence_not_in_profile: { text: '"{{article}}" is not an offence of the profile ({{articles}})' },
  fact_until_before_committed: { text: '{{until, datetime}} is before committed_on {{committed_on, datetime}}' },
  fact_unknown_event_kind: { text: '"{{kind}}" is not a procedural event kind' },
  fact_ends_before_start: { text: '{{ends_on, datetime}} is before on {{on, datetime}}' },
  warrant_names_suspect: { text: 'a pre-trial detention warrant names its suspect' },
  warrant_has_last_day: { text: 'a pre-trial detention warrant has a last day' },
  warrant_too_long: {
    text:
      'the warrant from {{from_on, datetime}} to {{ends_on, datetime}} lasts {{days}} days, more than the {{max_days}} days ' +
      'a warrant or extension may last ({{source}})',
  },
  detention_total_exceeded: {
    text:
      'with {{days_held}} days already held, the warrant to {{ends_on, datetime}} exceeds the {{max_days}} days of pre-trial ' +
      'detention allowed in the investigation ({{source}})',
  },
  term_exceeded_days: {
    text:
      '{{kind}} from {{from_on, datetime}} to {{ends_on, datetime}} lasts {{days}} days, beyond the {{term_days}} days of term ' +
      '"{{term}}" ({{source}})',
    codes: { kind: 'procedural_event_kind', term: 'procedural_term' },
  },
  term_exceeded_months: {
    text:
      '{{kind}} from {{from_on, datetime}} to {{ends_on, datetime}} lasts {{days}} days, beyond the {{term_months}} months of term ' +
      '"{{term}}" ({{source}})',
    codes: { kind: 'procedural_event_kind', term: 'procedural_term' },
  },

  // Victims in proceedings: hearings, counsel, programmes, protection measures.
  held_hearing_needs_day: { text: 'a held hearing needs the day it was held' },
  held_hearing_needs_counsel_answer: { text: 'say whether legal counsel was present at a held hearing' },
  hearing_not_held: { text: 'a {{status}} hearing was not held', codes: { status: 'hearing_status' } },
  planned_hearing_needs_day: { text: 'a planned hearing needs the day it is planned for' },
  not_a_hearing_setting: {
    text: '"{{setting}}" is not a hearing setting of the profile ({{codes}})',
    codes: { setting: 'hearing_setting', codes: 'hearing_setting' },
  },
  not_a_programme: { text: `"{{value}}" is not one of the profile's programmes ({{codes}})` },
  not_a_protection_measure: { text: `"{{value}}" is not one of the profile's protection measures ({{codes}})` },
  hearing_held_after_today: { text: 'a hearing cannot have been held after today (plan it instead)' },
  planned_hearing_in_past: {
    text: 'a planned hearing is planned for today ({{date, datetime}}) or later; record one that took place as held',
  },
  not_a_hearing_body: {
    text: '{{organisation}} is a {{kind}} body: victims are heard by police, prosecution or court',
    codes: { kind: 'organisation_kind' },
  },
  criminal_case_not_linked: { text: 'not a criminal case this victim case is linked to' },
  counsel_not_named: { text: 'name the counsel: an organisation of the directory or body.counsel_bar' },
  not_a_language_tag: { text: 'a BCP 47 language tag such as "uk" or "ro"' },

  // Compensation: claims, orders, payments, state advances, exchange rates (domain/compensation).
  route_not_in_profile: {
    text: 'not a route of profile {{profile}}: {{routes}}',
    codes: { routes: 'compensation_route' },
  },
  restitution_needs_criminal_case: { text: 'restitution is claimed in a criminal case: name it' },
  renounced_informed_without_renunciation: { text: 'only for a renounced claim: give renounced_on' },
  damage_type_not_in_profile: { text: 'not a damage type of profile {{profile}}' },
  not_an_order_of_claim: { text: 'not an order of this claim' },
  no_organisation_with_ref: { text: 'no organisation with this code or id' },
  organisation_not_a_court: {
    text: '"{{ref}}" is an organisation of kind "{{kind}}", not a court',
    codes: { kind: 'organisation_kind' },
  },
  amount_too_large: { text: 'too large: at most {{maximum}}' },
  not_an_amount: { text: 'an amount such as "1500.00"' },
  not_an_amount_decimals: { text: 'an amount such as "1500.00" (digits, a point, at most {{decimals}} decimals)' },
  amount_too_many_decimals: { text: '{{currency}} has {{decimals}} decimals (ISO 4217 minor unit)' },
  not_a_currency_code: { text: 'an ISO 4217 code such as "{{example}}"' },
  currency_not_money: {
    text: '{{currency}} is an ISO 4217 code for no currency, a test, a precious metal or a unit of account, not money a court orders',
  },
  currency_unknown: { text: '{{currency}} is not an ISO 4217 currency code' },
  not_a_rate: { text: 'a decimal such as "1.1048711615" (up to 10 decimals)' },
  rate_to_same_currency: { text: 'the same as currency' },
  rate_given_twice: { text: '{{currency}} to {{reporting_currency}} on {{date, datetime}} given twice' },
  no_advance_payment_scheme: { text: 'profile {{profile}} provides no state advance payment (compensation.advance_payment_scheme)' },
  no_advance_payment_cap: {
    text:
      'profile {{profile}} gives no cap on the state advance payment for {{year}} (services.financial_schemes "{{scheme}}" caps): ' +
      'the cap must be in the profile before an advance is recorded',
  },
  advance_cap_currency: { text: 'the {{year}} cap is in {{currency}} ({{source}}); record the advance in {{currency}}' },
  advance_cap_exceeded: {
    text: 'exceeds the {{year}} cap on the state advance payment of {{cap}} {{currency}}; source: {{source}}',
  },
  advance_cap_exceeded_after_earlier: {
    text:
      'exceeds the {{year}} cap on the state advance payment of {{cap}} {{currency}} ' +
      '({{already}} {{currency}} already advanced on this case); source: {{source}}',
  },

  // Jurisdiction profile sections of proceedings (criminal-procedure-profile.ts, victims-in-proceedings-profile.ts).
  term_days_or_months: { text: 'give exactly one of "days" or "months"' },
  duplicate_term: { text: 'duplicate term "{{code}}"' },
  window_ends_before_start: { text: 'ends ({{until, datetime}}) before it starts ({{from, datetime}})' },
  duplicate_code: { text: 'duplicate code "{{code}}"' },
  figure_counted_twice: { text: '"{{figure}}" is counted by two programmes' },
} as const satisfies Record<string, ProblemRule>;
