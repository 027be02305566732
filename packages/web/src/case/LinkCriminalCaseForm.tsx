import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { api, ApiRequestError, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { caseKeys } from './case-data.ts';
import { useServerProblems } from '../app/server-problems.ts';

/** The victim's role in the proceedings (the body the API takes). */
type Role = 'injured_party' | 'witness' | 'civil_party';
type Fields = { criminal_case_id: string; role: Role };
type Problems = Partial<Record<keyof Fields, string>>;

const ROLES: readonly Role[] = ['injured_party', 'witness', 'civil_party'];
/** The id the API takes (PUT /victim-cases/{id}/criminal-cases/{criminal_case_id}: a UUID): the prosecutor gives it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Links the victim case to a criminal case, with the victim's role
 * (PUT /victim-cases/{id}/criminal-cases/{criminal_case_id}), for whoever
 * manages the victim case (docs/access-policy.md, "Linking a victim to a
 * criminal case"). A link lets the investigating office's prosecutors read
 * the victim's record and identity, so the form asks for a confirmation that
 * says so (the server audits it as a permission change). The criminal case is
 * named by its id, the only key the API takes: the user may not read the
 * case, so cannot look it up by number. The server's refusals show on their
 * fields (a 404: no such criminal case, or a victim case the user may not
 * update) and what was typed stays.
 */
export function LinkCriminalCaseForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('case');
  const client = useQueryClient();
  const [fields, setFields] = useState<Fields>({ criminal_case_id: '', role: 'injured_party' });
  const [shown, setShown] = useState<Problems>({});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const link = useMutation({
    mutationFn: async ({ criminal_case_id, role }: Fields) =>
      unwrap(
        await api.PUT('/api/v1/victim-cases/{id}/criminal-cases/{criminal_case_id}', {
          params: { path: { id: caseId, criminal_case_id } },
          body: { role },
        }),
      ),
    onSuccess: async () => {
      setDone(true);
      setFields({ criminal_case_id: '', role: 'injured_party' });
      await client.invalidateQueries({ queryKey: caseKeys.criminal(caseId) });
    },
  });
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    setShown((p) => ({ ...p, [name]: undefined }));
    setConfirming(false);
    setDone(false);
    server.edited(name);
  };

  // The server names params.criminal_case_id or body.role; a 404 names nothing but is about the criminal case's id.
  // Each field's reason goes when the user edits that field (useServerProblems).
  const server = useServerProblems<keyof Fields>(link.error, (path) => {
    const name = path.replace(/^(body|params)\./, '');
    return name === 'criminal_case_id' || name === 'role' ? name : undefined;
  });
  const serverProblems: Problems = { ...server.problems };
  const notFound = link.error instanceof ApiRequestError && link.error.status === 404;
  if (notFound && !server.isEdited('criminal_case_id')) serverProblems.criminal_case_id = t('criminal.link.not_found');
  const onField = notFound || Object.keys(server.problems).length > 0 || server.alertError == null;
  const problem = (name: keyof Fields) => (shown[name] ? t(shown[name]) : serverProblems[name]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new attempt: the last refusal no longer stands beside what this one finds.
    link.reset();
    const id = fields.criminal_case_id.trim();
    const problems: Problems = {};
    if (!id) problems.criminal_case_id = 'criminal.link.id_required';
    else if (!UUID.test(id)) problems.criminal_case_id = 'criminal.link.id_format';
    setShown(problems);
    if (Object.keys(problems).length > 0) {
      const form = event.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setConfirming(true);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="link-criminal-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="link-criminal-title">
          {t('criminal.link.title')}
        </Title>
        <Text size="sm">{t('criminal.link.hint')}</Text>
        {done && (
          <Alert color="teal" role="status">
            {t('criminal.link.done')}
          </Alert>
        )}
        <TextInput
          label={t('criminal.link.id')}
          required
          value={fields.criminal_case_id}
          error={problem('criminal_case_id')}
          onChange={(e) => set('criminal_case_id', e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <NativeSelect
          label={t('criminal.role')}
          required
          value={fields.role}
          error={problem('role')}
          onChange={(e) => set('role', e.currentTarget.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`criminal.roles.${r}`)}
            </option>
          ))}
        </NativeSelect>
        {link.isError && !onField && <ApiErrorAlert error={link.error} />}
        {confirming ? (
          <Alert title={t('criminal.link.confirm_title')} role="alertdialog" aria-label={t('criminal.link.confirm_title')}>
            <Stack gap="xs">
              <Text size="sm">{t('criminal.link.confirm_text')}</Text>
              <Group gap="xs">
                <Button
                  loading={link.isPending}
                  onClick={() =>
                    link.mutate({ ...fields, criminal_case_id: fields.criminal_case_id.trim() }, { onSettled: () => setConfirming(false) })
                  }
                >
                  {t('criminal.link.confirm')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('criminal.link.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group>
            <Button type="submit">{t('criminal.link.submit')}</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
