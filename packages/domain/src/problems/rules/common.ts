import type { ProblemRule } from '../problem.ts';

/**
 * Rules any request can break: the schema checks every route shares (from
 * zod's issue codes, http/error-handler.ts) and the date and amount bounds of
 * server/src/shared. Parameters named `date` or ending in `_on` are ISO dates.
 */
export const commonRules = {
  required: { text: 'is required' },
  unknown_field: { text: 'unknown field' },
  unknown_parameter: { text: 'unknown parameter' },
  required_parameter: { text: 'required parameter is missing' },
  wrong_type: { text: 'must be {{expected}}', codes: { expected: 'value_type' } },
  not_one_of: { text: 'must be one of: {{values}}' },
  text_too_short: { text: 'must be at least {{minimum}} characters' },
  text_too_long: { text: 'must be at most {{maximum}} characters' },
  number_too_small: { text: 'must be at least {{minimum}}' },
  number_too_large: { text: 'must be at most {{maximum}}' },
  number_not_above: { text: 'must be more than {{minimum}}' },
  number_not_below: { text: 'must be less than {{maximum}}' },
  too_few_items: { text: 'must have at least {{minimum}} items' },
  too_many_items: { text: 'must have at most {{maximum}} items' },
  not_multiple_of: { text: 'must be a multiple of {{divisor}}' },
  bad_format: { text: 'is not a valid {{format}}', codes: { format: 'value_format' } },
  values_repeat: { text: 'values must not repeat' },
  invalid: { text: 'is not valid' },
  not_country_code_format: { text: 'an ISO 3166-1 alpha-2 code such as "RO"' },
  not_a_country: { text: 'not an assigned ISO 3166-1 alpha-2 country code' },
  date_before_earliest: { text: 'must not be before {{date, datetime}}' },
  date_after_today: { text: 'must not be after today ({{date, datetime}} in {{time_zone}})' },
  time_in_future: { text: 'must not be in the future' },
  year_after_this_year: { text: 'must not be after this year ({{year}})' },
  // A request the server cannot read or hold (http/error-handler.ts, http/nul-characters.ts).
  body_not_json: { text: 'the body is not valid JSON' },
  body_empty: { text: 'the body is empty; send a JSON object' },
  body_too_large: { text: 'the body is too large' },
  request_unreadable: { text: 'the request cannot be read' },
  contains_nul_character: { text: 'contains a NUL character (U+0000), which text fields cannot hold' },
  not_an_etag: { text: 'must be the ETag as read, quotes included (e.g. "4"), a list of them, or *' },
  changed_since_read: {
    text: 'changed by someone else since you read it: it is now at version {{version}}; nothing was saved: read it again and make your change on what is there now',
  },
  // Patterned texts (each route's schema keeps the pattern in the OpenAPI document).
  not_region_code_format: { text: 'an ISO 3166-2 code such as "RO-CJ"' },
  not_lower_case_code: { text: 'a lower-case code' },
  not_six_digits: { text: 'six digits' },
  not_draft_key_format: { text: '1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit' },
  not_facility_code_format: { text: 'letters, digits, "-" and "_", 2 to 48' },
  // server/src/shared/date-bounds.ts: a service's period against its victim case and the booking horizon.
  date_before_case_began: { text: 'must not be before the victim case began ({{date, datetime}})' },
  date_beyond_planning_horizon: { text: 'must not be more than {{days}} days after today ({{date, datetime}} at the latest)' },
} as const satisfies Record<string, ProblemRule>;
