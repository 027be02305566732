import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useOrganisations } from '../admin/use-organisations.ts';
import { focusFirstProblem, todayIso, useProceedingsFormats } from './formats.ts';
import { HEARING_BODY_KINDS_OF_INSTITUTION, HEARING_SETTINGS, useSettingName } from './victim-codes.ts';
import { useRecordHearing, type HearingBody } from './use-victims.ts';
import { useProfileNames } from './profile-names.ts';
import { useServerProblems } from '../app/server-problems.ts';

type Fields = {
  status: 'held' | 'planned';
  day: string;
  body_organisation: string;
  settings: string[];
  counsel_present: '' | 'yes' | 'no';
  note: string;
};
type Problems = Partial<Record<keyof Fields, string>>;

const empty = (body: string): Fields => ({ status: 'held', day: '', body_organisation: body, settings: [], counsel_present: '', note: '' });

/** The problems the form can see before sending (the server checks them again: hearings.repository.ts). */
function problemsOf(f: Fields, today: string): Problems {
  const p: Problems = {};
  if (!f.day) p.day = 'hearing_form.required_date';
  else if (f.status === 'held' && f.day > today) p.day = 'hearing_form.future';
  if (!f.body_organisation) p.body_organisation = 'hearing_form.required_body';
  if (f.status === 'held' && !f.counsel_present) p.counsel_present = 'hearing_form.required_counsel';
  return p;
}

function bodyOf(f: Fields, criminalCaseId: string): HearingBody {
  return {
    status: f.status,
    ...(f.status === 'held' ? { held_on: f.day, counsel_present: f.counsel_present === 'yes' } : { planned_on: f.day }),
    body_organisation: f.body_organisation,
    criminal_case_id: criminalCaseId,
    settings: f.settings,
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
  };
}

/** The server's field names (body.held_on, body.planned_on, ...) as the form's. */
const FIELD_OF: Record<string, keyof Fields> = {
  status: 'status',
  held_on: 'day',
  planned_on: 'day',
  body_organisation: 'body_organisation',
  settings: 'settings',
  counsel_present: 'counsel_present',
  note: 'note',
};

/**
 * Record a hearing of the victim in this criminal case (POST
 * /victim-cases/:id/hearings): held (the day, not after today, and whether
 * counsel was present) or planned, the police, prosecution or court body
 * hearing them (the investigating organisation first), the profile's settings.
 * A victim already heard is named so before sending, and the server's
 * re-hearing warning is shown with the result (Directive 2011/36/EU art.
 * 12(4)(c): fewer interviews are better). Problems show on their fields, the
 * keyboard lands on the first; an error keeps everything typed.
 */
export function HearingForm({
  victimCaseId,
  victimNumber,
  criminalCaseId,
  investigatingOrganisation,
  heardBefore,
}: {
  victimCaseId: string;
  victimNumber: number;
  criminalCaseId: string;
  investigatingOrganisation: string | null;
  heardBefore: { count: number; last: string | null } | null;
}) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const settingName = useSettingName();
  const record = useRecordHearing(victimCaseId);
  const organisations = useOrganisations();
  const names = useProfileNames();
  const [fields, setFields] = useState<Fields>(() => empty(investigatingOrganisation ?? ''));
  const [shown, setShown] = useState<Problems>({});
  const [done, setDone] = useState<{ warning: { hearings_so_far: number; last_held_on: string } | null } | null>(null);
  const today = todayIso();
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    setShown((p) => ({ ...p, [name]: undefined }));
    server.edited(name);
    setDone(null);
  };
  // The server's last refusal, field by field, while it still applies (an edited field's reason goes).
  const server = useServerProblems<keyof Fields>(record.error, (path) => FIELD_OF[path.replace(/^body\./, '').split('.')[0]!]);
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
    record.mutate(bodyOf(fields, criminalCaseId), {
      onSuccess: (saved) => {
        setDone({ warning: saved.warning });
        setFields(empty(fields.body_organisation));
      },
    });
  };

  const bodies = (organisations.data ?? []).filter((o) => HEARING_BODY_KINDS_OF_INSTITUTION.includes(o.kind));
  const title = `hearing-form-${victimCaseId}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={title}>
      <Stack gap="sm">
        <Title order={5} size="h6" id={title}>
          {t('hearing_form.title', { number: victimNumber })}
        </Title>
        {heardBefore && (
          <Alert color="yellow" p="xs">
            {heardBefore.last
              ? t('hearing_form.heard_before', { count: heardBefore.count, date: formats.day(heardBefore.last) })
              : t('hearing_form.heard_before_undated', { count: heardBefore.count })}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('hearing_form.status')}
            value={fields.status}
            onChange={(e) => set('status', e.currentTarget.value as Fields['status'])}
            miw={160}
          >
            <option value="held">{t('hearings.status.held')}</option>
            <option value="planned">{t('hearings.status.planned')}</option>
          </NativeSelect>
          <TextInput
            type="date"
            label={fields.status === 'held' ? t('hearing_form.held_on') : t('hearing_form.planned_on')}
            required
            max={fields.status === 'held' ? today : undefined}
            value={fields.day}
            error={problem('day')}
            onChange={(e) => set('day', e.currentTarget.value)}
            miw={160}
          />
        </Group>
        <NativeSelect
          label={t('hearing_form.body')}
          description={t('hearing_form.body_hint')}
          required
          value={fields.body_organisation}
          error={problem('body_organisation') ?? (organisations.isError ? t('hearing_form.bodies_unavailable') : undefined)}
          onChange={(e) => set('body_organisation', e.currentTarget.value)}
        >
          <option value="">{t('event_form.choose')}</option>
          {fields.body_organisation && !bodies.some((o) => o.code === fields.body_organisation) && (
            <option value={fields.body_organisation}>{fields.body_organisation}</option>
          )}
          {bodies.map((o) => (
            <option key={o.id} value={o.code}>
              {names.institution(o.code, o.name)}
            </option>
          ))}
        </NativeSelect>
        <Checkbox.Group
          label={t('hearing_form.settings')}
          value={fields.settings}
          error={problem('settings')}
          onChange={(value) => set('settings', value)}
        >
          <Stack gap={6} mt={4}>
            {HEARING_SETTINGS.map((s) => (
              <Checkbox key={s.code} value={s.code} label={settingName(s.code)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {fields.status === 'held' && (
          <NativeSelect
            label={t('hearing_form.counsel')}
            required
            value={fields.counsel_present}
            error={problem('counsel_present')}
            onChange={(e) => set('counsel_present', e.currentTarget.value as Fields['counsel_present'])}
          >
            <option value="">{t('event_form.choose')}</option>
            <option value="yes">{t('hearing_form.counsel_yes')}</option>
            <option value="no">{t('hearing_form.counsel_no')}</option>
          </NativeSelect>
        )}
        <Textarea
          label={t('hearing_form.note')}
          description={t('hearing_form.note_hint')}
          maxLength={2000}
          autosize
          minRows={2}
          value={fields.note}
          error={problem('note')}
          onChange={(e) => set('note', e.currentTarget.value)}
        />
        {record.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />}
        {done && (
          <Alert color={done.warning ? 'yellow' : 'teal'} role="status">
            {done.warning
              ? t('hearing_form.done_heard_again', {
                  count: done.warning.hearings_so_far,
                  date: formats.day(done.warning.last_held_on),
                })
              : t('hearing_form.done')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('hearing_form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
