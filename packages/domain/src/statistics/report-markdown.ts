import { reportValues, type AnnualReport, type FigureDefinition } from './annual-report.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function valueText(value: unknown): string {
  if (value == null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Renders a report as a Markdown document: one table row per figure with its
 * dotted path, value and counting rule ("not modelled: reason" for nulls the
 * data model cannot support).
 *
 * @param title first heading, e.g. "Romania: national figures 2023".
 */
export function reportMarkdown(title: string, report: AnnualReport, figures: readonly FigureDefinition[]): string {
  const values = reportValues(report, figures);
  const lines = [`# ${cell(title)}`, '', '| Figure | Value | Rule |', '|---|---:|---|'];
  figures.forEach((figure, i) => {
    const rule = figure.rule ?? `not modelled: ${figure.not_modelled ?? 'no rule'}`;
    lines.push(`| \`${figure.path}\` | ${valueText(values[i]?.value)} | ${cell(rule)} |`);
  });
  lines.push('', 'Counting rules and sources: docs/statistics.md. "—" means null: no data model yet, or nobody to measure.', '');
  return lines.join('\n');
}
