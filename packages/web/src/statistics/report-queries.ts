import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';

/** The annual report (GET /api/v1/reports/annual): the key names of the published figures, null where unsupported. */
export type AnnualReport = Schemas['AnnualReport'];
/** The records behind one figure (GET /api/v1/reports/annual/trace). */
export type FigureTrace = Schemas['FigureTrace'];

const reportQuery = (year: number) => ({
  queryKey: ['reports', 'annual', year],
  queryFn: async () => unwrap(await api.GET('/api/v1/reports/annual', { params: { query: { year } } })),
  // The figures of a past year move only when records are corrected: no refetch while the page is open.
  staleTime: 5 * 60_000,
});

/** One year's national figures. */
export function useAnnualReport(year: number) {
  return useQuery(reportQuery(year));
}

/** Several years' figures at once (year over year), each cached like a single year. */
export function useAnnualReports(years: readonly number[]) {
  return useQueries({ queries: years.map(reportQuery) });
}

/** The records one figure counts, with its rule and source. */
export function useFigureTrace(year: number, figure: string) {
  return useQuery({
    queryKey: ['reports', 'trace', year, figure],
    queryFn: async () => unwrap(await api.GET('/api/v1/reports/annual/trace', { params: { query: { year, figure } } })),
    staleTime: 5 * 60_000,
  });
}

/**
 * The value at a dotted figure path of the report ("victims_identified.by_form.sexual_exploitation"):
 * a number, or null when the report gives null or has no such key.
 */
export function figureValue(report: AnnualReport, path: string): number | null {
  let value: unknown = report;
  for (const key of path.split('.'))
    value = value != null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : null;
}

/** The URL of a download of the year's report (the API's CSV, Markdown or JSON file). */
export function exportUrl(year: number, format: 'csv' | 'md' | 'json'): string {
  return `/api/v1/reports/annual/export?year=${year}&format=${format}`;
}

/** The app's page of one figure's trace. */
export function traceHref(year: number, figure: string): string {
  return `/statistics/trace?${new URLSearchParams({ year: String(year), figure })}`;
}
