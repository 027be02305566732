import { countsAsChild, ctdcAgeBand, reportingYear, type JurisdictionProfile } from '@opennrm/domain';
import { addDays, ageOn, dateBetween, daysBetween, minDate, yearOf } from './calendar.ts';
import type { PlannedVictim } from './demo-plan.ts';
import type { IdentityFactory } from './identities.ts';
import { EXPLOITATION_WEIGHTS, ORIGIN_WEIGHTS, OTHER_COUNTRY_WEIGHTS, WESTERN_EUROPE_WEIGHTS } from './places.ts';
import { splitExact, type SeededRandom } from './random.ts';
import type { DemoScenario, RomanianPlaces, VictimCohort } from './romania-scenario.ts';

/** When a victim was referred to assistance relative to the cohort year. */
export type ReferralTiming = 'none' | 'same_year' | 'previous_year';

/** A planned victim with the scenario facts the referral planner needs. */
export interface VictimWithReferral {
  victim: PlannedVictim;
  referral: ReferralTiming;
  /** ISO date the referral is sent, when referred. */
  referral_on: string | null;
}

type Place = keyof RomanianPlaces | 'foreign';

interface Slot {
  category: string;
  child: boolean;
  sex: 'female' | 'male';
  citizenship: string;
  context?: string | undefined;
  place: Place;
  referral: ReferralTiming;
}

const DEFAULT_PLACE_SHARES = [0.74, 0.05, 0.19, 0.02];
const UNSPECIFIED = 'unspecified';

function countyWeights(regions: readonly string[], extra: Record<string, number>): [string, number][] {
  return regions.map((code) => [code, 1 + (extra[code] ?? 0) * 3]);
}

/**
 * How many victims of the identified cohort of each year are referred in that
 * same year: the year's referred persons minus those referred before their
 * identification (next year's cohort) and those never identified.
 *
 * @throws Error when the scenario's referral numbers cannot hold together.
 */
export function sameYearReferrals(scenario: DemoScenario): Map<number, number> {
  const result = new Map<number, number>();
  for (const cohort of scenario.cohorts.filter((c) => c.status === 'identified')) {
    const target = scenario.referrals[cohort.year];
    if (!target) throw new Error(`scenario: no referral figures for ${cohort.year}`);
    const next = scenario.cohorts.find((c) => c.status === 'identified' && c.year === cohort.year + 1);
    const others = scenario.cohorts
      .filter((c) => c.status !== 'identified' && c.year === cohort.year)
      .reduce((sum, c) => sum + (c.referred ?? 0), 0);
    const same = target.persons - (next?.referred_in_previous_year ?? 0) - others;
    const size = cohortSize(cohort) - (cohort.referred_in_previous_year ?? 0);
    if (same < 0 || same > size) {
      throw new Error(`scenario: ${cohort.year} needs ${same} same-year referrals of identified victims, but ${size} are available`);
    }
    result.set(cohort.year, same);
  }
  return result;
}

function cohortSize(cohort: VictimCohort): number {
  return Object.values(cohort.groups).reduce((sum, g) => sum + g.children.female + g.children.male + g.adults.female + g.adults.male, 0);
}

/** Builds the cohort's slots: who (category, age group, sex, citizenship), where, and whether referred. */
function cohortSlots(cohort: VictimCohort, sameYear: number, random: SeededRandom, country: string): Slot[] {
  const slots: Slot[] = [];
  for (const [category, group] of Object.entries(cohort.groups)) {
    const mine: Slot[] = [];
    const push = (child: boolean, sex: 'female' | 'male', n: number) => {
      for (let i = 0; i < n; i++) mine.push({ category, child, sex, citizenship: country, place: 'romania_only', referral: 'none' });
    };
    push(true, 'female', group.children.female);
    push(true, 'male', group.children.male);
    push(false, 'female', group.adults.female);
    push(false, 'male', group.adults.male);
    random.shuffle(mine);
    for (const foreign of group.foreign ?? []) {
      const candidates = mine.filter((s) => s.place !== 'foreign' && s.child === foreign.child && s.sex === foreign.sex);
      if (candidates.length < foreign.count)
        throw new Error(`scenario: ${cohort.year} ${category} has too few slots for ${foreign.citizenship} victims`);
      for (const slot of candidates.slice(0, foreign.count)) {
        slot.place = 'foreign';
        slot.citizenship = foreign.citizenship;
        slot.context = foreign.context;
      }
    }
    const nationals = mine.filter((s) => s.place !== 'foreign');
    const places = group.romanian_places ?? defaultPlaces(nationals.length);
    const order: (keyof RomanianPlaces)[] = ['romania_only', 'romania_and_western_europe', 'western_europe_only', 'elsewhere'];
    const buckets = order.flatMap((p) => Array<keyof RomanianPlaces>(places[p]).fill(p));
    if (buckets.length !== nationals.length) {
      throw new Error(
        `scenario: ${cohort.year} ${category} places sum to ${buckets.length}, but the group has ${nationals.length} nationals`,
      );
    }
    // Children are more often exploited at home: they sort towards the Romania-only places.
    const keyed = nationals.map((s) => ({ s, key: random.next() * (s.child ? 0.6 : 1) }));
    keyed.sort((a, b) => a.key - b.key);
    keyed.forEach(({ s }, i) => (s.place = buckets[i]!));
    slots.push(...mine);
  }
  random.shuffle(slots);
  if (cohort.status === 'identified') {
    const previous = cohort.referred_in_previous_year ?? 0;
    slots.forEach((s, i) => (s.referral = i < previous ? 'previous_year' : i < previous + sameYear ? 'same_year' : 'none'));
  } else {
    const referred = cohort.referred ?? 0;
    if (referred > slots.length) throw new Error(`scenario: ${cohort.status} ${cohort.year} refers more persons than it has`);
    slots.forEach((s, i) => (s.referral = i < referred ? 'same_year' : 'none'));
  }
  return slots;
}

function defaultPlaces(n: number): RomanianPlaces {
  const [romania_only, romania_and_western_europe, western_europe_only, elsewhere] = splitExact(n, DEFAULT_PLACE_SHARES) as [
    number,
    number,
    number,
    number,
  ];
  return { romania_only, romania_and_western_europe, western_europe_only, elsewhere };
}

/** Plans every victim of the scenario, cohort by cohort, in a deterministic order. */
export function planVictims(
  scenario: DemoScenario,
  profile: JurisdictionProfile,
  random: SeededRandom,
  identities: IdentityFactory,
): VictimWithReferral[] {
  const sameYear = sameYearReferrals(scenario);
  const regionCodes = profile.regions.map((r) => r.code);
  const regionNames = new Map(profile.regions.map((r) => [r.code, r.name]));
  const westernEurope = new Set(profile.country_groups.western_europe ?? []);
  for (const [code] of WESTERN_EUROPE_WEIGHTS) {
    if (!westernEurope.has(code)) throw new Error(`demo: ${code} is not in the profile's western_europe group`);
  }
  const origins = countyWeights(regionCodes, ORIGIN_WEIGHTS);
  const exploitationCounties = countyWeights(regionCodes, EXPLOITATION_WEIGHTS);
  const serials = new Map<number, number>();
  const result: VictimWithReferral[] = [];

  for (const cohort of scenario.cohorts) {
    const slots = cohortSlots(cohort, sameYear.get(cohort.year) ?? 0, random, profile.country);
    for (const slot of slots) {
      const planned = planOne(cohort, slot);
      result.push(planned);
    }
  }
  return result;

  function planOne(cohort: VictimCohort, slot: Slot): VictimWithReferral {
    const Y = cohort.year;
    const yearEnd = minDate(`${Y}-12-15`, addDays(scenario.as_of, -20));
    let potential: string;
    let presumed: string | null = null;
    let identified: string | null = null;
    let notAVictim: string | null = null;
    let referralOn: string | null = null;
    if (cohort.status === 'identified') {
      if (slot.referral === 'previous_year') {
        presumed = dateBetween(random, `${Y - 1}-10-01`, `${Y - 1}-11-30`);
        identified = dateBetween(random, `${Y}-01-15`, `${Y}-04-30`);
      } else {
        identified = dateBetween(random, slot.referral === 'same_year' ? `${Y}-02-01` : `${Y}-01-10`, yearEnd);
        presumed = addDays(identified, -random.int(7, slot.referral === 'same_year' ? 75 : 120));
        if (slot.referral === 'same_year' && presumed < `${Y}-01-08`) presumed = `${Y}-01-08`;
      }
      potential = addDays(presumed, -random.int(0, 14));
    } else {
      // Open cases of the scenario's current year run up to a few days before "today".
      const openUntil = Y === yearOf(scenario.as_of) ? addDays(scenario.as_of, -17) : addDays(yearEnd, -16);
      const latest = cohort.status === 'not_a_victim' ? minDate(`${Y}-09-01`, addDays(yearEnd, -95)) : openUntil;
      // Cases still open at "today" are mostly recent: skew their first contact towards the end.
      potential =
        Y === yearOf(scenario.as_of) && cohort.status !== 'not_a_victim'
          ? addDays(latest, -Math.floor(daysBetween(`${Y}-01-10`, latest) * random.next() ** 2))
          : dateBetween(random, `${Y}-01-10`, latest);
      if (cohort.status !== 'potential') presumed = addDays(potential, random.int(0, 14));
      if (cohort.status === 'not_a_victim') notAVictim = addDays(presumed!, random.int(20, 90));
    }
    if (slot.referral !== 'none') referralOn = addDays(presumed ?? potential, random.int(0, 3));

    const firstContact = presumed ?? potential;
    const started = noLeapDay(addDays(firstContact, -random.int(30, slot.child ? 500 : 700)));
    const startAge = slot.child ? childStartAge(slot.category) : adultStartAge(slot.category, slot.place === 'foreign');
    const dob = addDays(`${yearOf(started) - startAge}${started.slice(4)}`, -random.int(0, 360));
    const ageAtStart = ageOn(dob, started);
    const decidedOn = identified ?? notAVictim ?? firstContact;
    const ageAtIdentification = ageOn(dob, decidedOn);
    const isChild = countsAsChild({ age_at_exploitation_start: ageAtStart });
    if (isChild !== slot.child) throw new Error(`demo planner: age ${ageAtStart} does not match a ${slot.child ? 'child' : 'adult'} slot`);

    const forms = formsFor(slot);
    const { countries, regions } = placesFor(slot);
    const homeRegion = slot.place === 'foreign' ? regions[0]! : random.weighted(origins);
    const { methods, relationship } = recruitmentFor(slot, forms);
    const registrationYear = yearOf(identified ?? potential);
    const serial = (serials.get(registrationYear) ?? 0) + 1;
    serials.set(registrationYear, serial);

    const victim: PlannedVictim = {
      person: {
        sex: slot.sex,
        birth_year: yearOf(dob),
        citizenships: [slot.citizenship],
        home_region: homeRegion,
        identity: identities.identity({
          sex: slot.sex,
          date_of_birth: dob,
          citizenship: slot.citizenship,
          region: homeRegion,
          region_name: regionNames.get(homeRegion) ?? homeRegion,
          adult: ageAtIdentification >= 18,
          context: slot.context,
          serial: registrationYear * 10_000 + serial,
        }),
      },
      case_number: `DEMO-NRM-${registrationYear}-${String(serial).padStart(5, '0')}`,
      nrm_status: cohort.status,
      potential_on: potential,
      presumed_on: presumed,
      identified_on: identified,
      not_a_victim_on: notAVictim,
      registration_year: registrationYear,
      reporting_year: reportingYear(identified, registrationYear),
      identifying_organisation: organisationFor(cohort, slot, homeRegion, forms),
      category: slot.category,
      forms,
      sector: sectorFor(forms),
      countries_of_exploitation: countries,
      regions_of_exploitation: regions,
      exploitation_started_on: started,
      age_at_exploitation_start: ageAtStart,
      age_at_identification: ageAtIdentification,
      age_band: ctdcAgeBand(ageAtIdentification)!,
      is_child: isChild,
      recruitment_methods: methods,
      recruiter_relationship: relationship,
      means_of_control: meansFor(slot),
    };
    return { victim, referral: slot.referral, referral_on: referralOn };
  }

  function noLeapDay(date: string): string {
    return date.endsWith('-02-29') ? `${date.slice(0, 4)}-02-28` : date;
  }

  function childStartAge(category: string): number {
    if (category === 'sexual_exploitation') {
      return random.weighted([
        [12, 3],
        [13, 6],
        [14, 10],
        [15, 14],
        [16, 16],
        [17, 14],
      ]);
    }
    if (category === 'labour_exploitation') return random.int(8, 17);
    if (category === 'other_exploitation') return random.int(11, 16);
    return random.int(10, 17);
  }

  function adultStartAge(category: string, foreign: boolean): number {
    if (foreign) return random.int(22, 50);
    const r = random.next();
    if (category === 'sexual_exploitation') return 18 + Math.floor(22 * r * r);
    if (category === 'labour_exploitation') return 18 + Math.floor(45 * r ** 1.3);
    return 18 + Math.floor(35 * r ** 1.6);
  }

  function formsFor(slot: Slot): string[] {
    const allowed = profile.annual_report.form_categories[slot.category];
    let forms: string[];
    if (slot.category === UNSPECIFIED) return [];
    if (slot.category === 'sexual_exploitation') forms = ['sexual'];
    else if (slot.category === 'labour_exploitation') {
      forms = [
        slot.child
          ? random.weighted([
              ['forced_begging', 50],
              ['labour', 35],
              ['forced_criminality', 15],
            ])
          : random.weighted([
              ['labour', 72],
              ['forced_begging', 10],
              ['domestic_servitude', 10],
              ['forced_criminality', 8],
            ]),
      ];
    } else if (slot.category === 'other_exploitation') forms = [slot.child ? 'forced_marriage' : 'other'];
    else throw new Error(`demo: no forms planned for category "${slot.category}"`);
    if (!allowed || !forms.every((f) => (allowed as readonly string[]).includes(f))) {
      throw new Error(`demo: forms ${forms.join(', ')} are not in the profile's category "${slot.category}"`);
    }
    return forms;
  }

  function placesFor(slot: Slot): { countries: string[]; regions: string[] } {
    const county = () => random.weighted(exploitationCounties);
    const west = () => random.weighted(WESTERN_EUROPE_WEIGHTS);
    switch (slot.place) {
      case 'foreign':
      case 'romania_only': {
        const regions = [county()];
        if (random.chance(0.15)) regions.push(county());
        return { countries: [profile.country], regions: [...new Set(regions)] };
      }
      case 'romania_and_western_europe':
        return { countries: [profile.country, west()], regions: [county()] };
      case 'western_europe_only': {
        const countries = [west()];
        if (random.chance(0.15)) countries.push(west());
        return { countries: [...new Set(countries)], regions: [] };
      }
      case 'elsewhere':
        return slot.category === UNSPECIFIED
          ? { countries: [], regions: [] }
          : { countries: [random.weighted(OTHER_COUNTRY_WEIGHTS)], regions: [] };
    }
  }

  function organisationFor(cohort: VictimCohort, slot: Slot, home: string, forms: string[]): string {
    if (cohort.status === 'identified' || cohort.status === 'not_a_victim') return random.chance(0.65) ? 'DIICOT' : 'ANITP';
    // Before identification the case sits with the first responder who found the person.
    if (slot.child && random.chance(0.4)) return `DGASPC-${home.slice(3)}`;
    if (forms.some((f) => f !== 'sexual') && random.chance(0.4)) return 'ITM';
    return random.weighted([
      ['IGPR', 50],
      ['IGPF', 15],
      ['ANITP', 20],
      ['IGI', slot.place === 'foreign' ? 30 : 0],
    ]);
  }

  function sectorFor(forms: string[]): string | null {
    // Sector codes follow the CTDC codebook's "type of labour" (interchange/ctdc.ts).
    if (forms.includes('forced_begging')) return 'begging';
    if (forms.includes('domestic_servitude')) return 'domestic_work';
    if (forms.includes('forced_criminality')) return 'illicit_activities';
    if (forms.includes('labour')) {
      return random.weighted([
        ['agriculture', 35],
        ['construction', 25],
        ['hospitality', 15],
        ['manufacturing', 10],
        ['transportation', 5],
        ['other', 10],
      ]);
    }
    return null;
  }

  function recruitmentFor(slot: Slot, forms: string[]): { methods: string[]; relationship: string | null } {
    if (slot.category === UNSPECIFIED && random.chance(0.7)) return { methods: [], relationship: null };
    let method: string;
    if (forms.includes('forced_marriage') || (forms.includes('forced_begging') && random.chance(0.6))) method = 'family_sold';
    else if (slot.category === 'sexual_exploitation') {
      method = random.weighted([
        ['lover_boy', 42],
        ['online_social_media', 18],
        ['deceptive_job_offer', slot.child ? 4 : 14],
        ['emotional_manipulation', 12],
        ['blackmail', 6],
        ['family_sold', slot.child ? 4 : 0],
        ['other', 2],
        ['unknown', 2],
      ]);
    } else {
      method = random.weighted([
        ['deceptive_job_offer', 45],
        ['recruitment_agency', slot.place === 'foreign' ? 40 : 12],
        ['online_social_media', 12],
        ['emotional_manipulation', 5],
        ['other', 6],
        ['unknown', 10],
      ]);
    }
    const methods = [method];
    if (method === 'lover_boy' && random.chance(0.25)) methods.push('online_social_media');
    if (method === 'lover_boy' && random.chance(0.15)) methods.push('emotional_manipulation');
    const relationship: Record<string, [string, number][]> = {
      lover_boy: [['intimate_partner', 1]],
      family_sold: [['family', 1]],
      online_social_media: [
        ['stranger', 5],
        ['acquaintance', 3],
        ['intimate_partner', 2],
      ],
      deceptive_job_offer: [
        ['acquaintance', 4],
        ['friend', 2],
        ['stranger', 3],
        ['employer', 2],
      ],
      recruitment_agency: [
        ['employer', 3],
        ['stranger', 2],
      ],
      emotional_manipulation: [
        ['intimate_partner', 3],
        ['friend', 2],
        ['acquaintance', 1],
      ],
      blackmail: [
        ['acquaintance', 2],
        ['intimate_partner', 1],
      ],
      other: [['other', 1]],
      unknown: [['unknown', 1]],
    };
    return { methods, relationship: random.weighted(relationship[method]!) };
  }

  function meansFor(slot: Slot): string[] {
    const pool: [string, number][] =
      slot.category === 'sexual_exploitation'
        ? [
            ['takes_earnings', 80],
            ['psychological_abuse', 60],
            ['threats', 55],
            ['physical_abuse', 35],
            ['false_promises', 30],
            ['restricts_movement', 25],
            ['sexual_abuse', 15],
            ['psychoactive_substances', 12],
            ['withholds_documents', 8],
          ]
        : [
            ['excessive_working_hours', 60],
            ['withholds_documents', slot.place === 'foreign' ? 90 : 40],
            ['takes_earnings', 50],
            ['debt_bondage', 40],
            ['threats', 35],
            ['restricts_movement', 25],
            ['withholds_necessities', 20],
            ['threat_of_law_enforcement', slot.place === 'foreign' ? 40 : 5],
          ];
    const count = slot.category === UNSPECIFIED ? random.int(0, 1) : random.int(2, 4);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(random.weighted(pool));
    return [...chosen].sort();
  }
}
