import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, NativeSelect, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { NrmStatus, NrmWorkflowEvent, NrmWorkflowState } from '@opennrm/domain';
import { shippedProfile } from '@opennrm/domain/profiles';
import { api, ApiRequestError, unwrap, type Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { ConflictAlert, isConflict } from '../app/ConflictAlert.tsx';
import { useServerProblems } from '../app/server-problems.ts';
import { useSession } from '../auth/session.ts';
import { caseKeys } from './case-data.ts';
import { todayIso } from './use-formats.ts';
import { availableEvents, checkStep, isDecision, nrmWorkflow, organisationFunctions } from './workflow-rules.ts';

interface Draft {
  event: NrmWorkflowEvent | '';
  occurred_on: string;
  reason: string;
  closure_reason: string;
  grounds: string[];
  /** The case's county (ISO 3166-2), '' when not given: the case keeps the one it has. */
  region: string;
}

interface StepBody {
  event: NrmWorkflowEvent;
  occurred_on: string;
  reason: string | null;
  closure_reason?: string;
  grounds?: string[];
  region?: string;
}

async function sendStep(caseId: string, body: StepBody) {
  return unwrap(await api.POST('/api/v1/victim-cases/{id}/transitions', { params: { path: { id: caseId } }, body }));
}

type Field = 'event' | 'occurred_on' | 'reason' | 'closure_reason' | 'grounds' | 'region';
const FIELDS: readonly string[] = ['event', 'occurred_on', 'reason', 'closure_reason', 'grounds', 'region'];

/** The profile's counties, by their official names (the screening wizard's list). */
const COUNTIES = shippedProfile('romania').regions;
const EMPTY_DRAFT: Draft = { event: '', occurred_on: '', reason: '', closure_reason: '', grounds: [], region: '' };
const emptyDraft = (): Draft => ({ ...EMPTY_DRAFT, occurred_on: todayIso() });

/** Whether a refusal names the case's county (the server needs it to notify a child's county child-protection service). */
const namesCounty = (error: unknown) => error instanceof ApiRequestError && (error.body.fields ?? []).some((f) => f.path === 'body.region');

/**
 * Records the case's next NRM step (POST /victim-cases/:id/transitions).
 * Offers only the steps the transitions table allows from where the case
 * stands and, for a decision, only to a competent identifying body; checks
 * the step with the domain's rules before sending; keeps everything typed
 * when the server refuses it; a 409 (the case moved on since the page read
 * it) offers to reload the case (and to send the step again only where that can succeed: ConflictAlert).
 * Grounds the profile forbids (assistance made conditional on cooperating with prosecutors) are not offered at
 * all. A child's case whose county child-protection service has not been notified yet asks for the case's
 * county, which the server needs for that notification (child-protection.ts, Law 272/2004); so does any step the
 * server refused for want of it. The server's reasons show on their fields and go when the field is edited.
 */
export function TransitionForm({
  caseId,
  state,
  nrmStatus,
  steps,
  isChild,
}: {
  caseId: string;
  state: NrmWorkflowState;
  nrmStatus: NrmStatus | null;
  steps: Schemas['NrmTransition'][];
  isChild: boolean | null | undefined;
}) {
  const { t } = useTranslation('case');
  const session = useSession();
  const user = session.data?.status === 'signed_in' ? session.data.user : null;
  const client = useQueryClient();
  const rules = nrmWorkflow();
  const events = availableEvents(state, nrmStatus, organisationFunctions(user?.organisation_code ?? null));
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  // Set once the server has asked for the county, so the field stays while the user fixes it and sends again.
  const [askCounty, setAskCounty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [recorded, setRecorded] = useState(false);
  // The step last sent, for "Send mine" after a 409 (the case moved on since the page read it).
  const [sent, setSent] = useState<StepBody | null>(null);

  const record = useMutation({
    mutationFn: (body: StepBody) => sendStep(caseId, body),
    onError: (error) => {
      if (namesCounty(error)) setAskCounty(true);
    },
    onSuccess: async () => {
      setDraft(emptyDraft());
      setAskCounty(false);
      setRecorded(true);
      await client.invalidateQueries({ queryKey: caseKeys.all(caseId) });
      await client.invalidateQueries({ queryKey: ['victim-cases'] });
    },
  });

  const server = useServerProblems<Field>(record.error, (path) => {
    const name = path.replace(/^body\./, '').split('.')[0]!;
    return FIELDS.includes(name) ? (name as Field) : undefined;
  });

  if (events.length === 0) return <Text>{t('transition.none_available')}</Text>;

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const name of Object.keys(patch)) server.edited(name as Field);
    setRecorded(false);
  };
  const problem = (name: Field) => errors[name] ?? server.problems[name];
  // The first step on a child's case notifies the county's child-protection service: the server needs the
  // county, which the page cannot see on the case, so it is offered (the case's own county is kept when left empty).
  const childNotified = steps.some((s) => s.child_protection.length > 0);
  const showCounty = (isChild === true && !childNotified) || askCounty || draft.region !== '';

  function submit(e: FormEvent) {
    e.preventDefault();
    // A new attempt: the last refusal no longer stands beside what this one finds.
    record.reset();
    const found: Partial<Record<Field, string>> = {};
    if (!draft.event) found.event = t('transition.required.event');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.occurred_on)) found.occurred_on = t('transition.required.occurred_on');
    else if (draft.occurred_on > todayIso()) found.occurred_on = t('transition.rule.future_date');
    if (draft.event && !found.occurred_on && user) {
      const broken = checkStep(
        { state, nrmStatus, isChild: isChild ?? null, steps, organisationCode: user.organisation_code, userId: user.id },
        {
          event: draft.event,
          occurred_on: draft.occurred_on,
          reason: draft.reason,
          closure_reason: draft.event === 'close' ? draft.closure_reason || null : null,
          grounds: draft.event === 'close' ? draft.grounds : [],
        },
      );
      if (broken) {
        const field = (broken.field?.split('.')[0] ?? 'event') as Field;
        found[field] = t(`transition.rule.${broken.code}`);
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.event) return;
    const body: StepBody = {
      event: draft.event,
      occurred_on: draft.occurred_on,
      reason: draft.reason.trim() || null,
      ...(draft.event === 'close' ? { closure_reason: draft.closure_reason, grounds: draft.grounds } : {}),
      ...(draft.region ? { region: draft.region } : {}),
    };
    setSent(body);
    record.mutate(body);
  }

  const needsReason = draft.event !== '' && (isDecision(draft.event) || draft.event === 'reopen');

  return (
    <form onSubmit={submit} noValidate aria-labelledby="transition-title">
      <Stack gap="sm">
        <Text component="h3" fw={700} size="md" m={0} id="transition-title">
          {t('transition.title')}
        </Text>
        <Radio.Group
          label={t('transition.event')}
          value={draft.event}
          onChange={(v) => update({ event: v as NrmWorkflowEvent })}
          error={problem('event')}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            {events.map((event) => (
              <Radio key={event} value={event} label={t(`event_action.${event}`)} description={t(`event_help.${event}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('transition.occurred_on')}
          description={t('transition.occurred_on_help')}
          value={draft.occurred_on}
          max={todayIso()}
          onChange={(e) => update({ occurred_on: e.currentTarget.value })}
          error={problem('occurred_on')}
          withAsterisk
        />
        {showCounty && (
          <NativeSelect
            label={t('transition.region')}
            description={t('transition.region_help')}
            value={draft.region}
            onChange={(e) => update({ region: e.currentTarget.value })}
            error={problem('region')}
            withAsterisk={askCounty}
            data={[
              { value: '', label: t(askCounty ? 'transition.region_choose' : 'transition.region_kept') },
              ...COUNTIES.map((r) => ({ value: r.code, label: r.name })),
            ]}
          />
        )}
        {draft.event === 'close' && (
          <>
            <Radio.Group
              label={t('transition.closure_reason')}
              value={draft.closure_reason}
              onChange={(v) => update({ closure_reason: v })}
              error={problem('closure_reason')}
              withAsterisk
            >
              <Stack gap="xs" mt="xs">
                {rules.closure_reasons.map((r) => (
                  <Radio key={r.code} value={r.code} label={t(`closure_reason.${r.code}`, { defaultValue: r.name })} />
                ))}
              </Stack>
            </Radio.Group>
            <Checkbox.Group
              label={t('transition.grounds')}
              description={t('transition.grounds_help')}
              value={draft.grounds}
              onChange={(grounds) => update({ grounds })}
              error={problem('grounds')}
            >
              <Stack gap="xs" mt="xs">
                {rules.closure_grounds
                  .filter((g) => !g.forbidden)
                  .map((g) => (
                    <Checkbox key={g.code} value={g.code} label={t(`ground.${g.code}`, { defaultValue: g.name })} />
                  ))}
              </Stack>
            </Checkbox.Group>
          </>
        )}
        <Textarea
          label={t('transition.reason')}
          description={needsReason ? t('transition.reason_required_help') : t('transition.reason_help')}
          value={draft.reason}
          onChange={(e) => update({ reason: e.currentTarget.value })}
          error={problem('reason')}
          withAsterisk={needsReason}
          autosize
          minRows={3}
        />
        {record.isError && isConflict(record.error) && sent ? (
          <ConflictAlert
            error={record.error}
            reload={() => client.invalidateQueries({ queryKey: caseKeys.all(caseId) })}
            resend={() => record.mutate(sent)}
            resending={record.isPending}
          />
        ) : (
          record.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />
        )}
        {recorded && (
          <Alert color="teal" role="status">
            {t('transition.recorded')}
          </Alert>
        )}
        <Button type="submit" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('transition.submit')}
        </Button>
      </Stack>
    </form>
  );
}
