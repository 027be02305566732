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
  // server/src/shared/date-bounds.ts: a service's period against its victim case and the booking horizon.
  date_before_case_began: { text: 'must not be before the victim case began ({{date, datetime}})' },
  date_beyond_planning_horizon: { text: 'must not be more than {{days}} days after today ({{date, datetime}} at the latest)' },
} as const satisfies Record<string, ProblemRule>;
