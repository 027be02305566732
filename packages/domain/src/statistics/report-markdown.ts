import type { AnnualReport, FigureDefinition } from './annual-report.ts';
import { reportLeaves } from './report-leaves.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Whether the records counted are synthetic (the demo), as far as the caller knows. */
export type ReportDataOrigin = 'live' | 'synthetic' | 'partly_synthetic';

const ORIGIN_TITLE: Record<ReportDataOrigin, string> = {
  live: '',
  synthetic: ' (SYNTHETIC DEMO DATA)',
  partly_synthetic: ' (includes SYNTHETIC DEMO DATA)',
};

/**
 * Renders a report as a Markdown document: one table row per leaf with its
 * dotted path (a figure broken down by key, such as shelter places by county,
 * gives one row per key, docs/statistics.md), value and counting rule ("not
 * modelled: reason" for nulls the data model cannot support), the rule on
 * the first row of its figure only.
 *
 * @param title first heading, e.g. "Romania: national figures 2023".
 * @param origin when the records are the synthetic demo (victim_case.synthetic,
 *   docs/demo.md), the title says so, so that a printed report cannot pass for national figures.
 */
export function reportMarkdown(
  title: string,
  report: AnnualReport,
  figures: readonly FigureDefinition[],
  origin: ReportDataOrigin = 'live',
): string {
  const lines = [`# ${cell(title + ORIGIN_TITLE[origin])}`, '', '| Figure | Value | Rule |', '|---|---:|---|'];
  for (const { path, value, figure, first } of reportLeaves(report, figures)) {
    const rule = first ? (figure.rule ?? `not modelled: ${figure.not_modelled ?? 'no rule'}`) : '';
    lines.push(`| \`${path}\` | ${value == null ? '—' : String(value)} | ${cell(rule)} |`);
  }
  lines.push('', 'Counting rules and sources: docs/statistics.md. "—" means null: no data model yet, or nobody to measure.', '');
  return lines.join('\n');
}
