import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { api, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { SESSION_QUERY } from './session.ts';

/**
 * The first sign-in with a one-time password: the API answers 403 to
 * everything else until it is replaced (POST /api/v1/auth/change-password;
 * 12 to 256 characters, NIST SP 800-63B). The session stays open.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        unwrap(await api.POST('/api/v1/auth/change-password', { body: { current_password: current, new_password: next } }));
        await client.invalidateQueries({ queryKey: SESSION_QUERY });
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <Container size={420} py="xl" component="main">
      <Stack>
        <LanguageSwitch />
        <Title order={1}>{t('sign_in.change_password')}</Title>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>{t('sign_in.change_password_help')}</Text>
              <PasswordInput
                label={t('sign_in.current_password')}
                autoComplete="current-password"
                visibilityToggleButtonProps={{ 'aria-label': t('sign_in.show_password') }}
                required
                value={current}
                onChange={(e) => setCurrent(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('sign_in.new_password')}
                description={t('sign_in.new_password_rule', { count: 12 })}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('sign_in.show_password') }}
                required
                value={next}
                onChange={(e) => setNext(e.currentTarget.value)}
              />
              <Button type="submit" loading={busy}>
                {t('sign_in.change_password')}
              </Button>
              {error != null && <ApiErrorAlert error={error} />}
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
