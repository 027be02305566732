import { useTranslation } from 'react-i18next';
import { List, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useOffences } from './use-proceedings.ts';
import { useProceedingsFormats } from './formats.ts';
import { useProfileNames } from './profile-names.ts';

/**
 * The case's offences (GET /criminal-cases/:id/offences): each profile
 * article with its title, the day it was committed (or the period of a
 * continuing offence, from whose end the limitation runs: Criminal Code
 * art. 154(2)) and the suspect it is imputed to; articles of the case with
 * no dated offence yet are listed apart, as their limitation cannot be computed.
 */
export function OffencesSection({
  caseId,
  articles,
  suspectName,
}: {
  caseId: string;
  articles: string[];
  suspectName: (id: string) => string;
}) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const offences = useOffences(caseId);
  // Offence titles are the profile's, in the user's language (the law's own names; the profile the server runs).
  const names = useProfileNames();
  const title = (article: string) => t('offences.article', { article, title: names.offence(article) });
  const undated = articles.filter((a) => !offences.data?.some((o) => o.article === a));
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-offences">
      <Title order={2} size="h3" id="case-offences">
        {t('offences.title')}
      </Title>
      {offences.isPending && <Loader size="sm" role="status" aria-label={t('loading')} />}
      {offences.isError && <ApiErrorAlert error={offences.error} />}
      {offences.data && offences.data.length === 0 && <Text>{t('offences.empty')}</Text>}
      {offences.data && offences.data.length > 0 && (
        <List spacing="xs">
          {offences.data.map((o) => (
            <List.Item key={o.id}>
              <Text fw={600}>{title(o.article)}</Text>
              <Text size="sm">
                {o.committed_until
                  ? t('offences.committed_between', { from: formats.day(o.committed_on), until: formats.day(o.committed_until) })
                  : t('offences.committed_on', { date: formats.day(o.committed_on) })}
              </Text>
              {o.suspect_id && <Text size="sm">{t('offences.of_suspect', { suspect: suspectName(o.suspect_id) })}</Text>}
            </List.Item>
          ))}
        </List>
      )}
      {offences.data && undated.length > 0 && (
        <Text size="sm">{t('offences.undated', { articles: undated.map((a) => title(a)).join('; ') })}</Text>
      )}
    </Stack>
  );
}
