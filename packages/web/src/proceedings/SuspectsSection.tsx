import { useTranslation } from 'react-i18next';
import { Badge, Card, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useEvents } from './use-proceedings.ts';
import { useProceedingsFormats } from './formats.ts';

type Suspect = Schemas['Suspect'];
type ProceduralEvent = Schemas['ProceduralEvent'];

/**
 * Each suspect (no name: the API keeps none) with their procedural events as
 * a timeline, oldest first: detention and pre-trial detention warrants with
 * their last day, judicial control, indictment, verdicts, sentence in
 * months, confiscation and seized assets; then the events of the whole case.
 */
export function SuspectsSection({
  caseId,
  suspects,
  suspectName,
}: {
  caseId: string;
  suspects: Suspect[];
  suspectName: (id: string) => string;
}) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const events = useEvents(caseId);
  const caseEvents = (events.data ?? []).filter((e) => e.suspect_id == null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-suspects">
      <Title order={2} size="h3" id="case-suspects">
        {t('suspects.title')}
      </Title>
      {events.isPending && <Loader size="sm" role="status" aria-label={t('loading')} />}
      {events.isError && <ApiErrorAlert error={events.error} />}
      {suspects.length === 0 && <Text>{t('suspects.empty')}</Text>}
      {suspects.map((s) => {
        const own = (events.data ?? []).filter((e) => e.suspect_id === s.id);
        return (
          <Card key={s.id} withBorder padding="sm" component="article" aria-labelledby={`suspect-${s.id}`}>
            <Group gap="xs" mb="xs">
              <Title order={3} size="h5" id={`suspect-${s.id}`}>
                {suspectName(s.id)}
              </Title>
              {s.state_employee && (
                <Badge color="#9c3d00" variant="filled">
                  {t('suspects.state_employee')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {[
                t(`suspects.role.${s.role}`),
                s.age != null ? t('suspects.age', { count: s.age }) : null,
                s.citizenships.length > 0 ? t('suspects.citizenship', { countries: formats.countries(s.citizenships) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {events.data && own.length === 0 && (
              <Text size="sm" mt="xs">
                {t('suspects.no_events')}
              </Text>
            )}
            {own.length > 0 && <EventTimeline events={own} />}
          </Card>
        );
      })}
      {caseEvents.length > 0 && (
        <Card withBorder padding="sm" component="article" aria-labelledby="case-events">
          <Title order={3} size="h5" id="case-events" mb="xs">
            {t('suspects.case_events')}
          </Title>
          <EventTimeline events={caseEvents} />
        </Card>
      )}
    </Stack>
  );
}

function EventTimeline({ events }: { events: ProceduralEvent[] }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} mt="xs">
      {events.map((e) => (
        <Timeline.Item key={e.id} title={t(`event.${e.kind}`)} data-event={e.kind}>
          <Text size="sm">
            {e.ends_on
              ? t('event_info.period', { from: formats.day(e.occurred_on), until: formats.day(e.ends_on) })
              : formats.day(e.occurred_on)}
          </Text>
          {e.phase && <Text size="sm">{t(`event_info.phase_${e.phase}`)}</Text>}
          {e.sentence_months != null && (
            <Text size="sm">
              {t(e.sentence_suspended ? 'event_info.sentence_suspended' : 'event_info.sentence', { count: e.sentence_months })}
            </Text>
          )}
          {e.amount && e.currency && <Text size="sm">{t('event_info.amount', { amount: formats.money(e.amount, e.currency) })}</Text>}
          {e.note && <Text size="sm">{t('event_info.note', { note: e.note })}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
