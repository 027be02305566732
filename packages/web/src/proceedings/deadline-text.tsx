import { PROBLEM_NAMESPACES } from '../app/problem-vocabularies.ts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { useProceedingsFormats } from './formats.ts';
import { notComputableText } from './not-computable.ts';

export type CaseDeadline = Schemas['CaseDeadline'];

/** Urgency bands of days left: a week, a month, the dashboard's default 90 days (issue 6 point 3). */
export function urgencyColour(daysLeft: number | null): string {
  if (daysLeft == null) return 'gray.7';
  if (daysLeft <= 7) return 'red.9';
  if (daysLeft <= 30) return '#9c3d00';
  if (daysLeft <= 90) return 'nrm.7';
  return 'gray.7';
}

/** A badge whose words wrap instead of being cut at 360 px (Mantine cuts a badge's label to one line). */
export const WRAP = { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

/** Days left in words on a badge coloured by urgency (the words carry the meaning; the colour repeats it). */
export function DaysLeftBadge({ deadline }: { deadline: Pick<CaseDeadline, 'days_left' | 'status'> }) {
  const { t } = useTranslation('proceedings');
  const days = deadline.days_left;
  const text =
    deadline.status === 'none' || days == null
      ? t('deadlines.none')
      : days < 0
        ? t('deadlines.passed', { count: -days })
        : days === 0
          ? t('deadlines.today')
          : t('deadlines.days_left', { count: days });
  return (
    <Badge color={urgencyColour(days)} variant="filled" styles={WRAP}>
      {text}
    </Badge>
  );
}

/** A deadline's kind in words ("term:<code>" by the profile term's code, falling back to the code). */
export function useDeadlineKind() {
  const { t } = useTranslation('proceedings');
  return (kind: string) =>
    kind.startsWith('term:')
      ? t('deadlines.kind.term', { term: t(`term.${kind.slice(5)}`, { defaultValue: kind.slice(5) }) })
      : t(`deadlines.kind.${kind}`, { defaultValue: kind });
}

/**
 * The engine's explanation in the user's language: `reason.key` names the
 * sentence, `reason.values` fill it (docs/proceedings.md). Dates are
 * formatted, event kinds and profile terms translated, suspects named as the
 * page lists them; an unknown key falls back to the English `explanation`.
 * A `not_computed` entry says which stored fact the engine refused, by its
 * field and catalogued rule (not-computable.ts).
 *
 * @param suspectName the page's name for a suspect id ("Suspect 2"); the id itself when unknown.
 */
export function useDeadlineText(suspectName: (id: string) => string) {
  const { t, i18n } = useTranslation('proceedings');
  const { t: tp } = useTranslation(PROBLEM_NAMESPACES, { useSuspense: false });
  const formats = useProceedingsFormats();
  return (deadline: CaseDeadline): string[] => {
    if (deadline.kind === 'not_computed') return [notComputableText(tp, deadline)];
    const { key, values: raw } = deadline.reason;
    if (!i18n.exists(`reason.${key}`, { ns: 'proceedings' })) return [deadline.explanation];
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(raw)) {
      const unit = QUANTITIES[name];
      if (unit && typeof value === 'number') values[name] = t(`length_${unit}`, { count: value });
      else if (typeof value === 'string' && name.endsWith('_on') && /^\d{4}-\d{2}-\d{2}$/.test(value)) values[name] = formats.day(value);
      else if (typeof value === 'string' && name.endsWith('_kind')) values[name] = t(`event.${value}`, { defaultValue: value });
      else values[name] = value;
    }
    if (typeof raw.term === 'string') values.term = t(`term.${raw.term}`, { defaultValue: raw.term });
    values.length = typeof raw.months === 'number' ? values.months! : (values.days ?? '');
    values.subject = values.suspect = typeof raw.suspect_id === 'string' ? suspectName(raw.suspect_id) : t('whole_case');
    const sentences = [t(`reason.${key}`, values)];
    if (typeof raw.ignored_acts === 'number' && raw.ignored_acts > 0) sentences.push(t('reason.ignored_acts', { count: raw.ignored_acts }));
    // Criminal Code art. 156: days the term was suspended, which its end includes.
    if (typeof raw.suspended_days === 'number' && raw.suspended_days > 0)
      sentences.push(t('reason.suspended_days', { count: raw.suspended_days }));
    // Criminal Code art. 154(4): the term of an offence against a minor starts at the victim's majority ("date", "year" known, or "no").
    if (typeof raw.birth_known === 'string') sentences.push(t(`reason.victim_majority_${raw.birth_known}`, values));
    return sentences;
  };
}

/** Numeric values of the engine's reasons that are lengths of time, said with their unit in the user's language. */
const QUANTITIES: Record<string, 'years' | 'months' | 'days'> = {
  penalty_max_years: 'years',
  term_years: 'years',
  special_term_years: 'years',
  months: 'months',
  days: 'days',
  days_held_before: 'days',
  total_max_days: 'days',
  warrant_max_days: 'days',
};
