import { useTranslation } from 'react-i18next';
import { Select } from '@mantine/core';
import { ROLES } from '@opennrm/domain';
import { useOrganisations } from './use-organisations.ts';

/** The role and organisation pickers of an account (new or changed), with the server's field errors beside them. */
export function RoleAndOrganisation({
  role,
  organisation,
  onRole,
  onOrganisation,
}: {
  role: string;
  organisation: string | null;
  onRole: (role: string) => void;
  onOrganisation: (code: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  const organisations = useOrganisations();
  return (
    <>
      <Select
        label={t('users.role')}
        required
        data={ROLES.map((code) => ({ value: code, label: t(`role.${code}.name`) }))}
        value={role}
        onChange={(value) => value && onRole(value)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('users.organisation')}
        description={t('users.organisation_help')}
        data={(organisations.data ?? []).map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` }))}
        value={organisation}
        onChange={onOrganisation}
        searchable
        clearable
        nothingFoundMessage={t('organisations.none')}
        comboboxProps={{ withinPortal: true }}
      />
    </>
  );
}
