import {
  evaluateScreeningRecord,
  formsOfCategory,
  shippedInstrument,
  type Answer,
  type JurisdictionProfile,
  type ScreeningOutcome,
  type ScreeningResult,
  type ScreeningSubject,
} from '@opennrm/domain';
import { ageOn, dateBetween, yearOf } from './calendar.ts';
import type { PlannedScreening, PlannedVictim } from './demo-plan.ts';
import type { SeededRandom } from './random.ts';

/**
 * Synthetic screenings of the Romania demo (issue 4 point 7), for the years
 * whose published figures the demo reproduces. Screening is not published
 * for Romania; these numbers are invented to be plausible, not facts:
 *
 * - a victim whose case the demo opens in the year, exploited in labour
 *   (or of unknown form), was screened on the day the case was opened, by the
 *   organisation that first responded, in the context its kind works in, with
 *   a `screened_share` chance (2024 TIP report, Romania: identification stays
 *   reactive, so many cases start with no screening at all);
 * - `others` screenings found no victim (most no indicators; a few potential
 *   victims who went no further), spread over the contexts.
 *
 * Victims of sexual exploitation are never screened here: the ILO/EC sexual
 * exploitation lists are not transcribed yet, and the evaluator refuses them
 * rather than answer "no indicators" (docs/screening.md). The demo's
 * `commercial_sex` context stays at 0, as it was in Romania (the narrative:
 * no proactive screening of people in commercial sex).
 */
export const DEMO_SCREENING_YEARS: Record<number, { screened_share: number; others: number }> = {
  2022: { screened_share: 0.55, others: 240 },
  2023: { screened_share: 0.65, others: 310 },
};

/** The context a first responder of each institution kind screens in (profile screening_contexts). */
const CONTEXT_OF_KIND: Record<string, string> = {
  labour_inspection: 'labour_inspection',
  border_police: 'border',
  immigration: 'asylum_centre',
  police: 'police_operation',
  prosecution: 'police_operation',
  coordinator: 'hotline',
  education: 'school',
  ngo: 'health_service',
};

/** Where screenings that found no victim happened, weighted (refugee reception: the 2022 arrivals from Ukraine). */
const OTHER_CONTEXTS: readonly (readonly [string, number, string])[] = [
  ['border', 20, 'IGPF'],
  ['refugee_reception', 16, 'IGI'],
  ['labour_inspection', 22, 'ITM'],
  ['police_operation', 14, 'IGPR'],
  ['hotline', 8, 'ANITP'],
  ['asylum_centre', 3, 'IGI'],
  ['school', 5, 'MEdu'],
  ['residential_institution', 6, 'DGASPC'],
  ['health_service', 6, 'DGASPC'],
];

const RECRUITMENT = ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'];
const DESTINATION = ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'];
const ACT_QUESTION = 'act.recruited_moved_or_received';

/**
 * Plans the demo's screenings: one for each screened victim (linked to the
 * victim's case, which was opened from it) and the screenings that found no
 * victim. Every plan's answers are evaluated with the profile's instrument
 * and must give the outcome the plan wanted.
 *
 * @throws Error when an evaluation does not give the planned outcome (the
 *   instrument changed under the planner) or a context is not in the profile.
 */
export function planScreenings(profile: JurisdictionProfile, victims: readonly PlannedVictim[], random: SeededRandom): PlannedScreening[] {
  const instrument = shippedInstrument(profile.screening_instrument);
  const contexts = new Set(profile.screening_contexts.map((c) => c.code));
  const kinds = new Map(profile.institutions.map((i) => [i.code, i.kind]));
  const labourForms = new Set<string>(formsOfCategory(profile, 'labour_exploitation'));
  const screenings: PlannedScreening[] = [];

  victims.forEach((v, index) => {
    const year = yearOf(v.potential_on);
    const settings = DEMO_SCREENING_YEARS[year];
    if (!settings) return;
    const screenable = v.forms.length === 0 || v.forms.every((f) => labourForms.has(f));
    if (!screenable || !random.chance(settings.screened_share)) return;
    const ukrainian = v.person.citizenships.includes('UA');
    const kind = kinds.get(v.identifying_organisation) ?? 'ngo';
    const context = ukrainian
      ? 'refugee_reception'
      : kind === 'child_protection'
        ? random.pick(['residential_institution', 'school'])
        : (CONTEXT_OF_KIND[kind] ?? 'police_operation');
    const dob = v.person.identity.date_of_birth ?? `${v.person.birth_year}-07-01`;
    const subject: ScreeningSubject = {
      age_years: ageOn(dob, v.potential_on),
      sex: v.person.sex,
      citizenships: v.person.citizenships,
    };
    // The case opened at "presumed" the same day when the screening found a presumed victim.
    const target: ScreeningOutcome = v.presumed_on === v.potential_on ? 'presumed_victim' : 'potential_victim';
    screenings.push(
      screening(v.potential_on, romanianRegion(v) ?? v.person.home_region, context, v.identifying_organisation, subject, target, index),
    );
  });

  for (const [yearText, settings] of Object.entries(DEMO_SCREENING_YEARS)) {
    const year = Number(yearText);
    for (let n = 0; n < settings.others; n++) {
      const [context, , organisation] = random.weighted(OTHER_CONTEXTS.map((c) => [c, c[1]] as const));
      const day = dateBetween(random, `${year}-01-05`, `${year}-12-20`);
      const refugee = context === 'refugee_reception' || (context === 'border' && random.chance(0.4));
      const child = context === 'school' || context === 'residential_institution' || random.chance(0.12);
      const county = random.pick(profile.regions).code;
      const subject: ScreeningSubject = {
        age_years: child ? random.int(10, 17) : random.int(18, 58),
        sex: random.chance(0.55) ? 'female' : 'male',
        citizenships: refugee ? ['UA'] : random.chance(0.9) ? ['RO'] : [random.pick(['MD', 'LK', 'NP', 'VN', 'BD'])],
      };
      const at = organisation === 'DGASPC' ? `DGASPC-${county.slice(3)}` : organisation;
      screenings.push(screening(day, county, context, at, subject, random.chance(0.15) ? 'potential_victim' : 'no_indicators', null));
    }
  }
  return screenings;

  function screening(
    day: string,
    county: string,
    context: string,
    organisation: string,
    subject: ScreeningSubject,
    target: ScreeningOutcome,
    victim: number | null,
  ): PlannedScreening {
    if (!contexts.has(context)) throw new Error(`demo: screening context "${context}" is not in profile "${profile.code}"`);
    const record = { subject, exploitation: 'labour' as const, answers: {} as Record<string, Answer> };
    const child = (subject.age_years ?? 0) < profile.child_age_years;
    const set = instrument.sets.find((s) => s.code === (child ? 'child_labour' : 'adult_labour'))!;
    const yes = (dimension: string, count: number) => {
      const strongOrMedium = set.indicators.filter((i) => i.dimension === dimension && i.grade !== 'weak');
      for (const indicator of random.sample(strongOrMedium, Math.min(count, strongOrMedium.length))) record.answers[indicator.id] = 'yes';
    };
    if (target === 'no_indicators') {
      const medium = set.indicators.filter((i) => i.grade === 'medium');
      record.answers[random.pick(medium).id] = 'yes';
    } else {
      // Any three strong or medium indicators of a dimension meet one of the ILO thresholds.
      yes('exploitative_conditions', 3);
      if (target === 'presumed_victim') {
        if (child) record.answers[ACT_QUESTION] = 'yes';
        else {
          yes(random.pick(RECRUITMENT), 3);
          yes(random.pick(DESTINATION), 3);
        }
      } else record.answers[ACT_QUESTION] = 'unknown';
    }
    // The questions asked and answered no, and a few the person could not answer.
    for (const indicator of random.sample(set.indicators, 12)) record.answers[indicator.id] ??= random.chance(0.85) ? 'no' : 'unknown';
    const evaluation: ScreeningResult = evaluateScreeningRecord(instrument, record, profile.child_age_years);
    // Unknown answers stay unknown: they must not be what made the outcome.
    if (evaluation.outcome !== target) {
      throw new Error(`demo planner: screening answers give ${evaluation.outcome}, the plan wanted ${target} (instrument changed?)`);
    }
    const minute = random.int(8 * 60, 17 * 60);
    const recorded_at = `${day}T${String(Math.floor(minute / 60) - 2).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
    return { victim, recorded_at, county, context, organisation, subject, exploitation: 'labour', answers: record.answers, evaluation };
  }
}

/** The victim's first county of exploitation in the profile's country, if any. */
function romanianRegion(v: PlannedVictim): string | undefined {
  return v.regions_of_exploitation.find((r) => r.startsWith('RO-'));
}
