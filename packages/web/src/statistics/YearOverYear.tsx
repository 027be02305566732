import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { FigureValue, useNumberFormat } from './FigureTable.tsx';
import { figureValue, useAnnualReports } from './report-queries.ts';
import { ScrollableTable } from '../app/ScrollableTable.tsx';

const YearsChart = lazy(() => import('./YearsChart.tsx'));

/** The figures compared across years: victims identified, referred and assisted (persons). */
const SERIES = ['victims_identified.total', 'victims_referred_to_assistance', 'victims_assisted.total'] as const;
const SPAN = 5;

/**
 * The selected year and the four before it, side by side (one report per year,
 * each computed from live records by the API), as a line chart and a table.
 * Asked for when the user opens the comparison, so a visit to the dashboard
 * makes one request (the selected year's report); once open it stays open
 * when the year changes.
 */
export function YearOverYear({ year, traceable }: { year: number; traceable: boolean }) {
  const { t } = useTranslation('statistics');
  const [open, setOpen] = useState(false);
  const from = year - SPAN + 1;
  return (
    <Card withBorder component="section" aria-labelledby="years-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="years-title">
          {t('years.title', { from, to: year })}
        </Title>
        {open ? (
          <YearsCompared year={year} traceable={traceable} />
        ) : (
          <Group>
            <Button variant="default" aria-expanded={false} onClick={() => setOpen(true)}>
              {t('years.show', { from, to: year })}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function YearsCompared({ year, traceable }: { year: number; traceable: boolean }) {
  const { t } = useTranslation('statistics');
  const format = useNumberFormat();
  const years = Array.from({ length: SPAN }, (_, i) => year - SPAN + 1 + i);
  const reports = useAnnualReports(years);
  const failed = reports.find((r) => r.isError);
  const ready = reports.every((r) => r.data);
  const label = (path: (typeof SERIES)[number]) => t(`years.series.${path.replace(/\./g, '_')}`);
  return (
    <>
      {failed && <ApiErrorAlert error={failed.error} />}
      {!ready && !failed && <Loader aria-label={t('loading')} />}
      {ready && (
        <>
          <Suspense fallback={<Loader size="sm" aria-label={t('loading_chart')} />}>
            <YearsChart
              years={years}
              series={SERIES.map((path) => ({
                key: path.replace(/\./g, '_'),
                label: label(path),
                values: reports.map((r) => figureValue(r.data!, path)),
              }))}
              format={format}
            />
          </Suspense>
          <ScrollableTable minWidth={360} label={t('years.caption')}>
            <Table striped>
              <Table.Caption>{t('years.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('years.year')}</Table.Th>
                  {SERIES.map((path) => (
                    <Table.Th key={path} scope="col" ta="right">
                      {label(path)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years.map((y, i) => (
                  <Table.Tr key={y}>
                    <Table.Th scope="row">{y}</Table.Th>
                    {SERIES.map((path) => (
                      <Table.Td key={path} ta="right">
                        <FigureValue
                          row={{
                            key: path,
                            label: t('years.cell', { figure: label(path), year: y }),
                            value: figureValue(reports[i]!.data!, path),
                            path,
                          }}
                          year={y}
                          traceable={traceable}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
          <Text size="sm">{t('years.note')}</Text>
        </>
      )}
    </>
  );
}
