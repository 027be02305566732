import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ExchangeRatesRepository } from './exchange-rates.repository.ts';
import { exchangeRateList, exchangeRatesBody, exchangeRatesQuery } from './exchange-rates.schemas.ts';

const TAGS = ['compensation'];

/** /api/v1/exchange-rates: the rate table the annual report converts compensation with (issue 6 point 5). */
export const exchangeRateRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const rates = (request: Parameters<typeof recordContext>[1]) => new ExchangeRatesRepository(recordContext(options, request));

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'ExchangeRate' } },
      schema: {
        tags: TAGS,
        summary: 'The exchange-rate table',
        description:
          'Every rate: units of reporting_currency (ISO 4217, e.g. USD) per unit of currency (e.g. EUR), from valid_on until the next ' +
          "rate of the pair, with its source. The annual report converts each compensation order at the latest rate on or before the order's day " +
          '(docs/statistics.md). Read by the coordinator and analysts. Errors: 400, 401, 403.',
        querystring: exchangeRatesQuery,
        response: { 200: exchangeRateList, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ items: await rates(request).list(request.query.currency) }),
  );

  app.put(
    '',
    {
      config: { policy: { action: 'update', subject: 'ExchangeRate' } },
      schema: {
        tags: TAGS,
        summary: 'Add or replace exchange rates',
        description:
          'Adds each rate, or replaces the rate and source of a pair on a day the table has (unique per currency, reporting currency ' +
          'and valid_on), all or nothing, each change audited. Rates are decimal strings (up to 10 decimals), never floats. The ' +
          'coordinator only. Errors: 400 naming body.rates.N.<field>, 401, 403.',
        body: exchangeRatesBody,
        response: { 200: exchangeRateList, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ items: await rates(request).put(request.body.rates) }),
  );
};
