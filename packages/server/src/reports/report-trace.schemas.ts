import { z } from 'zod';
import { yearQuery } from '../http/common.schemas.ts';

/** GET /api/v1/reports/annual/trace: the year and the figure's dotted path. */
export const traceQuery = z
  .object({
    year: yearQuery.describe('reporting year, e.g. 2023'),
    figure: z
      .string()
      .min(1)
      .max(200)
      .describe('dotted figure path of the annual report, e.g. "victims_identified.by_form.sexual_exploitation"'),
  })
  .strict();

const tracedRecord = z.object({
  id: z
    .uuid()
    .describe(
      'person id (victim figures; for an imported CTDC record, an id of its file and line), suspect, criminal case, compensation order or exchange rate id: pseudonymous, never identifying data',
    ),
  case_numbers: z
    .array(z.string())
    .describe(
      'victim case numbers of the person\'s cases of the year, "<file name> line <N>" of an imported CTDC record, or the criminal case number',
    ),
  value: z.number().optional().describe('the measured value for range and median figures (months, days)'),
  amount: z
    .string()
    .optional()
    .describe('compensation figures: the order amount in its currency, or the exchange rate, exact decimal as text'),
  currency: z.string().optional().describe('ISO 4217 currency of `amount`'),
});

/** FigureTrace (packages/server/src/statistics/annual-report.ts) as the API shows it. */
export const figureTraceSchema = z
  .object({
    figure: z
      .object({
        path: z.string(),
        meaning: z.string(),
        unit: z.string().describe('persons, criminal cases, suspects, screenings, share, months, days, RON, ...'),
        rule: z.string().nullable().describe('the counting rule (docs/statistics.md); null when the data model cannot support the figure'),
        not_modelled: z.string().optional(),
        source: z.string().describe('where the rule and the meaning come from (law, report, issue)'),
      })
      .describe("the figure's definition (annualReportFigures in @opennrm/domain)"),
    value: z.union([z.number(), z.null(), z.record(z.string(), z.unknown())]).describe('the value the report gives'),
    parts: z
      .array(
        z.object({
          role: z.enum(['counted', 'numerator', 'denominator']),
          population: z.string().describe('victims, referred, assisted, trafficking_cases, trafficking_suspects, screenings, ...'),
          records: z.array(tracedRecord),
        }),
      )
      .describe('the records the figure counts, by role (a share has a numerator and a denominator)'),
    origin: z
      .object({
        kind: z.enum(['profile', 'service_directory']),
        from: z.string(),
        facility_ids: z.array(z.string()).optional(),
      })
      .optional()
      .describe('for a figure taken from the profile or the service directory rather than counted in records'),
  })
  .meta({ id: 'FigureTrace' });

/** GET /api/v1/reports/annual/export: the year and the file format. */
export const exportQuery = z
  .object({
    year: yearQuery.describe('reporting year, e.g. 2023'),
    format: z.enum(['csv', 'md', 'json']).describe('csv: figure,value rows; md: table of figure, value and rule; json: the report'),
  })
  .strict();
