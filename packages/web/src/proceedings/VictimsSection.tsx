import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../api/client.ts';

/**
 * Victims linked to the criminal case with their role (injured party,
 * witness, civil party), exactly as the criminal case's answer gives them:
 * the victim case's id and the role, no identity. Each opens the victim case
 * page, where the server shows only what this user may read
 * (docs/access-policy.md: a prosecutor's minimum identity).
 */
export function VictimsSection({ victims }: { victims: Schemas['CriminalCaseDetail']['victims'] }) {
  const { t } = useTranslation('proceedings');
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-victims">
      <Title order={2} size="h3" id="case-victims">
        {t('victims.title')}
      </Title>
      {victims.length === 0 && <Text>{t('victims.empty')}</Text>}
      {victims.length > 0 && (
        <List spacing="xs">
          {victims.map((v, index) => (
            <List.Item key={v.victim_case_id}>
              <Anchor component={Link} href={`/cases/${v.victim_case_id}`}>
                {t('victims.victim', { number: index + 1 })}
              </Anchor>
              <Text size="sm">{t(`victims.role.${v.role}`)}</Text>
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" c="dimmed">
        {t('victims.assistance')}
      </Text>
    </Stack>
  );
}
