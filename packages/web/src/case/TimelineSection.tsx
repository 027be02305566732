import { useTranslation } from 'react-i18next';
import { Badge, Group, List, Stack, Text, Timeline } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { CaseSection, QueryState } from './CaseSection.tsx';
import { useTimeline } from './case-data.ts';
import { useFormats } from './use-formats.ts';
import { TransitionForm } from './TransitionForm.tsx';
import { nrmWorkflow } from './workflow-rules.ts';

type Step = Schemas['NrmTransition'];

/**
 * NRM status and its history (GET /victim-cases/:id/transitions, oldest
 * first): each step with who took it, on which day, why, and what caused
 * it. A provider reading through a referral gets only its own part, with the
 * status hidden unless shared (docs/nrm-workflow.md); the page says so.
 * Below it, the form for the next step when the user may take one.
 */
export function TimelineSection({ caseId, mayAct, isChild }: { caseId: string; mayAct: boolean; isChild: boolean | null | undefined }) {
  const { t } = useTranslation('case');
  const { t: tApp } = useTranslation();
  const timeline = useTimeline(caseId);
  const data = timeline.data;

  return (
    <CaseSection id="case-status" title={t('status.title')}>
      <QueryState query={timeline} refusedText={t('status.not_for_role')} />
      {data && (
        <>
          <Group gap="xs">
            {data.nrm_status ? (
              <Badge size="lg" variant="filled" color="nrm.7" data-testid="nrm-status">
                {tApp(`nrm_status.${data.nrm_status}`)}
              </Badge>
            ) : (
              <Text>{t('status.not_shared')}</Text>
            )}
            {data.workflow_state && (
              <Badge size="lg" variant="outline" color="gray.8">
                {t('status.state_is', { state: t(`workflow_state.${data.workflow_state}`) })}
              </Badge>
            )}
          </Group>
          <Title3 text={t('status.history')} />
          {data.items.length === 0 ? (
            <Text>{t('status.no_steps')}</Text>
          ) : (
            <Timeline active={data.items.length - 1} bulletSize={16} lineWidth={2} role="list" aria-label={t('status.history')}>
              {data.items.map((step) => (
                <Timeline.Item key={step.id} role="listitem" title={<StepTitle step={step} />}>
                  <StepBody step={step} />
                </Timeline.Item>
              ))}
            </Timeline>
          )}
          {mayAct && data.workflow_state && (
            <TransitionForm caseId={caseId} state={data.workflow_state} nrmStatus={data.nrm_status} steps={data.items} isChild={isChild} />
          )}
        </>
      )}
    </CaseSection>
  );
}

function Title3({ text }: { text: string }) {
  return (
    <Text component="h3" fw={700} size="md" m={0}>
      {text}
    </Text>
  );
}

function StepTitle({ step }: { step: Step }) {
  const { t } = useTranslation('case');
  return <Text fw={700}>{t(`event.${step.event}`)}</Text>;
}

function StepBody({ step }: { step: Step }) {
  const { t } = useTranslation('case');
  const { t: tApp } = useTranslation();
  const f = useFormats();
  const rules = nrmWorkflow();
  const who = step.actor_username
    ? step.actor_organisation_code
      ? t('step.by_user_of', { user: step.actor_username, organisation: step.actor_organisation_code })
      : t('step.by_user', { user: step.actor_username })
    : step.actor_organisation_code
      ? t('step.by_organisation', { organisation: step.actor_organisation_code })
      : null;
  const closure = step.closure_reason
    ? t(`closure_reason.${step.closure_reason}`, {
        defaultValue: rules.closure_reasons.find((r) => r.code === step.closure_reason)?.name ?? step.closure_reason,
      })
    : null;
  return (
    <Stack gap={2}>
      <Text size="sm">{t('step.on', { date: f.day(step.occurred_on) })}</Text>
      {who && <Text size="sm">{who}</Text>}
      {step.nrm_status && <Text size="sm">{t('step.status_set', { status: tApp(`nrm_status.${step.nrm_status}`) })}</Text>}
      {closure && <Text size="sm">{t('step.closure_reason', { reason: closure })}</Text>}
      {step.grounds.length > 0 && (
        <Text size="sm">
          {t('step.grounds', {
            grounds: f.list(
              step.grounds.map((g) => t(`ground.${g}`, { defaultValue: rules.closure_grounds.find((x) => x.code === g)?.name ?? g })),
            ),
          })}
        </Text>
      )}
      {step.reason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('step.reason', { reason: step.reason })}
        </Text>
      )}
      {step.source_type && <Text size="sm">{t(`step.source.${step.source_type}`, { defaultValue: t('step.source.other') })}</Text>}
      {step.child_protection.length > 0 && (
        <List size="sm">
          {step.child_protection.map((n, i) => (
            <List.Item key={i}>
              {n.status === 'sent'
                ? t('step.child_protection_sent', { organisation: n.organisation_code ?? '', count: n.recipients })
                : t('step.child_protection_unrouted')}
            </List.Item>
          ))}
        </List>
      )}
      {step.anonymous_notification && <Text size="sm">{t('step.anonymous_notification')}</Text>}
      <Text size="xs" c="dimmed">
        {t('step.recorded_at', { date: f.instant(step.recorded_at) })}
      </Text>
    </Stack>
  );
}
