import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, Card, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { traceHref } from './report-queries.ts';
import { ScrollableTable } from '../app/ScrollableTable.tsx';

const BarFigureChart = lazy(() => import('./BarFigureChart.tsx'));

/** One row of a figure block: a label, a value and, when it is a figure of the report, its path (for its trace). */
export interface FigureRow {
  key: string;
  label: string;
  value: number | null;
  /** The report's figure path; absent for a value derived on this page (e.g. adults = total minus children). */
  path?: string;
  /** The value in words when a bare number would not say it (months, an amount with its currency). */
  display?: string;
}

/** Numbers in the user's language (Intl); null is "no data", never 0. */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (value: number) => number.format(value);
}

/**
 * A figure's value, linked to the page of the records behind it when the user may see them
 * (rule coordinator.report_traces); the link's hidden words name the figure for a screen reader.
 * `display` replaces the formatted number (a share shown as a percentage).
 */
export function FigureValue({ row, year, traceable, display }: { row: FigureRow; year: number; traceable: boolean; display?: string }) {
  const { t } = useTranslation('statistics');
  const format = useNumberFormat();
  if (row.value == null) return <Text span>{t('no_data')}</Text>;
  const shown = display ?? format(row.value);
  if (!traceable || !row.path) return <Text span>{shown}</Text>;
  return (
    <Anchor component={Link} href={traceHref(year, row.path)}>
      {shown}
      <VisuallyHidden>{t('trace.link_hidden', { figure: row.label })}</VisuallyHidden>
    </Anchor>
  );
}

/**
 * A block of figures: a heading, a bar chart and the same numbers as a table
 * (the accessible alternative, always shown: WCAG 1.1.1 and 1.3.1), with a note when the report needs one.
 */
export function FigureTable({
  id,
  title,
  rows,
  year,
  traceable,
  note,
  chart = true,
}: {
  id: string;
  title: string;
  rows: readonly FigureRow[];
  year: number;
  traceable: boolean;
  note?: string;
  chart?: boolean;
}) {
  const { t } = useTranslation('statistics');
  const format = useNumberFormat();
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {chart && rows.some((r) => r.value != null) && (
          <Suspense fallback={<Loader size="sm" aria-label={t('loading_chart')} />}>
            <BarFigureChart bars={rows} format={format} />
          </Suspense>
        )}
        <ScrollableTable minWidth={280} label={t('table_caption', { title, year })}>
          <Table striped>
            <Table.Caption>{t('table_caption', { title, year })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('column.figure')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('column.value')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw="normal">
                    {row.label}
                  </Table.Th>
                  <Table.Td ta="right">
                    <FigureValue row={row} year={year} traceable={traceable} display={row.display} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
        {note && <Text size="sm">{note}</Text>}
      </Stack>
    </Card>
  );
}
