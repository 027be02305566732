import { z } from 'zod';
import { problem } from '@opennrm/domain';
import { isoDate, pastDate } from '../http/common.schemas.ts';
import { matching } from './money.schemas.ts';

const currency = matching(/^[A-Z]{3}$/, problem('not_a_currency_code', { example: 'EUR' }));

export const exchangeRateInput = z
  .object({
    currency: currency.describe('ISO 4217 code converted from, e.g. "EUR"'),
    reporting_currency: currency.describe('ISO 4217 code converted to, e.g. "USD" (profile compensation.reporting_currency)'),
    rate: matching(/^\d{1,10}(\.\d{1,10})?$/, problem('not_a_rate')).describe(
      'units of reporting_currency one unit of currency buys, decimal string, e.g. "1.1048711615"',
    ),
    valid_on: pastDate.describe('first day the rate applies; it applies until the next rate of the pair'),
    source: z
      .string()
      .min(3)
      .max(500)
      .describe('where the rate comes from, e.g. "BNR reference rate" or "US State Department TIP report 2024 conversions"'),
  })
  .strict();

export const exchangeRatesBody = z
  .object({ rates: z.array(exchangeRateInput).min(1).max(1000).describe('rates to add, or to replace where the pair and day exist') })
  .strict();

export const exchangeRatesQuery = z.object({ currency: currency.optional().describe('only rates converting from this currency') }).strict();

export const exchangeRateSchema = z
  .object({
    id: z.uuid(),
    currency: z.string(),
    reporting_currency: z.string(),
    rate: z.string().describe('decimal string'),
    valid_on: isoDate,
    source: z.string(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'ExchangeRate' });

export const exchangeRateList = z.object({
  items: z.array(exchangeRateSchema).describe('by currency, reporting currency, then day'),
});

export type ExchangeRateInput = z.infer<typeof exchangeRateInput>;
export type ExchangeRateView = z.infer<typeof exchangeRateSchema>;
