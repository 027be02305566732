import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, Table } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { useProceedingsFormats } from './formats.ts';
import { DaysLeftBadge, useDeadlineKind } from './deadline-text.tsx';

export type CaseAtRisk = Schemas['CasesAtRisk']['items'][number];

/** Cases at risk, soonest first as the server orders them: case (a link to it), stage, its soonest deadline, the last day and the days left. */
export function AtRiskTable({ items, caption, compact = false }: { items: CaseAtRisk[]; caption: string; compact?: boolean }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const kindOf = useDeadlineKind();
  return (
    <Table.ScrollContainer minWidth={compact ? 420 : 560}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('at_risk.case')}</Table.Th>
            {!compact && <Table.Th scope="col">{t('at_risk.stage')}</Table.Th>}
            <Table.Th scope="col">{t('at_risk.deadline')}</Table.Th>
            <Table.Th scope="col">{t('at_risk.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.criminal_case_id} data-case={item.case_number}>
              <Table.Td>
                <Anchor component={Link} href={`/criminal-cases/${item.criminal_case_id}`}>
                  {item.case_number}
                </Anchor>
              </Table.Td>
              {!compact && <Table.Td>{t(`stage.${item.stage}`)}</Table.Td>}
              <Table.Td>{kindOf(item.deadline.kind)}</Table.Td>
              <Table.Td>
                {item.deadline.due_on && <div>{formats.day(item.deadline.due_on)}</div>}
                <DaysLeftBadge deadline={item.deadline} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
