import type { JurisdictionProfile } from '@opennrm/domain';
import { addDays } from './calendar.ts';
import type { PlannedFacility, PlannedOrganisation } from './demo-plan.ts';
import type { SeededRandom } from './random.ts';

const SYNTHETIC = '(SYNTHETIC DEMO)';
const LICENSING_AUTHORITY = 'Ministerul Muncii și Solidarității Sociale (SYNTHETIC DEMO licence)';

/**
 * The demo's service directory: plausible, clearly synthetic facilities
 * shaped on the 2024 TIP report's Romania narrative, which names no facility:
 * three government shelters dedicated to trafficking victims, one of them for
 * children; county child-protection emergency centres in some counties only,
 * so that most counties have no shelter ("some counties did not have any
 * shelters"); NGO shelters and counselling centres; licences for child
 * victims held by one county directorate and one NGO ("only one county
 * directorate and one NGO maintained a license"), the NGO's expiring within
 * the warning window and one lapsed licence. Every name says it is synthetic.
 *
 * @param asOf the scenario's "today": licence dates and free places are set relative to it.
 * @throws Error when a facility names a county or organisation the profile and demo NGOs lack.
 */
export function planFacilities(
  profile: JurisdictionProfile,
  ngos: readonly PlannedOrganisation[],
  asOf: string,
  random: SeededRandom,
): PlannedFacility[] {
  const facilities: PlannedFacility[] = [];
  const add = (
    organisation: string,
    code: string,
    name: string,
    region: string,
    services: string[],
    options: Partial<Pick<PlannedFacility, 'accepts_children' | 'accepts_adults' | 'dedicated_to_trafficking' | 'capacity'>> & {
      licence?: { number: string; expires_on: string };
    } = {},
  ) => {
    const capacity = options.capacity ?? (services.includes('shelter') ? random.int(6, 16) : null);
    facilities.push({
      organisation,
      code,
      name: `${name} ${SYNTHETIC}`,
      region,
      services,
      accepts_children: options.accepts_children ?? false,
      accepts_adults: options.accepts_adults ?? true,
      dedicated_to_trafficking: options.dedicated_to_trafficking ?? false,
      capacity,
      free_places: capacity == null ? null : random.int(0, Math.ceil(capacity / 3)),
      free_places_updated_on: capacity == null ? null : asOf,
      licence_number: options.licence?.number ?? null,
      licence_authority: options.licence ? LICENSING_AUTHORITY : null,
      licence_expires_on: options.licence?.expires_on ?? null,
    });
  };

  const dedicated = { dedicated_to_trafficking: true };
  add(
    'DGASPC-B',
    'DEMO-DGASPC-B-TIP-SHELTER',
    'Centrul de asistență pentru victimele traficului București',
    'RO-B',
    ['shelter', 'psychological', 'social', 'legal', 'medical'],
    { ...dedicated, capacity: 14 },
  );
  add(
    'DGASPC-IS',
    'DEMO-DGASPC-IS-TIP-SHELTER',
    'Adăpostul pentru victimele traficului Iași',
    'RO-IS',
    ['shelter', 'psychological', 'social', 'vocational'],
    { ...dedicated, capacity: 10 },
  );
  add(
    'DGASPC-MS',
    'DEMO-DGASPC-MS-CHILD-SHELTER',
    'Centrul pentru copiii victime ale traficului Mureș',
    'RO-MS',
    ['shelter', 'psychological', 'social', 'medical'],
    {
      ...dedicated,
      accepts_children: true,
      accepts_adults: false,
      capacity: 8,
      licence: { number: 'DEMO-LIC-0001', expires_on: addDays(asOf, 730) },
    },
  );
  // County emergency reception centres for children: general, not dedicated to trafficking victims.
  for (const county of ['CJ', 'TM', 'CT', 'BV', 'DJ', 'BC', 'SV', 'AR', 'BH', 'PH', 'GL', 'AG'])
    add(
      `DGASPC-${county}`,
      `DEMO-DGASPC-${county}-EMERGENCY`,
      `Centrul de primire în regim de urgență ${county}`,
      `RO-${county}`,
      ['shelter', 'social', 'psychological'],
      {
        accepts_children: true,
        accepts_adults: false,
      },
    );
  add('DGASPC-IS', 'DEMO-DGASPC-IS-EMERGENCY', 'Centrul de primire în regim de urgență Iași', 'RO-IS', ['shelter', 'social'], {
    accepts_children: true,
    accepts_adults: false,
    licence: { number: 'DEMO-LIC-0007', expires_on: addDays(asOf, -30) }, // lapsed: the gaps report lists it
  });
  add('DGASPC-B', 'DEMO-DGASPC-B-COUNSELLING', 'Serviciul de consiliere pentru victimele infracțiunilor București', 'RO-B', [
    'psychological',
    'legal',
    'social',
  ]);

  const ngo = (county: string) => {
    const found = ngos.find((n) => n.region === `RO-${county}`);
    if (!found) throw new Error(`demo: no demo NGO in RO-${county}`);
    return found.code;
  };
  add(ngo('B'), 'DEMO-NGO-B-SHELTER', 'Casa Lumina Nouă', 'RO-B', ['shelter', 'psychological', 'legal', 'vocational', 'interpretation'], {
    accepts_children: true,
    capacity: 16,
    licence: { number: 'DEMO-LIC-0042', expires_on: addDays(asOf, 60) }, // within the 90-day warning
  });
  add(ngo('BV'), 'DEMO-NGO-BV-SHELTER', 'Adăpostul Punte', 'RO-BV', ['shelter', 'psychological', 'vocational']);
  add(ngo('CT'), 'DEMO-NGO-CT-SHELTER', 'Adăpostul Far pentru Femei', 'RO-CT', ['shelter', 'psychological', 'legal'], { capacity: 6 });
  add(ngo('IS'), 'DEMO-NGO-IS-COUNSELLING', 'Centrul Pași spre Viitor', 'RO-IS', ['psychological', 'legal', 'vocational', 'social']);
  add(ngo('TM'), 'DEMO-NGO-TM-COUNSELLING', 'Centrul Casa Speranței', 'RO-TM', [
    'psychological',
    'legal',
    'interpretation',
    'repatriation',
  ]);
  add(ngo('CJ'), 'DEMO-NGO-CJ-COUNSELLING', 'Centrul Alături de Tine', 'RO-CJ', ['psychological', 'legal', 'medical']);

  const regions = new Set(profile.regions.map((r) => r.code));
  const organisations = new Set([...profile.institutions.map((i) => i.code), ...ngos.map((n) => n.code)]);
  const wrong = facilities.find((f) => !regions.has(f.region) || !organisations.has(f.organisation));
  if (wrong) throw new Error(`demo: facility ${wrong.code} names a county or organisation profile "${profile.code}" lacks`);
  return facilities;
}
