import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { annualReportFigures, assembleReport, shippedProfile } from '@opennrm/domain';
import { reportCsv } from '../../src/statistics/report-csv.ts';

describe('report CSV', () => {
  it('has one figure,value row per figure with dotted paths, empty for null', () => {
    const figures = annualReportFigures(shippedProfile('romania'));
    const report = assembleReport(
      figures,
      new Map<string, number>([
        ['victims_identified.total', 428],
        ['labour_cases_share_in_romania', 0.6],
      ]),
    );
    const rows = parse(reportCsv(report, figures)) as string[][];
    expect(rows[0]).toEqual(['figure', 'value']);
    expect(rows).toHaveLength(figures.length + 1);
    expect(rows).toContainEqual(['victims_identified.total', '428']);
    expect(rows).toContainEqual(['labour_cases_share_in_romania', '0.6']);
    expect(rows).toContainEqual(['victims_identified.by_form.sexual_exploitation', '']);
  });
});
