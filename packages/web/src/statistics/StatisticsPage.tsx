import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { mayUse } from '../app/screen-access.ts';
import { useSession } from '../auth/session.ts';
import { ApiRequestError } from '../api/client.ts';
import { FigureTable, FigureValue, type FigureRow } from './FigureTable.tsx';
import { JusticeFigures } from './JusticeFigures.tsx';
import { ShelterCounties } from './ShelterCounties.tsx';
import { YearOverYear } from './YearOverYear.tsx';
import { exportUrl, figureValue, useAnnualReport, type AnnualReport } from './report-queries.ts';
import { reportYears, useReportYear } from './year.ts';

const FORMATS = ['csv', 'md', 'json'] as const;

/**
 * The statistics dashboard (issue 5, point 3): a reporting year's national
 * figures as the API computes them from live records (GET /api/v1/reports/annual,
 * rules in docs/statistics.md), by form, age, sex and citizenship, shelter
 * places by county on the map, prosecutions, convictions, sentences and
 * compensation, the last five years on request, and the API's CSV,
 * Markdown and JSON files. A visit makes one request: the year's report
 * holds every figure shown; comparing years asks for the four before only
 * when the user opens the comparison. Every figure of the report links to the records
 * behind it for a user who may see them (the coordinator); analysts see the
 * aggregates only. No figure is computed here except a difference the page
 * names (adults = total minus children).
 */
export default function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const session = useSession();
  const role = session.data?.status === 'signed_in' ? session.data.user.role : '';
  const traceable = mayUse('statistics_trace', role);
  const [year, setYear] = useReportYear();
  const report = useAnnualReport(year);
  const forbidden = report.error instanceof ApiRequestError && report.error.status === 403;

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{traceable ? t('intro_trace') : t('intro')}</Text>
      <Group align="end" justify="space-between">
        <NativeSelect
          label={t('year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={reportYears().map((y) => String(y))}
          w={160}
        />
        <Group gap="xs" role="group" aria-label={t('export.label', { year })}>
          {FORMATS.map((format) => (
            <Button key={format} component="a" href={exportUrl(year, format)} download variant="default">
              {t(`export.${format}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {forbidden && <Alert color="gray">{t('not_for_role')}</Alert>}
      {report.isError && !forbidden && <ApiErrorAlert error={report.error} />}
      {report.isPending && <Loader aria-label={t('loading')} />}
      {report.data && <YearFigures report={report.data} year={year} traceable={traceable} />}
      {report.data && <YearOverYear year={year} traceable={traceable} />}
    </Stack>
  );
}

function YearFigures({ report, year, traceable }: { report: AnnualReport; year: number; traceable: boolean }) {
  const { t } = useTranslation('statistics');
  const row = (path: string, label: string): FigureRow => ({ key: path, label, value: figureValue(report, path), path });
  const total = figureValue(report, 'victims_identified.total');
  const children = figureValue(report, 'victims_identified.children');
  const foreign = figureValue(report, 'victims_identified.foreign_citizens');
  const share = figureValue(report, 'victims_assisted_share_of_identified');
  const minus = (a: number | null, b: number | null) => (a == null || b == null ? null : a - b);

  if (total === 0 && figureValue(report, 'victims_referred_to_assistance') == null) {
    return <Alert color="gray">{t('empty', { year })}</Alert>;
  }

  const headline: FigureRow[] = [
    row('victims_identified.total', t('figure.identified')),
    row('victims_identified.children', t('figure.children')),
    row('victims_identified.foreign_citizens', t('figure.foreign')),
    row('victims_referred_to_assistance', t('figure.referred')),
    row('victims_assisted.total', t('figure.assisted')),
  ];
  const forms = Object.keys(report.victims_identified.by_form).map((category) =>
    row(`victims_identified.by_form.${category}`, t(`form.${category}`, { defaultValue: category })),
  );

  return (
    <>
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 3 }}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('headline', { year })}
      >
        {headline.map((figure) => (
          <Stack
            key={figure.key}
            component="li"
            gap={2}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }}
          >
            <Text size="sm">{figure.label}</Text>
            <Text size="xl" fw={700}>
              <FigureValue row={figure} year={year} traceable={traceable} />
            </Text>
          </Stack>
        ))}
        <Stack component="li" gap={2} p="sm" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }}>
          <Text size="sm">{t('figure.assisted_share')}</Text>
          <Text size="xl" fw={700}>
            {share == null ? t('no_data') : <ShareValue share={share} year={year} traceable={traceable} />}
          </Text>
        </Stack>
      </SimpleGrid>
      <FigureTable id="forms" title={t('section.forms')} rows={forms} year={year} traceable={traceable} note={t('note.forms')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FigureTable
          id="age"
          title={t('section.age')}
          rows={[
            row('victims_identified.children', t('figure.children')),
            { key: 'adults', label: t('figure.adults'), value: minus(total, children) },
          ]}
          year={year}
          traceable={traceable}
          note={t('note.age')}
        />
        <FigureTable
          id="sex"
          title={t('section.sex')}
          rows={[row('victims_identified.girls_sexual_exploitation', t('figure.girls_sexual'))]}
          year={year}
          traceable={traceable}
          note={t('note.sex')}
          chart={false}
        />
      </SimpleGrid>
      <FigureTable
        id="citizenship"
        title={t('section.citizenship')}
        rows={[
          row('victims_identified.foreign_citizens', t('figure.foreign')),
          { key: 'national', label: t('figure.national_or_unknown'), value: minus(total, foreign) },
          row('victims_identified.foreign_ukrainian_refugees_labour', t('figure.ukrainian_labour')),
          row('victims_identified.romanian_exploited_in_romania', t('figure.exploited_at_home')),
          row('victims_identified.romanian_exploited_in_western_europe', t('figure.exploited_western_europe')),
        ]}
        year={year}
        traceable={traceable}
        note={t('note.citizenship')}
      />
      <JusticeFigures report={report} year={year} traceable={traceable} />
      <ShelterCounties
        counties={
          (report as { shelter_places_by_county?: Parameters<typeof ShelterCounties>[0]['counties'] }).shelter_places_by_county ?? null
        }
        year={year}
        traceable={traceable}
      />
    </>
  );
}

/** A share (0..1) as a percentage in the user's language, linked to its numerator and denominator when traceable. */
function ShareValue({ share, year, traceable }: { share: number; year: number; traceable: boolean }) {
  const { t, i18n } = useTranslation('statistics');
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const row: FigureRow = { key: 'share', label: t('figure.assisted_share'), value: share, path: 'victims_assisted_share_of_identified' };
  return traceable ? <FigureValue row={row} year={year} traceable display={percent} /> : <>{percent}</>;
}
