import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Loader, Stack, Table, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { refused } from './case-data.ts';

/** One part of the case page: a landmark region named by its heading. */
export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * What a section shows before its data: loading, waiting for the network,
 * the role's refusal in words (403/404: `refusedText`), or the error.
 * Returns null once the data is there.
 */
export function QueryState({ query, refusedText }: { query: UseQueryResult<unknown>; refusedText?: string }) {
  const { t } = useTranslation('case');
  if (query.isPending && query.fetchStatus === 'paused') return <Alert color="gray">{t('state.offline')}</Alert>;
  if (query.isPending) return <Loader size="sm" aria-label={t('state.loading')} />;
  if (query.isError && refusedText && refused(query.error, 403, 404)) return <Alert color="gray">{refusedText}</Alert>;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  return null;
}

/** Label and value pairs, as a table of row headers (read in pairs by screen readers, wraps at 360 px). */
export function Facts({ caption, rows }: { caption: string; rows: [label: string, value: ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={caption}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="40%">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'break-word' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
