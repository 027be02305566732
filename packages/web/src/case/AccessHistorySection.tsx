import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Table, Text } from '@mantine/core';
import type { User } from '../auth/session.ts';
import { CaseSection, QueryState } from './CaseSection.tsx';
import { useAccessHistory } from './case-data.ts';
import { useFormats } from './use-formats.ts';
import { useCaseCodeLabels } from './code-labels.ts';

const PAGE = 20;

/**
 * "Who has looked at this person" (GET /persons/:id/access-history, newest
 * first; GDPR art. 15(1)(c), docs/audit.md): every read, change, export and
 * break-glass with its written reason. Shown to case managers, the
 * coordinator and auditors only; reading it is itself audited.
 */
export function AccessHistorySection({ personId, role }: { personId: string; role: User['role'] }) {
  const { t } = useTranslation('case');
  const f = useFormats();
  const labels = useCaseCodeLabels();
  const history = useAccessHistory(personId, role);
  const [shown, setShown] = useState(PAGE);
  const items = history.data?.items ?? [];
  return (
    <CaseSection id="case-access" title={t('access.title')}>
      <Text size="sm">{t('access.help')}</Text>
      <QueryState query={history} refusedText={t('access.not_for_role')} />
      {history.data && items.length === 0 && <Text>{t('access.none')}</Text>}
      {items.length > 0 && (
        <Table striped style={{ overflowWrap: 'break-word' }} aria-label={t('access.title')}>
          <Table.Caption>{t('access.caption', { count: items.length, shown: Math.min(shown, items.length) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('access.when')}</Table.Th>
              <Table.Th scope="col">{t('access.who')}</Table.Th>
              <Table.Th scope="col">{t('access.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.slice(0, shown).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{f.instant(e.occurred_at)}</Table.Td>
                <Table.Td>
                  {e.organisation_code
                    ? t('access.user_of', { user: e.actor_display_name || e.actor_username || '', organisation: e.organisation_code })
                    : e.actor_display_name || e.actor_username || t('access.system')}
                </Table.Td>
                <Table.Td>
                  {t('access.action_on', {
                    action: t(`access.actions.${e.action}`, { defaultValue: e.action }),
                    record: t(`access.records.${e.record_type ?? 'other'}`, { defaultValue: e.record_type ?? '' }),
                  })}
                  {e.fields.length > 0 && labels.ready && (
                    <Text size="sm">{t('access.fields', { fields: f.list(e.fields.map(labels.field)) })}</Text>
                  )}
                  {e.reason && <Text size="sm">{t('access.reason', { reason: e.reason })}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.length > shown && (
        <Button variant="default" onClick={() => setShown((n) => n + PAGE)} style={{ alignSelf: 'flex-start' }}>
          {t('access.more')}
        </Button>
      )}
    </CaseSection>
  );
}
