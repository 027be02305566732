import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { countyName } from '../directory/counties.ts';
import { useOrganisations } from './use-organisations.ts';
import { ScrollableTable } from '../app/ScrollableTable.tsx';
import { useProfileNames } from '../proceedings/profile-names.ts';

/**
 * The organisations of the referral mechanism: the profile's institutions
 * (coordinator, prosecutors, police, each county's child protection) and the
 * service providers registered beside them, filtered by any word of their
 * code, name or county.
 */
export function OrganisationsPanel() {
  const { t } = useTranslation('admin');
  const names = useProfileNames();
  const organisations = useOrganisations();
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = (organisations.data ?? []).filter((o) => {
    const text = `${o.code} ${o.name} ${names.institution(o.code, o.name)} ${o.region ? countyName(o.region) : ''}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  return (
    <Stack>
      <Text>{t('organisations.intro')}</Text>
      <TextInput label={t('organisations.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={420} />
      {organisations.isPending && <Loader aria-label={t('loading')} />}
      {organisations.isError && <ApiErrorAlert error={organisations.error} />}
      {organisations.data && shown.length === 0 && <Text>{t('organisations.none')}</Text>}
      {shown.length > 0 && (
        <ScrollableTable minWidth={640} label={t('tab.organisations')}>
          <Table striped>
            <Table.Caption>{t('organisations.caption', { count: shown.length, total: organisations.data?.length ?? 0 })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.code')}</Table.Th>
                <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('organisations.kind')}</Table.Th>
                <Table.Th scope="col">{t('organisations.functions')}</Table.Th>
                <Table.Th scope="col">{t('organisations.county')}</Table.Th>
                <Table.Th scope="col">{t('organisations.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row">{o.code}</Table.Th>
                  <Table.Td>{names.institution(o.code, o.name)}</Table.Td>
                  <Table.Td>{t(`kind.${o.kind}`, { defaultValue: o.kind })}</Table.Td>
                  <Table.Td>{o.functions.map((f) => t(`function.${f}`, { defaultValue: f })).join(', ')}</Table.Td>
                  <Table.Td>{o.region ? countyName(o.region) : t('organisations.national')}</Table.Td>
                  <Table.Td>{o.from_profile ? t('organisations.from_profile') : t('organisations.registered')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}
