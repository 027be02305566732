import { useTranslation } from 'react-i18next';
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { countyName } from './counties.ts';
import type { Facility } from './use-facilities.ts';

/** Days after which a provider's free-places figure is said to be old (docs/services.md: "a month old tells the reader not to trust it"). */
const STALE_AFTER_DAYS = 30;

/** One facility: provider, county, whom it takes, services, and its free places with how old that figure is. */
export function FacilityCard({ facility, headingLevel = 3 }: { facility: Facility; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation('directory');
  return (
    <Card withBorder component="article" aria-labelledby={`facility-${facility.id}`}>
      <Stack gap={6}>
        <Title order={headingLevel} size="h5" id={`facility-${facility.id}`}>
          {facility.name}
        </Title>
        <Text size="sm">
          {t('facility.provider', {
            provider: facility.organisation_name,
            code: facility.organisation_code,
            county: countyName(facility.region),
          })}
        </Text>
        <FreePlaces facility={facility} language={i18n.resolvedLanguage} />
        <Group gap={4}>
          {facility.services.map((s) => (
            <Badge key={s} variant="outline" color="blue.9">
              {t(`service.${s}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {facility.accepts_children && facility.accepts_adults
            ? t('facility.takes_all')
            : facility.accepts_children
              ? t('facility.takes_children')
              : t('facility.takes_adults')}
          {facility.dedicated_to_trafficking && ` · ${t('facility.dedicated')}`}
        </Text>
      </Stack>
    </Card>
  );
}

/** "5 free places of 14, updated 3 May", or that the provider gives no figure; an old figure is flagged. */
export function FreePlaces({ facility, language }: { facility: Facility; language: string | undefined }) {
  const { t } = useTranslation('directory');
  if (facility.free_places == null) return <Text size="sm">{t('facility.no_places_figure')}</Text>;
  const updated = facility.free_places_updated_at ? new Date(facility.free_places_updated_at) : null;
  const stale = updated != null && Date.now() - updated.getTime() > STALE_AFTER_DAYS * 86_400_000;
  return (
    <Group gap="xs">
      <Text size="sm" fw={700}>
        {facility.capacity != null
          ? t('facility.free_of', { count: facility.free_places, capacity: facility.capacity })
          : t('facility.free', { count: facility.free_places })}
      </Text>
      {updated && (
        <Text size="sm">{t('facility.updated', { date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(updated) })}</Text>
      )}
      {stale && (
        <Badge color="orange.9" variant="filled">
          {t('facility.stale')}
        </Badge>
      )}
    </Group>
  );
}
