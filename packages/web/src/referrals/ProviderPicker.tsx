import { useTranslation } from 'react-i18next';
import { Alert, Checkbox, Group, Loader, NativeSelect, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { COUNTIES, countyName } from '../directory/counties.ts';
import { FreePlaces } from '../directory/FacilityCard.tsx';
import { useFacilities, type Facility } from '../directory/use-facilities.ts';
import { SERVICES, type Service } from './referral-codes.ts';

export interface ProviderFilters {
  service: Service | null;
  county: string | null;
  freeOnly: boolean;
}

/**
 * Chooses the provider to refer to from the service directory: facilities
 * filtered by service, county and free places, each with its free places,
 * so the worker sees where there is room before sending. The referral goes to
 * the facility's organisation (the API refers to organisations).
 */
export function ProviderPicker({
  filters,
  onFilters,
  value,
  onChange,
  error,
}: {
  filters: ProviderFilters;
  onFilters: (filters: ProviderFilters) => void;
  value: Facility | null;
  onChange: (facility: Facility) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation('referrals');
  const facilities = useFacilities({ service: filters.service, freeOnly: filters.freeOnly });
  const shown = (facilities.data?.items ?? []).filter((f) => !filters.county || f.region === filters.county);
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect
          label={t('refer.filter_service')}
          value={filters.service ?? ''}
          onChange={(e) => onFilters({ ...filters, service: (e.currentTarget.value || null) as Service | null })}
          data={[{ value: '', label: t('refer.any_service') }, ...SERVICES.map((s) => ({ value: s, label: t(`service.${s}`) }))]}
        />
        <NativeSelect
          label={t('refer.filter_county')}
          value={filters.county ?? ''}
          onChange={(e) => onFilters({ ...filters, county: e.currentTarget.value || null })}
          data={[{ value: '', label: t('refer.any_county') }, ...COUNTIES.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Checkbox
          label={t('refer.free_only')}
          checked={filters.freeOnly}
          onChange={(e) => onFilters({ ...filters, freeOnly: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      {facilities.isPending && facilities.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {facilities.isPending && facilities.fetchStatus !== 'paused' && <Loader aria-label={t('loading')} />}
      {facilities.isError && <ApiErrorAlert error={facilities.error} />}
      {facilities.data && (
        <Radio.Group
          label={t('refer.provider')}
          description={t('refer.providers_found', { count: shown.length })}
          value={value?.id ?? ''}
          onChange={(id) => {
            const chosen = shown.find((f) => f.id === id);
            if (chosen) onChange(chosen);
          }}
          error={error}
          withAsterisk
        >
          {shown.length === 0 ? (
            <Text mt="xs">{t('refer.no_provider')}</Text>
          ) : (
            <ScrollArea.Autosize mah={320} mt="xs" type="auto">
              <Stack gap="sm" pr="sm">
                {shown.map((facility) => (
                  <Radio
                    key={facility.id}
                    value={facility.id}
                    label={`${facility.name} (${facility.organisation_code})`}
                    description={
                      <Stack gap={0}>
                        <Text size="sm">
                          {t('refer.provider_line', {
                            county: countyName(facility.region),
                            services: new Intl.ListFormat(i18n.resolvedLanguage).format(facility.services.map((s) => t(`service.${s}`))),
                          })}
                        </Text>
                        <FreePlaces facility={facility} language={i18n.resolvedLanguage} />
                      </Stack>
                    }
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Radio.Group>
      )}
    </Stack>
  );
}
