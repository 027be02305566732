import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { mayUse } from '../app/screen-access.ts';
import { useSession } from '../auth/session.ts';
import { ReferDialog } from '../referrals/ReferDialog.tsx';
import { AccessHistorySection } from './AccessHistorySection.tsx';
import { ConsentSection } from './ConsentSection.tsx';
import { CriminalCasesSection } from './CriminalCasesSection.tsx';
import { ExploitationSection } from './ExploitationSection.tsx';
import { PersonSection } from './PersonSection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { caseKeys, mayReadAccessHistory, refused, seenThroughReferral, useVictimCase } from './case-data.ts';

/** Roles that work cases (take NRM steps, record consent) on a case they may edit; the server checks the case itself. */
const CASE_WORKING_ROLES = ['front_line_responder', 'case_worker', 'case_manager', 'coordinator'];

/**
 * The case page (/cases/:id, issue 5 point 3): the person, NRM status and
 * its history, exploitation, consent, referrals and services, linked
 * criminal cases and, for managers, who has looked at the person. Every
 * section shows what the server returns to this user and says plainly what
 * it does not show them.
 */
export default function CasePage({ params }: { params: { id: string } }) {
  const { t } = useTranslation('case');
  const session = useSession();
  const victimCase = useVictimCase(params.id);
  const user = session.data?.status === 'signed_in' ? session.data.user : null;
  const c = victimCase.data;
  const [referring, setReferring] = useState(false);
  const client = useQueryClient();

  const back = (
    <Anchor component={Link} href="/">
      {t('back_to_work')}
    </Anchor>
  );
  if (!user) return null;
  if (victimCase.isPending)
    return victimCase.fetchStatus === 'paused' ? (
      <Alert color="gray">{t('state.offline')}</Alert>
    ) : (
      <Loader aria-label={t('state.loading')} />
    );
  if (victimCase.isError)
    return (
      <Stack>
        <Title order={1}>{t('title_unknown')}</Title>
        {refused(victimCase.error, 403, 404) ? <Alert color="gray">{t('not_found')}</Alert> : <ApiErrorAlert error={victimCase.error} />}
        {back}
      </Stack>
    );

  if (!c) return null;

  // A referral sent moves the case to "referred": its timeline and referrals are read again.
  const closeReferral = () => {
    setReferring(false);
    void client.invalidateQueries({ queryKey: caseKeys.all(params.id) });
  };
  const throughReferral = seenThroughReferral(c);
  const mayAct = !throughReferral && CASE_WORKING_ROLES.includes(user.role);
  return (
    <Stack maw={960}>
      {back}
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{c.case_number ? t('title', { number: c.case_number }) : t('title_unknown')}</Title>
        {mayAct && <Button onClick={() => setReferring(true)}>{t('refer')}</Button>}
      </Group>
      {mayAct && <ReferDialog victimCaseId={c.id} opened={referring} onClose={closeReferral} />}
      {throughReferral && <Alert color="gray">{t('through_referral')}</Alert>}
      {c.synthetic && <Text size="sm">{t('synthetic')}</Text>}
      <PersonSection personId={c.person_id} />
      <TimelineSection caseId={c.id} mayAct={mayAct} isChild={c.is_child} />
      <ExploitationSection victimCase={c} />
      <ConsentSection personId={c.person_id} caseId={c.id} role={user.role} mayRecord={mayAct} />
      <ServicesSection caseId={c.id} />
      <CriminalCasesSection caseId={c.id} role={user.role} mayLink={mayAct && mayUse('link_criminal_case', user.role)} />
      {mayReadAccessHistory(user.role) && <AccessHistorySection personId={c.person_id} role={user.role} />}
    </Stack>
  );
}
