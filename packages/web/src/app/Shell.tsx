import { Suspense, useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { AppShell, Badge, Burger, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useNetwork } from '@mantine/hooks';
import { useSignOut, type Session } from '../auth/session.ts';
import { keepScreeningsSynced } from '../screening/screening-sync.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { mayUse } from './screen-access.ts';

/** Roles that read criminal cases (docs/access-policy.md: prosecutors their organisation's, the coordinator all). */

/**
 * The frame of every signed-in screen: a header with the menu (a drawer on a
 * phone), whether the device is online, the language switch and sign-out.
 * While it is shown the device's finished screenings are sent (screening-sync.ts).
 */
export function Shell({ session, children }: { session: Extract<Session, { status: 'signed_in' }>; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const network = useNetwork();
  const signOut = useSignOut();
  const [location] = useLocation();
  const owner = session.user.username;

  useEffect(() => keepScreeningsSynced(owner), [owner]);
  useEffect(close, [location, close]);

  const links = [
    { to: '/', label: t('nav.my_work') },
    { to: '/screenings', label: t('nav.screenings') },
    { to: '/referrals', label: t('nav.referrals') },
    { to: '/directory', label: t('nav.directory') },
    ...(mayUse('statistics', session.user.role) ? [{ to: '/statistics', label: t('nav.statistics') }] : []),
    ...(mayUse('admin', session.user.role) ? [{ to: '/admin', label: t('nav.admin') }] : []),
    ...(mayUse('proceedings', session.user.role)
      ? [
          { to: '/criminal-cases', label: t('nav.criminal_cases') },
          { to: '/deadlines', label: t('nav.deadlines') },
        ]
      : []),
  ];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={2} size="h4">
              OpenNRM
            </Title>
          </Group>
          <Badge color={network.online ? 'teal.9' : '#9c3d00'} variant="filled" role="status">
            {network.online ? t('network.online') : t('network.offline')}
          </Badge>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label={t('nav.label')}>
        <Stack justify="space-between" h="100%">
          <nav aria-label={t('nav.label')}>
            {links.map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                href={link.to}
                label={link.label}
                active={link.to === '/' ? location === '/' : location.startsWith(link.to)}
                aria-current={(link.to === '/' ? location === '/' : location.startsWith(link.to)) ? 'page' : undefined}
              />
            ))}
          </nav>
          <Stack gap="xs">
            <Text size="sm">{t('nav.signed_in_as', { name: session.user.display_name || session.user.username })}</Text>
            <LanguageSwitch />
            <Button variant="default" onClick={() => void signOut()}>
              {t('nav.sign_out')}
            </Button>
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          }
        >
          {children}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
