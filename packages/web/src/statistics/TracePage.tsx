import { useState } from 'react';
import { useDomainText, type ShownText } from '../i18n/in-language.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { Alert, Anchor, Button, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { ApiRequestError } from '../api/client.ts';
import { useNumberFormat } from './FigureTable.tsx';
import { useFigureTrace, type FigureTrace } from './report-queries.ts';
import { ScrollableTable } from '../app/ScrollableTable.tsx';

const PAGE = 100;

/**
 * The dashboard's own row labels of the figures it names without context (StatisticsPage, JusticeFigures), by
 * figure path; other figures are named by their translated meaning (`figures.<path>.meaning`).
 */
const DASHBOARD_LABELS: Record<string, string> = {
  'victims_identified.total': 'figure.identified',
  'victims_identified.children': 'figure.children',
  'victims_identified.foreign_citizens': 'figure.foreign',
  'victims_identified.girls_sexual_exploitation': 'figure.girls_sexual',
  'victims_identified.foreign_ukrainian_refugees_labour': 'figure.ukrainian_labour',
  'victims_identified.romanian_exploited_in_romania': 'figure.exploited_at_home',
  'victims_identified.romanian_exploited_in_western_europe': 'figure.exploited_western_europe',
  victims_referred_to_assistance: 'figure.referred',
  'victims_assisted.total': 'figure.assisted',
  victims_assisted_share_of_identified: 'figure.assisted_share',
  'investigations_new.total': 'figure.investigations',
  'suspects_prosecuted.total': 'figure.prosecuted',
  'traffickers_convicted.total': 'figure.convicted',
  'compensation_court_orders.victims': 'figure.compensated',
  'compensation_court_orders.victims_paid': 'figure.compensated_paid',
};

/** Whether the server refused the figure itself: no such figure in the report (400 naming query.figure). */
const isUnknownFigure = (error: unknown) =>
  error instanceof ApiRequestError && error.status === 400 && (error.body.fields ?? []).some((f) => f.path === 'query.figure');

/**
 * The records behind one published figure (GET /api/v1/reports/annual/trace,
 * DEVELOPERS.md principle 4): the figure's meaning, counting rule and source
 * in the user's language (the statistics strings under `figures.<figure path>`,
 * translated from the domain's English), or the domain's English marked as
 * such where a translation is missing, its value, and
 * the records each part of it counts: pseudonymous ids and case numbers, never
 * identifying data. The coordinator only (rule coordinator.report_traces).
 */
export default function TracePage() {
  const { t } = useTranslation('statistics');
  const params = new URLSearchParams(useSearch());
  const year = Number(params.get('year'));
  const figure = params.get('figure') ?? '';
  const trace = useFigureTrace(year, figure);
  const forbidden = trace.error instanceof ApiRequestError && trace.error.status === 403;
  // What was typed in the address is never shown back: a figure the report lacks is named as such, in words.
  const unknown = isUnknownFigure(trace.error);
  const dashboard = Number.isInteger(year) ? `/statistics?year=${year}` : '/statistics';

  return (
    <Stack>
      <Anchor component={Link} href={dashboard}>
        {t('trace.back', { year })}
      </Anchor>
      <Title order={1}>{t('trace.title', { year })}</Title>
      {forbidden && <Alert color="gray">{t('trace.not_for_role')}</Alert>}
      {unknown && (
        <Alert color="gray" title={t('trace.no_such_figure_title')}>
          <Text size="sm">{t('trace.no_such_figure')}</Text>
          <Anchor component={Link} href={dashboard} size="sm">
            {t('trace.to_dashboard')}
          </Anchor>
        </Alert>
      )}
      {trace.isError && !forbidden && !unknown && <ApiErrorAlert error={trace.error} />}
      {trace.isPending && <Loader aria-label={t('loading')} />}
      {trace.data && <TraceDetails trace={trace.data} />}
    </Stack>
  );
}

function TraceDetails({ trace }: { trace: FigureTrace }) {
  const { t } = useTranslation('statistics');
  const format = useNumberFormat();
  const domainText = useDomainText('statistics');
  const value = trace.value;
  const key = `figures.${trace.figure.path}`;
  const meaning = domainText(`${key}.meaning`, trace.figure.meaning);
  const rule =
    trace.figure.rule != null
      ? domainText(`${key}.rule`, trace.figure.rule)
      : domainText(`${key}.not_modelled`, trace.figure.not_modelled ?? '');
  const source = domainText(`${key}.source`, trace.figure.source);
  const labelKey = DASHBOARD_LABELS[trace.figure.path];
  const label = labelKey ? { text: t(labelKey), lang: undefined } : capitalised(meaning);
  const unit = domainText(`trace.units.${trace.figure.unit}`, trace.figure.unit);
  return (
    <>
      <Text size="lg" fw={700} lang={label.lang} data-testid="figure-label">
        {label.text}
      </Text>
      <Card withBorder component="section" aria-labelledby="figure-title">
        <Title order={2} size="h3" id="figure-title">
          {t('trace.figure')}
        </Title>
        <Table variant="vertical" mt="sm">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('trace.value')}</Table.Th>
              <Table.Td>{typeof value === 'number' ? format(value) : value == null ? t('no_data') : t('trace.value_by_key')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('trace.unit')}</Table.Th>
              <Table.Td lang={unit.lang}>{unit.text}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('trace.meaning')}</Table.Th>
              <Table.Td lang={meaning.lang}>{meaning.text}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('trace.rule')}</Table.Th>
              <Table.Td lang={rule.lang}>{rule.text}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('trace.source')}</Table.Th>
              <Table.Td lang={source.lang}>{source.text}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="sm">
          {t('trace.rules_language')}
        </Text>
      </Card>
      {trace.origin && (
        <Card withBorder component="section" aria-labelledby="origin-title">
          <Title order={2} size="h3" id="origin-title">
            {t('trace.origin')}
          </Title>
          <Text mt="sm" lang="en">
            {trace.origin.from}
          </Text>
          {trace.origin.facility_ids && <Text mt="xs">{t('trace.facilities', { count: trace.origin.facility_ids.length })}</Text>}
        </Card>
      )}
      {trace.parts.map((part) => (
        <TracePart key={part.role} part={part} />
      ))}
    </>
  );
}

/** A meaning as a label: its first letter upper case in the text's language ("victims referred..." -> "Victims referred..."). */
function capitalised(shown: ShownText): ShownText {
  return { ...shown, text: shown.text.charAt(0).toLocaleUpperCase(shown.lang) + shown.text.slice(1) };
}

function TracePart({ part }: { part: FigureTrace['parts'][number] }) {
  const { t } = useTranslation('statistics');
  const format = useNumberFormat();
  const [shown, setShown] = useState(PAGE);
  const measured = part.records.some((r) => r.value != null);
  const id = `part-${part.role}`;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {t(`trace.role.${part.role}`, { count: part.records.length })}
        </Title>
        <Text size="sm">
          {t('trace.population', { population: t(`trace.populations.${part.population}`, { defaultValue: part.population }) })}
        </Text>
        {part.records.length === 0 ? (
          <Text>{t('trace.no_records')}</Text>
        ) : (
          <ScrollableTable minWidth={320} label={t(`trace.role.${part.role}`, { count: part.records.length })}>
            <Table striped>
              <Table.Caption>{t('trace.shown', { count: part.records.length, shown: Math.min(shown, part.records.length) })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trace.case_numbers')}</Table.Th>
                  <Table.Th scope="col">{t('trace.record_id')}</Table.Th>
                  {measured && <Table.Th scope="col">{t('trace.measured')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {part.records.slice(0, shown).map((record) => (
                  <Table.Tr key={record.id}>
                    <Table.Td>{record.case_numbers.join(', ')}</Table.Td>
                    <Table.Td>
                      <Text span size="sm" ff="monospace">
                        {record.id}
                      </Text>
                    </Table.Td>
                    {measured && <Table.Td>{record.value == null ? '' : format(record.value)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
        {shown < part.records.length && (
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)} style={{ alignSelf: 'start' }}>
            {t('trace.show_more', { count: Math.min(PAGE, part.records.length - shown) })}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
