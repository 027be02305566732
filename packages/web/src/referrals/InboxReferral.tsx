import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { api, unwrap, type Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { ConflictAlert, isConflict } from '../app/ConflictAlert.tsx';
import { DECLINE_REASON_CODES, type DeclineReasonCode } from './referral-codes.ts';

type WaitingReferral = Schemas['WaitingReferral'];
type Answer = { status: 'accepted' } | { status: 'declined'; decline_reason_code: DeclineReasonCode; decline_reason?: string };

/**
 * One waiting referral: who sent it, for which case and services, how long
 * it has waited against the profile's timer; Accept, or Decline with a coded
 * reason ("other" needs it in words: referralResponseError, docs/services.md).
 * The decline form keeps what was typed when the server refuses it; a 409
 * (the referral was answered or its case moved on meanwhile) offers to reload
 * the inbox or send the answer again.
 */
export function InboxReferral({ referral }: { referral: WaitingReferral }) {
  const { t, i18n } = useTranslation('referrals');
  const client = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reasonCode, setReasonCode] = useState<DeclineReasonCode | ''>('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ code?: string; reason?: string }>({});
  // The case as the referral shares it (docs/access-policy.md, "Fields a referral shares").
  const victimCase = useQuery({
    queryKey: ['victim-cases', referral.victim_case_id],
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}', { params: { path: { id: referral.victim_case_id } } })),
  });
  // The answer last sent, for "Send mine" after a 409 (someone answered or the case moved on since the page read it).
  const [sent, setSent] = useState<Answer | null>(null);
  const answer = useMutation({
    mutationFn: async (body: Answer) => {
      setSent(body);
      return unwrap(await api.PATCH('/api/v1/referrals/{id}', { params: { path: { id: referral.id } }, body }));
    },
    onSuccess: () => {
      setDeclining(false);
      void client.invalidateQueries({ queryKey: ['referrals'] });
    },
  });

  const decline = () => {
    const found = {
      ...(reasonCode ? {} : { code: t('inbox.required.reason_code') }),
      ...(reasonCode === 'other' && !reason.trim() ? { reason: t('inbox.required.reason') } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length === 0 && reasonCode)
      answer.mutate({ status: 'declined', decline_reason_code: reasonCode, ...(reason.trim() ? { decline_reason: reason.trim() } : {}) });
  };

  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const services = new Intl.ListFormat(i18n.resolvedLanguage).format(referral.services.map((s) => t(`service.${s}`)));
  const caseNumber = victimCase.data?.case_number;
  const headingId = `referral-${referral.id}`;
  const timer = referral.overdue
    ? t(`inbox.overdue_${referral.waiting_for}`, { count: referral.days_waiting - referral.threshold_days, due: date(referral.due_at) })
    : t(`inbox.due_${referral.waiting_for}`, { count: referral.threshold_days, due: date(referral.due_at) });

  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>
            {caseNumber ? t('inbox.case', { number: caseNumber }) : t('inbox.case_hidden')}
          </Title>
          <Group gap="xs">
            {referral.urgency === 'urgent' && (
              <Badge color="red.9" variant="filled">
                {t('urgency.urgent')}
              </Badge>
            )}
            <Badge color={referral.waiting_for === 'answer' ? 'blue.9' : 'teal.9'} variant="filled">
              {t(`inbox.waiting_for.${referral.waiting_for}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">{t('inbox.from', { organisation: referral.from_organisation_code, date: date(referral.sent_at) })}</Text>
        <Text size="sm">{t('inbox.services', { services })}</Text>
        {victimCase.data && (
          <Text size="sm">
            {[
              victimCase.data.is_child == null ? null : victimCase.data.is_child ? t('inbox.child') : t('inbox.adult'),
              victimCase.data.forms?.length
                ? new Intl.ListFormat(i18n.resolvedLanguage).format(victimCase.data.forms.map((f) => t(`form.${f}`)))
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <Text
          size="sm"
          fw={referral.overdue ? 700 : 400}
          c={referral.overdue ? 'red.9' : undefined}
          role={referral.overdue ? 'status' : undefined}
        >
          {timer}
        </Text>
        {answer.isError && isConflict(answer.error) && sent ? (
          <ConflictAlert
            error={answer.error}
            reload={() =>
              Promise.all([
                client.invalidateQueries({ queryKey: ['referrals'] }),
                client.invalidateQueries({ queryKey: ['victim-cases', referral.victim_case_id] }),
              ])
            }
            resend={() => answer.mutate(sent)}
            resending={answer.isPending}
          />
        ) : (
          answer.isError && <ApiErrorAlert error={answer.error} />
        )}
        {referral.waiting_for === 'answer' && !declining && (
          <Group>
            <Button
              onClick={() => answer.mutate({ status: 'accepted' })}
              loading={answer.isPending && answer.variables?.status === 'accepted'}
            >
              {t('inbox.accept')}
            </Button>
            <Button variant="default" onClick={() => setDeclining(true)}>
              {t('inbox.decline')}
            </Button>
          </Group>
        )}
        {referral.waiting_for === 'answer' && declining && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              decline();
            }}
          >
            <Stack gap="xs">
              <NativeSelect
                label={t('inbox.reason_code')}
                withAsterisk
                value={reasonCode}
                onChange={(e) => {
                  setReasonCode(e.currentTarget.value as DeclineReasonCode | '');
                  setProblems({});
                }}
                data={[
                  { value: '', label: t('refer.choose') },
                  ...DECLINE_REASON_CODES.map((c) => ({ value: c, label: t(`decline_reason.${c}`) })),
                ]}
                error={problems.code}
              />
              <Textarea
                label={t('inbox.reason')}
                description={t('inbox.reason_help')}
                withAsterisk={reasonCode === 'other'}
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setProblems({});
                }}
                maxLength={2000}
                autosize
                minRows={2}
                error={problems.reason}
              />
              <Group>
                <Button type="submit" color="red.9" loading={answer.isPending}>
                  {t('inbox.confirm_decline')}
                </Button>
                <Button variant="default" onClick={() => setDeclining(false)}>
                  {t('inbox.keep')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {referral.waiting_for === 'first_service' && referral.responded_at && (
          <Alert color="teal" variant="light">
            {t('inbox.accepted_on', { date: date(referral.responded_at) })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
