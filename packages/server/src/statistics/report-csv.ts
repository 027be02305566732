import { stringify } from 'csv-stringify/sync';
import { reportValues, type AnnualReport, type FigureDefinition } from '@opennrm/domain';

/**
 * Renders a report as CSV (RFC 4180): a `figure,value` header, then one row
 * per figure with its dotted path, in report order. A null is an empty value;
 * an object value (amounts by currency) is its JSON.
 */
export function reportCsv(report: AnnualReport, figures: readonly FigureDefinition[]): string {
  const rows = reportValues(report, figures).map(({ path, value }) => [
    path,
    value == null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
  ]);
  return stringify([['figure', 'value'], ...rows]);
}
