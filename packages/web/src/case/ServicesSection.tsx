import { useTranslation } from 'react-i18next';
import { Badge, Stack, Table, Text } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { CaseSection, QueryState } from './CaseSection.tsx';
import { useAssistance, useReferrals } from './case-data.ts';
import { useFormats } from './use-formats.ts';

const STATUS_COLOUR: Record<Schemas['Referral']['status'], string> = {
  sent: 'nrm.7',
  accepted: 'teal.9',
  declined: 'red.9',
  withdrawn: 'gray.8',
};

/**
 * Referrals of the case with their states, and the services delivered
 * (GET /referrals and /assistance filtered by the case; a provider sees only
 * its own: docs/access-policy.md "What a provider sees").
 */
export function ServicesSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation('case');
  const f = useFormats();
  const referrals = useReferrals(caseId);
  const assistance = useAssistance(caseId);
  const services = (codes: string[]) => f.list(codes.map((s) => t(`service.${s}`)));

  return (
    <>
      <CaseSection id="case-referrals" title={t('referrals.title')}>
        <QueryState query={referrals} refusedText={t('referrals.not_for_role')} />
        {referrals.data && referrals.data.items.length === 0 && <Text>{t('referrals.none')}</Text>}
        {referrals.data && referrals.data.items.length > 0 && (
          <Table striped style={{ overflowWrap: 'break-word' }} aria-label={t('referrals.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referrals.to')}</Table.Th>
                <Table.Th scope="col">{t('referrals.services')}</Table.Th>
                <Table.Th scope="col">{t('referrals.status')}</Table.Th>
                <Table.Th scope="col">{t('referrals.sent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{t('referrals.from_to', { from: r.from_organisation_code, to: r.to_organisation_code })}</Table.Td>
                  <Table.Td>{services(r.services)}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Badge color={STATUS_COLOUR[r.status]} variant="filled" h="auto" styles={{ label: { whiteSpace: 'normal' } }}>
                        {t(`referral_status.${r.status}`)}
                      </Badge>
                      {r.urgency === 'urgent' && <Text size="sm">{t('referrals.urgent')}</Text>}
                      {r.status === 'declined' && (
                        <Text size="sm">
                          {r.decline_reason_code && r.decline_reason_code !== 'other'
                            ? t(`decline_reason.${r.decline_reason_code}`)
                            : (r.decline_reason ?? t('decline_reason.other'))}
                        </Text>
                      )}
                      {r.responded_at && <Text size="sm">{t('referrals.answered_on', { date: f.instant(r.responded_at) })}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{f.instant(r.sent_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </CaseSection>
      <CaseSection id="case-services" title={t('assistance.title')}>
        <QueryState query={assistance} refusedText={t('assistance.not_for_role')} />
        {assistance.data && assistance.data.items.length === 0 && <Text>{t('assistance.none')}</Text>}
        {assistance.data && assistance.data.items.length > 0 && (
          <Table striped style={{ overflowWrap: 'break-word' }} aria-label={t('assistance.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assistance.service')}</Table.Th>
                <Table.Th scope="col">{t('assistance.provider')}</Table.Th>
                <Table.Th scope="col">{t('assistance.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assistance.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {t(`service.${a.service}`)}
                    {a.amount != null && a.currency && (
                      <Text size="sm">
                        {t('assistance.amount', {
                          amount: a.amount,
                          currency: a.currency,
                          formatParams: { amount: { style: 'currency', currency: a.currency } },
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.provider_organisation_code}</Table.Td>
                  <Table.Td>
                    {a.ended_on
                      ? t('assistance.from_to', { from: f.day(a.started_on), to: f.day(a.ended_on) })
                      : t('assistance.since', { from: f.day(a.started_on) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </CaseSection>
    </>
  );
}
