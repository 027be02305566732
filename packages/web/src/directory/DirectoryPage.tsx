import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Box, Card, Checkbox, Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { SERVICES, type Service } from '../referrals/referral-codes.ts';
import { COUNTIES, countyName } from './counties.ts';
import { CountyMap } from './CountyMap.tsx';
import { FacilityCard } from './FacilityCard.tsx';
import { summariseByCounty, useFacilities } from './use-facilities.ts';

/**
 * The service-provider directory (issue 5, point 3): facilities of
 * government and NGO providers with their free places, filtered by service,
 * county and free places, on a map of the counties with the same figures as
 * a table. Readable by every signed-in user (no personal data; docs/services.md).
 */
export default function DirectoryPage() {
  const { t } = useTranslation('directory');
  const [service, setService] = useState<Service | null>(null);
  const [county, setCounty] = useState<string | null>(null);
  const [freeOnly, setFreeOnly] = useState(false);
  const facilities = useFacilities({ service, freeOnly });
  const items = facilities.data?.items ?? [];
  const summaries = useMemo(() => summariseByCounty(items), [items]);
  const shown = county ? items.filter((f) => f.region === county) : items;

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('filter.service')}
          value={service ?? ''}
          onChange={(e) => setService((e.currentTarget.value || null) as Service | null)}
          data={[{ value: '', label: t('filter.any_service') }, ...SERVICES.map((s) => ({ value: s, label: t(`service.${s}`) }))]}
        />
        <NativeSelect
          label={t('filter.county')}
          value={county ?? ''}
          onChange={(e) => setCounty(e.currentTarget.value || null)}
          data={[{ value: '', label: t('filter.any_county') }, ...COUNTIES.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Checkbox label={t('filter.free_only')} checked={freeOnly} onChange={(e) => setFreeOnly(e.currentTarget.checked)} mb={8} />
      </Group>
      {facilities.isPending && facilities.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {facilities.isPending && facilities.fetchStatus !== 'paused' && <Loader aria-label={t('loading')} />}
      {facilities.isError && <ApiErrorAlert error={facilities.error} />}
      {facilities.data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('map.title')}
              </Title>
              <CountyMap summaries={summaries} selected={county} onSelect={setCounty} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs" id="county-table-title">
                {t('counties.title')}
              </Title>
              {/* A region a keyboard user can scroll (axe scrollable-region-focusable). */}
              <Box mah={460} style={{ overflow: 'auto' }} tabIndex={0} role="region" aria-labelledby="county-table-title">
                <Table striped aria-labelledby="county-table-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('counties.county')}</Table.Th>
                      <Table.Th scope="col">{t('counties.facilities')}</Table.Th>
                      <Table.Th scope="col">{t('counties.free_places')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...summaries.values()].map((s) => (
                      <Table.Tr key={s.region} aria-selected={county === s.region || undefined}>
                        <Table.Th scope="row" fw={county === s.region ? 700 : 400}>
                          {countyName(s.region)}
                        </Table.Th>
                        <Table.Td>{s.facilities}</Table.Td>
                        <Table.Td>{s.free_places ?? t('counties.no_figure')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
              <Text size="sm" mt="xs">
                {t('counties.without', { count: COUNTIES.length - summaries.size })}
              </Text>
            </Card>
          </SimpleGrid>
          <Group justify="space-between">
            <Title order={2} size="h3" aria-live="polite">
              {county ? t('list.title_in', { count: shown.length, county: countyName(county) }) : t('list.title', { count: shown.length })}
            </Title>
            {county && (
              <Badge variant="outline" color="dark">
                {countyName(county)}
              </Badge>
            )}
          </Group>
          {facilities.data.total > items.length && (
            <Text size="sm">{t('list.more', { shown: items.length, total: facilities.data.total })}</Text>
          )}
          {shown.length === 0 ? (
            <Text>{t('list.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {shown.map((facility) => (
                <FacilityCard key={facility.id} facility={facility} />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
