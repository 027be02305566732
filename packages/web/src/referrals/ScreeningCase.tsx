import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { api, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { ReferDialog } from './ReferDialog.tsx';

/**
 * Under a sent screening's result: open the victim case from it
 * (POST /api/v1/screenings/:id/case, docs/screening.md), then refer it and
 * follow its referrals, so a front-line worker goes from screening to
 * referral without leaving the screen (issue 5, "Done when"). Loaded only
 * once the screening is on the server (a lazy chunk: the screening route's
 * budget, bench/web-size.bench.ts). The server's outcome is authoritative:
 * no indicators opens no case.
 */
export default function ScreeningCase({ screeningId }: { screeningId: string }) {
  const { t } = useTranslation('referrals');
  const client = useQueryClient();
  const [referring, setReferring] = useState(false);
  const screening = useQuery({
    queryKey: ['screenings', screeningId],
    queryFn: async () => unwrap(await api.GET('/api/v1/screenings/{id}', { params: { path: { id: screeningId } } })),
  });
  const caseId = screening.data?.victim_case_id ?? null;
  const victimCase = useQuery({
    queryKey: ['victim-cases', caseId],
    enabled: !!caseId,
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}', { params: { path: { id: caseId! } } })),
  });
  const referrals = useQuery({
    queryKey: ['referrals', 'of-case', caseId],
    enabled: !!caseId,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/referrals', { params: { query: { victim_case_id: caseId!, limit: 50, offset: 0 } } })),
  });
  const open = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/screenings/{id}/case', { params: { path: { id: screeningId } } })),
    onSuccess: (updated) => {
      client.setQueryData(['screenings', screeningId], updated);
      void client.invalidateQueries({ queryKey: ['victim-cases'] });
    },
  });

  if (screening.isPending && screening.fetchStatus === 'paused') return null;
  if (screening.isPending) return <Loader aria-label={t('loading')} />;
  if (screening.isError) return <ApiErrorAlert error={screening.error} />;
  if (screening.data.outcome === 'no_indicators') return null;

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('case.title')}
        </Title>
        {!caseId ? (
          <>
            <Text>{t('case.open_help')}</Text>
            {open.isError && <ApiErrorAlert error={open.error} />}
            <Group>
              <Button onClick={() => open.mutate()} loading={open.isPending}>
                {t('case.open')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text role="status">
              {victimCase.data?.case_number ? t('case.opened', { number: victimCase.data.case_number }) : t('case.opened_no_number')}
            </Text>
            {referrals.data && referrals.data.items.length > 0 && (
              <List spacing={4} aria-label={t('case.referrals')}>
                {referrals.data.items.map((r) => (
                  <List.Item key={r.id}>
                    <Group gap="xs">
                      <Text size="sm">{t('case.referral_to', { organisation: r.to_organisation_code })}</Text>
                      <Badge variant="filled" color={r.status === 'declined' ? 'red.9' : r.status === 'accepted' ? 'teal.9' : 'blue.9'}>
                        {t(`status.${r.status}`)}
                      </Badge>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {referrals.isError && <ApiErrorAlert error={referrals.error} />}
            <Group>
              <Button onClick={() => setReferring(true)}>{t('case.refer')}</Button>
            </Group>
            <ReferDialog victimCaseId={caseId} opened={referring} onClose={() => setReferring(false)} />
          </>
        )}
      </Stack>
    </Card>
  );
}
