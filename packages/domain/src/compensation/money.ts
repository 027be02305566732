import { Decimal } from 'decimal.js';
import { problem, type CataloguedProblem } from '../problems/catalogue.ts';

/**
 * Money as exact decimals. Amounts travel as decimal strings ("1500.50"),
 * are stored as PostgreSQL numeric and are added and converted with
 * decimal.js, never as binary floats: 0.1 + 0.2 must be 0.3 in a court order.
 */

/** An amount as the API and the database carry it: digits, optionally a point and up to 3 decimals. */
export const AMOUNT_PATTERN = /^\d{1,15}(\.\d{1,3})?$/;

/**
 * ISO 4217 codes that are not money a court orders or a payer pays: XXX (no currency), XTS (testing), the precious
 * metals XAU, XAG, XPT, XPD, the IMF's special drawing right XDR, the European bond-market units XBA-XBD, the SUCRE
 * (XSU) and the ADB unit of account (XUA) (ISO 4217, "X" codes: funds, metals and units, not national currencies).
 */
export const NON_MONEY_CURRENCIES: ReadonlySet<string> = new Set([
  'XXX',
  'XTS',
  'XAU',
  'XAG',
  'XPT',
  'XPD',
  'XDR',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XSU',
  'XUA',
]);

/**
 * Why `currency` cannot carry an amount ordered or paid, or null: it must be three capital letters, a code the
 * runtime's ISO 4217 data (Intl.supportedValuesOf) knows, and money (not NON_MONEY_CURRENCIES).
 * @returns not_a_currency_code {example}, currency_not_money {currency} or currency_unknown {currency}; problemText says it in English.
 */
export function currencyProblem(currency: string): CataloguedProblem | null {
  if (!/^[A-Z]{3}$/.test(currency)) return problem('not_a_currency_code', { example: 'RON' });
  if (NON_MONEY_CURRENCIES.has(currency)) return problem('currency_not_money', { currency });
  if (!KNOWN_CURRENCIES.has(currency)) return problem('currency_unknown', { currency });
  return null;
}

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * The largest amount a numeric(`precision`, `scale`) column holds, as a decimal string: numeric(18, 3) holds
 * 999999999999999.999 (PostgreSQL: precision digits in all, scale of them after the point).
 */
export function largestAmount(precision: number, scale: number): string {
  const whole = '9'.repeat(precision - scale);
  return scale > 0 ? `${whole}.${'9'.repeat(scale)}` : whole;
}

/**
 * Why a decimal string is too large for a numeric(`precision`, `scale`) column, or null (also when it is not a plain
 * decimal: the format check says why). "99999999999999999999.00" is too large for numeric(18, 3).
 * @returns amount_too_large {maximum: the largest amount, a decimal string}.
 */
export function amountTooLargeProblem(amount: string, precision: number, scale: number): CataloguedProblem | null {
  const match = /^(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return null;
  const wholeDigits = match[1]!.replace(/^0+(?=\d)/, '').length;
  if (wholeDigits <= precision - scale) return null;
  return problem('amount_too_large', { maximum: largestAmount(precision, scale) });
}

/** Precision and scale of the compensation amount columns (migration 0020: numeric(18, 3)); AMOUNT_PATTERN follows them. */
export const COMPENSATION_AMOUNT_COLUMN = { precision: 18, scale: 3 } as const;

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
 * @returns amount_too_large {maximum}, not_an_amount_decimals {decimals}, number_not_above {minimum: 0} or
 *   amount_too_many_decimals {currency, decimals}.
 */
export function amountProblem(amount: string, currency: string): CataloguedProblem | null {
  const tooLarge = amountTooLargeProblem(amount, COMPENSATION_AMOUNT_COLUMN.precision, COMPENSATION_AMOUNT_COLUMN.scale);
  if (tooLarge) return tooLarge;
  if (!AMOUNT_PATTERN.test(amount)) return problem('not_an_amount_decimals', { decimals: COMPENSATION_AMOUNT_COLUMN.scale });
  const value = new Decimal(amount);
  if (value.lte(0)) return problem('number_not_above', { minimum: 0 });
  const decimals = minorUnits(currency);
  if (value.decimalPlaces() > decimals) return problem('amount_too_many_decimals', { currency, decimals });
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
