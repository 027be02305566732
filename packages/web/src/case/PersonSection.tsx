import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, List, Text } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { CaseSection, Facts, QueryState } from './CaseSection.tsx';
import { usePerson } from './case-data.ts';
import { useFormats } from './use-formats.ts';
import { useCaseCodeLabels } from './code-labels.ts';

type Identity = NonNullable<Schemas['PersonDetail']['identity']>;

/**
 * The person: what the server returns and nothing more. GET /persons/:id
 * strips every field the user may not read (identity by role, a provider's
 * by what its referral shares: docs/access-policy.md); an identity that
 * comes back empty is said to be not shown, never guessed at.
 */
export function PersonSection({ personId }: { personId: string }) {
  const { t } = useTranslation('case');
  const { t: tApp } = useTranslation();
  const f = useFormats();
  const labels = useCaseCodeLabels();
  const person = usePerson(personId);
  const p = person.data;

  const identityRows: [string, ReactNode][] = [];
  const identity: Identity = p?.identity ?? {};
  if (identity.given_names) identityRows.push([t('person.given_names'), identity.given_names]);
  if (identity.family_name) identityRows.push([t('person.family_name'), identity.family_name]);
  if (identity.date_of_birth) identityRows.push([t('person.date_of_birth'), f.day(identity.date_of_birth)]);
  if (identity.documents?.length)
    identityRows.push([
      t('person.documents'),
      <List size="sm" key="documents">
        {identity.documents.map((d) => (
          <List.Item key={`${d.type}-${d.number}`}>
            {d.country
              ? t('person.document_of_country', { type: labels.documentType(d.type), number: d.number, country: f.country(d.country) })
              : t('person.document', { type: labels.documentType(d.type), number: d.number })}
          </List.Item>
        ))}
      </List>,
    ]);
  if (identity.contacts?.length)
    identityRows.push([
      t('person.contacts'),
      <List size="sm" key="contacts">
        {identity.contacts.map((c) => (
          <List.Item key={`${c.kind}-${c.value}`}>{t('person.contact', { kind: labels.contactKind(c.kind), value: c.value })}</List.Item>
        ))}
      </List>,
    ]);
  if (identity.address) identityRows.push([t('person.address'), identity.address]);
  if (identity.notes)
    identityRows.push([
      t('person.notes'),
      <Text key="notes" style={{ whiteSpace: 'pre-wrap' }}>
        {identity.notes}
      </Text>,
    ]);

  const personRows: [string, ReactNode][] = [];
  if (p?.sex) personRows.push([t('person.sex'), tApp(`sex.${p.sex}`)]);
  if (p?.birth_year != null) personRows.push([t('person.birth_year'), String(p.birth_year)]);
  if (p?.citizenships?.length) personRows.push([t('person.citizenships'), f.list(p.citizenships.map(f.country))]);

  return (
    <CaseSection id="case-person" title={t('person.title')}>
      <QueryState query={person} refusedText={t('person.not_for_role')} />
      {p && (
        <>
          {identityRows.length > 0 ? (
            <Facts caption={t('person.identity')} rows={identityRows} />
          ) : (
            <Alert color="gray" title={t('person.identity_not_shown_title')} data-testid="identity-not-shown">
              {t('person.identity_not_shown')}
            </Alert>
          )}
          {personRows.length > 0 ? <Facts caption={t('person.about')} rows={personRows} /> : <Text>{t('person.details_not_shown')}</Text>}
          {p.synthetic && <Text size="sm">{t('person.synthetic')}</Text>}
        </>
      )}
    </CaseSection>
  );
}
