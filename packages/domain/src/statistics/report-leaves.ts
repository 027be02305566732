import { reportValues, type AnnualReport, type FigureDefinition } from './annual-report.ts';

/** One printable value of a report: a figure, or one leaf of a figure broken down by key. */
export interface ReportLeaf {
  /** Dotted path, e.g. `shelter_places_by_county.RO-B.free_places`. */
  path: string;
  /** A count, share or amount; null when the figure is not modelled or has nobody to measure. */
  value: number | string | boolean | null;
  /** The figure the leaf belongs to (its rule and source). */
  figure: FigureDefinition;
  /** True on the first leaf of its figure, so a table prints the rule once. */
  first: boolean;
}

function leaves(path: string, value: unknown): { path: string; value: ReportLeaf['value'] }[] {
  if (value == null) return [{ path, value: null }];
  if (typeof value !== 'object') return [{ path, value: value as number | string | boolean }];
  const entries = Object.entries(value as Record<string, unknown>);
  // An empty breakdown (no shelter in any county) still gets its row, so the figure is not silently absent.
  if (entries.length === 0) return [{ path, value: null }];
  return entries.flatMap(([key, child]) => leaves(`${path}.${key}`, child));
}

/**
 * Every leaf of a report in figure order, for the CSV and Markdown outputs
 * (docs/statistics.md: "rows with dotted paths"): a figure whose value is an
 * object (shelter places by county, amounts by currency) gives one leaf per
 * key, recursively, each with its dotted path, so no cell holds JSON and
 * every row can be summed or compared on its own.
 */
export function reportLeaves(report: AnnualReport, figures: readonly FigureDefinition[]): ReportLeaf[] {
  return reportValues(report, figures).flatMap(({ path, value }, i) =>
    leaves(path, value).map((leaf, j) => ({ ...leaf, figure: figures[i]!, first: j === 0 })),
  );
}
