import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MultiSelect, NativeSelect, Radio, Stack, Group, Text, TextInput, Textarea } from '@mantine/core';
import { iso31661 } from 'iso-3166/1.js';
import { ANSWERS, SUBJECT_AGE_GROUPS, type Answer } from '@opennrm/domain/screening';
import type { ScreeningDraft } from './device-screenings.ts';
import { INSTRUMENT, PROFILE, setFor, type Question } from './screening-steps.ts';

/**
 * The wizard's steps. Each is controlled: the wizard holds the draft and saves every change to the device.
 * A field the wizard can refuse carries data-field (its problem's key), so the problem summary links to it.
 */
interface StepProps {
  draft: ScreeningDraft;
  onChange: (draft: ScreeningDraft) => void;
  problems?: Partial<Record<string, string>>;
}

export function WhereStep({ draft, onChange, problems = {} }: StepProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Radio.Group
        label={t('screening.context')}
        description={t('screening.context_help')}
        value={draft.context ?? ''}
        onChange={(context) => onChange({ ...draft, context })}
        error={problems.context && t(problems.context)}
        required
        data-field="context"
      >
        <Stack gap="xs" mt="xs">
          {PROFILE.screening_contexts.map((c) => (
            <Radio key={c.code} value={c.code} label={t(`context.${c.code}`, { defaultValue: c.name })} />
          ))}
        </Stack>
      </Radio.Group>
      <NativeSelect
        label={t('screening.county')}
        value={draft.county ?? ''}
        onChange={(e) => onChange({ ...draft, county: e.currentTarget.value || null })}
        error={problems.county && t(problems.county)}
        required
        data-field="county"
        data={[{ value: '', label: t('screening.choose_county') }, ...PROFILE.regions.map((r) => ({ value: r.code, label: r.name }))]}
      />
    </Stack>
  );
}

export function PersonStep({ draft, onChange, problems = {} }: StepProps) {
  const { t, i18n } = useTranslation();
  const subject = draft.subject;
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'region' });
    return iso31661
      .map((c) => ({ value: c.alpha2, label: names.of(c.alpha2) ?? c.name }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.resolvedLanguage));
  }, [i18n.resolvedLanguage]);
  const setSubject = (change: Partial<ScreeningDraft['subject']>) => onChange({ ...draft, subject: { ...subject, ...change } });
  return (
    <Stack>
      <Text>{t('screening.person_help')}</Text>
      {/* A text field with a numeric keyboard: Mantine's NumberInput would add 9 KB (gzip) to the screening route (bench/web-size.bench.ts). */}
      <TextInput
        label={t('screening.age_years')}
        description={t('screening.age_years_help')}
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={3}
        autoComplete="off"
        value={subject.age_years ?? ''}
        onChange={(event) => {
          const digits = event.currentTarget.value.replace(/\D/g, '');
          const age = digits === '' ? null : Number(digits);
          setSubject({ age_years: age, ...(age != null ? { age_group: null } : {}) });
        }}
        error={problems.age && t(problems.age)}
        data-field="age"
      />
      <Radio.Group
        label={t('screening.age_group')}
        description={t('screening.age_group_help')}
        value={subject.age_years != null ? '' : (subject.age_group ?? '')}
        onChange={(value) => setSubject({ age_group: value as ScreeningDraft['subject']['age_group'], age_years: null })}
      >
        <Group mt="xs">
          {SUBJECT_AGE_GROUPS.map((g) => (
            <Radio key={g} value={g} label={t(`age_group.${g}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group
        label={t('screening.sex')}
        value={subject.sex}
        onChange={(value) => setSubject({ sex: value as ScreeningDraft['subject']['sex'] })}
      >
        <Group mt="xs">
          {(['female', 'male', 'other', 'unknown'] as const).map((s) => (
            <Radio key={s} value={s} label={t(`sex.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      <MultiSelect
        label={t('screening.citizenships')}
        description={t('screening.citizenships_help')}
        data={countries}
        value={subject.citizenships}
        onChange={(citizenships) => setSubject({ citizenships: citizenships.slice(0, 5) })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        maxValues={5}
        nothingFoundMessage={t('common.nothing_found')}
      />
    </Stack>
  );
}

export function FormStep({ draft, onChange, problems = {} }: StepProps) {
  const { t } = useTranslation();
  const available = (exploitation: 'labour' | 'sexual') => setFor({ ...draft, exploitation })?.status === 'transcribed';
  return (
    <Radio.Group
      label={t('screening.exploitation')}
      description={t('screening.exploitation_help')}
      value={draft.exploitation ?? ''}
      onChange={(value) => onChange({ ...draft, exploitation: value as 'labour' | 'sexual' })}
      error={problems.exploitation && t(problems.exploitation)}
      required
      data-field="exploitation"
    >
      <Stack gap="xs" mt="xs">
        {(['labour', 'sexual'] as const).map((form) => (
          <Radio
            key={form}
            value={form}
            disabled={!available(form)}
            label={t(`exploitation.${form}`)}
            description={available(form) ? undefined : t('screening.set_not_available')}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

export function QuestionsStep({ draft, onChange, questions }: StepProps & { questions: Question[] }) {
  const { t } = useTranslation();
  const grade = (id: string) => INSTRUMENT.sets.flatMap((s) => s.indicators).find((i) => i.id === id)?.grade;
  return (
    <Stack gap="lg">
      {questions.map((q) => (
        <Radio.Group
          key={q.id}
          label={t(q.key, { ns: 'instrument', keySeparator: false, defaultValue: q.en })}
          description={grade(q.id) ? t(`grade.${grade(q.id)}`) : undefined}
          value={draft.answers[q.id] ?? ''}
          onChange={(value) => onChange({ ...draft, answers: { ...draft.answers, [q.id]: value as Answer } })}
          data-question={q.id}
        >
          <Group mt="xs" gap="lg">
            {ANSWERS.map((a) => (
              <Radio key={a} value={a} label={t(`answer.${a}`)} size="md" />
            ))}
          </Group>
        </Radio.Group>
      ))}
    </Stack>
  );
}

export function NotesStep({ draft, onChange }: StepProps) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('screening.notes')}
      description={t('screening.notes_help')}
      autosize
      minRows={4}
      maxLength={4000}
      value={draft.notes}
      onChange={(e) => onChange({ ...draft, notes: e.currentTarget.value })}
    />
  );
}
