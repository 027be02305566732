import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { api, ApiRequestError, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useSession } from '../auth/session.ts';
import { useDeviceScreenings } from '../screening/use-device-screenings.ts';
import { syncStateOf } from '../screening/SyncStateBadge.tsx';
import { DeadlinesComing } from '../proceedings/DeadlinesComing.tsx';
import { mayUse } from '../app/screen-access.ts';
import { ReferralsWaiting } from './ReferralsWaiting.tsx';

/**
 * "My work" (issue 5, point 3), first cut over what the API offers today:
 * screenings on this device that still wait to be sent, and the victim cases
 * the user may see (GET /api/v1/victim-cases, need-to-know filtered by the
 * server), each opening its case page; referrals waiting for the user's
 * organisation; and legal deadlines coming in criminal cases, for the roles
 * that follow them.
 */
export function MyWorkPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const owner = session.data?.status === 'signed_in' ? session.data.user.username : '';
  const role = session.data?.status === 'signed_in' ? session.data.user.role : '';
  const device = useDeviceScreenings(owner);
  const waiting = (device.data ?? []).filter((s) => ['draft', 'waiting', 'refused'].includes(syncStateOf(s))).length;
  const cases = useQuery({
    queryKey: ['victim-cases', 'mine'],
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases', { params: { query: { limit: 20, offset: 0 } } })),
  });
  const forbidden = cases.error instanceof ApiRequestError && cases.error.status === 403;

  return (
    <Stack>
      <Title order={1}>{t('work.title')}</Title>
      <Card withBorder>
        <Group justify="space-between">
          <Text>{t('work.device_screenings', { count: waiting })}</Text>
          <Group>
            <Anchor component={Link} href="/screenings">
              {t('work.open_screenings')}
            </Anchor>
            <Button component={Link} href="/screenings?new=1">
              {t('screenings.new')}
            </Button>
          </Group>
        </Group>
      </Card>
      <Title order={2} size="h3">
        {t('work.cases')}
      </Title>
      {cases.isPending && cases.fetchStatus === 'paused' && <Alert color="gray">{t('work.offline')}</Alert>}
      {cases.isPending && cases.fetchStatus !== 'paused' && <Loader aria-label={t('common.loading')} />}
      {forbidden && <Alert color="gray">{t('work.cases_not_for_role')}</Alert>}
      {cases.isError && !forbidden && <ApiErrorAlert error={cases.error} />}
      {cases.data && cases.data.items.length === 0 && <Text>{t('work.no_cases')}</Text>}
      {cases.data && cases.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Caption>{t('work.cases_caption', { count: cases.data.total, shown: cases.data.items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('work.case_number')}</Table.Th>
                <Table.Th scope="col">{t('work.status')}</Table.Th>
                <Table.Th scope="col">{t('work.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/cases/${item.id}`}>
                      {item.case_number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`nrm_status.${item.nrm_status}`)}</Table.Td>
                  <Table.Td>
                    {item.updated_at
                      ? new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' }).format(new Date(item.updated_at))
                      : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReferralsWaiting />
      {mayUse('proceedings', role) && <DeadlinesComing />}
    </Stack>
  );
}
