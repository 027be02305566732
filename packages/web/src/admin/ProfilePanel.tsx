import { useTranslation } from 'react-i18next';
import { useInLanguage, type ShownText } from '../i18n/in-language.tsx';
import type { ReactNode } from 'react';
import { Accordion, Stack, Table, Text } from '@mantine/core';
import { shippedProfile } from '@opennrm/domain/profiles';
import { ScrollableTable } from '../app/ScrollableTable.tsx';
import { useProfileNames } from '../proceedings/profile-names.ts';

/** The profile the app is built with, the same file the server loads (docs/web.md, "Profile in the browser"). */
const PROFILE = shippedProfile('romania');

/**
 * The jurisdiction profile, read-only: the country's rules as data (offences,
 * institutions, regions, languages, retention). Names and sources are the
 * profile's own words, sources in the user's language where the profile
 * translates them (`source_i18n`), else in English; changing them is a change
 * of the profile file, reviewed like code, never an edit on this screen.
 */
export function ProfilePanel() {
  const { t, i18n } = useTranslation('admin');
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const languageName = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'language' });
  const countryName = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'region' });
  const inLanguage = useInLanguage();
  const names = useProfileNames();
  return (
    <Stack>
      <Text>{t('profile.intro', { name: PROFILE.name, code: PROFILE.code })}</Text>
      <Table variant="vertical" maw={560}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('profile.country')}</Table.Th>
            <Table.Td>{countryName.of(PROFILE.country)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('profile.currency')}</Table.Th>
            <Table.Td>{PROFILE.currency}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('profile.child_age')}</Table.Th>
            <Table.Td>{t('profile.years', { count: PROFILE.child_age_years })}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Accordion multiple variant="separated" order={2}>
        <Section value="offences" title={t('profile.offences', { count: PROFILE.offences.length })}>
          <ScrollableTable minWidth={560} label={t('profile.offences', { count: PROFILE.offences.length })}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('profile.article')}</Table.Th>
                  <Table.Th scope="col">{t('profile.offence')}</Table.Th>
                  <Table.Th scope="col">{t('profile.penalty')}</Table.Th>
                  <Table.Th scope="col">{t('profile.trafficking')}</Table.Th>
                  <Table.Th scope="col">{t('profile.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {PROFILE.offences.map((o) => (
                  <Table.Tr key={o.article}>
                    <Table.Th scope="row">{o.article}</Table.Th>
                    <Table.Td>{names.offence(o.article)}</Table.Td>
                    <Table.Td>
                      {o.penalty_years
                        ? t('profile.penalty_years', { min: number.format(o.penalty_years.min), max: number.format(o.penalty_years.max) })
                        : ''}
                    </Table.Td>
                    <Table.Td>{o.trafficking ? t('profile.yes') : t('profile.no')}</Table.Td>
                    <SourceCell source={inLanguage(o.source, o.source_i18n)} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        </Section>
        <Section value="institutions" title={t('profile.institutions', { count: PROFILE.institutions.length })}>
          <ScrollableTable minWidth={480} label={t('profile.institutions', { count: PROFILE.institutions.length })}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('organisations.code')}</Table.Th>
                  <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                  <Table.Th scope="col">{t('organisations.kind')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {PROFILE.institutions.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Th scope="row">{i.code}</Table.Th>
                    <Table.Td>{names.institution(i.code, i.name)}</Table.Td>
                    <Table.Td>{t(`kind.${i.kind}`, { defaultValue: i.kind })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        </Section>
        <Section value="regions" title={t('profile.regions', { count: PROFILE.regions.length })}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.region_code')}</Table.Th>
                <Table.Th scope="col">{t('profile.region_name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {PROFILE.regions.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Th scope="row">{r.code}</Table.Th>
                  <Table.Td>{r.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section value="languages" title={t('profile.languages', { count: PROFILE.languages.length })}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.language')}</Table.Th>
                <Table.Th scope="col">{t('profile.official')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {PROFILE.languages.map((l) => (
                <Table.Tr key={l.code}>
                  <Table.Th scope="row">
                    <span lang={l.code}>{l.name}</span> ({languageName.of(l.code)})
                  </Table.Th>
                  <Table.Td>{l.official ? t('profile.yes') : t('profile.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section value="retention" title={t('profile.retention', { count: PROFILE.retention.rules.length })}>
          <ScrollableTable minWidth={640} label={t('profile.retention', { count: PROFILE.retention.rules.length })}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('profile.retention_rule')}</Table.Th>
                  <Table.Th scope="col">{t('profile.retention_period')}</Table.Th>
                  <Table.Th scope="col">{t('profile.retention_action')}</Table.Th>
                  <Table.Th scope="col">{t('profile.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {PROFILE.retention.rules.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Th scope="row">{t(`retention.record.${r.record_type}`, { defaultValue: r.record_type })}</Table.Th>
                    <Table.Td>
                      {t(`retention.runs_from.${r.runs_from}`, {
                        defaultValue: r.runs_from,
                        months: number.format(r.months),
                        count: r.months,
                      })}
                    </Table.Td>
                    <Table.Td>
                      {t(`retention.action.${r.action}`, { defaultValue: r.action })}
                      {r.verify_against_national_law && <Text size="sm">{t('profile.to_verify')}</Text>}
                    </Table.Td>
                    <SourceCell source={inLanguage(r.source, r.source_i18n)} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        </Section>
      </Accordion>
    </Stack>
  );
}

/** A rule's legal source in a table cell, marked English when it stands in for a missing translation. */
function SourceCell({ source }: { source: ShownText }) {
  return <Table.Td lang={source.lang}>{source.text}</Table.Td>;
}

function Section({ value, title, children }: { value: string; title: string; children: ReactNode }) {
  return (
    <Accordion.Item value={value}>
      <Accordion.Control>{title}</Accordion.Control>
      <Accordion.Panel>{children}</Accordion.Panel>
    </Accordion.Item>
  );
}
