import { Trans, useTranslation } from 'react-i18next';
import { useDomainText } from '../i18n/in-language.tsx';
import { Accordion, List, Stack, Text, Title } from '@mantine/core';
import { rulesByRole } from './role-rules.ts';

const ROLE_RULES = rulesByRole();

/**
 * What each role may do: a summary in the user's language, then every rule
 * of the access policy that grants it something and every limit that binds
 * it: the rule's description and source in the user's language (the admin
 * strings under `policy_rules.<rule id>`), or the policy's English marked as
 * such where a translation is missing, with the rule's id.
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
  const domainText = useDomainText('admin');
  return (
    <List spacing="xs">
      {rules.map((rule) => {
        const description = domainText(`policy_rules.${rule.id}.description`, rule.description);
        const source = domainText(`policy_rules.${rule.id}.source`, rule.source);
        return (
          <List.Item key={rule.id}>
            <Text lang={description.lang}>{description.text}</Text>
            <Text size="sm">
              <Trans
                t={t}
                i18nKey="roles.rule"
                values={{ id: rule.id, source: source.text }}
                components={{ src: <span lang={source.lang} /> }}
              />
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
