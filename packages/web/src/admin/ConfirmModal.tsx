import { useTranslation } from 'react-i18next';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';

/**
 * Asks before a destructive action (deactivating an account, replacing its
 * password). Cancel has the focus first, so Enter never destroys by accident;
 * a refusal from the server is shown here and the dialog stays open.
 */
export function ConfirmModal({
  title,
  body,
  confirm,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  title: string;
  body: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened onClose={onCancel} title={title} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack>
        <Text>{body}</Text>
        {error != null && <ApiErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('cancel')}
          </Button>
          <Button color="red.8" loading={pending} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
