import { useTranslation } from 'react-i18next';
import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

/**
 * The one-time password of a new or reset account, shown this once: the
 * server stores only its hash and never answers it again. The administrator
 * passes it on by a channel other than the username; the user must change it
 * at first sign-in.
 */
export function OneTimePasswordModal({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened onClose={onClose} title={t('password.title', { username })} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack>
        <Text>{t('password.once')}</Text>
        <Code block fz="lg" data-testid="one-time-password" aria-label={t('password.label')}>
          {password}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('password.copied') : t('password.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('password.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
