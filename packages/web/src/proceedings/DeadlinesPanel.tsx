import { Trans, useTranslation } from 'react-i18next';
import { useInLanguage, type ShownText } from '../i18n/in-language.tsx';
import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useDeadlines } from './use-proceedings.ts';
import { useProceedingsFormats } from './formats.ts';
import { DaysLeftBadge, WRAP, useDeadlineKind, useDeadlineText } from './deadline-text.tsx';

/**
 * The case's legal deadlines as the engine computes them on the server
 * (GET /criminal-cases/:id/deadlines, docs/proceedings.md), soonest first:
 * each with its last day, the days left coloured by urgency, why it falls
 * then in the user's language, and the rule's legal source (in the user's
 * language where the profile translates it, else English); a rule not yet
 * verified against the law text says so.
 */
export function DeadlinesPanel({ caseId, suspectName }: { caseId: string; suspectName: (id: string) => string }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const deadlines = useDeadlines(caseId);
  const kindOf = useDeadlineKind();
  const explain = useDeadlineText(suspectName);
  const inLanguage = useInLanguage();
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-deadlines">
      <Title order={2} size="h3" id="case-deadlines">
        {t('deadlines.title')}
      </Title>
      {deadlines.isPending && <Loader size="sm" role="status" aria-label={t('deadlines.loading')} />}
      {deadlines.isError && <ApiErrorAlert error={deadlines.error} />}
      {deadlines.data && (
        <>
          <Text size="sm" c="dimmed">
            {t('deadlines.as_of', { date: formats.day(deadlines.data.as_of) })}
          </Text>
          {deadlines.data.deadlines.length === 0 && <Text>{t('deadlines.empty')}</Text>}
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {deadlines.data.deadlines.map((d, index) => (
              <Card key={`${d.kind}-${index}`} component="li" withBorder padding="sm" data-deadline={d.kind}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Title order={3} size="h5">
                    {kindOf(d.kind)}
                  </Title>
                  <DaysLeftBadge deadline={d} />
                </Group>
                <Text fw={600} mt={4}>
                  {d.due_on ? t('deadlines.due_on', { date: formats.day(d.due_on) }) : t('deadlines.no_due')}
                </Text>
                {explain(d).map((sentence) => (
                  <Text key={sentence} size="sm" mt={4}>
                    {sentence}
                  </Text>
                ))}
                <Text size="sm" mt={4} c="dimmed">
                  <SourceLine source={inLanguage(d.rule.source, d.rule.source_i18n)} />
                </Text>
                {d.rule.verify && (
                  <Badge mt={6} color="#9c3d00" variant="outline" styles={WRAP}>
                    {t('deadlines.verify')}
                  </Badge>
                )}
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** "Legal source: <citation>", the citation marked English when it stands in for a missing translation. */
function SourceLine({ source }: { source: ShownText }) {
  const { t } = useTranslation('proceedings');
  return <Trans t={t} i18nKey="deadlines.source" values={{ source: source.text }} components={{ src: <span lang={source.lang} /> }} />;
}
