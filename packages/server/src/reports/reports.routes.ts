import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/errors.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ReportsRepository } from './reports.repository.ts';
import { annualReportQuery, annualReportSchema } from './reports.schemas.ts';
import { exportQuery, figureTraceSchema, traceQuery } from './report-trace.schemas.ts';

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

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

  app.get(
    '/annual/export',
    {
      config: { policy: { action: 'read', subject: 'Report' } },
      schema: {
        tags: ['reports'],
        summary: 'Download the annual statistics as a file',
        description:
          'The files of `opennrm report --year Y --format csv|md|json` (md without the service gaps that the command appends): csv has one `figure,value` row per leaf with dotted ' +
          'paths (a null is an empty value); md a table of figure, value and rule whose title says when the data are synthetic; ' +
          'json the report. Sent as an attachment named opennrm-annual-report-<year>.<format>. Each download is audited as an ' +
          'export (record_type annual_report, the format as field). Analysts and the coordinator. Errors: 400 (query.year, ' +
          'query.format), 401, 403.',
        querystring: exportQuery,
        response: {
          200: z.string().describe('the file: text/csv, text/markdown or application/json, UTF-8'),
          ...errorResponses(400, 401, 403, 500),
        },
      },
    },
    async (request, reply) => {
      const { year, format } = request.query;
      const file = await new ReportsRepository(recordContext(options, request)).exportAnnual(year, format);
      return reply
        .type(MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="opennrm-annual-report-${year}.${format}"`)
        .send(file);
    },
  );

  app.get(
    '/annual/trace',
    {
      config: { policy: { action: 'read', subject: 'ReportTrace' } },
      schema: {
        tags: ['reports'],
        summary: 'The records behind one figure of the annual statistics',
        description:
          'Lists the records one figure counts, selected by the same population and predicate that count it, so the number ' +
          'and its list cannot drift apart (the same as `opennrm report --trace`; docs/statistics.md): pseudonymous person, ' +
          "suspect or criminal case ids and case numbers, never identifying data, with the figure's rule and source. A figure " +
          'taken from the profile or the service directory lists no records and says where it comes from (origin). The ' +
          'coordinator only (rule coordinator.report_traces): analysts see aggregates. Each trace is audited as an export ' +
          '(record_type annual_report_trace, the figure path as field). Errors: 400 (query.year; query.figure not a figure ' +
          'of the report, or one the data model does not compute), 401, 403.',
        querystring: traceQuery,
        response: { 200: figureTraceSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => new ReportsRepository(recordContext(options, request)).trace(request.query.year, request.query.figure),
  );
};
