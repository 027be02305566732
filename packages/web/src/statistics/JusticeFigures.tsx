import { useTranslation } from 'react-i18next';
import { SimpleGrid } from '@mantine/core';
import { FigureTable, useNumberFormat, type FigureRow } from './FigureTable.tsx';
import { figureValue, type AnnualReport } from './report-queries.ts';

/** Damage types of the report's compensation figures (compensationFigures in @opennrm/domain). */
const DAMAGES = ['moral', 'material'] as const;

/** An amount by ISO 4217 currency of the report (e.g. compensation_court_orders.moral_damages), or {} when absent or null. */
function byCurrency(report: AnnualReport, path: string): Record<string, number> {
  let value: unknown = report;
  for (const key of path.split('.')) value = value != null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  return value != null && typeof value === 'object' ? (value as Record<string, number>) : {};
}

/**
 * The year's prosecution and compensation figures, from the same report as
 * the rest of the dashboard (GET /api/v1/reports/annual; rules in
 * docs/statistics.md): criminal investigations opened, suspects prosecuted,
 * traffickers convicted in all and by form, the range of prison sentences
 * not suspended (months), the victims a court granted compensation and those
 * of them paid, and the damages ordered by type and currency. Numbers and
 * amounts in the user's language (Intl); null is "no data", never 0.
 */
export function JusticeFigures({ report, year, traceable }: { report: AnnualReport; year: number; traceable: boolean }) {
  const { t, i18n } = useTranslation('statistics');
  const format = useNumberFormat();
  const row = (path: string, label: string): FigureRow => ({ key: path, label, value: figureValue(report, path), path });
  const months = (path: string, label: string): FigureRow => {
    const value = figureValue(report, path);
    return { ...row(path, label), ...(value != null ? { display: t('months', { count: value, formatted: format(value) }) } : {}) };
  };
  const convictions = Object.keys(report.traffickers_convicted.by_form).map((category) =>
    row(`traffickers_convicted.by_form.${category}`, t(`form.${category}`, { defaultValue: category })),
  );
  const damages = DAMAGES.flatMap((type) => {
    const path = `compensation_court_orders.${type}_damages`;
    return Object.entries(byCurrency(report, path))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]): FigureRow => ({
        key: `${path}.${currency}`,
        label: t('figure.damages', { type: t(`damage.${type}`), currency }),
        value: amount,
        path,
        display: new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'currency', currency }).format(amount),
      }));
  });
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FigureTable
          id="prosecution"
          title={t('section.prosecution')}
          rows={[
            row('investigations_new.total', t('figure.investigations')),
            row('suspects_prosecuted.total', t('figure.prosecuted')),
            row('traffickers_convicted.total', t('figure.convicted')),
          ]}
          year={year}
          traceable={traceable}
          note={t('note.prosecution')}
        />
        <FigureTable id="convictions" title={t('section.convictions')} rows={convictions} year={year} traceable={traceable} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FigureTable
          id="sentences"
          title={t('section.sentences')}
          rows={[
            months('prison_sentence_range_months.min', t('figure.sentence_min')),
            months('prison_sentence_range_months.median', t('figure.sentence_median')),
            months('prison_sentence_range_months.max', t('figure.sentence_max')),
          ]}
          year={year}
          traceable={traceable}
          note={t('note.sentences')}
          chart={false}
        />
        <FigureTable
          id="compensation"
          title={t('section.compensation')}
          rows={[
            row('compensation_court_orders.victims', t('figure.compensated')),
            row('compensation_court_orders.victims_paid', t('figure.compensated_paid')),
            ...damages,
          ]}
          year={year}
          traceable={traceable}
          note={t('note.compensation')}
          chart={false}
        />
      </SimpleGrid>
    </>
  );
}
