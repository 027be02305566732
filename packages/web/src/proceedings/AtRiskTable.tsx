import { PROBLEM_NAMESPACES } from '../app/problem-vocabularies.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Schemas } from '../api/client.ts';
import { useProceedingsFormats } from './formats.ts';
import { DaysLeftBadge, useDeadlineKind } from './deadline-text.tsx';
import { notComputableText } from './not-computable.ts';

export type CaseAtRisk = Schemas['CasesAtRisk']['items'][number];

/**
 * Cases at risk, soonest first as the server orders them: case (a link to it),
 * stage, its soonest deadline, the last day and the days left. A table on a
 * desktop; on a phone a list of cards, so the days left are never scrolled
 * out of sight. A case whose deadlines could not be computed comes first with
 * the server's reason in the user's language, so that nobody takes it for a
 * case without deadlines.
 */
export function AtRiskTable({ items, caption, compact = false }: { items: CaseAtRisk[]; caption: string; compact?: boolean }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const kindOf = useDeadlineKind();
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone)
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed" id={`at-risk-${compact ? 'card' : 'page'}`}>
          {caption}
        </Text>
        <Stack
          gap="xs"
          component="ul"
          aria-labelledby={`at-risk-${compact ? 'card' : 'page'}`}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((item) => (
            <Card key={item.criminal_case_id} component="li" withBorder padding="sm" data-case={item.case_number}>
              <Anchor component={Link} href={`/criminal-cases/${item.criminal_case_id}`} fw={600}>
                {item.case_number}
              </Anchor>
              <Text size="sm">{t(`stage.${item.stage}`)}</Text>
              <Text size="sm" mt={4}>
                {kindOf(item.deadline.kind)}
              </Text>
              <NotComputedReason item={item} />
              <Group gap="xs" mt={4}>
                {item.deadline.due_on && <Text size="sm">{t('deadlines.due_on', { date: formats.day(item.deadline.due_on) })}</Text>}
                <DaysLeftBadge deadline={item.deadline} />
              </Group>
            </Card>
          ))}
        </Stack>
      </Stack>
    );
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
              <Table.Td>
                {kindOf(item.deadline.kind)}
                <NotComputedReason item={item} />
              </Table.Td>
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

/**
 * Why the server could not compute a case's deadlines, for a `not_computed` entry: the refused field and rule in the
 * user's language (not-computable.ts). The refusals' words load on their own, without suspending the list.
 */
function NotComputedReason({ item }: { item: CaseAtRisk }) {
  const { t } = useTranslation(PROBLEM_NAMESPACES, { useSuspense: false });
  if (item.deadline.kind !== 'not_computed') return null;
  return (
    <Text size="sm" c="red.9">
      {notComputableText(t, item.deadline)}
    </Text>
  );
}
