import type { JurisdictionProfile } from '../profile/profile-schema.ts';
import {
  advancePaymentCapFigure,
  dedicatedSheltersFigure,
  shelterPlacesFigure,
  type ShelterPlaces,
} from '../services/directory-figures.ts';
import { byFormKeys, formsOfCategory, UNSPECIFIED_FORM } from './form-categories.ts';
import { nrmWorkflowFigures } from './nrm-workflow-figures.ts';
import { prosecutionFigures, type StateEmployeesInProceedings } from './prosecution-figures.ts';
import { victimsInProceedingsFigures, type InterviewsPerVictim } from './proceedings-figures.ts';
import { compensationFigures, type RatesUsed } from '../compensation/compensation-figures.ts';

/**
 * The national annual report: the figures a coordinator publishes for one
 * reporting year. Key names and meanings are those of one year of
 * `shared/data/romania-published-figures.json` (the figures of the US State
 * Department's 2024 TIP report on Romania), so that a computed year can be
 * compared with a published one key by key. Prose keys (`note`, `note_overlap`)
 * are left out. A null is a figure the data model cannot (yet) support, or a
 * share or range over nobody.
 */

/** Victims or cases per report category, plus `unspecified` (no known form). Counts. */
export type FormCounts = Record<string, number>;

/** A count with its split by form of exploitation (`by_form` may overlap: see docs/statistics.md). */
export type CountByForm = {
  total: number;
  by_form: FormCounts;
};

/** Victims formally identified in the year, persons. Place figures come from the profile. */
export interface VictimsIdentified {
  [figure: string]: number | null | FormCounts;
  total: number;
  by_form: FormCounts;
  children: number;
  girls_sexual_exploitation: number | null;
  foreign_citizens: number;
  foreign_ukrainian_refugees_labour: number | null;
}

/** Screenings of the year: total, per screening context of the profile and per outcome. Counts. */
export type ScreeningCounts = {
  total: number | null;
  by_context: Record<string, number | null>;
  by_outcome: Record<string, number | null>;
};

/**
 * The sector of an assisting organisation, from its kind (profile INSTITUTION_KINDS):
 * NGOs, international organisations, "other", and every public body as government.
 */
export const PROVIDER_SECTORS = ['government', 'ngo', 'international', 'other'] as const;
export type ProviderSector = (typeof PROVIDER_SECTORS)[number];

/** The organisation kinds of each non-government sector; every other kind is a public body (government). */
export const NON_GOVERNMENT_KINDS: Record<Exclude<ProviderSector, 'government'>, readonly string[]> = {
  ngo: ['ngo'],
  international: ['international'],
  other: ['other'],
};

/**
 * Court-ordered compensation of the year (issue 6 point 6; rules: compensationFigures in compensation/compensation-figures.ts).
 * Amounts by ISO 4217 currency, 2 decimals; equivalents by damage type then currency, in the profile's reporting currency.
 */
export type CompensationCourtOrders = {
  /** Persons. */
  victims: number | null;
  moral_damages: Record<string, number> | null;
  material_damages: Record<string, number> | null;
  usd_equivalents: Record<string, Record<string, number>> | null;
  /** The rates the equivalents used, by currency, or why a currency was not converted. */
  usd_equivalent_rates: RatesUsed | null;
  /** Persons. */
  victims_paid: number | null;
};

/** One reporting year's national figures (see the module comment). A type, not an interface, so it fits JSON-schema record types. */
export type AnnualReport = {
  victims_identified: VictimsIdentified;
  /** Persons. */
  victims_referred_to_assistance: number;
  /** Persons. */
  victims_assisted_by_ngos: number;
  /** Ratio 0..1, two decimals. */
  victims_assisted_share_of_identified: number | null;
  /** Adults who declined, notified anonymously (issue 4 point 3): counts, beside victims_identified, never added to it. */
  anonymous_notifications: CountByForm;
  /** Persons per residence status code of the profile (issue 4 point 5). */
  foreign_victims_by_residence_status: Record<string, number | null>;
  /** Screenings recorded in the year, by context and outcome (issue 4 point 7). */
  screenings: ScreeningCounts;
  /** Persons assisted in the year, and by the sector of the organisations that assisted them. */
  victims_assisted: { total: number | null; by_provider_sector: Record<string, number | null> };
  /** Days, median; null over nobody. */
  median_days_screening_to_referral: number | null;
  /** Days, median; null over nobody. */
  median_days_referral_to_first_service: number | null;
  /** Criminal cases. */
  investigations_new: CountByForm;
  /** Suspects (defendants). */
  suspects_prosecuted: CountByForm;
  /** Convicted suspects. */
  traffickers_convicted: CountByForm;
  /** Months of imprisonment actually served (not suspended); median to 1 decimal. */
  prison_sentence_range_months: { min: number | null; median: number | null; max: number | null };
  /** Suspects. */
  state_employees_investigated_and_prosecuted: number;
  /** Criminal cases (issue 6 point 6). */
  cases_closed_statute_of_limitations: number | null;
  /** Suspects flagged as state employees, by step (issue 6 point 6). */
  state_employees: StateEmployeesInProceedings;
  joint_investigation_teams_concluded: number | null;
  cps_referrals_to_police: number | null;
  police_investigations_from_cps_referrals: number | null;
  victims_in_witness_coordination_programme: number | null;
  victims_in_witness_protection_programme: number | null;
  /** How often the victims heard in the year were heard (issue 6 point 6). */
  interviews_per_victim: InterviewsPerVictim;
  hotline_calls_leading_to_investigations: number | null;
  new_demand_side_investigations: number | null;
  compensation_court_orders: CompensationCourtOrders;
  state_advance_payment_cap_RON: number | null;
  victim_assistance_budget_RON: number | null;
  anti_trafficking_budget_RON: number | null;
  government_shelters_dedicated: number | null;
  /** Shelter places by county code (issue 4 point 7); null when the service directory is empty. */
  shelter_places_by_county: Record<string, ShelterPlaces> | null;
  /** Ratio 0..1. */
  organised_crime_group_share_of_cases: number | null;
  /** Ratio 0..1, two decimals. */
  labour_cases_share_in_romania: number | null;
};

/** What a figure counts. */
export type FigureUnit =
  | 'persons'
  | 'criminal cases'
  | 'suspects'
  | 'screenings'
  | 'share'
  | 'months'
  | 'days'
  | 'RON'
  | 'amounts by currency'
  | 'exchange rates'
  | 'count';

/** One figure of the report: where it sits, what it means and the rule that computes it. */
export interface FigureDefinition {
  /** Dotted path in the report JSON, e.g. "victims_identified.by_form.sexual_exploitation". */
  path: string;
  /** What the published figure means. */
  meaning: string;
  unit: FigureUnit;
  /** The counting rule OpenNRM applies, or null when the data model cannot support the figure yet. */
  rule: string | null;
  /** Why the figure is null, when `rule` is null. */
  not_modelled?: string;
  /** Where the rule and the figure's meaning come from. */
  source: string;
}

/** A figure with its value, in report order (what md and csv output list). */
export interface FigureValue {
  path: string;
  value: number | null | Record<string, unknown>;
}

const TIP_2024 = 'US Department of State, 2024 Trafficking in Persons Report, Romania narrative';
const ISSUE_2 = 'OpenNRM issue 2, point 6 (counting rules agreed for the national statistics)';
const ISSUE_4 = 'OpenNRM issue 4, point 7 (screenings, assistance and NRM timings in the national statistics)';
const SCREENING_OUTCOME_CODES = ['no_indicators', 'potential_victim', 'presumed_victim'] as const;

const victimsIdentified = (y: string) =>
  `persons with a victim case whose NRM status is "identified" and whose reporting year is ${y} ` +
  '(the year of the identification decision; the registration year for CTDC data)';

function byFormFigures(profile: JurisdictionProfile, base: string, counted: string, what: FigureUnit): FigureDefinition[] {
  const categorySource = `${profile.annual_report.source}; profile annual_report.form_categories`;
  return byFormKeys(profile).map((category) =>
    category === UNSPECIFIED_FORM
      ? {
          path: `${base}.by_form.${UNSPECIFIED_FORM}`,
          meaning: `${counted} whose form of exploitation is not known`,
          unit: what,
          rule: `${counted} with no recorded form of exploitation`,
          source: `${ISSUE_2}; ${TIP_2024}`,
        }
      : {
          path: `${base}.by_form.${category}`,
          meaning: `${counted} in the "${category}" category`,
          unit: what,
          rule:
            `${counted} with at least one form in the category (${formsOfCategory(profile, category).join(', ')}); ` +
            'a record with forms in two categories counts in both',
          source: categorySource,
        },
  );
}

function notModelled(path: string, meaning: string, unit: FigureUnit, reason: string): FigureDefinition {
  return { path, meaning, unit, rule: null, not_modelled: reason, source: TIP_2024 };
}

/**
 * Every figure of the annual report for a profile, in the published order.
 * `by_form` paths follow the profile's form categories, and place figures its
 * `annual_report.place_figures`.
 *
 * @returns definitions; a figure with `rule: null` is always null in the report.
 */
export function annualReportFigures(profile: JurisdictionProfile): FigureDefinition[] {
  const Y = 'the reporting year';
  const country = profile.country;
  const identified = victimsIdentified(Y);
  const trafficking = 'criminal cases with an offence article the profile marks as trafficking';
  const places: FigureDefinition[] = profile.annual_report.place_figures.map((place) => {
    const where = place.countries
      ? place.countries.join(', ')
      : `the "${place.country_group}" country group (${(profile.country_groups[place.country_group ?? ''] ?? []).join(', ')})`;
    return {
      path: `victims_identified.${place.key}`,
      meaning: `identified victims who are ${place.citizens} citizens exploited in ${where}`,
      unit: 'persons',
      rule:
        `${identified}, holding ${place.citizens} citizenship, whose countries of exploitation include ${where}; ` +
        'not a partition: a victim exploited in two places counts in both',
      source: `${ISSUE_2}; profile annual_report.place_figures; ${TIP_2024}`,
    };
  });
  return [
    {
      path: 'victims_identified.total',
      meaning: 'victims formally identified in the year, each person once',
      unit: 'persons',
      rule: identified,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    ...byFormFigures(profile, 'victims_identified', 'identified victims', 'persons'),
    {
      path: 'victims_identified.children',
      meaning: 'identified victims who were children',
      unit: 'persons',
      rule:
        `identified victims with is_child true: under ${profile.child_age_years} at the start of exploitation, else at ` +
        'identification; an age band whose oldest age is under 18 (e.g. "9--17") counts as a child',
      source: 'Palermo Protocol art. 3(d); OpenNRM issue 2, point 6; countsAsChild() in packages/domain/src/victims/age.ts',
    },
    {
      path: 'victims_identified.girls_sexual_exploitation',
      meaning: 'identified child victims who are girls exploited sexually',
      unit: 'persons',
      rule: 'identified victims who are children, of sex "female", with a form in the sexual_exploitation category',
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    {
      path: 'victims_identified.foreign_citizens',
      meaning: `identified victims who are not ${country} citizens`,
      unit: 'persons',
      rule: `identified victims with at least one recorded citizenship, none of them ${country} (the profile's country); stateless or unknown citizenship is not foreign`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    {
      path: 'victims_identified.foreign_ukrainian_refugees_labour',
      meaning: 'foreign victims who are Ukrainian refugees exploited in labour',
      unit: 'persons',
      rule:
        'foreign identified victims holding UA citizenship with a form in the labour_exploitation category; refugee status is ' +
        'not modelled yet, so every such Ukrainian citizen counts',
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    ...places,
    {
      path: 'victims_referred_to_assistance',
      meaning: 'victims referred to assistance in the year',
      unit: 'persons',
      rule: `persons with a referral sent in ${Y} (in the profile's time zone, ${profile.annual_report.time_zone}), whatever its status`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    {
      path: 'victims_assisted_by_ngos',
      meaning: 'victims who received assistance from NGOs in the year',
      unit: 'persons',
      rule: `persons with an assistance record started in ${Y} whose provider is an organisation of kind "ngo"`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    {
      path: 'victims_assisted_share_of_identified',
      meaning: 'victims assisted by NGOs as a share of victims identified',
      unit: 'share',
      rule: 'victims_assisted_by_ngos / victims_identified.total, rounded to 2 decimals; null when no victim was identified',
      source: `${ISSUE_2}; ${TIP_2024} (2022: 180 of 492, 37 percent)`,
    },
    ...nrmFigures(profile),
    ...nrmWorkflowFigures(profile),
    {
      path: 'investigations_new.total',
      meaning: 'trafficking investigations opened in the year',
      unit: 'criminal cases',
      rule: `${trafficking}, opened in ${Y}`,
      source: `${ISSUE_2}; profile offences (trafficking: true); ${TIP_2024}`,
    },
    ...byFormFigures(profile, 'investigations_new', 'new trafficking investigations', 'criminal cases'),
    {
      path: 'suspects_prosecuted.total',
      meaning: 'suspects prosecuted (indicted) for trafficking in the year',
      unit: 'suspects',
      rule: `suspects of ${trafficking}, prosecuted in ${Y}; by_form follows their case's forms`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    ...byFormFigures(profile, 'suspects_prosecuted', 'suspects prosecuted', 'suspects'),
    {
      path: 'traffickers_convicted.total',
      meaning: 'traffickers convicted in the year',
      unit: 'suspects',
      rule: `suspects of ${trafficking} with verdict "convicted" dated in ${Y}; by_form follows their case's forms`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    ...byFormFigures(profile, 'traffickers_convicted', 'traffickers convicted', 'suspects'),
    {
      path: 'prison_sentence_range_months.min',
      meaning: 'shortest prison sentence of traffickers convicted in the year',
      unit: 'months',
      rule: `minimum sentence_months over traffickers convicted in ${Y} whose sentence is not suspended and is known`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    {
      path: 'prison_sentence_range_months.median',
      meaning: 'median prison sentence of traffickers convicted in the year',
      unit: 'months',
      rule: `median (PostgreSQL percentile_cont(0.5), 1 decimal) of sentence_months over traffickers convicted in ${Y} whose sentence is not suspended and is known`,
      source: 'OpenNRM issue 6, point 6 (sentence distribution: minimum, median, maximum)',
    },
    {
      path: 'prison_sentence_range_months.max',
      meaning: 'longest prison sentence of traffickers convicted in the year',
      unit: 'months',
      rule: `maximum sentence_months over traffickers convicted in ${Y} whose sentence is not suspended and is known`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    {
      path: 'state_employees_investigated_and_prosecuted',
      meaning: 'government employees investigated or prosecuted for complicity in trafficking',
      unit: 'suspects',
      rule: `suspects flagged as state employees, of ${trafficking}, whose case was opened in ${Y} or who were prosecuted in ${Y}; each suspect once`,
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
    ...prosecutionFigures(),
    notModelled(
      'cps_referrals_to_police',
      'child-protection referrals to the police',
      'count',
      'referrals from child protection to the police are not modelled yet',
    ),
    notModelled(
      'police_investigations_from_cps_referrals',
      'police investigations opened from child-protection referrals',
      'criminal cases',
      'the origin of a criminal case is not modelled yet',
    ),
    ...victimsInProceedingsFigures(profile),
    notModelled(
      'hotline_calls_leading_to_investigations',
      'hotline calls that led to investigations',
      'count',
      'the hotline is not modelled yet',
    ),
    notModelled(
      'new_demand_side_investigations',
      'new investigations of buyers (demand side)',
      'criminal cases',
      'demand-side offences are not modelled yet',
    ),
    ...compensationFigures(profile),
    advancePaymentCapFigure(profile),
    notModelled('victim_assistance_budget_RON', 'budget for victim assistance', 'RON', 'budgets are not modelled'),
    notModelled('anti_trafficking_budget_RON', 'anti-trafficking budget', 'RON', 'budgets are not modelled'),
    dedicatedSheltersFigure(),
    shelterPlacesFigure(),
    notModelled(
      'organised_crime_group_share_of_cases',
      'share of cases involving an organised crime group',
      'share',
      'organised crime groups are not modelled yet',
    ),
    {
      path: 'labour_cases_share_in_romania',
      meaning: `share of labour-exploitation victims exploited in ${country}`,
      unit: 'share',
      rule:
        `of identified victims with a victim case having a labour_exploitation form, the share whose such case lists ${country} ` +
        'among its countries of exploitation; 2 decimals; null when there is no labour victim',
      source: `${ISSUE_2}; ${TIP_2024}`,
    },
  ];
}

/** Screening, assistance and timing figures of issue 4 point 7 (docs/statistics.md). */
function nrmFigures(profile: JurisdictionProfile): FigureDefinition[] {
  const tz = profile.annual_report.time_zone;
  const screened = `screenings whose recorded_at falls in the reporting year (in the profile's time zone, ${tz}), each screening once at its latest revision`;
  const assisted = 'persons with an assistance record (a service delivered) started in the reporting year';
  return [
    {
      path: 'screenings.total',
      meaning: 'screenings with trafficking indicators recorded in the year',
      unit: 'screenings',
      rule: screened,
      source: ISSUE_4,
    },
    ...profile.screening_contexts.map((c) => ({
      path: `screenings.by_context.${c.code}`,
      meaning: `screenings in the context "${c.name}"`,
      unit: 'screenings' as const,
      rule: `${screened}, recorded with context "${c.code}"`,
      source: `${ISSUE_4}; profile screening_contexts (${c.source})`,
    })),
    ...SCREENING_OUTCOME_CODES.map((outcome) => ({
      path: `screenings.by_outcome.${outcome}`,
      meaning: `screenings whose outcome was "${outcome}"`,
      unit: 'screenings' as const,
      rule: `${screened}, whose stored outcome (the server's evaluation with the profile's instrument) is "${outcome}"`,
      source: `${ISSUE_4}; docs/screening.md (outcomes)`,
    })),
    {
      path: 'victims_assisted.total',
      meaning: 'victims who received assistance in the year, from anyone',
      unit: 'persons',
      rule: `${assisted}, whatever the provider; each person once`,
      source: `${ISSUE_4}; ${TIP_2024} (the government did not report how many referred victims were assisted)`,
    },
    ...PROVIDER_SECTORS.map((sector) => ({
      path: `victims_assisted.by_provider_sector.${sector}`,
      meaning: `victims assisted in the year by ${sector === 'government' ? 'public bodies' : sector === 'ngo' ? 'NGOs' : sector === 'international' ? 'international organisations' : 'other organisations'}`,
      unit: 'persons' as const,
      rule:
        `${assisted} by an organisation of ${sector === 'government' ? `a public kind (any kind but ${Object.values(NON_GOVERNMENT_KINDS).flat().join(', ')})` : `kind ${NON_GOVERNMENT_KINDS[sector].join(', ')}`}; ` +
        'a person assisted by two sectors counts in both',
      source: `${ISSUE_4}; profile institutions (kind)`,
    })),
    {
      path: 'median_days_screening_to_referral',
      meaning: 'median days from the screening to the referral to assistance',
      unit: 'days',
      rule:
        `over persons first referred in the reporting year (first referral sent in the year, ${tz}) one of whose victim cases was ` +
        'opened from a screening recorded on or before that day: the median of the days from the earliest such screening to ' +
        'that first referral (local calendar days), rounded to 1 decimal; null over nobody',
      source: `${ISSUE_4}; OSCE/ODIHR NRM handbook 2022, ch. 3 (referral without delay)`,
    },
    {
      path: 'median_days_referral_to_first_service',
      meaning: 'median days from the referral to the first service delivered',
      unit: 'days',
      rule:
        `over persons first referred in the reporting year (${tz}) who received a service on or after that day: the median of ` +
        'the days from that first referral to the first service started (assistance started_on), rounded to 1 decimal; ' +
        'persons never assisted are left out (they are the gap between referred and assisted); null over nobody',
      source: `${ISSUE_4}; Directive 2011/36/EU art. 11(2) (assistance as soon as there are reasonable grounds)`,
    },
  ];
}

/**
 * Rounds a share to two decimals, as published (0.37, not 0.3658...).
 * @returns null when the denominator is 0.
 */
export function shareOf(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 100) / 100;
}

/**
 * Builds the report object from figure values, in the order of `figures`;
 * a figure missing from `values` (every not-modelled one) is null.
 */
export function assembleReport(figures: readonly FigureDefinition[], values: ReadonlyMap<string, FigureValue['value']>): AnnualReport {
  const report: Record<string, unknown> = {};
  for (const figure of figures) {
    const keys = figure.path.split('.');
    let node = report;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = values.get(figure.path) ?? null;
  }
  return report as unknown as AnnualReport;
}

/** Reads each figure's value back out of a report, in figure order (for md and csv output). */
export function reportValues(report: AnnualReport, figures: readonly FigureDefinition[]): FigureValue[] {
  return figures.map((figure) => {
    let node: unknown = report;
    for (const key of figure.path.split('.')) node = node == null ? null : (node as Record<string, unknown>)[key];
    return { path: figure.path, value: (node ?? null) as FigureValue['value'] };
  });
}

/**
 * The instant a reporting year starts in a time zone, as an ISO string with
 * its UTC offset, e.g. yearStart(2023, 'Europe/Bucharest') = "2023-01-01T00:00:00+02:00".
 * Timestamps such as a referral's `sent_at` fall in year Y when
 * yearStart(Y) <= t < yearStart(Y + 1).
 */
export function yearStart(year: number, timeZone: string): string {
  const wallClock = Date.UTC(year, 0, 1);
  // The offset at local midnight; one correction step settles it except across a DST jump at midnight.
  let offset = offsetMinutes(wallClock, timeZone);
  offset = offsetMinutes(wallClock - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-01-01T00:00:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function offsetMinutes(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instantMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((local - instantMs) / 60_000);
}
