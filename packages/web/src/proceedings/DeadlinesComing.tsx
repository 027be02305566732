import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Alert, Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useCasesAtRisk } from './use-proceedings.ts';
import { AtRiskTable } from './AtRiskTable.tsx';

/** Days ahead the card looks: the dashboard's default. */
const WITHIN_DAYS = 90;
/** Cases shown on the card; the rest are one link away. */
const SHOWN = 5;

/**
 * "Deadlines coming" for "my work" (issue 5 point 3): the five criminal cases
 * whose legal deadline comes soonest within 90 days, each linking to its
 * case, and a link to the whole at-risk dashboard. Nothing for a role that
 * does not follow criminal cases (the server answers 403).
 */
export function DeadlinesComing() {
  const { t } = useTranslation('proceedings');
  const atRisk = useCasesAtRisk(WITHIN_DAYS);
  if (atRisk.error instanceof ApiRequestError && atRisk.error.status === 403) return null;
  const period = t('length_days', { count: WITHIN_DAYS });
  const items = atRisk.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="deadlines-coming">
      <Stack gap="sm">
        <Title order={2} size="h3" id="deadlines-coming">
          {t('coming.title')}
        </Title>
        {atRisk.isPending && atRisk.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
        {atRisk.isPending && atRisk.fetchStatus !== 'paused' && <Loader size="sm" role="status" aria-label={t('loading')} />}
        {atRisk.isError && <ApiErrorAlert error={atRisk.error} />}
        {atRisk.data && items.length === 0 && <Text>{t('at_risk.empty', { within: period })}</Text>}
        {items.length > 0 && (
          <AtRiskTable
            compact
            items={items.slice(0, SHOWN)}
            caption={t('coming.caption', { count: Math.min(items.length, SHOWN), total: items.length, within: period })}
          />
        )}
        <Anchor component={Link} href="/deadlines">
          {t('coming.all')}
        </Anchor>
      </Stack>
    </Card>
  );
}
