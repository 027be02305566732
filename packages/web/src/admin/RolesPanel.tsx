import { useTranslation } from 'react-i18next';
import { Accordion, List, Stack, Text, Title } from '@mantine/core';
import { rulesByRole } from './role-rules.ts';

const ROLE_RULES = rulesByRole();

/**
 * What each role may do: a summary in the user's language, then every rule
 * of the access policy that grants it something and every limit that binds
 * it, quoted from the policy (English, with the rule's id and source).
 */
export function RolesPanel() {
  const { t } = useTranslation('admin');
  return (
    <Stack>
      <Text>{t('roles.intro')}</Text>
      <Accordion multiple variant="separated" order={2}>
        {ROLE_RULES.map(({ role, grants, limits }) => (
          <Accordion.Item key={role} value={role}>
            <Accordion.Control>{t(`role.${role}.name`)}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <Text>{t(`role.${role}.summary`)}</Text>
                <Title order={3} size="h5">
                  {t('roles.grants', { count: grants.length })}
                </Title>
                <RuleList rules={grants} />
                {limits.length > 0 && (
                  <>
                    <Title order={3} size="h5">
                      {t('roles.limits', { count: limits.length })}
                    </Title>
                    <RuleList rules={limits} />
                  </>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function RuleList({ rules }: { rules: { id: string; description: string; source: string }[] }) {
  const { t } = useTranslation('admin');
  return (
    <List spacing="xs">
      {rules.map((rule) => (
        <List.Item key={rule.id}>
          <Text lang="en">{rule.description}</Text>
          <Text size="sm">{t('roles.rule', { id: rule.id, source: rule.source })}</Text>
        </List.Item>
      ))}
    </List>
  );
}
