import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Group, Loader, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { api, ApiRequestError, unwrap } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useSession } from '../auth/session.ts';
import { profileToday } from '../directory/counties.ts';
import type { Facility } from '../directory/use-facilities.ts';
import { ProviderPicker, type ProviderFilters } from './ProviderPicker.tsx';
import { CONSENT_METHODS, SERVICES, URGENCIES, type ConsentMethod, type Service, type Urgency } from './referral-codes.ts';

interface Form {
  facility: Facility | null;
  services: Service[];
  urgency: Urgency;
  consentGiven: boolean;
  consentMethod: ConsentMethod | '';
}

type Problems = Partial<Record<'provider' | 'services' | 'consent' | 'consentMethod', string>>;

/**
 * Refers a victim case to a service provider (POST /api/v1/referrals): the
 * provider chosen from the directory (by service and county, with its free
 * places), the services asked for and the urgency. An adult, or a person not
 * known to be a child, is referred only with consent to referral holding on
 * the day (docs/nrm-workflow.md rule 5; GDPR art. 6(1)(a), 9(2)(a)): when the
 * person's records hold none, the worker records it here first
 * (POST /api/v1/persons/:id/consents); a child needs none (Directive
 * 2011/36/EU art. 14). What was typed stays on every error, the server's
 * included; a consent recorded before a refused referral is not recorded twice.
 */
export function ReferDialog({ victimCaseId, opened, onClose }: { victimCaseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('refer.title')}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('refer.close_dialog') }}
    >
      {opened && <ReferForm victimCaseId={victimCaseId} onClose={onClose} />}
    </Modal>
  );
}

export default ReferDialog;

function ReferForm({ victimCaseId, onClose }: { victimCaseId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('referrals');
  const client = useQueryClient();
  const session = useSession();
  const ownOrganisation = session.data?.status === 'signed_in' ? session.data.user.organisation_code : null;
  const [filters, setFilters] = useState<ProviderFilters>({ service: null, county: null, freeOnly: false });
  const [form, setForm] = useState<Form>({ facility: null, services: [], urgency: 'routine', consentGiven: false, consentMethod: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [consentRecorded, setConsentRecorded] = useState(false);

  const victimCase = useQuery({
    queryKey: ['victim-cases', victimCaseId],
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}', { params: { path: { id: victimCaseId } } })),
  });
  const personId = victimCase.data?.person_id;
  const child = victimCase.data?.is_child === true;
  const consents = useQuery({
    queryKey: ['persons', personId, 'consents'],
    enabled: !!personId && !child,
    queryFn: async () => unwrap(await api.GET('/api/v1/persons/{id}/consents', { params: { path: { id: personId! } } })),
  });
  // A display hint only: the server decides whether consent holds (consentHolds, on the day of the referral).
  const latestReferralConsent = consents.data?.items
    .filter((c) => c.purpose === 'referral' && c.recorded_on <= profileToday())
    .sort((a, b) => a.recorded_on.localeCompare(b.recorded_on))
    .at(-1);
  const consentOnRecord = consentRecorded || (latestReferralConsent?.given === true && latestReferralConsent.withdrawn_on == null);
  const needsConsent = !!victimCase.data && !child && !consentOnRecord;

  const change = (next: Partial<Form>) => {
    setForm((f) => ({ ...f, ...next }));
    setProblems({});
  };

  const send = useMutation({
    mutationFn: async (input: Form & { facility: Facility }) => {
      if (needsConsent && input.consentGiven) {
        unwrap(
          await api.POST('/api/v1/persons/{id}/consents', {
            params: { path: { id: personId! } },
            body: {
              purpose: 'referral',
              given: true,
              recorded_on: profileToday(),
              method: input.consentMethod as ConsentMethod,
              victim_case_id: victimCaseId,
            },
          }),
        );
        setConsentRecorded(true);
        void client.invalidateQueries({ queryKey: ['persons', personId, 'consents'] });
      }
      return unwrap(
        await api.POST('/api/v1/referrals', {
          body: {
            victim_case_id: victimCaseId,
            from_organisation: ownOrganisation!,
            to_organisation: input.facility.organisation_code,
            services: input.services,
            urgency: input.urgency,
          },
        }),
      );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['referrals'] });
      void client.invalidateQueries({ queryKey: ['victim-cases'] });
    },
  });

  const submit = () => {
    const found: Problems = {
      ...(form.facility ? {} : { provider: t('refer.required.provider') }),
      ...(form.services.length > 0 ? {} : { services: t('refer.required.services') }),
      ...(needsConsent && !form.consentGiven ? { consent: t('refer.required.consent') } : {}),
      ...(needsConsent && form.consentGiven && !form.consentMethod ? { consentMethod: t('refer.required.consent_method') } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length === 0 && form.facility) send.mutate({ ...form, facility: form.facility });
  };

  if (victimCase.isPending && victimCase.fetchStatus === 'paused') return <Alert color="gray">{t('offline')}</Alert>;
  if (victimCase.isPending) return <Loader aria-label={t('loading')} />;
  if (victimCase.isError) return <ApiErrorAlert error={victimCase.error} />;

  if (send.isSuccess)
    return (
      <Stack>
        {/* No Alert title: Mantine's teal title on the light background falls below 4.5:1 (axe color-contrast). */}
        <Alert color="teal" variant="light" role="status">
          <Text fw={700}>{t('refer.sent_title')}</Text>
          <Text>{t('refer.sent', { provider: form.facility?.organisation_name, code: send.data.to_organisation_code })}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('refer.close')}</Button>
        </Group>
      </Stack>
    );

  const offered = form.facility?.services ?? [];
  const notOffered = form.services.filter((s) => form.facility && !offered.includes(s));
  const consentMissing = send.error instanceof ApiRequestError && send.error.body.code === 'OPENNRM_CONSENT_REQUIRED';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">{t('refer.case', { number: victimCase.data.case_number ?? victimCaseId })}</Text>
        <ProviderPicker
          filters={filters}
          onFilters={setFilters}
          value={form.facility}
          onChange={(facility) =>
            change({
              facility,
              // A first choice starts from the service searched for, when the facility offers it.
              services:
                form.services.length === 0 && filters.service && facility.services.includes(filters.service)
                  ? [filters.service]
                  : form.services,
            })
          }
          error={problems.provider}
        />
        <Checkbox.Group
          label={t('refer.services')}
          withAsterisk
          value={form.services}
          onChange={(values) => change({ services: values as Service[] })}
          error={problems.services}
        >
          <Group mt="xs" gap="sm">
            {SERVICES.map((s) => (
              <Checkbox key={s} value={s} label={t(`service.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {notOffered.length > 0 && (
          <Alert color="yellow" variant="light">
            {t('refer.not_offered', {
              provider: form.facility!.name,
              services: new Intl.ListFormat(i18n.resolvedLanguage).format(notOffered.map((s) => t(`service.${s}`))),
            })}
          </Alert>
        )}
        <Radio.Group label={t('refer.urgency')} value={form.urgency} onChange={(value) => change({ urgency: value as Urgency })}>
          <Group mt="xs">
            {URGENCIES.map((u) => (
              <Radio key={u} value={u} label={t(`urgency.${u}`)} />
            ))}
          </Group>
        </Radio.Group>
        {!child && (
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={500} size="sm">
              {t('refer.consent_title')}
            </Text>
            {consentOnRecord ? (
              <Text size="sm">
                {consentRecorded || !latestReferralConsent
                  ? t('refer.consent_recorded_now')
                  : t('refer.consent_on_record', {
                      date: new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' }).format(
                        new Date(`${latestReferralConsent.recorded_on}T00:00:00Z`),
                      ),
                    })}
              </Text>
            ) : (
              <>
                <Text size="sm">{victimCase.data.is_child === false ? t('refer.consent_adult') : t('refer.consent_unknown_age')}</Text>
                <Checkbox
                  label={t('refer.consent_given')}
                  checked={form.consentGiven}
                  onChange={(e) => change({ consentGiven: e.currentTarget.checked })}
                  error={problems.consent}
                />
                <NativeSelect
                  label={t('refer.consent_method')}
                  value={form.consentMethod}
                  onChange={(e) => change({ consentMethod: e.currentTarget.value as ConsentMethod | '' })}
                  data={[
                    { value: '', label: t('refer.choose') },
                    ...CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent_method.${m}`) })),
                  ]}
                  error={problems.consentMethod}
                  disabled={!form.consentGiven}
                  withAsterisk={form.consentGiven}
                />
              </>
            )}
          </Stack>
        )}
        {Object.keys(problems).length > 0 && (
          <Alert color="red" role="alert">
            {t('refer.fix_problems')}
          </Alert>
        )}
        {send.isError &&
          (consentMissing ? (
            <Alert color="red" role="alert" title={t('refer.consent_required_title')}>
              {t('refer.consent_required')}
            </Alert>
          ) : (
            <ApiErrorAlert error={send.error} />
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('refer.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending}>
            {t('refer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
