import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getDeviceScreening, listDeviceScreenings, onDeviceScreeningsChange } from './device-screenings.ts';

/** IndexedDB reads work with no network: never paused by TanStack Query's online check. */
const LOCAL = { networkMode: 'always', staleTime: Infinity } as const;

function useRefreshOnChange(): void {
  const client = useQueryClient();
  useEffect(() => onDeviceScreeningsChange(() => void client.invalidateQueries({ queryKey: ['device-screenings'] })), [client]);
}

/** The user's screenings on this device, kept current as they are saved and sent. */
export function useDeviceScreenings(owner: string) {
  useRefreshOnChange();
  return useQuery({ queryKey: ['device-screenings', 'list', owner], queryFn: () => listDeviceScreenings(owner), ...LOCAL });
}

/** One screening on this device (null when there is none with that id). */
export function useDeviceScreening(id: string) {
  useRefreshOnChange();
  return useQuery({ queryKey: ['device-screenings', 'one', id], queryFn: async () => (await getDeviceScreening(id)) ?? null, ...LOCAL });
}
