import { useTranslation } from 'react-i18next';
import { Anchor, Group, Text } from '@mantine/core';
import romania from '@svg-maps/romania';
import { countyName } from './counties.ts';
import type { CountySummary } from './use-facilities.ts';
import classes from './CountyMap.module.css';

/** Shades of free places, lightest to darkest; a county with no facility stays pale grey. */
const SHADES = [
  { key: 'none', fill: '#f1f3f5', test: (s: CountySummary | undefined) => !s },
  { key: 'full', fill: '#ffc078', test: (s: CountySummary | undefined) => !!s && !s.free_places },
  { key: 'few', fill: '#a5d8ff', test: (s: CountySummary | undefined) => !!s && s.free_places! >= 1 && s.free_places! < 5 },
  { key: 'some', fill: '#4dabf7', test: (s: CountySummary | undefined) => !!s && s.free_places! >= 5 && s.free_places! < 10 },
  { key: 'many', fill: '#1864ab', test: (s: CountySummary | undefined) => !!s && s.free_places! >= 10 },
] as const;

const shadeOf = (summary: CountySummary | undefined) => SHADES.find((s) => s.test(summary))!;

/**
 * Romania's counties shaded by the free places their facilities report (a
 * choropleth), from @svg-maps/romania (CC BY 4.0, after MapSVG; attributed
 * under the map). Its ids are the ISO 3166-2 codes of the profile's regions in
 * lower case ("ro-cj" is RO-CJ; test/county-map.test.ts checks every one).
 * Each county is a button a keyboard reaches (Tab, then Enter or Space)
 * that filters the directory to it, and the page beside it gives the same
 * figures as a table (WCAG 1.1.1: the map is never the only way to read them).
 */
export function CountyMap({
  summaries,
  selected,
  onSelect,
}: {
  summaries: Map<string, CountySummary>;
  selected: string | null;
  onSelect: (region: string | null) => void;
}) {
  const { t } = useTranslation('directory');
  const toggle = (region: string) => onSelect(selected === region ? null : region);
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={romania.viewBox} role="group" aria-label={t('map.label')} style={{ width: '100%', height: 'auto', maxHeight: 420 }}>
        {romania.locations.map((location) => {
          const region = location.id.toUpperCase();
          const summary = summaries.get(region);
          const label = summary
            ? summary.free_places == null
              ? t('map.county_no_figure', { county: countyName(region), count: summary.facilities })
              : t('map.county', { county: countyName(region), count: summary.free_places, facilities: summary.facilities })
            : t('map.county_none', { county: countyName(region) });
          return (
            <path
              key={location.id}
              d={location.path}
              fill={shadeOf(summary).fill}
              className={`${classes.county} ${selected === region ? classes.selected : ''}`}
              role="button"
              tabIndex={0}
              aria-pressed={selected === region}
              aria-label={label}
              data-region={region}
              onClick={() => toggle(region)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  toggle(region);
                }
              }}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <Group gap="md" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={t('map.legend')}>
          {SHADES.map((shade) => (
            <Group key={shade.key} gap={6} component="li" wrap="nowrap">
              <span className={classes.swatch} style={{ background: shade.fill }} aria-hidden="true" />
              <Text size="sm">{t(`map.shade.${shade.key}`)}</Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" mt="xs">
          {t('map.attribution')}{' '}
          <Anchor href="https://creativecommons.org/licenses/by/4.0/" size="xs" target="_blank" rel="noreferrer">
            {t('map.licence')}
          </Anchor>
        </Text>
      </figcaption>
    </figure>
  );
}
