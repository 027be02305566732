import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { CLOSURE_REASONS, STAGE_MOVES, type ClosureReason, type Stage } from './proceedings-codes.ts';
import { focusFirstProblem, todayIso } from './formats.ts';
import { useChangeStage } from './use-proceedings.ts';
import { useServerProblems } from '../app/server-problems.ts';

type Fields = { stage: Stage | ''; on: string; closure_reason: ClosureReason | '' };
type Problems = Partial<Record<keyof Fields, string>>;

/**
 * Move the case to another stage or close it (POST /criminal-cases/:id/stage).
 * Only the moves the law allows from the current stage are offered (the
 * domain's STAGE_MOVES: CPP art. 305, 327, 408, 421, 551; closure on art. 16
 * grounds; reopening, art. 335); a closure asks for its reason. Problems show
 * on their fields and nothing typed is lost on an error.
 */
export function StageForm({ caseId, stage }: { caseId: string; stage: Stage }) {
  const { t } = useTranslation('proceedings');
  const change = useChangeStage(caseId);
  const [fields, setFields] = useState<Fields>({ stage: '', on: '', closure_reason: '' });
  const [shown, setShown] = useState<Problems>({});
  const [done, setDone] = useState<Stage | null>(null);
  const today = todayIso();
  const moves = STAGE_MOVES[stage];
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    setShown((p) => ({ ...p, [name]: undefined }));
    server.edited(name);
    setDone(null);
  };
  // The server's last refusal, field by field, while it still applies (an edited field's reason goes).
  const server = useServerProblems<keyof Fields>(change.error, (path) => {
    const name = path.replace(/^body\./, '');
    return name === 'stage' || name === 'on' || name === 'closure_reason' ? name : undefined;
  });
  const problem = (name: keyof Fields) => (shown[name] ? t(shown[name]) : server.problems[name]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new attempt: the last refusal no longer stands beside what this one finds.
    change.reset();
    const problems: Problems = {};
    if (!fields.stage) problems.stage = 'stage_form.choose_stage';
    if (!fields.on) problems.on = 'stage_form.date_required';
    else if (fields.on > today) problems.on = 'stage_form.date_future';
    if (fields.stage === 'closed' && !fields.closure_reason) problems.closure_reason = 'stage_form.choose_reason';
    setShown(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(event.currentTarget);
      return;
    }
    const to = fields.stage as Stage;
    change.mutate(
      { stage: to, on: fields.on, ...(to === 'closed' ? { closure_reason: fields.closure_reason as ClosureReason } : {}) },
      {
        onSuccess: () => {
          setDone(to);
          setFields({ stage: '', on: '', closure_reason: '' });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="stage-form-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="stage-form-title">
          {t('stage_form.title')}
        </Title>
        {done && (
          <Alert color="teal" role="status">
            {t('stage_form.done', { stage: t(`stage.${done}`) })}
          </Alert>
        )}
        {moves.length === 0 ? (
          <Text>{t('stage_form.no_moves')}</Text>
        ) : (
          <>
            <NativeSelect
              label={t('stage_form.stage')}
              required
              value={fields.stage}
              error={problem('stage')}
              onChange={(e) => set('stage', e.currentTarget.value as Stage | '')}
            >
              <option value="">{t('event_form.choose')}</option>
              {moves.map((s) => (
                <option key={s} value={s}>
                  {t(`stage_form.to.${s}`)}
                </option>
              ))}
            </NativeSelect>
            {fields.stage === 'closed' && (
              <NativeSelect
                label={t('stage_form.closure_reason')}
                required
                value={fields.closure_reason}
                error={problem('closure_reason')}
                onChange={(e) => set('closure_reason', e.currentTarget.value as ClosureReason | '')}
              >
                <option value="">{t('event_form.choose')}</option>
                {CLOSURE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`closure_reason.${r}`)}
                  </option>
                ))}
              </NativeSelect>
            )}
            <TextInput
              type="date"
              label={t('stage_form.on')}
              required
              max={today}
              value={fields.on}
              error={problem('on')}
              onChange={(e) => set('on', e.currentTarget.value)}
            />
            {change.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />}
            <Group>
              <Button type="submit" loading={change.isPending}>
                {t('stage_form.submit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}
