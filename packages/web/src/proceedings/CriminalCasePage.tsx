import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Alert, Anchor, Badge, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useSession } from '../auth/session.ts';
import { mayUse } from '../app/screen-access.ts';
import { useCriminalCase } from './use-proceedings.ts';
import { useProceedingsFormats } from './formats.ts';
import { StageStepper } from './StageStepper.tsx';
import { DeadlinesPanel } from './DeadlinesPanel.tsx';
import { OffencesSection } from './OffencesSection.tsx';
import { SuspectsSection } from './SuspectsSection.tsx';
import { CooperationSection } from './CooperationSection.tsx';
import { VictimsSection } from './VictimsSection.tsx';
import { EventForm } from './EventForm.tsx';
import { StageForm } from './StageForm.tsx';

/**
 * The criminal case page for prosecutors (issue 5 point 3, issue 6 point 1):
 * case number, stage, flags, offences with their dates, suspects and their
 * procedural events, cooperation, linked victims with their role, and the
 * legal deadlines beside them (first on a phone: they are why the page is
 * opened). Prosecutors of the investigating organisation record events and
 * change the stage; the coordinator reads (docs/access-policy.md; the server
 * decides every request). Under each linked victim, their hearings and
 * compensation, which prosecutors and the coordinator record.
 */
export default function CriminalCasePage() {
  const { t } = useTranslation('proceedings');
  const { id } = useParams<{ id: string }>();
  const session = useSession();
  const formats = useProceedingsFormats();
  const criminalCase = useCriminalCase(id);
  const role = session.data?.status === 'signed_in' ? session.data.user.role : null;
  const records = role === 'prosecutor';
  // Hearings and payments: every role with a rule to record them (the server still decides each case: a 404 or 403 is shown on the form).
  const recordsVictims = role != null && mayUse('victims_in_proceedings', role);

  if (criminalCase.isPending && criminalCase.fetchStatus === 'paused')
    return (
      <Alert color="gray" role="status">
        {t('offline')}
      </Alert>
    );
  if (criminalCase.isPending)
    return (
      <Center py="xl">
        <Loader role="status" aria-label={t('case.loading')} />
      </Center>
    );
  if (criminalCase.isError)
    return (
      <Stack>
        <Title order={1}>{t('case.title_unknown')}</Title>
        {criminalCase.error instanceof ApiRequestError && criminalCase.error.status === 404 ? (
          <Alert color="gray">{t('case.not_found')}</Alert>
        ) : (
          <ApiErrorAlert error={criminalCase.error} />
        )}
        <Anchor component={Link} href="/criminal-cases">
          {t('case.back')}
        </Anchor>
      </Stack>
    );

  const c = criminalCase.data;
  const suspectNumbers = new Map(c.suspects.map((s, index) => [s.id, index + 1]));
  const suspectName = (suspectId: string) =>
    suspectNumbers.has(suspectId) ? t('suspects.name', { number: suspectNumbers.get(suspectId) }) : t('suspects.unknown');
  const stateEmployees = c.suspects.filter((s) => s.state_employee).length;
  const open = c.stage !== 'closed';

  return (
    <Stack gap="lg">
      <Anchor component={Link} href="/criminal-cases" size="sm">
        {t('case.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('case.title', { number: c.case_number })}</Title>
        <Text>{t('case.opened_on', { date: formats.day(c.opened_on) })}</Text>
        {c.investigating_organisation_code && <Text>{t('case.investigating', { organisation: c.investigating_organisation_code })}</Text>}
        <Group gap="xs" aria-label={t('flags.title')} role="group">
          {c.organised_crime_group && (
            <Badge color="red.9" variant="filled">
              {t('flags.organised_crime')}
            </Badge>
          )}
          {stateEmployees > 0 && (
            <Badge color="#9c3d00" variant="filled">
              {t('flags.state_employees', { count: stateEmployees })}
            </Badge>
          )}
          {c.synthetic && (
            <Badge color="gray.7" variant="outline">
              {t('case.synthetic')}
            </Badge>
          )}
        </Group>
      </Stack>
      <Card withBorder component="section" aria-labelledby="case-stage">
        <Title order={2} size="h3" id="case-stage" mb="xs">
          {t('stages.title')}
        </Title>
        <StageStepper stage={c.stage} closedOn={c.closed_on} closureReason={c.closure_reason} />
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <DeadlinesPanel caseId={c.id} suspectName={suspectName} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <OffencesSection caseId={c.id} articles={c.offence_articles} suspectName={suspectName} />
            <SuspectsSection caseId={c.id} suspects={c.suspects} suspectName={suspectName} />
            <CooperationSection caseId={c.id} />
            <VictimsSection
              victims={c.victims}
              criminalCaseId={c.id}
              investigatingOrganisation={c.investigating_organisation_code}
              canRecord={recordsVictims}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {records && (
        <Card withBorder component="section" aria-labelledby="case-record">
          <Title order={2} size="h3" id="case-record" mb="sm">
            {t('case.record')}
          </Title>
          <Stack gap="xl">
            {open ? <EventForm caseId={c.id} suspects={c.suspects} suspectName={suspectName} /> : <Text>{t('case.closed_no_events')}</Text>}
            <StageForm caseId={c.id} stage={c.stage} />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
