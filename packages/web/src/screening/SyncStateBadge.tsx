import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import type { DeviceScreening } from './device-screenings.ts';

/** Where a screening is: a draft or a finished revision saved on this device, waiting, sent, or refused by the server. */
export function syncStateOf(s: DeviceScreening): 'draft' | 'waiting' | 'sent' | 'refused' | 'edited' {
  if (s.sync?.state === 'refused') return 'refused';
  if (s.revision === 0) return 'draft';
  if (s.sent_revision < s.revision) return 'waiting';
  return s.edited_since_revision ? 'edited' : 'sent';
}

// Dark shades: white badge text at 5:1 or more (WCAG 2.2 AA); Mantine's orange 9 is only 4.3:1.
const COLOURS = { draft: 'gray.8', waiting: '#9c3d00', sent: 'teal.9', refused: 'red.9', edited: 'gray.8' } as const;

export function SyncStateBadge({ screening }: { screening: DeviceScreening }) {
  const { t } = useTranslation();
  const state = syncStateOf(screening);
  return (
    <Badge color={COLOURS[state]} variant="filled" data-sync-state={state}>
      {t(`sync.state.${state}`)}
    </Badge>
  );
}
