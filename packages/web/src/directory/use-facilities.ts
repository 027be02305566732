import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';
import type { Service } from '../referrals/referral-codes.ts';

export type Facility = Schemas['ServiceFacility'];

export interface FacilityFilters {
  service: Service | null;
  /** Only facilities whose provider last said it has a free place. */
  freeOnly: boolean;
}

/** The most the API gives in one page (pageQuery, 1-200); the screens say when the directory holds more. */
const PAGE = 200;

/**
 * Active facilities of the service directory (GET /api/v1/service-facilities),
 * by county then code, filtered by service and free places on the server.
 * The county is filtered in the browser, so the map can show every county of
 * the same answer. The directory holds no personal data (docs/services.md).
 */
export function useFacilities(filters: FacilityFilters) {
  return useQuery({
    queryKey: ['service-facilities', filters],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/service-facilities', {
          params: {
            query: {
              limit: PAGE,
              offset: 0,
              ...(filters.service ? { service: filters.service } : {}),
              ...(filters.freeOnly ? { has_free_places: 'true' as const } : {}),
            },
          },
        }),
      ),
  });
}

/** Per county: how many facilities and how many free places they reported (null when none reports a number). */
export interface CountySummary {
  region: string;
  facilities: number;
  free_places: number | null;
}

export function summariseByCounty(facilities: readonly Facility[]): Map<string, CountySummary> {
  const byCounty = new Map<string, CountySummary>();
  for (const facility of facilities) {
    const summary = byCounty.get(facility.region) ?? { region: facility.region, facilities: 0, free_places: null };
    summary.facilities += 1;
    if (facility.free_places != null) summary.free_places = (summary.free_places ?? 0) + facility.free_places;
    byCounty.set(facility.region, summary);
  }
  return byCounty;
}
