import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ReportsRepository } from './reports.repository.ts';
import { annualReportQuery, annualReportSchema } from './reports.schemas.ts';

/** /api/v1/reports: national statistics from live records. */
export const reportRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  app.get(
    '/annual',
    {
      config: { policy: { action: 'read', subject: 'Report' } },
      schema: {
        tags: ['reports'],
        summary: 'Annual national statistics',
        description:
          'Computes the national figures of one reporting year from live records, with the key names of ' +
          'shared/data/romania-published-figures.json (the same JSON as `opennrm report --format json`). Counting rules ' +
          '(docs/statistics.md): a victim counts in the year of identification (registration year for CTDC data); total counts ' +
          'each victim once; by_form counts a victim in every form category it has; a child is under 18 at the start of ' +
          'exploitation, else at identification. Counts are persons, cases or suspects as each key says; shares are ratios ' +
          '0..1; sentences are months; null where the data cannot support a figure. Errors: 400 (query.year), 401.',
        querystring: annualReportQuery,
        response: { 200: annualReportSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => new ReportsRepository(recordContext(options, request)).annual(request.query.year),
  );
};
