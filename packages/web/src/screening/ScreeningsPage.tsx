import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../auth/session.ts';
import { evaluateDraft } from './ScreeningResultPanel.tsx';
import { SyncStateBadge } from './SyncStateBadge.tsx';
import { useDeviceScreenings } from './use-device-screenings.ts';
import { PROFILE } from './screening-steps.ts';

/**
 * The user's screenings on this device (drafts, waiting, sent), and "New
 * screening" (/screenings?new=1, the wizard: ScreeningWizard.tsx), which works offline.
 */
export default function ScreeningsPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const session = useSession();
  const owner = session.data?.status === 'signed_in' ? session.data.user.username : '';
  const screenings = useDeviceScreenings(owner);
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('screenings.title')}</Title>
        <Button onClick={() => navigate('/screenings?new=1')}>{t('screenings.new')}</Button>
      </Group>
      <Text>{t('screenings.device_help')}</Text>
      {screenings.isPending && <Loader aria-label={t('common.loading')} />}
      {screenings.data?.length === 0 && <Text>{t('screenings.none')}</Text>}
      {screenings.data?.map((s) => {
        // A result exists only once the screening is finished (revision 1 on): a draft with few or no answers would
        // otherwise read as "no trafficking indicators".
        const finished = s.revision > 0;
        const outcome = finished && s.draft.exploitation ? evaluateDraft(s.draft)?.outcome : undefined;
        const context = PROFILE.screening_contexts.find((c) => c.code === s.draft.context);
        return (
          <Card key={s.id} withBorder>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Anchor component={Link} href={`/screenings/${s.id}`}>
                  {context ? t(`context.${context.code}`, { defaultValue: context.name }) : t('screenings.untitled')}
                </Anchor>
                <Text size="sm">
                  {t('screenings.updated', { date: when.format(new Date(s.updated_at)) })}
                  {finished ? outcome && ` · ${t(`result.outcome.${outcome}`)}` : ` · ${t('screenings.not_finished')}`}
                </Text>
              </Stack>
              <SyncStateBadge screening={s} />
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
