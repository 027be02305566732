import { useTranslation } from 'react-i18next';
import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { evaluateScreeningRecord, type ScreeningResult } from '@opennrm/domain/screening';
import type { ScreeningDraft } from './device-screenings.ts';
import { answersForSet, INSTRUMENT, PROFILE, setFor } from './screening-steps.ts';

/** The result, computed in the browser by the domain's evaluator (the same code the server runs), or why there is none yet. */
export function evaluateDraft(draft: ScreeningDraft): ScreeningResult | null {
  const set = setFor(draft);
  if (!set || set.status !== 'transcribed' || !draft.exploitation) return null;
  try {
    return evaluateScreeningRecord(
      INSTRUMENT,
      {
        subject: {
          age_years: draft.subject.age_years,
          age_group: draft.subject.age_group ?? undefined,
          sex: draft.subject.sex,
          citizenships: [],
        },
        exploitation: draft.exploitation,
        answers: answersForSet(draft),
      },
      PROFILE.child_age_years,
    );
  } catch {
    // An incomplete or contradictory draft (ScreeningError names the field): no result until it is fixed.
    return null;
  }
}

const OUTCOME_COLOUR = { no_indicators: 'gray', potential_victim: 'orange', presumed_victim: 'red' } as const;

/**
 * The outcome and its explanation in the user's language, built from the
 * structured result (which dimensions were met by which answers, the
 * Palermo act-means-purpose test, the unknowns that could change it), so the
 * responder sees it before anything is sent (issue 4, point 6).
 */
export function ScreeningResultPanel({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation();
  const questionText = (id: string) => {
    const question =
      INSTRUMENT.act_questions.find((q) => q.id === id)?.question ??
      INSTRUMENT.sets.flatMap((s) => s.indicators).find((i) => i.id === id)?.question;
    return question ? t(question.key, { ns: 'instrument', keySeparator: false, defaultValue: question.en }) : id;
  };
  const element = (met: boolean) => (met ? t('result.element_met') : t('result.element_not_met'));
  return (
    <Stack gap="sm" aria-live="polite">
      <Alert color={OUTCOME_COLOUR[result.outcome]} variant="light" title={t(`result.outcome.${result.outcome}`)}>
        {t(`result.advice.${result.outcome}`)}
      </Alert>
      <Title order={3} size="h4">
        {t('result.palermo_title')}
      </Title>
      <List>
        <List.Item>{t('result.palermo_act', { state: element(result.palermo.act) })}</List.Item>
        <List.Item>
          {result.palermo.means_required
            ? t('result.palermo_means', { state: element(result.palermo.means) })
            : t('result.palermo_means_child')}
        </List.Item>
        <List.Item>{t('result.palermo_purpose', { state: element(result.palermo.purpose) })}</List.Item>
      </List>
      <Title order={3} size="h4">
        {t('result.dimensions_title', { count: result.dimensions_met.length })}
      </Title>
      {result.dimensions_met.length === 0 ? (
        <Text>{t('result.no_dimension')}</Text>
      ) : (
        <List>
          {result.dimensions_met.map((d) => (
            <List.Item key={d.dimension}>
              {t('result.dimension_met', { dimension: t(`dimension.${d.dimension}`), count: d.by_answers.length })}
              <List withPadding size="sm">
                {d.by_answers.map((id) => (
                  <List.Item key={id}>{questionText(id)}</List.Item>
                ))}
              </List>
            </List.Item>
          ))}
        </List>
      )}
      {result.decisive_unknowns.length > 0 && (
        <Text>
          {t('result.decisive_unknowns', {
            count: result.decisive_unknowns.length,
            outcome: t(`result.outcome.${result.outcome_if_unknowns_yes}`),
          })}
        </Text>
      )}
      {result.unverified_rules.length > 0 && <Text size="sm">{t('result.unverified', { count: result.unverified_rules.length })}</Text>}
    </Stack>
  );
}
