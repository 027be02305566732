import { useLocation, useSearch } from 'wouter';

/** The years the picker offers: the last ten, newest first (the year in progress counts so far). */
export function reportYears(today = new Date()): number[] {
  const current = today.getFullYear();
  return Array.from({ length: 10 }, (_, i) => current - i);
}

/**
 * The reporting year in the page's address (`?year=2023`, so a link or a reload keeps it), else last year:
 * the latest complete year, the one a coordinator publishes.
 */
export function useReportYear(): [number, (year: number) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const asked = Number(new URLSearchParams(search).get('year'));
  const year = reportYears().includes(asked) ? asked : new Date().getFullYear() - 1;
  return [year, (next) => navigate(`${location}?year=${next}`, { replace: true })];
}
