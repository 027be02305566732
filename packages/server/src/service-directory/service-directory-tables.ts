import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/**
 * A place a service provider runs (migration 0012): a shelter, a counselling
 * centre, a county office. Not personal data. `free_places` is updated by the
 * provider; `free_places_updated_at` says how fresh it is.
 */
export interface ServiceFacilityTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  /** ISO 3166-2 county code (profile region). */
  region: string;
  services: string[];
  accepts_children: Defaulted<boolean>;
  accepts_adults: Defaulted<boolean>;
  /** A shelter dedicated to trafficking victims (the annual report's government_shelters_dedicated). */
  dedicated_to_trafficking: Defaulted<boolean>;
  /** Places (beds for a shelter), persons. */
  capacity: number | null;
  free_places: number | null;
  free_places_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  free_places_updated_by: string | null;
  licence_number: string | null;
  licence_authority: string | null;
  licence_expires_on: string | null;
  active: Defaulted<boolean>;
  /** Created by the demo, not a real facility. */
  synthetic: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceDirectoryTables {
  service_facility: ServiceFacilityTable;
}
