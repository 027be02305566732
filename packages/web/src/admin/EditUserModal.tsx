import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { RoleAndOrganisation } from './UserFields.tsx';
import { useUpdateUser, type UserAccount } from './use-users.ts';

/** Changes an account's role or organisation; only what changed is sent, and a refusal keeps the choices made. */
export function EditUserModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [role, setRole] = useState<string>(user.role);
  const [organisation, setOrganisation] = useState<string | null>(user.organisation_code);
  const changes = {
    ...(role !== user.role ? { role: role as UserAccount['role'] } : {}),
    ...(organisation !== user.organisation_code ? { organisation } : {}),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.change_title', { username: user.username })}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: user.id, ...changes }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <RoleAndOrganisation role={role} organisation={organisation} onRole={setRole} onOrganisation={setOrganisation} />
          {update.isError && <ApiErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={Object.keys(changes).length === 0}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
