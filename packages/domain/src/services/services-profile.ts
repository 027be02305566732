import { z } from 'zod';
import { sourceI18nSchema } from '../profile/source-i18n.ts';
import { SERVICES } from '../nrm/codes.ts';

/**
 * The profile's `services` section: the country's numbers for the service
 * directory, referral timers, gaps and financial support (docs/services.md).
 * Every number carries its source; a number no law or published text gives
 * is marked "OpenNRM default" in its source.
 */

const source = z.string().min(3, 'name the law article, standard or publication the rule comes from');
const days = z.number().int().positive();

/** How long a referral may wait before it is overdue, days. */
export const referralTimersSchema = z.object({
  /** Waiting days for a referral whose services have no threshold of their own. */
  default_days: days,
  /** Waiting days for a referral marked urgent. */
  urgent_days: days,
  /** Waiting days per requested service; a referral's threshold is the smallest among its services. */
  by_service: z.partialRecord(z.enum(SERVICES), days).default({}),
  /** Days an accepted referral may wait for its first service before it is overdue again. */
  first_service_days: days,
  source,
});

/** A cap on a state payment for one year, e.g. Romania's advance payment of 15,000 RON in 2023. */
export const paymentCapSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  amount: z.number().positive(),
  /** ISO 4217. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  source,
  source_i18n: sourceI18nSchema,
});

/** A scheme of financial support a `financial` service can be paid under. */
export const financialSchemeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/),
  name: z.string().min(2),
  /** Caps by year; a payment above the cap of its year is refused. */
  caps: z.array(paymentCapSchema).default([]),
  source,
});

export const servicesProfileSchema = z.object({
  referral_timers: referralTimersSchema,
  /** Warn this many days before a licence for child victims expires. */
  licence_warning_days: days,
  /** A requested service with no matching delivered service this many days after the referral was sent is a gap. */
  unmet_after_days: days,
  financial_schemes: z.array(financialSchemeSchema).default([]),
  /** Where the thresholds above come from. */
  source,
});

export type ServicesProfile = z.infer<typeof servicesProfileSchema>;
export type ReferralTimers = z.infer<typeof referralTimersSchema>;
export type FinancialScheme = z.infer<typeof financialSchemeSchema>;

/** What a profile without a `services` section gets: OpenNRM's defaults, marked as such. */
export const DEFAULT_SERVICES_PROFILE: ServicesProfile = {
  referral_timers: {
    default_days: 5,
    urgent_days: 1,
    by_service: { shelter: 1, medical: 1 },
    first_service_days: 10,
    source:
      'OpenNRM default (no national deadline known): a shelter or medical need is answered the next day, others within a working week',
  },
  licence_warning_days: 90,
  unmet_after_days: 30,
  financial_schemes: [],
  source: 'OpenNRM default',
};
