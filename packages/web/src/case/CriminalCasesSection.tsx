import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, Table, Text } from '@mantine/core';
import type { User } from '../auth/session.ts';
import { CaseSection, QueryState } from './CaseSection.tsx';
import { LinkCriminalCaseForm } from './LinkCriminalCaseForm.tsx';
import { mayReadCriminalCases, useCriminalCases } from './case-data.ts';
import { useFormats } from './use-formats.ts';

/**
 * Criminal cases the victim case is linked to (GET /criminal-cases?victim_case_id=),
 * each opening its criminal case page,
 * for the roles that read criminal cases (prosecutors: their organisation's;
 * the coordinator: all). Assistance never depends on them (principle 1), so
 * every other role is simply told they are not shown. Whoever manages the
 * victim case (`mayLink`) links it to a criminal case here (LinkCriminalCaseForm).
 */
export function CriminalCasesSection({ caseId, role, mayLink }: { caseId: string; role: User['role']; mayLink: boolean }) {
  const { t } = useTranslation('case');
  const f = useFormats();
  const cases = useCriminalCases(caseId, role);
  return (
    <CaseSection id="case-criminal" title={t('criminal.title')}>
      {!mayReadCriminalCases(role) ? (
        <Text>{t('criminal.not_for_role')}</Text>
      ) : (
        <>
          <QueryState query={cases} refusedText={t('criminal.not_for_role')} />
          {cases.data && cases.data.length === 0 && <Text>{t('criminal.none')}</Text>}
          {cases.data && cases.data.length > 0 && (
            <Table striped style={{ overflowWrap: 'break-word' }} aria-label={t('criminal.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('criminal.number')}</Table.Th>
                  <Table.Th scope="col">{t('criminal.stage')}</Table.Th>
                  <Table.Th scope="col">{t('criminal.role')}</Table.Th>
                  <Table.Th scope="col">{t('criminal.opened_on')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/criminal-cases/${c.id}`}>
                        {c.investigating_organisation_code
                          ? t('criminal.number_of', { number: c.case_number, organisation: c.investigating_organisation_code })
                          : c.case_number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`criminal.stages.${c.stage}`)}</Table.Td>
                    <Table.Td>{c.victim_role ? t(`criminal.roles.${c.victim_role}`) : t('criminal.not_recorded')}</Table.Td>
                    <Table.Td>{f.day(c.opened_on)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {mayLink && <LinkCriminalCaseForm caseId={caseId} />}
    </CaseSection>
  );
}
