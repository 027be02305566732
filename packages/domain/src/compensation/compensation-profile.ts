import { z } from 'zod';
import { COMPENSATION_ROUTES, DAMAGE_TYPES } from './compensation-codes.ts';

/**
 * The profile's `compensation` section (docs/proceedings.md, "Compensation"):
 * which routes to compensation the country's law offers and which damage
 * types its courts order, each with its legal source; the financial scheme
 * whose yearly caps bound the state's advance payment (the cap itself lives
 * once, in services.financial_schemes, beside the financial support it also
 * bounds); and the currency the annual report converts amounts to.
 */

const source = z.string().min(3, 'name the law article, standard or publication the rule comes from');
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"');

export const compensationProfileSchema = z.object({
  routes: z.array(z.object({ code: z.enum(COMPENSATION_ROUTES), name: z.string().min(2), source })).min(1),
  damage_types: z.array(z.object({ code: z.enum(DAMAGE_TYPES), name: z.string().min(2), source })).min(1),
  /** Code of services.financial_schemes whose caps by year bound a state advance payment; null: no advance payments. */
  advance_payment_scheme: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,47}$/)
    .nullable(),
  /** ISO 4217 code the annual report converts ordered amounts to (the TIP report gives USD equivalents). */
  reporting_currency: currency,
  source,
});

export type CompensationProfile = z.infer<typeof compensationProfileSchema>;

/** What a profile without a `compensation` section gets: every route and damage type, no advance payments, USD. */
export const DEFAULT_COMPENSATION_PROFILE: CompensationProfile = {
  routes: COMPENSATION_ROUTES.map((code) => ({
    code,
    name: code,
    source: 'OpenNRM default: EU Directive 2011/36/EU art. 17; Council of Europe Convention CETS 197 art. 15',
  })),
  damage_types: DAMAGE_TYPES.map((code) => ({ code, name: code, source: 'OpenNRM default: pecuniary and non-pecuniary damage' })),
  advance_payment_scheme: null,
  reporting_currency: 'USD',
  source: 'OpenNRM default (the US State Department TIP report publishes USD equivalents)',
};
