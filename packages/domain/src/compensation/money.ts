import { Decimal } from 'decimal.js';

/**
 * Money as exact decimals. Amounts travel as decimal strings ("1500.50"),
 * are stored as PostgreSQL numeric and are added and converted with
 * decimal.js, never as binary floats: 0.1 + 0.2 must be 0.3 in a court order.
 */

/** An amount as the API and the database carry it: digits, optionally a point and up to 3 decimals. */
export const AMOUNT_PATTERN = /^\d{1,15}(\.\d{1,3})?$/;

/**
 * Decimal digits of a currency's minor unit (ISO 4217): RON, EUR, USD 2;
 * JPY 0; KWD 3. Taken from the runtime's ICU data (Intl), which follows ISO 4217.
 * @throws RangeError when `currency` is not a well-formed ISO 4217 code.
 */
export function minorUnits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Why an amount cannot be recorded in a currency, or null: it must be a
 * positive decimal string with no more decimals than the currency's minor
 * unit (ISO 4217), e.g. "15000.00" RON, not "15000.005".
 */
export function amountProblem(amount: string, currency: string): string | null {
  if (!AMOUNT_PATTERN.test(amount)) return 'an amount such as "1500.00" (digits, a point, at most 3 decimals)';
  const value = new Decimal(amount);
  if (value.lte(0)) return 'must be more than 0';
  const decimals = minorUnits(currency);
  if (value.decimalPlaces() > decimals) return `${currency} has ${decimals} decimal${decimals === 1 ? '' : 's'} (ISO 4217 minor unit)`;
  return null;
}

/** Sum of decimal strings, exact. */
export function sumAmounts(amounts: readonly string[]): Decimal {
  return amounts.reduce((total, a) => total.plus(a), new Decimal(0));
}

/** A decimal as the report publishes an amount: a number with at most 2 decimals, rounded half up. */
export function toReportNumber(value: Decimal): number {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export { Decimal };

/** An amount as the API shows it: the currency's minor unit of decimals ("1100000.50" RON, "5000" JPY). */
export function formatAmount(amount: Decimal.Value, currency: string): string {
  return new Decimal(amount).toFixed(minorUnits(currency));
}
