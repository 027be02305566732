import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { Alert, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useCasesAtRisk } from './use-proceedings.ts';
import { AtRiskTable } from './AtRiskTable.tsx';

/** The periods offered; 90 days by default (issue 6: the dashboard lists a case whose limitation falls within 90 days). */
const PERIODS = [30, 90, 180] as const;

/**
 * The at-risk dashboard (issue 6 point 3, GET /criminal-cases/at-risk):
 * criminal cases with a running legal deadline within 30, 90 or 180 days,
 * soonest first, each linking to its case. The period is in the address
 * (?within=30), so the view can be bookmarked and survives a reload.
 */
export default function DeadlinesPage() {
  const { t } = useTranslation('proceedings');
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('within'));
  const within = (PERIODS as readonly number[]).includes(asked) ? asked : 90;
  const atRisk = useCasesAtRisk(within);
  const forbidden = atRisk.error instanceof ApiRequestError && atRisk.error.status === 403;
  const period = t('length_days', { count: within });
  return (
    <Stack>
      <Title order={1}>{t('at_risk.title')}</Title>
      <Text>{t('at_risk.intro')}</Text>
      <Stack gap={4} role="group" aria-labelledby="at-risk-within">
        <Text id="at-risk-within" fw={600} size="sm">
          {t('at_risk.within')}
        </Text>
        <SegmentedControl
          value={String(within)}
          onChange={(value) => setParams({ within: value }, { replace: true })}
          data={PERIODS.map((days) => ({ value: String(days), label: t('length_days', { count: days }) }))}
          aria-labelledby="at-risk-within"
        />
      </Stack>
      {atRisk.isPending && atRisk.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {atRisk.isPending && atRisk.fetchStatus !== 'paused' && <Loader role="status" aria-label={t('loading')} />}
      {forbidden && <Alert color="gray">{t('list.not_for_role')}</Alert>}
      {atRisk.isError && !forbidden && <ApiErrorAlert error={atRisk.error} />}
      {atRisk.data && atRisk.data.items.length === 0 && <Text>{t('at_risk.empty', { within: period })}</Text>}
      {atRisk.data && atRisk.data.items.length > 0 && (
        <AtRiskTable items={atRisk.data.items} caption={t('at_risk.caption', { count: atRisk.data.items.length, within: period })} />
      )}
    </Stack>
  );
}
