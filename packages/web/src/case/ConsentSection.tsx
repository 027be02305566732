import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, NativeSelect, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { CONSENT_METHODS, CONSENT_PURPOSES, type ConsentMethod, type ConsentPurpose } from '@opennrm/domain';
import { api, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import type { User } from '../auth/session.ts';
import { CaseSection, QueryState } from './CaseSection.tsx';
import { ConsentWithdrawal } from './ConsentWithdrawal.tsx';
import { caseKeys, mayReadConsents, useConsents } from './case-data.ts';
import { todayIso, useFormats } from './use-formats.ts';

/**
 * The person's consent records (GDPR art. 6(1)(a), 7, 9(2)(a); docs/gdpr.md):
 * given, refused and withdrawn, oldest first, and a form to record a new
 * answer. An adult is referred only with consent to "referral" holding on
 * the day; a child needs none (child protection acts).
 */
export function ConsentSection({
  personId,
  caseId,
  role,
  mayRecord,
}: {
  personId: string;
  caseId: string;
  role: User['role'];
  mayRecord: boolean;
}) {
  const { t } = useTranslation('case');
  const f = useFormats();
  const consents = useConsents(personId, role);
  if (!mayReadConsents(role))
    return (
      <CaseSection id="case-consent" title={t('consent.title')}>
        <Text>{t('consent.not_for_role')}</Text>
      </CaseSection>
    );
  return (
    <CaseSection id="case-consent" title={t('consent.title')}>
      <QueryState query={consents} refusedText={t('consent.not_for_role')} />
      {consents.data && consents.data.items.length === 0 && <Text>{t('consent.none')}</Text>}
      {consents.data && consents.data.items.length > 0 && (
        <Table striped style={{ overflowWrap: 'break-word' }} aria-label={t('consent.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('consent.purpose')}</Table.Th>
              <Table.Th scope="col">{t('consent.answer')}</Table.Th>
              <Table.Th scope="col">{t('consent.recorded_on')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consents.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{t(`consent.purposes.${c.purpose}`, { defaultValue: c.purpose })}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm">
                      {c.withdrawn_on
                        ? t('consent.withdrawn_on', { date: f.day(c.withdrawn_on) })
                        : c.given
                          ? t('consent.given')
                          : t('consent.refused')}
                    </Text>
                    {mayRecord && c.given && !c.withdrawn_on && <ConsentWithdrawal personId={personId} consent={c} />}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {t('consent.recorded_how', {
                    date: f.day(c.recorded_on),
                    method: t(`consent.methods.${c.method}`, { defaultValue: c.method }),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayRecord && <ConsentForm personId={personId} caseId={caseId} />}
    </CaseSection>
  );
}

interface Draft {
  purpose: ConsentPurpose | '';
  given: 'yes' | 'no' | '';
  recorded_on: string;
  method: ConsentMethod | '';
}

function ConsentForm({ personId, caseId }: { personId: string; caseId: string }) {
  const { t } = useTranslation('case');
  const client = useQueryClient();
  const empty: Draft = { purpose: '', given: '', recorded_on: todayIso(), method: '' };
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async (body: {
      purpose: ConsentPurpose;
      given: boolean;
      recorded_on: string;
      method: ConsentMethod;
      victim_case_id: string;
    }) => unwrap(await api.POST('/api/v1/persons/{id}/consents', { params: { path: { id: personId } }, body })),
    onSuccess: async () => {
      setDraft(empty);
      setSaved(true);
      await client.invalidateQueries({ queryKey: caseKeys.consents(personId) });
    },
  });
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<keyof Draft, string>> = {};
    if (!draft.purpose) found.purpose = t('consent.required.purpose');
    if (!draft.given) found.given = t('consent.required.given');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.recorded_on)) found.recorded_on = t('consent.required.recorded_on');
    else if (draft.recorded_on > todayIso()) found.recorded_on = t('consent.future_date');
    if (!draft.method) found.method = t('consent.required.method');
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.purpose || !draft.method) return;
    save.mutate({
      purpose: draft.purpose,
      given: draft.given === 'yes',
      recorded_on: draft.recorded_on,
      method: draft.method,
      victim_case_id: caseId,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="consent-form-title">
      <Stack gap="sm">
        <Text component="h3" fw={700} size="md" m={0} id="consent-form-title">
          {t('consent.record')}
        </Text>
        <NativeSelect
          label={t('consent.purpose')}
          value={draft.purpose}
          onChange={(e) => update({ purpose: e.currentTarget.value as ConsentPurpose })}
          data={[
            { value: '', label: t('consent.choose') },
            ...CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consent.purposes.${p}`) })),
          ]}
          error={errors.purpose}
          withAsterisk
        />
        <Radio.Group
          label={t('consent.answer')}
          value={draft.given}
          onChange={(v) => update({ given: v as Draft['given'] })}
          error={errors.given}
          withAsterisk
        >
          <Group mt="xs">
            <Radio value="yes" label={t('consent.given')} />
            <Radio value="no" label={t('consent.refused')} />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('consent.recorded_on')}
          value={draft.recorded_on}
          max={todayIso()}
          onChange={(e) => update({ recorded_on: e.currentTarget.value })}
          error={errors.recorded_on}
          withAsterisk
        />
        <NativeSelect
          label={t('consent.method')}
          value={draft.method}
          onChange={(e) => update({ method: e.currentTarget.value as ConsentMethod })}
          data={[
            { value: '', label: t('consent.choose') },
            ...CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.methods.${m}`) })),
          ]}
          error={errors.method}
          withAsterisk
        />
        {save.isError && <ApiErrorAlert error={save.error} />}
        {saved && (
          <Alert color="teal" role="status">
            {t('consent.saved')}
          </Alert>
        )}
        <Button type="submit" variant="default" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('consent.submit')}
        </Button>
      </Stack>
    </form>
  );
}
