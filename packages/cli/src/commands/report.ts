import { InvalidArgumentError, Option, type Command } from 'commander';
import { annualReportFigures, reportMarkdown } from '@opennrm/domain';
import { computeAnnualReport, reportCsv, reportDataOrigin, traceFigure, type FigureTrace } from '@opennrm/server';
import { withDatabase } from '../context.ts';
// The server package exports only its index; the service directory is imported directly, like the GDPR capability in retention.ts.
import { serviceGaps } from '../../../server/src/service-directory/service-gaps.ts';
import { serviceGapsMarkdown } from '../../../server/src/service-directory/service-gaps-markdown.ts';

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new InvalidArgumentError('give a four-digit year, e.g. 2023');
  return Number(text);
}

function traceText(trace: FigureTrace): string {
  const lines = [
    `${trace.figure.path} = ${trace.value ?? 'null'} (${trace.figure.unit})`,
    `rule: ${trace.figure.rule}`,
    `source: ${trace.figure.source}`,
  ];
  for (const part of trace.parts) {
    lines.push('', `${part.role}: ${part.records.length} (${part.population})`);
    for (const r of part.records) lines.push(`${r.id}\t${r.case_numbers.join(',')}${r.value != null ? `\t${r.value}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `opennrm report --year YYYY [--format json|md|csv] [--trace PATH]`: the
 * national figures of a reporting year, computed from live records
 * (computeAnnualReport; rules in docs/statistics.md). With --trace, the ids
 * and case numbers a figure counts instead (no identifying data).
 */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('compute the national figures of a reporting year from live records (key names of the published report)')
    .requiredOption('--year <YYYY>', 'reporting year', parseYear)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md', 'csv']).default('json'))
    .option('--trace <figure>', 'list the records one figure counts, e.g. victims_identified.by_form.sexual_exploitation')
    .action(async (options: { year: number; format: 'json' | 'md' | 'csv'; trace?: string }, command: Command) => {
      await withDatabase(command, async ({ nrm, profile }) => {
        if (options.trace) {
          const trace = await traceFigure(nrm.db, profile, options.year, options.trace);
          process.stdout.write(options.format === 'json' ? `${JSON.stringify(trace, null, 2)}\n` : traceText(trace));
          return;
        }
        const report = await computeAnnualReport(nrm.db, profile, options.year);
        const figures = annualReportFigures(profile);
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (options.format === 'csv') process.stdout.write(reportCsv(report, figures));
        else {
          const origin = await reportDataOrigin(nrm.db);
          process.stdout.write(reportMarkdown(`${profile.name}: national figures ${options.year}`, report, figures, origin));
          // Today's gaps beside the year's figures (docs/services.md): where victims go without help.
          process.stdout.write(`\n${serviceGapsMarkdown(await serviceGaps(nrm.db, profile))}`);
        }
      });
    });
}
