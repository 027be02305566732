import type { AnnualReport } from '@opennrm/domain';
import { computeAnnualReport } from '../statistics/annual-report.ts';
import type { RecordContext } from '../shared/record-context.ts';

/** Aggregate statistics. Issue 3 decides who may run them and audits each run (an export). */
export class ReportsRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /** The national figures of one reporting year (computeAnnualReport, docs/statistics.md). */
  annual(year: number): Promise<AnnualReport> {
    return computeAnnualReport(this.#ctx.db, this.#ctx.profile, year);
  }
}
