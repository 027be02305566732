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

type Shelter = Awaited<ReturnType<typeof activeShelters>>[number];

/** Active facilities of the directory offering shelter, with their organisation's kind. */
function activeShelters(db: Kysely<Database>) {
  return db
    .selectFrom('service_facility')
    .innerJoin('organisation', 'organisation.id', 'service_facility.organisation_id')
    .select([
      'service_facility.id',
      'service_facility.region',
      'service_facility.capacity',
      'service_facility.free_places',
      'service_facility.dedicated_to_trafficking',
      'organisation.kind',
    ])
    .where('service_facility.active', '=', true)
    .where((eb) => eb(eb.val('shelter'), '=', eb.fn.any('service_facility.services')))
    .orderBy('service_facility.id')
    .execute();
}

/** A shelter dedicated to trafficking victims run by a public body (dedicatedSheltersFigure). */
const isDedicatedStateShelter = (s: Shelter) => s.dedicated_to_trafficking && !NON_STATE_KINDS.includes(s.kind);

/** Paths of the figures serviceDirectoryFigures computes. */
export const SERVICE_DIRECTORY_FIGURE_PATHS = [
  'state_advance_payment_cap_RON',
  'government_shelters_dedicated',
  'shelter_places_by_county',
] as const;

/** Where a figure that no victim record measures comes from (traceFigure). */
export interface FigureOrigin {
  /** "profile": a law parameter of the jurisdiction profile; "service_directory": the directory's facilities as they are today. */
  kind: 'profile' | 'service_directory';
  /** The profile key with the source the profile gives for it, or the directory table and what is counted. */
  from: string;
  /** Directory figures: ids of the facilities counted (service_facility.id), in id order. */
  facility_ids?: string[];
}

/**
 * Where figure `path` of serviceDirectoryFigures comes from, for traces.
 * @returns undefined for any other path.
 */
export async function directoryFigureOrigin(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  path: string,
): Promise<FigureOrigin | undefined> {
  if (path === 'state_advance_payment_cap_RON') {
    const scheme = profile.services.financial_schemes.find((s) => s.code === ADVANCE_PAYMENT_SCHEME);
    return {
      kind: 'profile',
      from: `profile ${profile.code} key services.financial_schemes["${ADVANCE_PAYMENT_SCHEME}"] (caps by year); source: ${scheme?.source ?? 'the profile has no such scheme'}`,
    };
  }
  if (path !== 'government_shelters_dedicated' && path !== 'shelter_places_by_county') return undefined;
  const shelters = await activeShelters(db);
  const counted = path === 'government_shelters_dedicated' ? shelters.filter(isDedicatedStateShelter) : shelters;
  return {
    kind: 'service_directory',
    from:
      'service directory, table service_facility: active facilities offering shelter' +
      (path === 'government_shelters_dedicated' ? ', dedicated to trafficking, run by a public body' : '') +
      ', as recorded today (the directory keeps no history)',
    facility_ids: counted.map((s) => s.id),
  };
}

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

  const shelters = await activeShelters(db);
  const anyFacility = await db.selectFrom('service_facility').select('id').limit(1).executeTakeFirst();
  if (!anyFacility) {
    values.set('government_shelters_dedicated', null);
    values.set('shelter_places_by_county', null);
    return values;
  }
  values.set('government_shelters_dedicated', shelters.filter(isDedicatedStateShelter).length);
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
