import { stringify } from 'csv-stringify/sync';
import { reportLeaves, type AnnualReport, type FigureDefinition } from '@opennrm/domain';

/**
 * Renders a report as CSV (RFC 4180): a `figure,value` header, then one row
 * per leaf with its dotted path, in report order (docs/statistics.md): a
 * figure broken down by key gives one row per key, e.g.
 * `shelter_places_by_county.RO-B.capacity`. A null is an empty value.
 */
export function reportCsv(report: AnnualReport, figures: readonly FigureDefinition[]): string {
  const rows = reportLeaves(report, figures).map(({ path, value }) => [path, value == null ? '' : String(value)]);
  return stringify([['figure', 'value'], ...rows]);
}
