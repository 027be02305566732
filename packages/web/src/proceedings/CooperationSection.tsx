import { useTranslation } from 'react-i18next';
import { List, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useCooperation } from './use-proceedings.ts';
import { useProceedingsFormats } from './formats.ts';

/**
 * International cooperation of the case (GET /criminal-cases/:id/cooperation):
 * joint investigation teams (Council Framework Decision 2002/465/JHA),
 * mutual legal assistance requests, European investigation orders and arrest
 * warrants, each with the other countries and its dates.
 */
export function CooperationSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const cooperation = useCooperation(caseId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-cooperation">
      <Title order={2} size="h3" id="case-cooperation">
        {t('cooperation.title')}
      </Title>
      {cooperation.isPending && <Loader size="sm" role="status" aria-label={t('loading')} />}
      {cooperation.isError && <ApiErrorAlert error={cooperation.error} />}
      {cooperation.data && cooperation.data.length === 0 && <Text>{t('cooperation.empty')}</Text>}
      {cooperation.data && cooperation.data.length > 0 && (
        <List spacing="xs">
          {cooperation.data.map((c) => (
            <List.Item key={c.id}>
              <Text fw={600}>{t(`cooperation.kind.${c.kind}`)}</Text>
              <Text size="sm">{t('cooperation.countries', { countries: formats.countries(c.countries) })}</Text>
              <Text size="sm">
                {c.concluded_on
                  ? t('cooperation.period', { from: formats.day(c.opened_on), until: formats.day(c.concluded_on) })
                  : t('cooperation.ongoing', { from: formats.day(c.opened_on) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
