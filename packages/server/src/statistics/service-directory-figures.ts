import type { Kysely } from 'kysely';
import {
  ADVANCE_PAYMENT_SCHEME,
  NON_STATE_KINDS,
  paymentCap,
  type FigureValue,
  type JurisdictionProfile,
  type ShelterPlaces,
} from '@opennrm/domain';
import type { Database } from '../db/schema.ts';

/**
 * The annual report's figures drawn from the profile and the service
 * directory rather than from victims' records: state_advance_payment_cap_RON,
 * government_shelters_dedicated and shelter_places_by_county. Rules:
 * advancePaymentCapFigure, dedicatedSheltersFigure and shelterPlacesFigure in
 * @opennrm/domain (docs/statistics.md). The directory holds the current state,
 * so the two directory figures are those of the day the report is computed.
 *
 * @returns figure path -> value; directory figures are null when the directory holds no facility.
 */
export async function serviceDirectoryFigures(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  year: number,
): Promise<Map<string, FigureValue['value']>> {
  const values = new Map<string, FigureValue['value']>();
  const cap = paymentCap(profile.services.financial_schemes, ADVANCE_PAYMENT_SCHEME, year);
  values.set('state_advance_payment_cap_RON', cap && cap.currency === profile.currency ? cap.amount : null);

  const shelters = await db
    .selectFrom('service_facility')
    .innerJoin('organisation', 'organisation.id', 'service_facility.organisation_id')
    .select([
      'service_facility.region',
      'service_facility.capacity',
      'service_facility.free_places',
      'service_facility.dedicated_to_trafficking',
      'organisation.kind',
    ])
    .where('service_facility.active', '=', true)
    .where((eb) => eb(eb.val('shelter'), '=', eb.fn.any('service_facility.services')))
    .execute();
  const anyFacility = await db.selectFrom('service_facility').select('id').limit(1).executeTakeFirst();
  if (!anyFacility) {
    values.set('government_shelters_dedicated', null);
    values.set('shelter_places_by_county', null);
    return values;
  }
  values.set(
    'government_shelters_dedicated',
    shelters.filter((s) => s.dedicated_to_trafficking && !NON_STATE_KINDS.includes(s.kind)).length,
  );
  const byCounty: Record<string, ShelterPlaces> = {};
  for (const region of profile.regions) byCounty[region.code] = { facilities: 0, capacity: 0, free_places: 0 };
  for (const s of shelters) {
    const county = (byCounty[s.region] ??= { facilities: 0, capacity: 0, free_places: 0 });
    county.facilities += 1;
    county.capacity += s.capacity ?? 0;
    county.free_places += s.free_places ?? 0;
  }
  values.set('shelter_places_by_county', byCounty);
  return values;
}
