import { shippedProfile } from '@opennrm/domain/profiles';

/**
 * The counties (ISO 3166-2 regions) of the profile the app is built with
 * (docs/web.md, "Profile in the browser"), with their official names: the
 * service directory's filters, its map and the referral dialog use them.
 */
const PROFILE = shippedProfile('romania');

export const COUNTIES: readonly { code: string; name: string }[] = PROFILE.regions;

const NAMES = new Map(COUNTIES.map((c) => [c.code, c.name]));

/** The county's official name, else its code (a facility in a region the profile no longer lists). */
export function countyName(code: string): string {
  return NAMES.get(code) ?? code;
}

/**
 * Today in the profile's time zone ("YYYY-MM-DD"): the day the server checks
 * a consent's recorded_on against (refused after today there: docs/services.md).
 */
export function profileToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROFILE.annual_report.time_zone }).format(now);
}
