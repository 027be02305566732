import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { api, ApiRequestError, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { InboxReferral } from './InboxReferral.tsx';

/**
 * The referrals inbox of a service provider (issue 5, point 3): referrals
 * sent to the user's organisation that wait for an answer, or, once
 * accepted, for their first service (GET /api/v1/referrals/waiting,
 * direction incoming), overdue first, each with the timer the profile sets
 * (services.referral_timers, computed by the server: docs/services.md,
 * "Timers"). Accept, or decline with a reason.
 */
export default function ReferralsInboxPage() {
  const { t } = useTranslation('referrals');
  const waiting = useQuery({
    queryKey: ['referrals', 'waiting', 'incoming'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/referrals/waiting', { params: { query: { direction: 'incoming', limit: 100, offset: 0 } } })),
  });
  const forbidden = waiting.error instanceof ApiRequestError && waiting.error.status === 403;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('inbox.title')}</Title>
        {waiting.data && waiting.data.overdue > 0 && (
          <Badge color="red.9" variant="filled" size="lg">
            {t('inbox.overdue_count', { count: waiting.data.overdue })}
          </Badge>
        )}
      </Group>
      <Text>{t('inbox.intro')}</Text>
      {waiting.isPending && waiting.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {waiting.isPending && waiting.fetchStatus !== 'paused' && <Loader aria-label={t('loading')} />}
      {forbidden && <Alert color="gray">{t('inbox.not_for_role')}</Alert>}
      {waiting.isError && !forbidden && <ApiErrorAlert error={waiting.error} />}
      {waiting.data && waiting.data.items.length === 0 && (
        <Alert color="gray" title={t('inbox.empty_title')}>
          {t('inbox.empty')}
        </Alert>
      )}
      {waiting.data && waiting.data.total > waiting.data.items.length && (
        <Text size="sm">{t('inbox.more', { shown: waiting.data.items.length, total: waiting.data.total })}</Text>
      )}
      {waiting.data?.items.map((referral) => (
        <InboxReferral key={referral.id} referral={referral} />
      ))}
    </Stack>
  );
}
