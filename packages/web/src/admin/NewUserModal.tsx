import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { RoleAndOrganisation } from './UserFields.tsx';
import { useCreateUser, type UserAccount } from './use-users.ts';

/**
 * Creates an account. On success the caller shows its one-time password
 * (once); a refusal (a taken username, say) is shown with the field it names
 * and everything typed stays.
 */
export function NewUserModal({ onClose, onCreated }: { onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string>('case_worker');
  const [organisation, setOrganisation] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('users.new')} closeButtonProps={{ 'aria-label': t('close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            {
              username: username.trim(),
              ...(displayName.trim() ? { display_name: displayName.trim() } : {}),
              role: role as UserAccount['role'],
              organisation,
            },
            { onSuccess: (answer) => onCreated(answer.user.username, answer.one_time_password) },
          );
        }}
      >
        <Stack>
          <TextInput
            label={t('users.username')}
            description={t('users.username_help')}
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t('users.display_name')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            autoComplete="off"
          />
          <RoleAndOrganisation role={role} organisation={organisation} onRole={setRole} onOrganisation={setOrganisation} />
          {create.isError && <ApiErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
