import type { FigureDefinition } from '../statistics/annual-report.ts';
import type { JurisdictionProfile } from '../profile/profile-schema.ts';

/** Shelter places of one county at the report date. */
export type ShelterPlaces = {
  /** Active facilities offering shelter. */
  facilities: number;
  /** Places (beds), persons: sum of the recorded capacities. */
  capacity: number;
  /** Free places, persons: sum of what the providers last recorded. */
  free_places: number;
};

/** Organisation kinds that are not public bodies: a shelter they run is not a government shelter. */
export const NON_STATE_KINDS: readonly string[] = ['ngo', 'international', 'other'];

/** The financial scheme whose cap the report publishes as state_advance_payment_cap_RON. */
export const ADVANCE_PAYMENT_SCHEME = 'state_advance_payment';

const DIRECTORY_RULE =
  'as recorded in the service directory when the report is computed (the directory keeps the current state, not its history)';
const TIP_2024 = 'US Department of State, 2024 Trafficking in Persons Report, Romania narrative';

/** state_advance_payment_cap_RON: a law parameter of the profile, per year. */
export function advancePaymentCapFigure(profile: JurisdictionProfile): FigureDefinition {
  return {
    path: 'state_advance_payment_cap_RON',
    meaning: 'cap on the state advance payment of compensation to a crime victim for emergency expenses',
    unit: 'RON',
    rule:
      `the cap of the profile's financial scheme "${ADVANCE_PAYMENT_SCHEME}" (services.financial_schemes) for the reporting year, ` +
      `in ${profile.currency}; null when the profile gives no cap for the year`,
    source: `profile services.financial_schemes (${profile.services.financial_schemes.find((s) => s.code === ADVANCE_PAYMENT_SCHEME)?.source ?? 'none'}); ${TIP_2024}`,
  };
}

/** government_shelters_dedicated: counted in the service directory. */
export function dedicatedSheltersFigure(): FigureDefinition {
  return {
    path: 'government_shelters_dedicated',
    meaning: 'government-run shelters dedicated to trafficking victims',
    unit: 'count',
    rule:
      'active facilities offering shelter, marked dedicated_to_trafficking, run by a public body (an organisation whose kind is ' +
      `not ngo, international or other), ${DIRECTORY_RULE}; null when the directory holds no facility`,
    source: `OpenNRM issue 4 point 4; ${TIP_2024}`,
  };
}

/** shelter_places_by_county: capacity and free places of shelters by county code. */
export function shelterPlacesFigure(): FigureDefinition {
  return {
    path: 'shelter_places_by_county',
    meaning: 'shelter places (capacity) and free places by county',
    unit: 'count',
    rule:
      'for every region of the profile, by ISO 3166-2 code: active facilities offering shelter, the sum of their capacities and ' +
      `the sum of their free places (unknown values count 0), ${DIRECTORY_RULE}; a county with no shelter shows zeros; ` +
      'null when the directory holds no facility',
    source: `OpenNRM issue 4 points 4 and 7 (shelter places by county; counties without shelters); ${TIP_2024}`,
  };
}
