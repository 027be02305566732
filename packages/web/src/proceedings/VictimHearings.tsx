import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Alert, Badge, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError, type Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useInLanguage } from '../i18n/in-language.tsx';
import { useProceedingsFormats } from './formats.ts';
import { useSettingName } from './victim-codes.ts';
import { useHearings } from './use-victims.ts';
import { HearingForm } from './HearingForm.tsx';

/**
 * The victim's hearings (GET /victim-cases/:id/hearings), oldest first: the
 * day held or planned, the body hearing them, the settings, whether counsel
 * was present (and the consequence in law when mandatory counsel was missing),
 * with how often the victim was heard: fewer interviews are better (Directive
 * 2011/36/EU art. 12(4)(c)). A user the server does not let read them gets
 * its 404 in words, the rest of the page unaffected.
 */
export function VictimHearings({
  victimCaseId,
  victimNumber,
  criminalCaseId,
  investigatingOrganisation,
  canRecord,
}: {
  victimCaseId: string;
  victimNumber: number;
  criminalCaseId: string;
  investigatingOrganisation: string | null;
  canRecord: boolean;
}) {
  const { t } = useTranslation('proceedings');
  const hearings = useHearings(victimCaseId);
  const heading = `hearings-${victimCaseId}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={heading}>
      <Title order={4} size="h5" id={heading}>
        {t('hearings.title')}
      </Title>
      {hearings.isPending ? (
        <Center py="sm">
          <Loader size="sm" role="status" aria-label={t('hearings.loading')} />
        </Center>
      ) : hearings.isError ? (
        hearings.error instanceof ApiRequestError && hearings.error.status === 404 ? (
          <Text>{t('victims.not_readable')}</Text>
        ) : (
          <ApiErrorAlert error={hearings.error} />
        )
      ) : (
        <>
          <HearingList list={hearings.data} />
          {canRecord && (
            <HearingForm
              victimCaseId={victimCaseId}
              victimNumber={victimNumber}
              criminalCaseId={criminalCaseId}
              investigatingOrganisation={investigatingOrganisation}
              heardBefore={
                hearings.data.hearings_held > 0 ? { count: hearings.data.hearings_held, last: hearings.data.last_held_on } : null
              }
            />
          )}
        </>
      )}
    </Stack>
  );
}

type HearingListData = ReturnType<typeof useHearings>['data'] & {};

function HearingList({ list }: { list: HearingListData }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const settingName = useSettingName();
  const { i18n } = useTranslation();
  const listFormat = useMemo(
    () => new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { style: 'long', type: 'conjunction' }),
    [i18n.resolvedLanguage],
  );
  if (list.items.length === 0) return <Text>{t('hearings.empty')}</Text>;
  return (
    <>
      <Text>
        {list.last_held_on
          ? t('hearings.summary', { count: list.hearings_held, date: formats.day(list.last_held_on) })
          : t('hearings.summary_none')}
      </Text>
      {list.planned > 0 && <Text>{t('hearings.summary_planned', { count: list.planned })}</Text>}
      <List spacing="sm" listStyleType="none" pl={0}>
        {list.items.map((h: Schemas['VictimHearing']) => (
          <List.Item key={h.id} data-hearing={h.status}>
            <Stack gap={2}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>
                  {h.status === 'held' && h.held_on
                    ? t('hearings.held_on', { date: formats.day(h.held_on) })
                    : h.planned_on
                      ? t(h.status === 'cancelled' ? 'hearings.cancelled_on' : 'hearings.planned_on', { date: formats.day(h.planned_on) })
                      : t(`hearings.status.${h.status}`)}
                </Text>
                {h.status !== 'held' && (
                  <Badge variant="outline" color="gray.8">
                    {t(`hearings.status.${h.status}`)}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {t('hearings.body', { organisation: h.body_organisation_code, kind: t(`hearings.body_kind.${h.body_kind}`) })}
              </Text>
              {h.settings.length > 0 && (
                <Text size="sm">{t('hearings.settings', { settings: listFormat.format(h.settings.map(settingName)) })}</Text>
              )}
              {h.status === 'held' && (
                <Text size="sm">
                  {h.counsel_present == null
                    ? t('hearings.counsel_unknown')
                    : h.counsel_present
                      ? t('hearings.counsel_present')
                      : t('hearings.counsel_absent')}
                </Text>
              )}
              {h.counsel_breach_rule && <CounselBreach rule={h.counsel_breach_rule} />}
              {h.note && <Text size="sm">{t('hearings.note', { note: h.note })}</Text>}
            </Stack>
          </List.Item>
        ))}
      </List>
    </>
  );
}

/**
 * A hearing held without the legal counsel the profile makes mandatory (Romania 2023: the stage is void): the breach
 * in the user's language, then the profile's consequence and legal source in the user's language where the profile
 * gives them (consequence_i18n, source_i18n), else in English marked lang="en", and whether the source is still to
 * be verified.
 */
function CounselBreach({ rule }: { rule: NonNullable<Schemas['VictimHearing']['counsel_breach_rule']> }) {
  const { t } = useTranslation('proceedings');
  const inLanguage = useInLanguage();
  const consequence = inLanguage(rule.consequence, rule.consequence_i18n);
  const source = inLanguage(rule.source, rule.source_i18n);
  return (
    <Alert color="red" p="xs">
      <Text size="sm" fw={600}>
        {t(`hearings.counsel_breach_${rule.applies_to}`)}
      </Text>
      <Text size="sm">
        <Trans
          t={t}
          i18nKey="hearings.counsel_breach_consequence"
          values={{ consequence: consequence.text }}
          components={{ src: <span lang={consequence.lang} /> }}
        />
      </Text>
      <Text size="sm">
        <Trans t={t} i18nKey="deadlines.source" values={{ source: source.text }} components={{ src: <span lang={source.lang} /> }} />
      </Text>
      {rule.verify && <Text size="sm">{t('deadlines.verify')}</Text>}
    </Alert>
  );
}
