import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ApiRequestError } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useCriminalCases } from './use-proceedings.ts';
import { useProceedingsFormats } from './formats.ts';

const PAGE = 50;

/**
 * The criminal cases the user may see (GET /criminal-cases, oldest first,
 * 50 a page): a prosecutor their organisation's, the coordinator every one
 * (docs/access-policy.md). Each opens its case page; the deadlines at risk
 * are one link away.
 */
export default function CriminalCasesPage() {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const [offset, setOffset] = useState(0);
  const cases = useCriminalCases(offset, PAGE);
  const forbidden = cases.error instanceof ApiRequestError && cases.error.status === 403;
  return (
    <Stack>
      <Title order={1}>{t('list.title')}</Title>
      <Text>{t('list.intro')}</Text>
      <Anchor component={Link} href="/deadlines">
        {t('list.to_deadlines')}
      </Anchor>
      {cases.isPending && cases.fetchStatus === 'paused' && <Alert color="gray">{t('offline')}</Alert>}
      {cases.isPending && cases.fetchStatus !== 'paused' && <Loader role="status" aria-label={t('loading')} />}
      {forbidden && <Alert color="gray">{t('list.not_for_role')}</Alert>}
      {cases.isError && !forbidden && <ApiErrorAlert error={cases.error} />}
      {cases.data && cases.data.items.length === 0 && <Text>{t('list.empty')}</Text>}
      {cases.data && cases.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Caption>
                {t('list.caption', { count: cases.data.total, from: offset + 1, to: offset + cases.data.items.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.case_number')}</Table.Th>
                  <Table.Th scope="col">{t('list.stage')}</Table.Th>
                  <Table.Th scope="col">{t('list.opened_on')}</Table.Th>
                  <Table.Th scope="col">{t('list.organisation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/criminal-cases/${c.id}`}>
                        {c.case_number}
                      </Anchor>
                      {c.organised_crime_group && (
                        <Badge ml="xs" color="red.9" variant="filled" size="sm">
                          {t('flags.organised_crime_short')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`stage.${c.stage}`)}</Table.Td>
                    <Table.Td>{formats.day(c.opened_on)}</Table.Td>
                    <Table.Td>{c.investigating_organisation_code ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {cases.data.total > PAGE && (
            <Group component="nav" aria-label={t('list.pages')}>
              <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('list.previous')}
              </Button>
              <Button variant="default" disabled={offset + PAGE >= cases.data.total} onClick={() => setOffset(offset + PAGE)}>
                {t('list.next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
