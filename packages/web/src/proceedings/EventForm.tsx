import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { PROCEDURAL_EVENT_KINDS, hasAmount, hasEnd, isSuspectEvent, type EventKind, type RecordEventBody } from './proceedings-codes.ts';
import { focusFirstProblem, todayIso } from './formats.ts';
import { useRecordEvent } from './use-proceedings.ts';
import { useServerProblems } from '../app/server-problems.ts';

type Fields = {
  kind: EventKind | '';
  suspect_id: string;
  occurred_on: string;
  ends_on: string;
  phase: '' | 'investigation' | 'trial';
  sentence_months: number | string;
  sentence_suspended: boolean;
  amount: string;
  currency: string;
  note: string;
};
type Problems = Partial<Record<keyof Fields, string>>;

const EMPTY: Fields = {
  kind: '',
  suspect_id: '',
  occurred_on: '',
  ends_on: '',
  phase: '',
  sentence_months: '',
  sentence_suspended: false,
  amount: '',
  currency: '',
  note: '',
};

/** The problems the form can see before sending (the server checks them again, and the profile's maximum terms). */
function problemsOf(f: Fields, today: string): Problems {
  const p: Problems = {};
  if (!f.kind) p.kind = 'event_form.required_kind';
  if (f.kind && isSuspectEvent(f.kind) && !f.suspect_id) p.suspect_id = 'event_form.required_suspect';
  if (!f.occurred_on) p.occurred_on = 'event_form.required_date';
  else if (f.occurred_on > today) p.occurred_on = 'event_form.future';
  if (f.kind === 'pretrial_detention_warrant' && !f.ends_on) p.ends_on = 'event_form.required_end';
  if (f.kind && hasEnd(f.kind) && f.ends_on && f.occurred_on && f.ends_on < f.occurred_on) p.ends_on = 'event_form.end_before';
  if (f.kind === 'sentenced') {
    if (f.sentence_months === '') p.sentence_months = 'event_form.required_sentence';
    else if (!Number.isInteger(Number(f.sentence_months)) || Number(f.sentence_months) < 0 || Number(f.sentence_months) > 1200)
      p.sentence_months = 'event_form.sentence_range';
  }
  if (f.kind && hasAmount(f.kind)) {
    if (f.amount && !/^\d{1,14}(\.\d{1,2})?$/.test(f.amount)) p.amount = 'event_form.amount_format';
    if (f.currency && !/^[A-Z]{3}$/.test(f.currency)) p.currency = 'event_form.currency_format';
    if (!p.amount && !p.currency && Boolean(f.amount) !== Boolean(f.currency))
      p[f.amount ? 'currency' : 'amount'] = 'event_form.amount_currency';
  }
  return p;
}

/** The request body: only the fields the chosen event carries. */
function bodyOf(f: Fields): RecordEventBody {
  const kind = f.kind as EventKind;
  return {
    kind,
    occurred_on: f.occurred_on,
    ...(isSuspectEvent(kind) ? { suspect_id: f.suspect_id } : {}),
    ...(hasEnd(kind) && f.ends_on ? { ends_on: f.ends_on } : {}),
    ...(f.phase ? { phase: f.phase } : {}),
    ...(kind === 'sentenced' ? { sentence_months: Number(f.sentence_months), sentence_suspended: f.sentence_suspended } : {}),
    ...(hasAmount(kind) && f.amount ? { amount: f.amount, currency: f.currency } : {}),
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
  };
}

/**
 * Record a procedural event (POST /criminal-cases/:id/events): the event,
 * the suspect it concerns (for a suspect's event), its date and, as the
 * event has them, the last day of a warrant or measure, the sentence in
 * months, the amount confiscated or seized. Problems show on their fields;
 * the server's too (its `fields`), and nothing typed is lost on an error.
 * After a success the form empties and says what was recorded.
 */
export function EventForm({
  caseId,
  suspects,
  suspectName,
}: {
  caseId: string;
  suspects: Schemas['Suspect'][];
  suspectName: (id: string) => string;
}) {
  const { t } = useTranslation('proceedings');
  const record = useRecordEvent(caseId);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [shown, setShown] = useState<Problems>({});
  const [done, setDone] = useState<EventKind | null>(null);
  const today = todayIso();
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    setShown((p) => ({ ...p, [name]: undefined }));
    server.edited(name);
    setDone(null);
  };
  // The server's last refusal, field by field, while it still applies (an edited field's reason goes).
  const server = useServerProblems<keyof Fields>(record.error, (path) => {
    const name = path.replace(/^body\./, '');
    return name in EMPTY ? (name as keyof Fields) : undefined;
  });
  const problem = (name: keyof Fields) => (shown[name] ? t(shown[name]) : server.problems[name]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new attempt: the last refusal no longer stands beside what this one finds.
    record.reset();
    const problems = problemsOf(fields, today);
    setShown(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(event.currentTarget);
      return;
    }
    record.mutate(bodyOf(fields), {
      onSuccess: (saved) => {
        setDone(saved.kind);
        setFields(EMPTY);
      },
    });
  };

  const kind = fields.kind || null;
  // A case is closed by changing its stage (StageForm, with the reason): the server refuses a case_closed event.
  const caseKinds = PROCEDURAL_EVENT_KINDS.filter((k) => !isSuspectEvent(k) && k !== 'case_closed');
  const suspectKinds = PROCEDURAL_EVENT_KINDS.filter(isSuspectEvent);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="event-form-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="event-form-title">
          {t('event_form.title')}
        </Title>
        <NativeSelect
          label={t('event_form.kind')}
          required
          value={fields.kind}
          error={problem('kind')}
          onChange={(e) => set('kind', e.currentTarget.value as EventKind | '')}
        >
          <option value="">{t('event_form.choose')}</option>
          <optgroup label={t('event_form.suspect_events')}>
            {suspectKinds.map((k) => (
              <option key={k} value={k}>
                {t(`event.${k}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('event_form.case_events')}>
            {caseKinds.map((k) => (
              <option key={k} value={k}>
                {t(`event.${k}`)}
              </option>
            ))}
          </optgroup>
        </NativeSelect>
        {kind && isSuspectEvent(kind) && (
          <NativeSelect
            label={t('event_form.suspect')}
            required
            value={fields.suspect_id}
            error={problem('suspect_id')}
            onChange={(e) => set('suspect_id', e.currentTarget.value)}
          >
            <option value="">{t('event_form.choose')}</option>
            {suspects.map((s) => (
              <option key={s.id} value={s.id}>
                {suspectName(s.id)}
              </option>
            ))}
          </NativeSelect>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('event_form.occurred_on')}
            required
            max={today}
            value={fields.occurred_on}
            error={problem('occurred_on')}
            onChange={(e) => set('occurred_on', e.currentTarget.value)}
            miw={160}
          />
          {kind && hasEnd(kind) && (
            <TextInput
              type="date"
              label={t('event_form.ends_on')}
              description={t('event_form.ends_on_hint')}
              required={kind === 'pretrial_detention_warrant'}
              value={fields.ends_on}
              error={problem('ends_on')}
              onChange={(e) => set('ends_on', e.currentTarget.value)}
              miw={160}
            />
          )}
        </Group>
        {kind && (
          <NativeSelect
            label={t('event_form.phase')}
            value={fields.phase}
            error={problem('phase')}
            onChange={(e) => set('phase', e.currentTarget.value as Fields['phase'])}
          >
            <option value="">{t('event_form.phase_default')}</option>
            <option value="investigation">{t('event_form.phase_investigation')}</option>
            <option value="trial">{t('event_form.phase_trial')}</option>
          </NativeSelect>
        )}
        {kind === 'sentenced' && (
          <>
            <NumberInput
              label={t('event_form.sentence_months')}
              required
              min={0}
              max={1200}
              allowDecimal={false}
              allowNegative={false}
              value={fields.sentence_months}
              error={problem('sentence_months')}
              onChange={(v) => set('sentence_months', v)}
            />
            <Checkbox
              label={t('event_form.sentence_suspended')}
              checked={fields.sentence_suspended}
              onChange={(e) => set('sentence_suspended', e.currentTarget.checked)}
            />
          </>
        )}
        {kind && hasAmount(kind) && (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('event_form.amount')}
              description={t('event_form.amount_hint')}
              inputMode="decimal"
              value={fields.amount}
              error={problem('amount')}
              onChange={(e) => set('amount', e.currentTarget.value.trim())}
              miw={160}
            />
            <TextInput
              label={t('event_form.currency')}
              description={t('event_form.currency_hint')}
              maxLength={3}
              value={fields.currency}
              error={problem('currency')}
              onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
              miw={120}
            />
          </Group>
        )}
        {kind && (
          <Textarea
            label={t('event_form.note')}
            description={t('event_form.note_hint')}
            maxLength={2000}
            autosize
            minRows={2}
            value={fields.note}
            error={problem('note')}
            onChange={(e) => set('note', e.currentTarget.value)}
          />
        )}
        {record.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />}
        {done && (
          <Alert color="teal" role="status">
            {t('event_form.done', { event: t(`event.${done}`) })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('event_form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
