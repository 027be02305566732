import type { FinancialScheme } from './services-profile.ts';
import { problem, type CataloguedProblem } from '../problems/catalogue.ts';

/** Why an amount of financial support is refused: the field and the catalogued rule (problemText gives the English). */
export interface PaymentProblem extends CataloguedProblem {
  field: 'payment_scheme' | 'amount' | 'currency';
}

/**
 * Checks a financial service's payment against the profile: the scheme must
 * be one the profile lists, and an amount above the scheme's cap for the year
 * the service started is refused (Romania: the state advance payment,
 * 15,000 RON in 2023; profile services.financial_schemes[].caps with source).
 * A year with no cap in the profile is not checked.
 *
 * @param year the year the service started.
 */
export function paymentProblem(
  schemes: readonly FinancialScheme[],
  payment: { payment_scheme: string | null; amount: number | null; currency: string | null },
  year: number,
): PaymentProblem | null {
  if (payment.amount != null && payment.currency == null) return { field: 'currency', ...problem('amount_needs_currency') };
  if (payment.payment_scheme == null) return null;
  const scheme = schemes.find((s) => s.code === payment.payment_scheme);
  if (!scheme)
    return { field: 'payment_scheme', ...problem('unknown_payment_scheme', { values: schemes.map((s) => s.code).join(', ') || 'none' }) };
  const cap = scheme.caps.find((c) => c.year === year);
  if (cap && payment.amount != null && payment.currency === cap.currency && payment.amount > cap.amount)
    return {
      field: 'amount',
      ...problem('payment_over_cap', { year, cap: cap.amount, currency: cap.currency, scheme: scheme.code, source: cap.source }),
    };
  return null;
}

/** The cap of a scheme for a year, or null when the profile gives none. */
export function paymentCap(schemes: readonly FinancialScheme[], code: string, year: number): { amount: number; currency: string } | null {
  const cap = schemes.find((s) => s.code === code)?.caps.find((c) => c.year === year);
  return cap ? { amount: cap.amount, currency: cap.currency } : null;
}
