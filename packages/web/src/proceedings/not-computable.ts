import type { TFunction } from 'i18next';
import type { Schemas } from '../api/client.ts';
import { fieldLabel, fieldProblemText } from '../app/problem-text.ts';

/**
 * Why a case's deadlines could not be computed, in the user's language, for a
 * `not_computed` entry of the at-risk list or of the case's deadlines: the
 * refused field's label and the catalogued rule with its parameters
 * ("Articol: „999” nu este o infracțiune a profilului (210, 211, 213)"),
 * through problem-text.ts. Falls back to the server's English explanation
 * when it sent no rule (the engine failed on the profile, not on a stored
 * fact) or this build does not know the rule.
 *
 * `t` must reach the "problems" namespace (keys are fully qualified): the
 * caller loads it (useTranslation('problems', { useSuspense: false })).
 */
export function notComputableText(t: TFunction, deadline: Pick<Schemas['CaseDeadline'], 'explanation' | 'not_computable'>): string {
  const why = deadline.not_computable;
  if (!why?.rule) return deadline.explanation;
  const reason = fieldProblemText(t, { rule: why.rule, params: why.params, reason: '' });
  if (!reason) return deadline.explanation;
  // The record is an id the screen does not show; the field's label says which fact of the case to correct.
  return why.field ? t('app:errors.field', { field: fieldLabel(t, why.field), reason }) : reason;
}
