import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { api, unwrap, type Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { caseKeys } from './case-data.ts';
import { todayIso } from './use-formats.ts';

/**
 * Withdraws a consent given (GDPR art. 7(3): as easy as giving it), on the
 * day the person said so: POST /persons/:id/consents/:consent_id/withdrawal.
 * The record stays, with its withdrawal (docs/gdpr.md); a refusal of the
 * server (a day before the consent was recorded) keeps the day typed.
 */
export function ConsentWithdrawal({ personId, consent }: { personId: string; consent: Schemas['Consent'] }) {
  const { t } = useTranslation('case');
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayIso());
  const [problem, setProblem] = useState<string | undefined>();
  const purpose = t(`consent.purposes.${consent.purpose}`, { defaultValue: consent.purpose });
  const withdraw = useMutation({
    mutationFn: async (withdrawn_on: string) =>
      unwrap(
        await api.POST('/api/v1/persons/{id}/consents/{consent_id}/withdrawal', {
          params: { path: { id: personId, consent_id: consent.id } },
          body: { withdrawn_on },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: caseKeys.consents(personId) });
    },
  });

  if (!open)
    return (
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        {t('consent.withdraw_button', { purpose })}
      </Button>
    );

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = !/^\d{4}-\d{2}-\d{2}$/.test(day)
      ? t('consent.required.recorded_on')
      : day > todayIso()
        ? t('consent.future_date')
        : day < consent.recorded_on
          ? t('consent.withdrawn_before_given')
          : undefined;
    setProblem(found);
    if (!found) withdraw.mutate(day);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('consent.withdraw_button', { purpose })}>
      <Stack gap="xs">
        <TextInput
          type="date"
          size="xs"
          label={t('consent.withdrawn_day')}
          value={day}
          max={todayIso()}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={problem}
          withAsterisk
        />
        {withdraw.isError && <ApiErrorAlert error={withdraw.error} />}
        <Group gap="xs">
          <Button type="submit" size="xs" color="red.9" loading={withdraw.isPending}>
            {t('consent.withdraw_confirm')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setOpen(false)}>
            {t('consent.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
