import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'wouter';
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { mayUse } from '../app/screen-access.ts';
import { useSession } from '../auth/session.ts';
import { UsersPanel } from './UsersPanel.tsx';
import { OrganisationsPanel } from './OrganisationsPanel.tsx';
import { RolesPanel } from './RolesPanel.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';

const PANELS = ['users', 'organisations', 'roles', 'profile'] as const;
type Panel = (typeof PANELS)[number];

/**
 * Administration (issue 5, point 3): accounts (administrators only, rule
 * administrator.accounts), organisations, what each role may do and the
 * jurisdiction profile. One tab each, its own address (/admin/<tab>) so a
 * link or a reload opens it; the coordinator sees every tab but accounts.
 */
export default function AdminPage() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const role = session.data?.status === 'signed_in' ? session.data.user.role : '';
  const panels = PANELS.filter((panel) => panel !== 'users' || mayUse('admin_users', role));
  const { tab } = useParams<{ tab?: string }>();
  const [, navigate] = useLocation();
  const current: Panel = panels.find((p) => p === tab) ?? panels[0]!;
  if (!mayUse('admin', role)) return <Alert color="gray">{t('not_for_role')}</Alert>;

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Tabs value={current} onChange={(next) => next && navigate(`/admin/${next}`)} keepMounted={false}>
        <Tabs.List aria-label={t('tabs_label')}>
          {panels.map((panel) => (
            <Tabs.Tab key={panel} value={panel}>
              {t(`tab.${panel}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="organisations" pt="md">
          <OrganisationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="md">
          <RolesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="md">
          <ProfilePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
