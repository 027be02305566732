import type { ProceedingsScenario } from './plan-proceedings.ts';
import type { CompensationScenario } from './plan-compensation.ts';

/**
 * The Romania demo scenario as data: how many synthetic victims, referrals,
 * criminal cases and suspects `opennrm demo romania` creates, chosen so that
 * the annual report reproduces Romania's published figures for 2022 and 2023.
 *
 * Source of every published number: US Department of State, 2024 Trafficking
 * in Persons Report, Romania narrative (../shared/seed/romania-2024-tip-country-narrative.txt,
 * tabulated in ../shared/data/romania-published-figures.json). Numbers for
 * 2024-2026 are invented to give a believable live caseload; they are marked
 * "synthetic" below. Splits the narrative does not publish (sex of adult
 * victims, places for 2022, ...) are plausible choices, not facts.
 *
 * To reproduce a further published figure, add it here and let the planner
 * (plan.ts) honour it; the planner checks every total and throws when the
 * numbers below cannot all hold at once.
 */

/** A report category key of the profile (`annual_report.form_categories`) or "unspecified". */
export type CategoryKey = string;

/** Counts by sex. */
export interface BySex {
  female: number;
  male: number;
}

/**
 * Where the Romanian citizens of a victim group were exploited, as counts
 * (summing to the group's Romanian victims). Not a partition of the report's
 * place figures: "romania_and_western_europe" counts in both of them.
 */
export interface RomanianPlaces {
  romania_only: number;
  romania_and_western_europe: number;
  western_europe_only: number;
  /** Elsewhere (e.g. Greece, Cyprus, Poland), or unknown for victims with no known form. */
  elsewhere: number;
}

/** Foreign citizens inside a victim group (taken from its children or adults of that sex). */
export interface ForeignVictims {
  /** ISO 3166-1 alpha-2 citizenship. */
  citizenship: string;
  sex: 'female' | 'male';
  child: boolean;
  count: number;
  /** Why they are in Romania, for the identity notes (e.g. "refugee from Ukraine"). */
  context: string;
}

/** Victims of one report category in one cohort. */
export interface VictimGroup {
  /** Under 18 at the start of exploitation. */
  children: BySex;
  adults: BySex;
  /** Default: about three quarters exploited only in Romania. */
  romanian_places?: RomanianPlaces;
  foreign?: ForeignVictims[];
}

/** Persons whose case reached one NRM status in one year. */
export interface VictimCohort {
  status: 'identified' | 'presumed' | 'potential' | 'not_a_victim';
  /** Year of that status (identification, presumption, first contact, negative decision). */
  year: number;
  groups: Record<CategoryKey, VictimGroup>;
  /** Identified cohorts: how many were referred to assistance in the year before, while presumed. */
  referred_in_previous_year?: number;
  /** Cohorts not identified: how many were referred to assistance in their year. */
  referred?: number;
}

/** Referrals to assistance sent in one year. */
export interface ReferralYear {
  /** Distinct persons with a referral sent in the year. */
  persons: number;
  /** Distinct persons whose assistance by an NGO started in the year. */
  ngo_assisted: number;
}

/** Counts by case form category (sexual_exploitation, labour_exploitation, unspecified, ...). */
export type ByCategory = Record<CategoryKey, number>;

/** A group of suspects in one criminal case whose story the scenario fixes (complicit officials, ...). */
export interface SuspectGroup {
  label: string;
  category: CategoryKey;
  forms: string[];
  articles: string[];
  opened: number;
  /** Year of indictment, or null while still under investigation. */
  prosecuted: number | null;
  verdict: { year: number; outcome: 'convicted' | 'acquitted'; sentence_months?: number; suspended?: boolean } | null;
  count: number;
  state_employee: boolean;
  role: string;
  occupation: string;
}

/** The criminal-justice side of the scenario. */
export interface CriminalJustice {
  /** New trafficking cases (art. 210/211) opened, by year and case form category. */
  cases_opened: Record<number, ByCategory>;
  /** Suspects of trafficking cases indicted, by year and their case's form category. */
  suspects_prosecuted: Record<number, ByCategory>;
  /** Suspects convicted, by year of the verdict and their case's form category. */
  traffickers_convicted: Record<number, ByCategory>;
  /** Weights of 0, 1, 2, 3 years from indictment to conviction. */
  conviction_lag_weights: number[];
  /** Weights of 0, 1, 2 years from opening a case to indictment. */
  indictment_lag_weights: number[];
  /** Share of indicted suspects not convicted in the plan who are acquitted (the rest are still on trial). */
  acquittal_share: number;
  /** Range of prison sentences (not suspended) for convictions in a year, months; both ends reached. */
  sentence_range_months: Record<number, { min: number; max: number }>;
  /** Suspended sentences per verdict year (shorter than the range; Romanian criminal code art. 91). */
  suspended_sentences: Record<number, number>;
  /** Pimping cases (art. 213, not trafficking) opened per year, which the trafficking figures must not count. */
  pimping_cases_per_year: Record<number, number>;
  special_groups: SuspectGroup[];
}

/** A whole scenario. */
export interface DemoScenario {
  profile: string;
  /** Deterministic seed: the same seed always plans the same records. */
  seed: number;
  /** "Today" in the scenario: nothing happens after this date. */
  as_of: string;
  cohorts: VictimCohort[];
  referrals: Record<number, ReferralYear>;
  criminal_justice: CriminalJustice;
  /**
   * Victims in a programme of profile victims_in_proceedings.programmes, by year and programme code: each
   * takes part only within that year, except witness protection, which lasts until as_of (plan-victims-in-proceedings.ts).
   */
  witness_programmes?: Record<number, Record<string, number>>;
  /** Stages, closures, cooperation and at-risk limitations of the criminal cases (plan-proceedings.ts). */
  proceedings?: ProceedingsScenario;
  /** Court orders, payments, renounced claims, advance payments and exchange rates (plan-compensation.ts). */
  compensation?: CompensationScenario;
}

const TIP_CONVERSIONS = 'US State Department TIP report 2024 conversions (Romania narrative)';
const S = 'sexual_exploitation';
const L = 'labour_exploitation';
const O = 'other_exploitation';
const U = 'unspecified';

/** The Romania scenario. */
export const ROMANIA_SCENARIO: DemoScenario = {
  profile: 'romania',
  seed: 20231231,
  as_of: '2026-10-31',
  cohorts: [
    // 2022 (published: 492 identified, 2 foreign citizens).
    {
      status: 'identified',
      year: 2022,
      groups: {
        [S]: {
          children: { female: 145, male: 15 },
          adults: { female: 175, male: 10 },
          romanian_places: { romania_only: 230, romania_and_western_europe: 20, western_europe_only: 90, elsewhere: 4 },
          foreign: [{ citizenship: 'UA', sex: 'female', child: false, count: 1, context: 'refugee from Ukraine' }],
        },
        [L]: {
          children: { female: 5, male: 10 },
          adults: { female: 15, male: 32 },
          romanian_places: { romania_only: 30, romania_and_western_europe: 4, western_europe_only: 25, elsewhere: 2 },
          foreign: [{ citizenship: 'MD', sex: 'male', child: false, count: 1, context: 'seasonal worker from Moldova' }],
        },
        [U]: {
          children: { female: 32, male: 28 },
          adults: { female: 15, male: 10 },
          romanian_places: { romania_only: 60, romania_and_western_europe: 4, western_europe_only: 15, elsewhere: 6 },
        },
      },
    },
    {
      status: 'not_a_victim',
      year: 2022,
      referred: 2,
      groups: { [U]: { children: { female: 1, male: 0 }, adults: { female: 3, male: 2 } } },
    },
    // 2023 (published: 428 identified: 279 sexual, 50 labour, 99 unspecified; 218 children,
    // 139 girls in sexual exploitation; 5 foreign, 2 of them Ukrainian refugees in labour
    // exploitation; Romanians: 320 exploited in Romania, 123 in Western Europe; 60% of
    // labour cases in Romania).
    {
      status: 'identified',
      year: 2023,
      referred_in_previous_year: 15,
      groups: {
        [S]: {
          children: { female: 139, male: 11 },
          adults: { female: 120, male: 9 },
          romanian_places: { romania_only: 190, romania_and_western_europe: 20, western_europe_only: 63, elsewhere: 4 },
          foreign: [
            { citizenship: 'MD', sex: 'female', child: false, count: 1, context: 'citizen of Moldova' },
            { citizenship: 'CM', sex: 'female', child: false, count: 1, context: 'migrant from Cameroon' },
          ],
        },
        [L]: {
          children: { female: 4, male: 8 },
          adults: { female: 14, male: 24 },
          romanian_places: { romania_only: 24, romania_and_western_europe: 3, western_europe_only: 18, elsewhere: 2 },
          foreign: [
            { citizenship: 'UA', sex: 'female', child: false, count: 1, context: 'refugee from Ukraine' },
            { citizenship: 'UA', sex: 'male', child: false, count: 1, context: 'refugee from Ukraine' },
            { citizenship: 'VN', sex: 'male', child: false, count: 1, context: 'migrant construction worker from Viet Nam' },
          ],
        },
        [U]: {
          children: { female: 30, male: 26 },
          adults: { female: 25, male: 18 },
          romanian_places: { romania_only: 78, romania_and_western_europe: 5, western_europe_only: 14, elsewhere: 2 },
        },
      },
    },
    {
      status: 'not_a_victim',
      year: 2023,
      referred: 4,
      groups: {
        [L]: { children: { female: 0, male: 0 }, adults: { female: 1, male: 4 } },
        [U]: { children: { female: 2, male: 0 }, adults: { female: 2, male: 0 } },
      },
    },
    // 2024-2026: synthetic live caseload.
    {
      status: 'identified',
      year: 2024,
      referred_in_previous_year: 8,
      groups: {
        [S]: { children: { female: 120, male: 8 }, adults: { female: 105, male: 7 } },
        [L]: {
          children: { female: 5, male: 10 },
          adults: { female: 20, male: 45 },
          foreign: [
            { citizenship: 'UA', sex: 'female', child: false, count: 1, context: 'refugee from Ukraine' },
            { citizenship: 'NP', sex: 'male', child: false, count: 2, context: 'migrant worker from Nepal' },
            { citizenship: 'LK', sex: 'male', child: false, count: 1, context: 'migrant worker from Sri Lanka' },
          ],
        },
        [O]: { children: { female: 6, male: 0 }, adults: { female: 0, male: 0 } },
        [U]: { children: { female: 25, male: 20 }, adults: { female: 22, male: 15 } },
      },
    },
    {
      status: 'not_a_victim',
      year: 2024,
      referred: 3,
      groups: { [U]: { children: { female: 1, male: 1 }, adults: { female: 3, male: 3 } } },
    },
    {
      status: 'presumed',
      year: 2024,
      referred: 4,
      groups: {
        [S]: { children: { female: 0, male: 0 }, adults: { female: 4, male: 0 } },
        [L]: { children: { female: 0, male: 0 }, adults: { female: 0, male: 2 } },
      },
    },
    {
      status: 'identified',
      year: 2025,
      referred_in_previous_year: 10,
      groups: {
        [S]: { children: { female: 115, male: 9 }, adults: { female: 100, male: 8 } },
        [L]: {
          children: { female: 4, male: 9 },
          adults: { female: 22, male: 50 },
          foreign: [
            { citizenship: 'UA', sex: 'male', child: false, count: 1, context: 'refugee from Ukraine' },
            { citizenship: 'VN', sex: 'male', child: false, count: 2, context: 'migrant construction worker from Viet Nam' },
            { citizenship: 'BD', sex: 'male', child: false, count: 2, context: 'migrant worker from Bangladesh' },
          ],
        },
        [O]: { children: { female: 5, male: 0 }, adults: { female: 0, male: 0 } },
        [U]: { children: { female: 22, male: 18 }, adults: { female: 20, male: 12 } },
      },
    },
    {
      status: 'not_a_victim',
      year: 2025,
      referred: 2,
      groups: { [U]: { children: { female: 0, male: 1 }, adults: { female: 3, male: 3 } } },
    },
    {
      status: 'presumed',
      year: 2025,
      referred: 30,
      groups: {
        [S]: { children: { female: 10, male: 1 }, adults: { female: 14, male: 1 } },
        [L]: { children: { female: 0, male: 2 }, adults: { female: 2, male: 8 } },
        [U]: { children: { female: 1, male: 0 }, adults: { female: 1, male: 0 } },
      },
    },
    { status: 'potential', year: 2025, groups: { [U]: { children: { female: 3, male: 2 }, adults: { female: 4, male: 3 } } } },
    {
      status: 'identified',
      year: 2026,
      referred_in_previous_year: 12,
      groups: {
        [S]: { children: { female: 90, male: 6 }, adults: { female: 80, male: 6 } },
        [L]: {
          children: { female: 3, male: 7 },
          adults: { female: 15, male: 40 },
          foreign: [
            { citizenship: 'UA', sex: 'female', child: false, count: 1, context: 'refugee from Ukraine' },
            { citizenship: 'PH', sex: 'male', child: false, count: 2, context: 'migrant worker from the Philippines' },
          ],
        },
        [O]: { children: { female: 3, male: 0 }, adults: { female: 0, male: 0 } },
        [U]: { children: { female: 15, male: 12 }, adults: { female: 14, male: 9 } },
      },
    },
    {
      status: 'not_a_victim',
      year: 2026,
      referred: 1,
      groups: { [U]: { children: { female: 0, male: 0 }, adults: { female: 2, male: 2 } } },
    },
    {
      status: 'presumed',
      year: 2026,
      referred: 45,
      groups: {
        [S]: { children: { female: 20, male: 2 }, adults: { female: 16, male: 2 } },
        [L]: { children: { female: 1, male: 1 }, adults: { female: 3, male: 7 } },
        [U]: { children: { female: 2, male: 0 }, adults: { female: 1, male: 0 } },
      },
    },
    {
      status: 'potential',
      year: 2026,
      groups: {
        [S]: { children: { female: 8, male: 0 }, adults: { female: 6, male: 0 } },
        [L]: { children: { female: 0, male: 1 }, adults: { female: 1, male: 5 } },
        [U]: { children: { female: 5, male: 3 }, adults: { female: 4, male: 2 } },
      },
    },
  ],
  referrals: {
    2022: { persons: 227, ngo_assisted: 180 }, // published: 227 referred; 180 assisted by NGOs (0.37 of 492)
    2023: { persons: 274, ngo_assisted: 185 }, // published: 274 referred; NGO-assisted not published (synthetic)
    2024: { persons: 265, ngo_assisted: 170 }, // synthetic
    2025: { persons: 280, ngo_assisted: 175 }, // synthetic
    2026: { persons: 235, ngo_assisted: 140 }, // synthetic, to the as_of date
  },
  criminal_justice: {
    cases_opened: {
      2022: { [S]: 360, [L]: 62, [U]: 36 }, // published total 458 (split synthetic)
      2023: { [S]: 427, [L]: 75, [U]: 36 }, // published: 538 (427, 75, 36)
      2024: { [S]: 410, [L]: 85, [U]: 32 }, // synthetic
      2025: { [S]: 395, [L]: 88, [U]: 30 }, // synthetic
      2026: { [S]: 300, [L]: 70, [U]: 22 }, // synthetic, to the as_of date
    },
    suspects_prosecuted: {
      2022: { [S]: 230, [L]: 45, [U]: 32 }, // published total 307 (split synthetic)
      2023: { [S]: 210, [L]: 41, [U]: 39 }, // published: 290 (210, 41, 39)
      2024: { [S]: 225, [L]: 52, [U]: 30 },
      2025: { [S]: 215, [L]: 50, [U]: 28 },
      2026: { [S]: 160, [L]: 38, [U]: 20 },
    },
    traffickers_convicted: {
      2022: { [S]: 118, [L]: 16, [U]: 4 }, // published total 138 (split synthetic)
      2023: { [S]: 143, [L]: 17, [U]: 2 }, // published: 162 (143, 17, 2)
      2024: { [S]: 150, [L]: 14, [U]: 5 },
      2025: { [S]: 140, [L]: 16, [U]: 5 },
      2026: { [S]: 105, [L]: 12, [U]: 3 },
    },
    conviction_lag_weights: [0.1, 0.35, 0.35, 0.2],
    indictment_lag_weights: [0.35, 0.45, 0.2],
    acquittal_share: 0.2,
    // Published: "2 years 4 months to 23 years 6 months" for most convicted traffickers in 2023.
    sentence_range_months: {
      2022: { min: 30, max: 240 },
      2023: { min: 28, max: 282 },
      2024: { min: 30, max: 252 },
      2025: { min: 28, max: 216 },
      2026: { min: 32, max: 198 },
    },
    suspended_sentences: { 2022: 1, 2023: 2, 2024: 2, 2025: 1, 2026: 1 },
    pimping_cases_per_year: { 2022: 6, 2023: 8, 2024: 7, 2025: 6, 2026: 4 },
    special_groups: [
      // Published: "DIICOT prosecuted 21 public state-employees, including officials of a
      // county-level directorate for social assistance and child protection" (forced labour
      // of persons with disabilities in residential centres), within the 25 of 2023.
      {
        label: 'residential centre officials',
        category: L,
        forms: ['labour', 'domestic_servitude'],
        articles: ['210'],
        opened: 2022,
        prosecuted: 2023,
        verdict: null,
        count: 21,
        state_employee: true,
        role: 'exploiter',
        occupation: 'official of a residential centre for persons with disabilities',
      },
      {
        label: 'police officers',
        category: S,
        forms: ['sexual'],
        articles: ['210'],
        opened: 2023,
        prosecuted: null,
        verdict: null,
        count: 2,
        state_employee: true,
        role: 'facilitator',
        occupation: 'police officer',
      },
      {
        label: 'border police officer',
        category: S,
        forms: ['sexual'],
        articles: ['210'],
        opened: 2023,
        prosecuted: 2023,
        verdict: null,
        count: 1,
        state_employee: true,
        role: 'transporter',
        occupation: 'border police officer',
      },
      {
        label: 'child protection employee',
        category: S,
        forms: ['sexual'],
        articles: ['211'],
        opened: 2023,
        prosecuted: 2024,
        verdict: null,
        count: 1,
        state_employee: true,
        role: 'recruiter',
        occupation: 'employee of a county child protection directorate',
      },
      // Published: "Courts convicted a teacher for child sex trafficking and issued a 10-year prison sentence."
      {
        label: 'teacher',
        category: S,
        forms: ['sexual'],
        articles: ['211'],
        opened: 2021,
        prosecuted: 2022,
        verdict: { year: 2023, outcome: 'convicted', sentence_months: 120 },
        count: 1,
        state_employee: true,
        role: 'exploiter',
        occupation: 'teacher',
      },
      {
        label: 'local police officer',
        category: S,
        forms: ['sexual'],
        articles: ['210', '211'],
        opened: 2025,
        prosecuted: 2026,
        verdict: null,
        count: 1,
        state_employee: true,
        role: 'facilitator',
        occupation: 'local police officer',
      },
    ],
  },
  witness_programmes: {
    // Published: "In 2023, authorities included 322 trafficking victims, who participated in criminal proceedings, in the victim
    // witness coordination program [...] and included two victims in a witness protection program."
    2023: { victim_witness_coordination: 322, witness_protection: 2 },
    2024: { victim_witness_coordination: 290 }, // synthetic
  },
  proceedings: {
    // Published: "authorities concluded seven joint investigation teams (JITs)" in 2023; the other years are synthetic.
    joint_investigation_teams_concluded: { 2022: 5, 2023: 7, 2024: 6, 2025: 4 },
    // Synthetic: the narrative reports hundreds of cases dismissed as time-barred from October 2022, without a number.
    limitation_closures: { 2022: 14, 2023: 9, 2024: 6, 2025: 3 },
    evidence_closures: { 2022: 20, 2023: 25, 2024: 22, 2025: 18 },
    // Open pre-2021 cases whose limitation falls 18, 47 and 83 days after as_of: the at-risk dashboard lists them.
    at_risk_limitation_days: [18, 47, 83],
    organised_crime_group_share: 0.2, // published 2023: "about 20 percent" of cases involved organised crime groups
  },
  compensation: {
    court_orders: {
      // Published: "Throughout 2023, courts ordered compensation to 136 victims, totaling 1.1 million RON ($244,500), €1.5 million
      // ($1.66 million), and £5,000 ($6,400) for moral damages and 36,640 RON ($8,140), €316,598 ($349,800), and $31,300 for material
      // damages." How many victims got each currency is not published (synthetic), nor how many were paid: "few of the 136 victims
      // received court-ordered compensation" (9, synthetic).
      2023: {
        victims: 136,
        orders: [
          { damage_type: 'moral', currency: 'RON', victims: 95, total: 1_100_000 },
          { damage_type: 'moral', currency: 'EUR', victims: 40, total: 1_500_000 },
          { damage_type: 'moral', currency: 'GBP', victims: 1, total: 5_000 },
          { damage_type: 'material', currency: 'RON', victims: 12, total: 36_640 },
          { damage_type: 'material', currency: 'EUR', victims: 20, total: 316_598 },
          { damage_type: 'material', currency: 'USD', victims: 2, total: 31_300 },
        ],
        victims_paid: 9,
      },
    },
    // Synthetic: the narrative says victims "could unknowingly renounce compensation claims during proceedings", without a number.
    renounced_claims: { 2023: { count: 14, uninformed: 10 } },
    // Synthetic: advances within the 2023 cap of 15,000 RON (profile services.financial_schemes).
    advance_payments: { 2023: 6 },
    // Rates implied by the narrative's own conversions, one per currency so that each order converts at one rate: RON from
    // $244,500 for 1,100,000 RON (material: 36,640 RON gives $8,144.07, published rounded as $8,140); EUR from $349,800 for
    // €316,598 (moral: €1.5 million gives $1,657,306.74, published as $1.66 million); GBP from $6,400 for £5,000.
    exchange_rates: [
      {
        currency: 'RON',
        reporting_currency: 'USD',
        rate: '0.2222727273',
        valid_on: '2023-01-01',
        source: `${TIP_CONVERSIONS}: $244,500 for 1,100,000 RON`,
      },
      {
        currency: 'EUR',
        reporting_currency: 'USD',
        rate: '1.1048711615',
        valid_on: '2023-01-01',
        source: `${TIP_CONVERSIONS}: $349,800 for €316,598`,
      },
      { currency: 'GBP', reporting_currency: 'USD', rate: '1.28', valid_on: '2023-01-01', source: `${TIP_CONVERSIONS}: $6,400 for £5,000` },
    ],
  },
};
