import type { JurisdictionProfile } from '../profile/profile-schema.ts';
import { PROGRAMME_REPORT_FIGURES } from '../proceedings/victims-in-proceedings-profile.ts';
import type { FigureDefinition } from './annual-report.ts';

const ISSUE_6 = 'OpenNRM issue 6, points 4 and 6 (victims in proceedings in the national statistics)';
const TIP_2024 = 'US Department of State, 2024 Trafficking in Persons Report, Romania narrative';

/** Interviews per victim: how often the victims heard in the year were heard (issue 6 point 6). */
export type InterviewsPerVictim = {
  /** Persons heard at least once in the year. */
  victims_heard: number | null;
  /** Hearings held in the year. */
  hearings: number | null;
  /** Hearings per victim heard, 1 decimal. */
  mean: number | null;
  /** Median hearings per victim heard, 1 decimal. */
  median: number | null;
  /** Most hearings of one victim in the year. */
  max: number | null;
};

/**
 * The annual report's figures of victims in proceedings (docs/statistics.md):
 * persons in the profile's witness programmes during the year, and how often
 * the victims heard in the year were heard. Principle 1: fewer interviews are
 * better, so the report measures them (2024 TIP report: victims re-interviewed
 * "multiple times over many years").
 */
export function victimsInProceedingsFigures(profile: JurisdictionProfile): FigureDefinition[] {
  const programmes = profile.victims_in_proceedings.programmes;
  const meanings: Record<(typeof PROGRAMME_REPORT_FIGURES)[number], string> = {
    victims_in_witness_coordination_programme: 'victims in the witness coordination programme',
    victims_in_witness_protection_programme: 'victims in the witness protection programme',
  };
  const heard =
    'persons with a victim case one of whose hearings (victim_hearing) was held (status "held") with held_on in the reporting year';
  return [
    ...PROGRAMME_REPORT_FIGURES.map((path): FigureDefinition => {
      const programme = programmes.find((p) => p.report_figure === path);
      if (!programme)
        return {
          path,
          meaning: meanings[path],
          unit: 'persons',
          rule: null,
          not_modelled: 'the profile names no programme counted here',
          source: TIP_2024,
        };
      return {
        path,
        meaning: meanings[path],
        unit: 'persons',
        rule:
          `persons with a victim case not decided "not_a_victim" that took part in the programme "${programme.code}" some day of the ` +
          'reporting year (started_on on or before its last day; ended_on absent or on or after its first day); each person once',
        source: `${ISSUE_6}; profile victims_in_proceedings.programmes (${programme.source}); ${TIP_2024}`,
      };
    }),
    {
      path: 'interviews_per_victim.victims_heard',
      meaning: 'victims heard (interviewed) in criminal proceedings in the year',
      unit: 'persons',
      rule: `${heard}; each person once, whatever the number of hearings or cases`,
      source: ISSUE_6,
    },
    {
      path: 'interviews_per_victim.hearings',
      meaning: 'hearings of victims held in the year',
      unit: 'count',
      rule: 'hearings (victim_hearing) held (status "held") with held_on in the reporting year, of every victim case; planned and cancelled hearings are not counted',
      source: ISSUE_6,
    },
    {
      path: 'interviews_per_victim.mean',
      meaning: 'hearings per victim heard in the year (mean)',
      unit: 'count',
      rule: 'interviews_per_victim.hearings / interviews_per_victim.victims_heard, rounded to 1 decimal; null over nobody',
      source: `${ISSUE_6}; Directive 2011/36/EU art. 12(4)(c) (unnecessary repetition of interviews avoided)`,
    },
    {
      path: 'interviews_per_victim.median',
      meaning: 'hearings per victim heard in the year (median)',
      unit: 'count',
      rule: 'over the victims heard in the year, the median of the hearings each had in the year (PostgreSQL percentile_cont(0.5)), 1 decimal; null over nobody',
      source: ISSUE_6,
    },
    {
      path: 'interviews_per_victim.max',
      meaning: 'most hearings of one victim in the year',
      unit: 'count',
      rule: 'over the victims heard in the year, the largest number of hearings one had in the year; null over nobody',
      source: `${ISSUE_6}; ${TIP_2024} (victims re-interviewed multiple times over many years)`,
    },
  ];
}
