import { annualReportFigures, reportMarkdown, type AnnualReport, problem } from '@opennrm/domain';
import { computeAnnualReport, traceFigure, type FigureTrace } from '../statistics/annual-report.ts';
import { reportCsv } from '../statistics/report-csv.ts';
import { reportDataOrigin } from '../statistics/report-data-origin.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { invalidField } from '../http/errors.ts';
import type { RecordContext } from '../shared/record-context.ts';

/** Aggregate statistics: the year's figures, their files and the records behind each figure. */
export class ReportsRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /** The national figures of one reporting year (computeAnnualReport, docs/statistics.md). */
  annual(year: number): Promise<AnnualReport> {
    return computeAnnualReport(this.#ctx.db, this.#ctx.profile, year);
  }

  /**
   * The year's report as a file (CSV rows `figure,value`, a Markdown table with rules, or JSON), audited as an
   * export: the data leave the system (issue 3; GDPR art. 30).
   */
  async exportAnnual(year: number, format: 'csv' | 'md' | 'json'): Promise<string> {
    const { db, profile, access } = this.#ctx;
    const report = await this.annual(year);
    const figures = annualReportFigures(profile);
    const file =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'csv'
          ? reportCsv(report, figures)
          : reportMarkdown(`${profile.name}: national figures ${year}`, report, figures, await reportDataOrigin(db));
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvent(
          trx,
          access.audit({ action: 'export', record_type: 'annual_report', fields: [format], reason: `reporting year ${year}` }),
        ),
      );
    return file;
  }

  /**
   * The records one figure counts (traceFigure: the same population and predicate as the report), audited as an
   * export of the figure's record ids.
   * @throws ApiError OPENNRM_VALIDATION naming query.figure when the path is not a figure of the report or is one
   *   the data model does not compute (the message lists the valid paths or gives the reason).
   */
  async trace(year: number, path: string): Promise<FigureTrace> {
    const { db, profile, access } = this.#ctx;
    const figures = annualReportFigures(profile);
    const figure = figures.find((f) => f.path === path);
    if (!figure)
      throw invalidField('query.figure', problem('not_a_report_figure', { figure: path, values: figures.map((f) => f.path).join(', ') }));
    let trace: FigureTrace;
    try {
      trace = await traceFigure(db, profile, year, path);
    } catch (error) {
      // The only other refusal of traceFigure: a figure no rule computes yet (its not_modelled reason).
      const notComputed = `figure "${path}" is not computed from records: `;
      if (error instanceof Error && error.message.startsWith(notComputed))
        throw invalidField(
          'query.figure',
          problem('figure_not_computed', { figure: path, reason: error.message.slice(notComputed.length) }),
        );
      throw error;
    }
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvent(
          trx,
          access.audit({ action: 'export', record_type: 'annual_report_trace', fields: [path], reason: `reporting year ${year}` }),
        ),
      );
    return trace;
  }
}
