import type { JurisdictionProfile } from '@opennrm/domain';
import { addDays, maxDate, minDate } from './calendar.ts';
import type { PlannedCriminalCase, PlannedVictim } from './demo-plan.ts';
import type { SeededRandom } from './random.ts';
import type { DemoScenario } from './romania-scenario.ts';

/** A hearing of a victim of the demo, by victim and criminal case index. */
export interface PlannedHearing {
  victim: number;
  criminal_case: number;
  status: 'held' | 'planned';
  planned_on: string | null;
  held_on: string | null;
  /** Profile code of the body hearing the victim. */
  body: string;
  body_kind: 'police' | 'prosecutor' | 'court';
  settings: string[];
  counsel_present: boolean | null;
  interpreter_language: string | null;
}

export interface PlannedCounsel {
  victim: number;
  counsel_bar: string;
  assigned_on: string;
  mandatory: boolean;
}

export interface PlannedProgramme {
  victim: number;
  programme: string;
  started_on: string;
  ended_on: string | null;
}

export interface PlannedMeasure {
  victim: number;
  measure: string;
  ordered_on: string;
  ended_on: string | null;
  /** Profile code of the ordering body. */
  ordered_by: string;
}

export interface PlannedVictimsInProceedings {
  hearings: PlannedHearing[];
  legal_counsel: PlannedCounsel[];
  programmes: PlannedProgramme[];
  protection_measures: PlannedMeasure[];
}

/** Held hearings per victim heard: most once, some three times or more (the re-hearing the narrative reports). Synthetic. */
const HEARINGS_PER_VICTIM: readonly (readonly [number, number])[] = [
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 7],
  [5, 3],
];
/** Who hears the victim at the n-th hearing: the police first, then the prosecutor, then the court. */
const BODIES = [
  { body: 'IGPR', body_kind: 'police' },
  { body: 'DIICOT', body_kind: 'prosecutor' },
  { body: 'COURTS', body_kind: 'court' },
] as const;
const BARS = ['Baroul București', 'Baroul Cluj', 'Baroul Iași', 'Baroul Timiș', 'Baroul Constanța', 'Baroul Dolj'];

/**
 * Plans the demo's victims in proceedings from the criminal cases' victims,
 * without touching any record planned before (its own random stream):
 * - hearings: every victim of a trafficking case is heard from shortly after
 *   the case opens, one to five times (HEARINGS_PER_VICTIM), by police,
 *   prosecutor, then court, never after as_of; a few already heard have a
 *   further hearing planned after as_of (the re-hearing warning shows on them);
 * - legal counsel from the bar before the first hearing (mandatory in the
 *   profile: profile victims_in_proceedings.mandatory_counsel);
 * - programme participants per scenario.witness_programmes: victims of
 *   trafficking cases identified that year or the year before, each within the
 *   year only, except witness protection (until as_of), with protection
 *   measures for those under witness protection and some escorts.
 *
 * @throws Error naming year and programme when fewer victims are in proceedings than the scenario puts in a programme,
 *   or a programme the profile does not list.
 */
export function planVictimsInProceedings(
  scenario: DemoScenario,
  profile: JurisdictionProfile,
  victims: readonly PlannedVictim[],
  cases: readonly PlannedCriminalCase[],
  random: SeededRandom,
): PlannedVictimsInProceedings {
  const asOf = scenario.as_of;
  const rules = profile.victims_in_proceedings;
  const settingCodes = new Set(rules.hearing_settings.map((s) => s.code));
  const known = (codes: string[]) => codes.filter((c) => settingCodes.has(c));
  const firstCase = new Map<number, number>();
  cases.forEach((c, ci) => c.victims.forEach((link) => firstCase.has(link.victim) || firstCase.set(link.victim, ci)));

  const hearings: PlannedHearing[] = [];
  const legal_counsel: PlannedCounsel[] = [];
  for (const [victimIndex, caseIndex] of [...firstCase].sort(([a], [b]) => a - b)) {
    const victim = victims[victimIndex]!;
    const start = maxDate(cases[caseIndex]!.opened_on, victim.identified_on ?? victim.potential_on);
    let day = addDays(start, random.int(3, 60));
    if (day > asOf) continue;
    const interpreter = victim.person.citizenships.includes(profile.country)
      ? null
      : victim.person.citizenships.includes('UA')
        ? 'uk'
        : 'en';
    legal_counsel.push({
      victim: victimIndex,
      counsel_bar: random.pick(BARS),
      assigned_on: maxDate(start, addDays(day, -random.int(0, 10))),
      mandatory:
        rules.mandatory_counsel.applies_to === 'all_victims' || (rules.mandatory_counsel.applies_to === 'children' && victim.is_child),
    });
    const count = random.weighted(HEARINGS_PER_VICTIM);
    let held = 0;
    for (let n = 0; n < count && day <= asOf; n++, held++) {
      const { body, body_kind } = BODIES[Math.min(n, BODIES.length - 1)]!;
      const settings =
        body_kind === 'court'
          ? [...(random.chance(0.5) ? ['closed_court'] : []), ...(random.chance(0.3) ? ['video_link'] : [])]
          : [
              ...(random.chance(0.8) ? ['separate_room'] : []),
              ...(random.chance(victim.is_child ? 0.9 : 0.3) ? ['psychologist_present'] : []),
              ...(random.chance(0.4) ? ['audio_video_recorded'] : []),
            ];
      hearings.push({
        victim: victimIndex,
        criminal_case: caseIndex,
        status: 'held',
        planned_on: day,
        held_on: day,
        body,
        body_kind,
        settings: known(settings),
        counsel_present: random.chance(0.93),
        interpreter_language: interpreter,
      });
      day = addDays(day, random.int(60, 400));
    }
    if (held >= 2 && random.chance(0.15))
      hearings.push({
        victim: victimIndex,
        criminal_case: caseIndex,
        status: 'planned',
        planned_on: addDays(asOf, random.int(14, 120)),
        held_on: null,
        body: 'COURTS',
        body_kind: 'court',
        settings: known(['closed_court']),
        counsel_present: null,
        interpreter_language: interpreter,
      });
  }

  const programmes: PlannedProgramme[] = [];
  const protection_measures: PlannedMeasure[] = [];
  for (const [yearKey, byProgramme] of Object.entries(scenario.witness_programmes ?? {})) {
    const year = Number(yearKey);
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    const pool = [...firstCase]
      .filter(([v, ci]) => {
        const identified = victims[v]!.identified_on;
        return identified != null && identified.slice(0, 4) >= String(year - 1) && identified <= last && cases[ci]!.opened_on <= last;
      })
      .map(([v]) => v)
      .sort((a, b) => a - b);
    for (const [programme, count] of Object.entries(byProgramme)) {
      if (!rules.programmes.some((p) => p.code === programme))
        throw new Error(`demo: ${year} programme "${programme}" is not in profile "${profile.code}" victims_in_proceedings.programmes`);
      if (pool.length < count)
        throw new Error(
          `demo: ${year} programme "${programme}" needs ${count} victims in proceedings, only ${pool.length} were identified in ${year - 1}-${year}`,
        );
      const lasting = rules.programmes.find((p) => p.code === programme)?.report_figure === 'victims_in_witness_protection_programme';
      for (const v of random.sample(pool, count)) {
        const started_on = minDate(addDays(maxDate(first, victims[v]!.identified_on!), random.int(0, 30)), `${year}-12-20`);
        const ended_on = lasting ? null : minDate(addDays(started_on, random.int(30, 200)), last);
        if (started_on > asOf) throw new Error(`demo: ${year} programme "${programme}" would start after as_of ${asOf}`);
        programmes.push({ victim: v, programme, started_on, ended_on });
        if (lasting)
          for (const measure of ['identity_protection', 'residence_surveillance'])
            protection_measures.push({ victim: v, measure, ordered_on: started_on, ended_on: null, ordered_by: 'DIICOT' });
        else if (random.chance(0.1))
          protection_measures.push({ victim: v, measure: 'escort', ordered_on: started_on, ended_on, ordered_by: 'DIICOT' });
      }
    }
  }
  const measureCodes = new Set(rules.protection_measures.map((m) => m.code));
  return { hearings, legal_counsel, programmes, protection_measures: protection_measures.filter((m) => measureCodes.has(m.measure)) };
}
