import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { api, ApiRequestError, unwrap } from '../api/client.ts';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useSignedIn } from './session.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';

type Step = { kind: 'password' } | { kind: 'totp'; challenge: string };

/**
 * Sign-in (docs/sign-in.md): username and password, then the authenticator
 * code when the account has TOTP (a one-time password is then replaced on
 * ChangePasswordPage); a single sign-on button when the server has a
 * provider configured (GET /api/v1/auth/oidc).
 */
export function SignInPage() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const oidc = useQuery({
    queryKey: ['oidc-configured'],
    queryFn: async () => unwrap(await api.GET('/api/v1/auth/oidc')).configured,
    retry: false,
  });

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = unwrap(await api.POST('/api/v1/auth/sign-in', { body: { username, password } }));
      if (answer.totp_required) setStep({ kind: 'totp', challenge: answer.challenge });
      else await signedIn(answer);
    });
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'totp') return;
    void run(async () => {
      const answer = unwrap(await api.POST('/api/v1/auth/totp/verify', { body: { challenge: step.challenge, code } }));
      if (answer.totp_required) setStep({ kind: 'totp', challenge: answer.challenge });
      else await signedIn(answer);
    });
  };
  return (
    <Container size={420} py="xl" component="main">
      <Stack>
        <LanguageSwitch />
        <Title order={1}>{t('sign_in.title')}</Title>
        <Paper withBorder p="lg" radius="md">
          {step.kind === 'password' && (
            <form onSubmit={submitPassword} noValidate>
              <Stack>
                <TextInput
                  label={t('sign_in.username')}
                  autoComplete="username"
                  required
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('sign_in.password')}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('sign_in.show_password') }}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" loading={busy}>
                  {t('sign_in.submit')}
                </Button>
                {oidc.data === true && (
                  <Button component="a" href="/api/v1/auth/oidc/start" variant="outline">
                    {t('sign_in.single_sign_on')}
                  </Button>
                )}
              </Stack>
            </form>
          )}
          {step.kind === 'totp' && (
            <form onSubmit={submitCode} noValidate>
              <Stack>
                <Text>{t('sign_in.totp_help')}</Text>
                <TextInput
                  label={t('sign_in.totp_code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  required
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                />
                <Button type="submit" loading={busy}>
                  {t('sign_in.verify')}
                </Button>
                <Anchor component="button" type="button" onClick={() => setStep({ kind: 'password' })}>
                  {t('sign_in.start_again')}
                </Anchor>
              </Stack>
            </form>
          )}
          {error != null && <ApiErrorAlert error={error} mt="md" />}
        </Paper>
        {error instanceof ApiRequestError && error.status === 401 && step.kind === 'password' && (
          <Alert color="gray" variant="light">
            {t('sign_in.forgotten')}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
