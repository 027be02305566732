import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { annualReportFigures, assembleReport, shippedProfile, type FigureValue } from '@opennrm/domain';
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

  it('gives every leaf of a figure broken down by key its own row, never JSON in a cell', () => {
    const figures = annualReportFigures(shippedProfile('romania'));
    const report = assembleReport(
      figures,
      new Map<string, FigureValue['value']>([
        [
          'shelter_places_by_county',
          { 'RO-B': { facilities: 2, capacity: 30, free_places: 4 }, 'RO-IS': { facilities: 1, capacity: 12, free_places: 0 } },
        ],
      ]),
    );
    const rows = parse(reportCsv(report, figures)) as string[][];
    expect(rows.filter(([path]) => path!.startsWith('shelter_places_by_county'))).toEqual([
      ['shelter_places_by_county.RO-B.facilities', '2'],
      ['shelter_places_by_county.RO-B.capacity', '30'],
      ['shelter_places_by_county.RO-B.free_places', '4'],
      ['shelter_places_by_county.RO-IS.facilities', '1'],
      ['shelter_places_by_county.RO-IS.capacity', '12'],
      ['shelter_places_by_county.RO-IS.free_places', '0'],
    ]);
    expect(rows).toContainEqual(['screenings.by_context.border', '']);
    expect(rows.every(([, value]) => !value!.startsWith('{'))).toBe(true);
  });
});
