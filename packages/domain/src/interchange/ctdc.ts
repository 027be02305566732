/**
 * The CTDC global dataset format (Counter-Trafficking Data Collaborative, IOM):
 * one CSV row per victim registration, columns per the CTDC codebook
 * ("CTDC global dataset codebook", April 2020 release,
 * https://www.ctdatacollaborative.org/page/ctdc-global-dataset-codebook).
 *
 * This module maps one row to the part of the NRM record that CTDC carries
 * (a person and an identified victim case) and validates it strictly. It does
 * no I/O: the server streams the file, this decides what each row means.
 *
 * Codebook rules applied here:
 * - a column missing from the header is unknown for every row;
 * - `-99` (the codebook's "unknown"), an empty field and, in the country
 *   columns, `0` (how the k-anonymised 2020 release blanks small countries)
 *   are unknown;
 * - exploitation and means-of-control flags are 1 (yes), 0 (no) or unknown;
 * - `citizenship` and `CountryOfExploitation` are assigned ISO 3166-1 alpha-2
 *   codes (isCountryCode): "ZZ" or "XK" is an error, not a country.
 */
import { countsAsChild, parseAgeBand } from '../victims/age.ts';
import { quoteValue } from './quote-value.ts';
import { reportingYear } from '../victims/reporting-year.ts';
import { isCountryCode } from '../victims/victim-case-rules.ts';
import type { FormOfExploitation, LabourSector, MeansOfControl, RecruiterRelationship, RecruitmentMethod, Sex } from '../nrm/codes.ts';

/** A problem with one field of one row: the column as named in the header and why. */
export interface FieldProblem {
  column: string;
  reason: string;
}

/** What one CTDC row becomes: fields of `person` and `victim_case` (database names). */
export interface CtdcVictim {
  /** person.sex, from `gender`. */
  sex: Sex;
  /** person.citizenships, ISO 3166-1 alpha-2, from `citizenship`; [] when unknown. */
  citizenships: string[];
  /** victim_case.registration_year, from `yearOfRegistration`; null when unknown. */
  registration_year: number | null;
  /** victim_case.reporting_year: the registration year (CTDC carries no identification date). */
  reporting_year: number | null;
  /** Forms of exploitation from the `is*` flags and the `typeOfLabour*` refinements. */
  forms: FormOfExploitation[];
  /** Labour sector when exactly one `typeOfLabour*` sector is flagged, else null. */
  sector: string | null;
  /** ISO 3166-1 alpha-2 from `CountryOfExploitation`; [] when unknown. */
  countries_of_exploitation: string[];
  /** `ageBroad` as written (e.g. "9--17"), or null when unknown. */
  age_band: string | null;
  /** Child at the start of exploitation (counting rule in countsAsChild), or null. */
  is_child: boolean | null;
  recruitment_methods: RecruitmentMethod[];
  recruiter_relationship: RecruiterRelationship | null;
  means_of_control: MeansOfControl[];
}

/** Either the mapped row or every problem found in it. */
export type CtdcRowResult = { ok: true; victim: CtdcVictim } | { ok: false; problems: FieldProblem[] };

/** Exploitation flags (codebook "Type of exploitation") and the form each one means. */
const FORM_FLAGS: Record<string, FormOfExploitation[]> = {
  isSexualExploit: ['sexual'],
  isForcedLabour: ['labour'],
  isSexAndLabour: ['sexual', 'labour'],
  isOtherExploit: ['other'],
  isForcedMarriage: ['forced_marriage'],
  isOrganRemoval: ['organ_removal'],
  // No NRM code of their own: forced military service and "slavery and
  // practices similar to slavery" (Palermo art. 3(a)) count as other forms.
  isForcedMilitary: ['other'],
  isSlaveryAndPractices: ['other'],
};

/**
 * Labour sectors (codebook "Type of labour"). Begging, domestic work and
 * illicit activities are also forms in their own right (ILO Forced Labour
 * Convention 1930, art. 2; the profile's report categories count them as labour).
 */
const LABOUR_TYPES: Record<string, { sector: LabourSector; form?: FormOfExploitation }> = {
  typeOfLabourAgriculture: { sector: 'agriculture' },
  typeOfLabourAquafarming: { sector: 'aquafarming' },
  typeOfLabourBegging: { sector: 'begging', form: 'forced_begging' },
  typeOfLabourConstruction: { sector: 'construction' },
  typeOfLabourDomesticWork: { sector: 'domestic_work', form: 'domestic_servitude' },
  typeOfLabourHospitality: { sector: 'hospitality' },
  typeOfLabourIllicitActivities: { sector: 'illicit_activities', form: 'forced_criminality' },
  typeOfLabourManufacturing: { sector: 'manufacturing' },
  typeOfLabourMiningOrDrilling: { sector: 'mining_or_drilling' },
  typeOfLabourPeddling: { sector: 'peddling' },
  typeOfLabourTransportation: { sector: 'transportation' },
  typeOfLabourOther: { sector: 'other' },
};

/** Flags validated but with no field of their own in the NRM record v1. */
const CHECKED_ONLY_FLAGS = [
  'typeOfLabourNotSpecified',
  'typeOfSexProstitution',
  'typeOfSexPornography',
  'typeOfSexRemoteInteractiveServices',
  'typeOfSexPrivateSexualServices',
  'typeOfSexConcatenated',
  'meansOfControlNotSpecified',
] as const;

/** Means of control (codebook "Means of control"); our codes follow the codebook's names. */
const MEANS_FLAGS: Record<string, MeansOfControl> = {
  meansOfControlDebtBondage: 'debt_bondage',
  meansOfControlTakesEarnings: 'takes_earnings',
  meansOfControlRestrictsFinancialAccess: 'restricts_financial_access',
  meansOfControlThreats: 'threats',
  meansOfControlPsychologicalAbuse: 'psychological_abuse',
  meansOfControlPhysicalAbuse: 'physical_abuse',
  meansOfControlSexualAbuse: 'sexual_abuse',
  meansOfControlFalsePromises: 'false_promises',
  meansOfControlPsychoactiveSubstances: 'psychoactive_substances',
  meansOfControlRestrictsMovement: 'restricts_movement',
  meansOfControlRestrictsMedicalCare: 'restricts_medical_care',
  meansOfControlExcessiveWorkingHours: 'excessive_working_hours',
  meansOfControlUsesChildren: 'uses_children',
  meansOfControlThreatOfLawEnforcement: 'threat_of_law_enforcement',
  meansOfControlWithholdsNecessities: 'withholds_necessities',
  meansOfControlWithholdsDocuments: 'withholds_documents',
  meansOfControlOther: 'other',
};

/** Recruiter relationship flags (codebook "Recruiter relationship"). */
const RECRUITER_FLAGS: Record<string, RecruiterRelationship> = {
  recruiterRelationIntimatePartner: 'intimate_partner',
  recruiterRelationFriend: 'friend',
  recruiterRelationFamily: 'family',
  recruiterRelationOther: 'other',
  recruiterRelationUnknown: 'unknown',
};

const VALUE_COLUMNS = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'citizenship',
  'CountryOfExploitation',
  'isAbduction',
] as const;

/** Every column of the CTDC codebook that OpenNRM reads; other columns are ignored. */
export const CTDC_COLUMNS: readonly string[] = [
  ...VALUE_COLUMNS,
  ...Object.keys(FORM_FLAGS),
  ...Object.keys(LABOUR_TYPES),
  ...CHECKED_ONLY_FLAGS,
  ...Object.keys(MEANS_FLAGS),
  ...Object.keys(RECRUITER_FLAGS),
];

/** Earliest registration year accepted: CTDC's data start in 2002; earlier years are typos. */
export const CTDC_MIN_YEAR = 1990;

const UNKNOWN = new Set(['', '-99']);
const GENDERS: Record<string, Sex> = {
  female: 'female',
  male: 'male',
  transgender: 'other',
  'transgender/other': 'other',
  'transgender/nonconforming': 'other',
  other: 'other',
  unknown: 'unknown',
};
const YEAR = /^\d{4}$/;
/**
 * Oldest age an `ageBroad` band may name, years: no person documented has lived past 122, so a band such as
 * "200--300" is a data error, not an old victim (the codebook gives no upper bound; this is OpenNRM's).
 */
const MAX_AGE_YEARS = 120;

/** How to read rows of one file: built once from its header. */
export interface CtdcRowMapper {
  /** Header columns that OpenNRM does not read (reported, not an error). */
  readonly ignoredColumns: string[];
  /** Codebook columns the header lacks: unknown for every row. */
  readonly missingColumns: string[];
  /**
   * Maps one row's fields (in header order) to a victim, or lists every
   * problem (column and reason). Never throws on bad data.
   */
  map(fields: readonly string[]): CtdcRowResult;
}

/**
 * Builds the row mapper for a CTDC file from its header row. Column names are
 * matched exactly as the codebook spells them.
 *
 * @param header the header fields, in file order.
 * @param currentYear the latest registration year accepted (the current year).
 * @throws Error when a column appears twice or the header names no codebook column at all.
 */
export function ctdcRowMapper(header: readonly string[], currentYear: number): CtdcRowMapper {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const column = name.trim();
    if (index.has(column)) throw new Error(`CTDC header names column ${quoteValue(column)} twice`);
    index.set(column, i);
  });
  const known = new Set(CTDC_COLUMNS);
  if (!header.some((c) => known.has(c.trim()))) {
    throw new Error(`not a CTDC file: the header names none of the codebook columns (${CTDC_COLUMNS.slice(0, 4).join(', ')}, ...)`);
  }
  const at = (column: string) => index.get(column) ?? -1;
  const flagColumns = (table: Record<string, unknown>) =>
    Object.keys(table)
      .map((column) => ({ column, i: at(column) }))
      .filter((c) => c.i >= 0);
  const forms = flagColumns(FORM_FLAGS).map((c) => ({ ...c, forms: FORM_FLAGS[c.column]! }));
  const labour = flagColumns(LABOUR_TYPES).map((c) => ({ ...c, type: LABOUR_TYPES[c.column]! }));
  const means = flagColumns(MEANS_FLAGS).map((c) => ({ ...c, code: MEANS_FLAGS[c.column]! }));
  const recruiters = flagColumns(RECRUITER_FLAGS).map((c) => ({ ...c, code: RECRUITER_FLAGS[c.column]! }));
  const checked = CHECKED_ONLY_FLAGS.map((column) => ({ column, i: at(column) })).filter((c) => c.i >= 0);
  const abduction = at('isAbduction');
  const col = {
    year: at('yearOfRegistration'),
    gender: at('gender'),
    age: at('ageBroad'),
    majority: at('majorityStatus'),
    majorityAtExploit: at('majorityStatusAtExploit'),
    citizenship: at('citizenship'),
    exploitedIn: at('CountryOfExploitation'),
  };
  const bands = new Map<string, { band: string | null; problem?: string }>();

  function readBand(text: string): { band: string | null; problem?: string } {
    let cached = bands.get(text);
    if (!cached) {
      const trimmed = text.trim();
      if (UNKNOWN.has(trimmed) || trimmed.toLowerCase() === 'unknown') cached = { band: null };
      else {
        try {
          const band = parseAgeBand(trimmed);
          if (!band) cached = { band: null, problem: `${quoteValue(text)} is not an age band such as 9--17 or 48+` };
          else if (band.min > MAX_AGE_YEARS || (band.max ?? 0) > MAX_AGE_YEARS)
            cached = { band: null, problem: `${quoteValue(text)} is not an age band: ages go up to ${MAX_AGE_YEARS} years` };
          else cached = { band: trimmed };
        } catch {
          cached = { band: null, problem: `${quoteValue(text)} is not an age band: it ends before it starts` };
        }
      }
      bands.set(text, cached);
    }
    return cached;
  }

  return {
    ignoredColumns: header.map((c) => c.trim()).filter((c) => !known.has(c)),
    missingColumns: CTDC_COLUMNS.filter((c) => !index.has(c)),
    map(fields) {
      const problems: FieldProblem[] = [];
      const field = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
      const flag = (column: string, i: number): boolean | null => {
        const v = field(i);
        if (v === '1') return true;
        if (v === '0') return false;
        if (UNKNOWN.has(v)) return null;
        problems.push({ column, reason: `${quoteValue(v)} is not a flag: expected 1, 0, -99 or empty` });
        return null;
      };
      const country = (column: string, i: number): string[] => {
        const v = field(i);
        if (UNKNOWN.has(v) || v === '0') return [];
        if (isCountryCode(v)) return [v];
        problems.push({ column, reason: `${quoteValue(v)} is not an ISO 3166-1 alpha-2 country code` });
        return [];
      };
      const majority = (column: string, i: number): boolean | null => {
        const v = field(i).toLowerCase();
        if (v === 'minor') return true;
        if (v === 'adult') return false;
        if (UNKNOWN.has(v) || v === 'unknown') return null;
        problems.push({ column, reason: `${quoteValue(field(i))} is not Minor, Adult or -99` });
        return null;
      };

      let registrationYear: number | null = null;
      const yearText = field(col.year);
      if (!UNKNOWN.has(yearText)) {
        const year = Number(yearText);
        if (!YEAR.test(yearText) || year < CTDC_MIN_YEAR || year > currentYear) {
          problems.push({
            column: 'yearOfRegistration',
            reason: `${quoteValue(yearText)} is not a year from ${CTDC_MIN_YEAR} to ${currentYear}`,
          });
        } else registrationYear = year;
      }

      let sex: Sex = 'unknown';
      const genderText = field(col.gender);
      if (!UNKNOWN.has(genderText)) {
        const mapped = GENDERS[genderText.toLowerCase()];
        if (mapped) sex = mapped;
        else problems.push({ column: 'gender', reason: `${quoteValue(genderText)} is not Female, Male, Transgender/other or -99` });
      }

      const band = readBand(field(col.age));
      if (band.problem) problems.push({ column: 'ageBroad', reason: band.problem });
      const minorAtExploit = majority('majorityStatusAtExploit', col.majorityAtExploit);
      const minorAtRegistration = majority('majorityStatus', col.majority);

      const formSet = new Set<FormOfExploitation>();
      for (const f of forms) if (flag(f.column, f.i)) for (const form of f.forms) formSet.add(form);
      const sectors: string[] = [];
      for (const l of labour) {
        if (!flag(l.column, l.i)) continue;
        sectors.push(l.type.sector);
        if (l.type.form) formSet.add(l.type.form);
      }
      const meansOfControl: MeansOfControl[] = [];
      for (const m of means) if (flag(m.column, m.i)) meansOfControl.push(m.code);
      const relations: RecruiterRelationship[] = [];
      for (const r of recruiters) if (flag(r.column, r.i)) relations.push(r.code);
      for (const c of checked) flag(c.column, c.i);
      const abducted = abduction >= 0 ? flag('isAbduction', abduction) : null;

      const citizenships = country('citizenship', col.citizenship);
      const exploitedIn = country('CountryOfExploitation', col.exploitedIn);
      if (problems.length > 0) return { ok: false, problems };

      // Counting rule (countsAsChild): age at the start of exploitation first,
      // then at registration; the band is the age at registration.
      const isChild = minorAtExploit ?? countsAsChild({ age_band: band.band }) ?? minorAtRegistration;
      const known = relations.filter((r) => r !== 'unknown');
      return {
        ok: true,
        victim: {
          sex,
          citizenships,
          registration_year: registrationYear,
          reporting_year: reportingYear(null, registrationYear),
          forms: [...formSet],
          sector: sectors.length === 1 ? sectors[0]! : null,
          countries_of_exploitation: exploitedIn,
          age_band: band.band,
          is_child: isChild,
          recruitment_methods: abducted ? ['abduction'] : [],
          // Several relationships flagged at once (e.g. family and friend) have no single code: "other".
          recruiter_relationship: known.length === 1 ? known[0]! : known.length > 1 ? 'other' : relations.length > 0 ? 'unknown' : null,
          means_of_control: meansOfControl,
        },
      };
    },
  };
}
