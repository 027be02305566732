import { z } from 'zod';
import { isCountryCode, problem, problemText, type CataloguedProblem } from '@opennrm/domain';

/**
 * Paging of every list: `limit` records (1-200, default 50) from `offset` (default 0), in creation order.
 * Every query schema ends in `.strict()`: a parameter the route does not know (`?format=xml`, a
 * misspelt filter) is a 400 naming it, never silently ignored (which would return unfiltered data).
 */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('records per page, 1-200'),
  offset: z.coerce.number().int().min(0).default(0).describe('records to skip'),
});

/** A page of a list: the items, the total that match the filters, and the paging used. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('records matching the filters, over all pages'),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** `:id` path parameter: a record id (UUID). */
export const idParams = z.object({ id: z.uuid().describe('record id (UUID v7)') });

/**
 * A refine's options citing a catalogued rule: zod's message is the rule's English, and `params` carries the
 * rule for the error handler to send (http/error-handler.ts), e.g. `.refine(fn, refusal(problem('values_repeat')))`.
 */
export function refusal(p: CataloguedProblem): { message: string; params: CataloguedProblem } {
  return { message: problemText(p), params: p };
}

/** ISO 8601 calendar date "YYYY-MM-DD". */
/**
 * A string matching `pattern`, else refused with the catalogued `rule` (a zod `.regex` message cannot carry one);
 * the `.regex` after the refine keeps the pattern in the OpenAPI document.
 */
export function patterned(pattern: RegExp, rule: CataloguedProblem) {
  return z
    .string()
    .refine((v) => pattern.test(v), { ...refusal(rule), abort: true })
    .regex(pattern);
}

/** An ISO 3166-2 region or county code ("RO-CJ"); whether the profile has it is the route's check. */
export const regionCode = patterned(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, problem('not_region_code_format'));

/** A lower-case code of a profile vocabulary ("state_advance_payment"), 2 to `max` characters. */
export function lowerCaseCode(max: number) {
  return patterned(new RegExp(`^[a-z][a-z0-9_]{1,${max - 1}}$`), problem('not_lower_case_code'));
}

export const isoDate = z.iso.date();

/** Earliest date or instant a record may carry: before it a value is a typing error (no NRM record is that old). */
export const EARLIEST_DATE = '1900-01-01';
/** How far ahead of the server's clock a client's instant may be: a device whose clock runs a few minutes fast. */
export const CLOCK_SKEW_MINUTES = 5;

/**
 * An instant that has happened: ISO 8601 with an offset, not before EARLIEST_DATE and not more than
 * CLOCK_SKEW_MINUTES after now (a referral "sent" in 2099 would sit in no year's statistics until then).
 */
export const pastInstant = z.iso
  .datetime({ offset: true })
  .refine(
    (v) => Date.parse(v) >= Date.parse(`${EARLIEST_DATE}T00:00:00Z`),
    refusal(problem('date_before_earliest', { date: EARLIEST_DATE })),
  )
  .refine((v) => Date.parse(v) <= Date.now() + CLOCK_SKEW_MINUTES * 60_000, refusal(problem('time_in_future')));

/** A calendar date not before EARLIEST_DATE; "not after today" needs the profile's time zone (notAfterToday). */
export const pastDate = isoDate.refine((v) => v >= EARLIEST_DATE, refusal(problem('date_before_earliest', { date: EARLIEST_DATE })));

/** ISO 3166-1 alpha-2 code of an assigned country, e.g. "RO" (isCountryCode: "XX" is refused). */
export const countryCode = z
  .string()
  .refine((v) => /^[A-Z]{2}$/.test(v), { ...refusal(problem('not_country_code_format')), abort: true })
  .refine(isCountryCode, refusal(problem('not_a_country')));

/** A year in a query string, e.g. reporting_year=2023. */
export const yearQuery = z.coerce.number().int().min(1900).max(2200);

/** "true"/"false" in a query string. */
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** An organisation named by its profile code (e.g. "ANITP") or its id. */
export const organisationRef = z.string().min(2).max(64).describe('organisation code (e.g. "ANITP") or id');

/** Turns a timestamp from the database into ISO 8601 text. */
export function isoInstant(value: Date | string): string {
  return new Date(value).toISOString();
}
