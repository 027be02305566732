import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Alert, Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { api, ApiRequestError, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';

/**
 * "Referrals waiting for me" (issue 5 point 3): referrals sent to the user's
 * organisation that wait for an answer or, once accepted, for the first
 * service (GET /api/v1/referrals/waiting, direction incoming; overdue ones
 * first, thresholds from the profile: docs/services.md "Timers"). A role
 * that reads no referrals is told so instead of shown an error.
 */
export function ReferralsWaiting() {
  const { t, i18n } = useTranslation(['work', 'app', 'case']);
  const waiting = useQuery({
    queryKey: ['referrals', 'waiting', 'incoming'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/referrals/waiting', { params: { query: { direction: 'incoming', limit: 20, offset: 0 } } })),
  });
  const forbidden = waiting.error instanceof ApiRequestError && waiting.error.status === 403;
  const day = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  const list = (items: string[]) => new Intl.ListFormat(i18n.resolvedLanguage, { type: 'conjunction' }).format(items);

  return (
    <Stack gap="sm" component="section" aria-labelledby="work-referrals">
      <Title order={2} size="h3" id="work-referrals">
        {t('referrals_waiting')}
      </Title>
      {waiting.isPending && waiting.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {waiting.isPending && waiting.fetchStatus !== 'paused' && <Loader size="sm" aria-label={t('app:common.loading')} />}
      {forbidden && <Text>{t('referrals_not_for_role')}</Text>}
      {waiting.isError && !forbidden && <ApiErrorAlert error={waiting.error} />}
      {waiting.data && waiting.data.items.length === 0 && <Text>{t('no_referrals_waiting')}</Text>}
      {waiting.data && waiting.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Caption>
              {t('referrals_caption', { count: waiting.data.total, shown: waiting.data.items.length, overdue: waiting.data.overdue })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referral_from')}</Table.Th>
                <Table.Th scope="col">{t('referral_services')}</Table.Th>
                <Table.Th scope="col">{t('referral_waiting_for')}</Table.Th>
                <Table.Th scope="col">{t('referral_due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waiting.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/cases/${r.victim_case_id}`}>
                      {t('referral_open', { organisation: r.from_organisation_code })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{list(r.services.map((s) => t(`case:service.${s}`)))}</Table.Td>
                  <Table.Td>
                    {t(`waiting_for.${r.waiting_for}`, { count: r.days_waiting })}
                    {r.urgency === 'urgent' && <Text size="sm">{t('urgent')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {r.overdue ? (
                      <Badge color="red.9" variant="filled">
                        {t('overdue_since', { date: day.format(new Date(r.due_at)) })}
                      </Badge>
                    ) : (
                      day.format(new Date(r.due_at))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
