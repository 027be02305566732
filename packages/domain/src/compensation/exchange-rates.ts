import { Decimal } from 'decimal.js';

/**
 * The exchange-rate table: how many units of `reporting_currency` one unit of
 * `currency` bought from `valid_on` on, with where the rate comes from (e.g.
 * "BNR reference rate", or a rate implied by the TIP report's own USD
 * conversions). One rate per (currency, reporting currency, day).
 */
export interface ExchangeRate {
  /** ISO 4217. */
  currency: string;
  /** ISO 4217. */
  reporting_currency: string;
  /** Units of reporting_currency per unit of currency, as a decimal string ("0.2222727273"). */
  rate: string;
  /** YYYY-MM-DD: the first day the rate applies. */
  valid_on: string;
  source: string;
}

/** No rate converts `currency` to `reporting_currency` on `on`: the table needs one valid on or before that day. */
export class MissingRateError extends Error {
  readonly currency: string;
  readonly reporting_currency: string;
  readonly on: string;
  constructor(currency: string, reportingCurrency: string, on: string) {
    super(`no ${currency} to ${reportingCurrency} exchange rate valid on or before ${on}: add one (PUT /api/v1/exchange-rates)`);
    this.name = 'MissingRateError';
    this.currency = currency;
    this.reporting_currency = reportingCurrency;
    this.on = on;
  }
}

/**
 * The rate that converts `currency` to `reportingCurrency` on day `on`: the
 * latest whose valid_on is on or before `on`. A currency converts to itself
 * at 1 with no row (`null` is returned).
 * @throws MissingRateError when the table has no such rate.
 */
export function rateOn(rates: readonly ExchangeRate[], currency: string, reportingCurrency: string, on: string): ExchangeRate | null {
  if (currency === reportingCurrency) return null;
  let best: ExchangeRate | undefined;
  for (const r of rates) {
    if (r.currency !== currency || r.reporting_currency !== reportingCurrency || r.valid_on > on) continue;
    if (!best || r.valid_on > best.valid_on) best = r;
  }
  if (!best) throw new MissingRateError(currency, reportingCurrency, on);
  return best;
}

/**
 * Converts an amount (decimal string, `currency`) to `reportingCurrency` at
 * the rate valid on `on`, exactly (no rounding: the caller rounds totals once).
 * @returns the converted amount and the rate used (null for the same currency).
 * @throws MissingRateError naming the currency and the day when no rate applies.
 */
export function convertAmount(
  amount: string,
  currency: string,
  reportingCurrency: string,
  on: string,
  rates: readonly ExchangeRate[],
): { value: Decimal; rate: ExchangeRate | null } {
  const rate = rateOn(rates, currency, reportingCurrency, on);
  return { value: rate ? new Decimal(amount).times(rate.rate) : new Decimal(amount), rate };
}
