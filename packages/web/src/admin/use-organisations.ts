import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';

export type Organisation = Schemas['Organisation'];

/** Every organisation (GET /api/v1/organisations): the profile's institutions and those an administrator added. */
export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/organisations')).items,
    staleTime: 5 * 60_000,
  });
}
