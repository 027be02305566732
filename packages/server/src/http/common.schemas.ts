import { z } from 'zod';
import { isCountryCode } from '@opennrm/domain';

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

/** ISO 8601 calendar date "YYYY-MM-DD". */
export const isoDate = z.iso.date();

/** ISO 3166-1 alpha-2 code of an assigned country, e.g. "RO" (isCountryCode: "XX" is refused). */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "RO"')
  .refine(isCountryCode, 'not an assigned ISO 3166-1 alpha-2 country code');

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
