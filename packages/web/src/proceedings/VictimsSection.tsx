import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { VictimHearings } from './VictimHearings.tsx';
import { VictimCompensation } from './VictimCompensation.tsx';

/**
 * Victims linked to the criminal case with their role (injured party,
 * witness, civil party), exactly as the criminal case's answer gives them:
 * the victim case's id and the role, no identity. Each opens the victim case
 * page, where the server shows only what this user may read
 * (docs/access-policy.md: a prosecutor's minimum identity). Under each, the
 * victim's hearings and compensation (issue 5; docs/proceedings.md); with
 * `canRecord` (a role with a rule to record them: SCREEN_ROLES.victims_in_proceedings)
 * the forms to record a hearing, file a compensation claim and record its court order and a payment, the server deciding each request.
 */
export function VictimsSection({
  victims,
  criminalCaseId,
  investigatingOrganisation,
  canRecord,
}: {
  victims: Schemas['CriminalCaseDetail']['victims'];
  criminalCaseId: string;
  investigatingOrganisation: string | null;
  canRecord: boolean;
}) {
  const { t } = useTranslation('proceedings');
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-victims">
      <Title order={2} size="h3" id="case-victims">
        {t('victims.title')}
      </Title>
      {victims.length === 0 && <Text>{t('victims.empty')}</Text>}
      {victims.map((v, index) => {
        const heading = `victim-${v.victim_case_id}`;
        return (
          <Card key={v.victim_case_id} withBorder component="article" aria-labelledby={heading} data-victim={index + 1} p="sm">
            <Stack gap="sm">
              <div>
                <Title order={3} size="h4" id={heading}>
                  <Anchor component={Link} href={`/cases/${v.victim_case_id}`} inherit>
                    {t('victims.victim', { number: index + 1 })}
                  </Anchor>
                </Title>
                <Text size="sm">{t(`victims.role.${v.role}`)}</Text>
              </div>
              <VictimHearings
                victimCaseId={v.victim_case_id}
                victimNumber={index + 1}
                criminalCaseId={criminalCaseId}
                investigatingOrganisation={investigatingOrganisation}
                canRecord={canRecord}
              />
              <VictimCompensation
                victimCaseId={v.victim_case_id}
                victimNumber={index + 1}
                criminalCaseId={criminalCaseId}
                canRecord={canRecord}
              />
            </Stack>
          </Card>
        );
      })}
      <Text size="sm" c="dimmed">
        {t('victims.assistance')}
      </Text>
    </Stack>
  );
}
