import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useSession } from '../auth/session.ts';
import { EditUserModal } from './EditUserModal.tsx';
import { NewUserModal } from './NewUserModal.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { useResetPassword, useUpdateUser, useUsers, type UserAccount } from './use-users.ts';
import { ScrollableTable } from '../app/ScrollableTable.tsx';

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; user: UserAccount }
  | { kind: 'deactivate'; user: UserAccount }
  | { kind: 'reset'; user: UserAccount }
  | { kind: 'password'; username: string; password: string };

/**
 * Accounts (administrators only): who has one, with which role and
 * organisation, whether it is active and when it was last used. An
 * administrator creates an account, changes its role or organisation,
 * deactivates or reactivates it and resets its password; each is a permission
 * change the server audits, and the destructive ones ask first.
 */
export function UsersPanel() {
  const { t, i18n } = useTranslation('admin');
  const session = useSession();
  const me = session.data?.status === 'signed_in' ? session.data.user.id : '';
  const users = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' });

  return (
    <Stack>
      <Group justify="space-between">
        <Text>{t('users.intro')}</Text>
        <Button onClick={() => setDialog({ kind: 'new' })}>{t('users.new')}</Button>
      </Group>
      {users.isPending && <Loader aria-label={t('loading')} />}
      {users.isError && <ApiErrorAlert error={users.error} />}
      {users.data && users.data.length === 0 && <Text>{t('users.none')}</Text>}
      {users.data && users.data.length > 0 && (
        <ScrollableTable minWidth={760} label={t('tab.users')}>
          <Table striped>
            <Table.Caption>{t('users.caption', { count: users.data.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.organisation')}</Table.Th>
                <Table.Th scope="col">{t('users.state')}</Table.Th>
                <Table.Th scope="col">{t('users.last_sign_in')}</Table.Th>
                <Table.Th scope="col">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row">
                    {user.username}
                    {user.display_name !== user.username && (
                      <Text size="sm" fw="normal">
                        {user.display_name}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{t(`role.${user.role}.name`)}</Table.Td>
                  <Table.Td>{user.organisation_code ?? t('users.no_organisation')}</Table.Td>
                  <Table.Td>
                    {user.disabled ? t('users.deactivated') : user.must_change_password ? t('users.awaiting_password') : t('users.active')}
                  </Table.Td>
                  <Table.Td>{user.last_sign_in_at ? date.format(new Date(user.last_sign_in_at)) : t('users.never')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', user })}>
                        {t('users.change')}
                        <VisuallyHidden>{t('users.for', { username: user.username })}</VisuallyHidden>
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'reset', user })}>
                        {t('users.reset')}
                        <VisuallyHidden>{t('users.for', { username: user.username })}</VisuallyHidden>
                      </Button>
                      {user.disabled ? (
                        <Button
                          size="xs"
                          variant="default"
                          loading={update.isPending}
                          onClick={() => update.mutate({ id: user.id, disabled: false })}
                        >
                          {t('users.reactivate')}
                          <VisuallyHidden>{t('users.for', { username: user.username })}</VisuallyHidden>
                        </Button>
                      ) : (
                        user.id !== me && (
                          <Button size="xs" color="red.8" onClick={() => setDialog({ kind: 'deactivate', user })}>
                            {t('users.deactivate')}
                            <VisuallyHidden>{t('users.for', { username: user.username })}</VisuallyHidden>
                          </Button>
                        )
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
      {update.isError && !dialog && <ApiErrorAlert error={update.error} />}
      {dialog?.kind === 'new' && (
        <NewUserModal onClose={close} onCreated={(username, password) => setDialog({ kind: 'password', username, password })} />
      )}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'deactivate' && (
        <ConfirmModal
          title={t('users.deactivate_title', { username: dialog.user.username })}
          body={t('users.deactivate_body')}
          confirm={t('users.deactivate')}
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onConfirm={() => update.mutate({ id: dialog.user.id, disabled: true }, { onSuccess: close })}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ConfirmModal
          title={t('users.reset_title', { username: dialog.user.username })}
          body={t('users.reset_body')}
          confirm={t('users.reset')}
          pending={reset.isPending}
          error={reset.error}
          onCancel={close}
          onConfirm={() =>
            reset.mutate(dialog.user.id, {
              onSuccess: (answer) => setDialog({ kind: 'password', username: dialog.user.username, password: answer.one_time_password }),
            })
          }
        />
      )}
      {dialog?.kind === 'password' && <OneTimePasswordModal username={dialog.username} password={dialog.password} onClose={close} />}
    </Stack>
  );
}
