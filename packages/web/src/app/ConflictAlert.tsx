import { PROBLEM_NAMESPACES } from './problem-vocabularies.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiRequestError } from '../api/client.ts';
import { errorText } from './problem-text.ts';

/**
 * Whether a save was refused because the record changed since the page read it (docs/errors.md): 409 (the
 * record has moved on, e.g. OPENNRM_INVALID_TRANSITION) or 412 OPENNRM_STALE_VERSION (the If-Match the page
 * sent is no longer the record's ETag).
 */
export function isConflict(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && (error.status === 409 || error.status === 412);
}

/**
 * Whether sending the user's version again can succeed after this refusal: only for an edit from a stale read
 * (412 OPENNRM_STALE_VERSION, docs/errors.md "Edits from a stale read"), where the resend carries the version just
 * reloaded. A 409 says the step itself is no longer possible on the record as it now stands (a case identified
 * meanwhile cannot be rejected, a declined referral cannot be accepted: OPENNRM_INVALID_TRANSITION, ...): the
 * same request would be refused again, so it is not offered.
 */
export function canResend(error: ApiRequestError): boolean {
  return error.status === 412 && error.body.code === 'OPENNRM_STALE_VERSION';
}

/**
 * A save refused because someone changed the record since this page read it
 * (409: OPENNRM_INVALID_TRANSITION when the case or referral has moved on,
 * OPENNRM_CONFLICT, ...; 412 OPENNRM_STALE_VERSION when an edit sent with
 * If-Match finds a newer version). Instead of a dead end, a way on that never
 * throws away what the user typed (the form keeps it): "Reload theirs" reads the
 * record again so the page shows what the other person did. For an edit of a
 * record with an edit version (a victim case or person: `version`, sent as
 * If-Match) it also offers "Send mine": the user's deliberate choice, the resend
 * carrying the version just reloaded, so it replaces the fields it sends having
 * shown the other person's change first; never blindly from the old read. For a
 * step the record no longer allows (a workflow step, a referral answer) it says
 * so and offers only "Reload theirs": sending the same step again could only be
 * refused again (canResend).
 */
export function ConflictAlert({
  error,
  reload,
  resend,
  resending,
}: {
  error: ApiRequestError;
  /** Reads the record again (query invalidation); resolves once it is read. */
  reload: () => Promise<unknown>;
  /** Sends the user's last version again; offered only where that can succeed (canResend). */
  resend: () => void;
  resending: boolean;
}) {
  const { t } = useTranslation();
  const { t: tp } = useTranslation(PROBLEM_NAMESPACES, { useSuspense: false });
  const resendable = canResend(error);
  const [state, setState] = useState<'conflict' | 'reloading' | 'reloaded' | 'failed'>('conflict');
  const reloadTheirs = async () => {
    setState('reloading');
    try {
      await reload();
      setState('reloaded');
    } catch {
      setState('failed');
    }
  };
  const sendMine = async () => {
    // Send against the record as it now stands, never the stale copy on the page.
    if (state !== 'reloaded') await reloadTheirs();
    resend();
  };
  return (
    <Alert color="red" title={t('conflict.title')} data-conflict>
      {/* Why it was refused: the rule the server names ("a case at stage X cannot move to Y"), else the code's words. */}
      <Text size="sm">{errorText(tp, error.body)}</Text>
      <Text size="sm" mt="xs">
        {state === 'reloaded'
          ? t('conflict.reloaded')
          : state === 'failed'
            ? t('conflict.reload_failed')
            : resendable
              ? t('conflict.explain')
              : t('conflict.no_longer_possible')}
      </Text>
      <Group mt="sm" gap="sm">
        <Button variant="default" onClick={() => void reloadTheirs()} loading={state === 'reloading'}>
          {t('conflict.reload')}
        </Button>
        {resendable && (
          <Button onClick={() => void sendMine()} loading={resending}>
            {t('conflict.resend')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
