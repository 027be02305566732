import { useTranslation } from 'react-i18next';
import { NativeSelect } from '@mantine/core';
import { ROLES } from '@opennrm/domain';
import { useOrganisations } from './use-organisations.ts';

/**
 * The role and organisation pickers of an account (new or changed). Native
 * selects: the phone's own picker, type-ahead by the keyboard, and no combobox
 * code in the chunks the screening route shares (bench/web-size.bench.ts).
 */
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
      <NativeSelect
        label={t('users.role')}
        required
        data={ROLES.map((code) => ({ value: code, label: t(`role.${code}.name`) }))}
        value={role}
        onChange={(event) => onRole(event.currentTarget.value)}
      />
      <NativeSelect
        label={t('users.organisation')}
        description={t('users.organisation_help')}
        data={[
          { value: '', label: t('users.no_organisation') },
          ...(organisations.data ?? []).map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` })),
        ]}
        value={organisation ?? ''}
        onChange={(event) => onOrganisation(event.currentTarget.value || null)}
      />
    </>
  );
}
