import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { CountyMap } from '../directory/CountyMap.tsx';
import { countyName } from '../directory/counties.ts';
import { useNumberFormat } from './FigureTable.tsx';
import { traceHref } from './report-queries.ts';
import { ScrollableTable } from '../app/ScrollableTable.tsx';

/** One county of the report's shelter_places_by_county (ISO 3166-2 code to counts). */
interface CountyShelters {
  facilities: number;
  capacity: number;
  free_places: number;
}

/**
 * Shelter places by county (figure shelter_places_by_county: the service
 * directory as it is today, docs/statistics.md) on the directory's county map
 * (directory/CountyMap.tsx, shaded by free places), with every county's numbers in a table.
 * A county with no shelter shows zeros: the gap the TIP narrative names.
 */
export function ShelterCounties({
  counties,
  year,
  traceable,
}: {
  counties: Record<string, CountyShelters> | null;
  year: number;
  traceable: boolean;
}) {
  const { t } = useTranslation('statistics');
  const format = useNumberFormat();
  const [selected, setSelected] = useState<string | null>(null);
  const entries = Object.entries(counties ?? {}).sort(([a], [b]) => countyName(a).localeCompare(countyName(b)));
  const summaries = new Map(
    entries
      .filter(([, c]) => c.facilities > 0)
      .map(([region, c]) => [region, { region, facilities: c.facilities, free_places: c.free_places }]),
  );
  const chosen = selected ? counties?.[selected] : undefined;
  const total = entries.reduce((sum, [, c]) => sum + c.free_places, 0);
  return (
    <Card withBorder component="section" aria-labelledby="counties-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="counties-title">
          {t('counties.title')}
        </Title>
        <Text size="sm">{t('counties.note')}</Text>
        {counties == null ? (
          <Text>{t('counties.none')}</Text>
        ) : (
          <>
            <Text>{t('counties.free_total', { count: total, formatted: format(total) })}</Text>
            {traceable && (
              <Anchor component={Link} href={traceHref(year, 'shelter_places_by_county')}>
                {t('counties.trace')}
              </Anchor>
            )}
            <CountyMap summaries={summaries} selected={selected} onSelect={setSelected} />
            <Text aria-live="polite" size="sm">
              {selected && chosen
                ? t('counties.selected', {
                    county: countyName(selected),
                    facilities: format(chosen.facilities),
                    capacity: format(chosen.capacity),
                    free: format(chosen.free_places),
                  })
                : ''}
            </Text>
            <ScrollableTable minWidth={320} label={t('counties.caption')}>
              <Table striped>
                <Table.Caption>{t('counties.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('counties.county')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('counties.facilities')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('counties.capacity')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('counties.free_places')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map(([region, c]) => (
                    <Table.Tr key={region} bg={region === selected ? 'blue.0' : undefined}>
                      <Table.Th scope="row" fw="normal">
                        {countyName(region)}
                      </Table.Th>
                      <Table.Td ta="right">{format(c.facilities)}</Table.Td>
                      <Table.Td ta="right">{format(c.capacity)}</Table.Td>
                      <Table.Td ta="right">{format(c.free_places)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
          </>
        )}
      </Stack>
    </Card>
  );
}
