// Deep imports: the domain's barrel would bring every capability's module-level schemas into the screening route.
import { screenedAs, shippedInstrument, type Indicator, type IndicatorSet, type ScreeningInstrument } from '@opennrm/domain/screening';
import { shippedProfile } from '@opennrm/domain/profiles';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { ScreeningDraft } from './device-screenings.ts';

/**
 * The screening wizard's steps, from the profile and its instrument (country
 * rules are data: the contexts, counties and questions all come from them).
 * Where, who and which form first; then the act question and the indicator
 * questions of the set for this person (adult or child) and form; then notes
 * and the result. On a phone each question is a step; on a wider screen each
 * dimension is one.
 */

// The browser runs the same profile and instrument as the server ships (docs/web.md, "Profile in the browser").
export const PROFILE: JurisdictionProfile = shippedProfile('romania');
export const INSTRUMENT: ScreeningInstrument = shippedInstrument(PROFILE.screening_instrument);

export interface Question {
  id: string;
  /** Translation key (instrument namespace) and the instrument's English text. */
  key: string;
  en: string;
  /** Dimension code, or "act" for the Palermo act question. */
  group: string;
}

export type Step =
  | { key: 'where' | 'person' | 'form' | 'notes' | 'review'; kind: 'where' | 'person' | 'form' | 'notes' | 'review' }
  | { key: string; kind: 'questions'; group: string; questions: Question[] };

/** The indicator set for the draft's person and form, or null while either is unknown. */
export function setFor(draft: ScreeningDraft): IndicatorSet | null {
  if (!draft.exploitation) return null;
  if (draft.subject.age_years == null && draft.subject.age_group == null) return null;
  let victim;
  try {
    victim = screenedAs({ age_years: draft.subject.age_years, age_group: draft.subject.age_group ?? undefined }, PROFILE.child_age_years);
  } catch {
    return null;
  }
  return INSTRUMENT.sets.find((s) => s.victim === victim && s.exploitation === draft.exploitation) ?? null;
}

/** Questions in order: the act first, then the set's indicators in the instrument's order (dimension by dimension). */
export function questionsOf(set: IndicatorSet): Question[] {
  const act = INSTRUMENT.act_questions.map((q) => ({ id: q.id, key: q.question.key, en: q.question.en, group: 'act' }));
  const indicators = set.indicators.map((i: Indicator) => ({ id: i.id, key: i.question.key, en: i.question.en, group: i.dimension }));
  return [...act, ...indicators];
}

export function stepsFor(draft: ScreeningDraft, onePerStep: boolean): Step[] {
  const set = setFor(draft);
  const questions = set && set.status === 'transcribed' ? questionsOf(set) : [];
  const questionSteps: Step[] = onePerStep
    ? questions.map((q) => ({ key: `q:${q.id}`, kind: 'questions', group: q.group, questions: [q] }))
    : [...new Set(questions.map((q) => q.group))].map((group) => ({
        key: `d:${group}`,
        kind: 'questions',
        group,
        questions: questions.filter((q) => q.group === group),
      }));
  return [
    { key: 'where', kind: 'where' },
    { key: 'person', kind: 'person' },
    { key: 'form', kind: 'form' },
    ...questionSteps,
    { key: 'notes', kind: 'notes' },
    { key: 'review', kind: 'review' },
  ];
}

/** Where a saved step key lands in the current steps (a question saved on a phone lands in its dimension on a desktop). */
export function stepIndex(steps: Step[], key: string): number {
  const exact = steps.findIndex((s) => s.key === key);
  if (exact >= 0) return exact;
  const id = key.startsWith('q:') ? key.slice(2) : null;
  const group = key.startsWith('d:') ? key.slice(2) : null;
  const near = steps.findIndex(
    (s) => s.kind === 'questions' && (s.questions.some((q) => q.id === id) || (group !== null && s.group === group)),
  );
  return near >= 0 ? near : 0;
}

/**
 * The answers that belong to the draft's current set. Answers to another
 * set's questions stay in the draft (switching the form or age back brings
 * them back) but are neither evaluated nor sent.
 */
export function answersForSet(draft: ScreeningDraft): ScreeningDraft['answers'] {
  const set = setFor(draft);
  if (!set) return {};
  const ids = new Set(questionsOf(set).map((q) => q.id));
  return Object.fromEntries(Object.entries(draft.answers).filter(([id]) => ids.has(id)));
}
