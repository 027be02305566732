import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ApiRequestError, type ApiErrorBody } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';

/** Days ahead "deadlines coming" looks (issue 6: the at-risk dashboard lists a limitation within 90 days). */
const WITHIN_DAYS = 90;

/** One deadline of a criminal case at risk, as GET /criminal-cases/at-risk gives it (issue 6, the deadline engine's CaseDeadline). */
interface CaseAtRisk {
  criminal_case_id: string;
  case_number: string;
  deadline: { kind: string; due_on: string | null; days_left: number | null; status: string };
}

/**
 * "Deadlines coming" (issue 5 point 3): legal deadlines of criminal cases
 * (limitation, pre-trial detention) within 90 days, soonest first, from
 * GET /api/v1/criminal-cases/at-risk. The route belongs to the criminal
 * proceedings capability (issue 6) and is not in the generated client until
 * it ships; a role it refuses (403) or a server without it (404) shows
 * nothing, as deadlines are not that user's work.
 */
export function DeadlinesComing() {
  const { t, i18n } = useTranslation(['work', 'app']);
  const atRisk = useQuery({
    queryKey: ['criminal-cases', 'at-risk', WITHIN_DAYS],
    queryFn: async () => {
      const response = await fetch(`/api/v1/criminal-cases/at-risk?within_days=${WITHIN_DAYS}`, { credentials: 'same-origin' });
      if (!response.ok) throw new ApiRequestError(response.status, (await response.json().catch(() => ({}))) as ApiErrorBody);
      return (await response.json()) as { items: CaseAtRisk[] };
    },
    retry: false,
  });
  if (atRisk.error instanceof ApiRequestError && [403, 404].includes(atRisk.error.status)) return null;
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' }).format(new Date(y!, m! - 1, d!));
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="work-deadlines">
      <Title order={2} size="h3" id="work-deadlines">
        {t('deadlines')}
      </Title>
      {atRisk.isPending && atRisk.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {atRisk.isPending && atRisk.fetchStatus !== 'paused' && <Loader size="sm" aria-label={t('app:common.loading')} />}
      {atRisk.isError && <ApiErrorAlert error={atRisk.error} />}
      {atRisk.data && atRisk.data.items.length === 0 && <Text>{t('no_deadlines', { count: WITHIN_DAYS })}</Text>}
      {atRisk.data && atRisk.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Caption>{t('deadlines_caption', { count: WITHIN_DAYS })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('criminal_case')}</Table.Th>
                <Table.Th scope="col">{t('deadline')}</Table.Th>
                <Table.Th scope="col">{t('due_on')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {atRisk.data.items.map((item) => (
                <Table.Tr key={`${item.criminal_case_id}-${item.deadline.kind}-${item.deadline.due_on}`}>
                  <Table.Td>{item.case_number}</Table.Td>
                  <Table.Td>
                    {t(`deadline_kind.${item.deadline.kind.startsWith('term:') ? 'term' : item.deadline.kind}`, {
                      defaultValue: item.deadline.kind,
                    })}
                  </Table.Td>
                  <Table.Td>
                    {item.deadline.due_on && day(item.deadline.due_on)}
                    {item.deadline.days_left != null && (
                      <Badge ml="xs" color={item.deadline.days_left <= 30 ? 'red.9' : 'nrm.7'} variant="filled">
                        {item.deadline.days_left < 0 ? t('deadline_passed') : t('days_left', { count: item.deadline.days_left })}
                      </Badge>
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
