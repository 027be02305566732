import { Decimal } from 'decimal.js';
import type { SourceI18n } from '../profile/source-i18n.ts';
import type { JurisdictionProfile } from '../profile/profile-schema.ts';
import { problem, type CataloguedProblem } from '../problems/catalogue.ts';

/** The cap on a state advance payment for one year, with the source the profile gives. */
export interface AdvancePaymentCap {
  year: number;
  /** Decimal string in `currency`. */
  amount: string;
  /** ISO 4217. */
  currency: string;
  scheme: string;
  source: string;
  /** The source's citation by language code, where the profile gives it (profile/source-i18n.ts). */
  source_i18n?: SourceI18n;
}

/**
 * Why an advance payment is refused: the field and a catalogued rule whose parameters name the cap, its year and its
 * source (problemText says it in English).
 */
export interface AdvancePaymentProblem extends CataloguedProblem {
  field: 'amount' | 'currency' | 'requested_on';
}

/**
 * The cap on the state's advance payment for a year: the cap of the financial
 * scheme the profile's compensation.advance_payment_scheme names
 * (services.financial_schemes[].caps). Romania: 15,000 RON in 2023, "five
 * times the yearly minimum wage" (2024 TIP report; Law 211/2004 as amended in
 * 2023, verify the article).
 * @returns null when the profile has no advance payments or no cap for the year.
 */
export function advancePaymentCap(profile: JurisdictionProfile, year: number): AdvancePaymentCap | null {
  const code = profile.compensation.advance_payment_scheme;
  const scheme = code ? profile.services.financial_schemes.find((s) => s.code === code) : undefined;
  const cap = scheme?.caps.find((c) => c.year === year);
  if (!scheme || !cap) return null;
  return {
    year,
    amount: String(cap.amount),
    currency: cap.currency,
    scheme: scheme.code,
    source: cap.source,
    ...(cap.source_i18n ? { source_i18n: cap.source_i18n } : {}),
  };
}

/**
 * Checks a state advance payment against the cap of the year it was requested
 * in. The cap bounds what one victim case receives in advance: the case's
 * earlier advance payments count towards it.
 *
 * @param payment amount (decimal string), currency (ISO 4217), requested_on (YYYY-MM-DD).
 * @param earlier decimal strings: the case's advance payments already recorded, in the same currency.
 * @returns null when the payment is within the cap; else the problem: no_advance_payment_scheme {profile},
 *   no_advance_payment_cap {profile, year, scheme}, advance_cap_currency {year, currency, source}, advance_cap_exceeded
 *   {year, cap, currency, source} or advance_cap_exceeded_after_earlier (also {already}); amounts are decimal strings.
 */
export function advancePaymentProblem(
  profile: JurisdictionProfile,
  payment: { amount: string; currency: string; requested_on: string },
  earlier: readonly string[],
): AdvancePaymentProblem | null {
  const year = Number(payment.requested_on.slice(0, 4));
  const scheme = profile.compensation.advance_payment_scheme;
  if (!scheme) return { field: 'requested_on', ...problem('no_advance_payment_scheme', { profile: profile.code }) };
  const cap = advancePaymentCap(profile, year);
  if (!cap) return { field: 'requested_on', ...problem('no_advance_payment_cap', { profile: profile.code, year, scheme }) };
  if (payment.currency !== cap.currency)
    return { field: 'currency', ...problem('advance_cap_currency', { year, currency: cap.currency, source: cap.source }) };
  const total = earlier.reduce((sum, a) => sum.plus(a), new Decimal(payment.amount));
  if (total.gt(cap.amount)) {
    const already = total.minus(payment.amount);
    const params = { year, cap: cap.amount, currency: cap.currency, source: cap.source };
    return already.gt(0)
      ? { field: 'amount', ...problem('advance_cap_exceeded_after_earlier', { ...params, already: already.toFixed() }) }
      : { field: 'amount', ...problem('advance_cap_exceeded', params) };
  }
  return null;
}
