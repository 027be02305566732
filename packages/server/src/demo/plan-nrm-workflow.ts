import { residenceExpiry, residenceStatusRule, type CtdcAgeBand, type JurisdictionProfile } from '@opennrm/domain';
import type { PlannedVictim } from './demo-plan.ts';
import type { SeededRandom } from './random.ts';

/** An anonymous notification of the demo: an adult who declined (docs/nrm-workflow.md). */
export interface PlannedAnonymousNotification {
  notified_on: string;
  /** Profile code of the notifying organisation. */
  organisation: string;
  sex: string;
  /** The victim's CTDC band, as every notification has (CTDC_AGE_BANDS). */
  age_band: CtdcAgeBand;
  citizenships: string[];
  forms: string[];
  region: string;
  countries_of_exploitation: string[];
}

/** A residence status of a foreign victim of the demo, by victim index. */
export interface PlannedResidenceStatus {
  victim: number;
  status: string;
  starts_on: string;
  expires_on: string | null;
}

/** Share of adults who decline, against the adults identified in the same year: synthetic (UK Duty to Notify runs near a quarter). */
const DECLINED_SHARE = 0.06;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Plans the NRM workflow's synthetic records, from the planned victims and
 * none of their numbers, so every published figure stays as it is:
 * - anonymous notifications: in each year, about 6% as many as the adults
 *   identified that year, each resembling one of them (sex, age band,
 *   citizenship, forms, place) and dated in that year, never after `asOf`;
 * - residence statuses of foreign victims (no citizenship of the profile's
 *   country) once presumed: a reflection period from presumed_on, then a
 *   temporary residence permit (most), tolerated stay (some: no right to
 *   services) or asylum (Ukrainian citizens).
 * Pure and deterministic for a given random stream.
 */
export function planNrmWorkflow(
  profile: JurisdictionProfile,
  victims: readonly PlannedVictim[],
  asOf: string,
  random: SeededRandom,
): { anonymous_notifications: PlannedAnonymousNotification[]; residence_statuses: PlannedResidenceStatus[] } {
  const anonymous_notifications: PlannedAnonymousNotification[] = [];
  const adultsByYear = new Map<number, PlannedVictim[]>();
  for (const v of victims)
    if (v.nrm_status === 'identified' && !v.is_child && v.reporting_year != null)
      adultsByYear.set(v.reporting_year, [...(adultsByYear.get(v.reporting_year) ?? []), v]);
  for (const [year, adults] of [...adultsByYear].sort(([a], [b]) => a - b)) {
    const count = Math.round(adults.length * DECLINED_SHARE);
    for (const like of random.sample(adults, count)) {
      const day = addDays(`${year}-01-01`, random.int(0, 364));
      if (day > asOf) continue;
      anonymous_notifications.push({
        notified_on: day,
        organisation: like.identifying_organisation,
        sex: like.person.sex,
        age_band: like.age_band,
        citizenships: like.person.citizenships,
        forms: like.forms,
        region: like.regions_of_exploitation[0] ?? like.person.home_region,
        countries_of_exploitation: like.countries_of_exploitation,
      });
    }
  }

  const rules = profile.nrm_workflow;
  const rule = (code: string) => residenceStatusRule(rules, code);
  const residence_statuses: PlannedResidenceStatus[] = [];
  victims.forEach((v, index) => {
    const start = v.presumed_on ?? v.identified_on;
    if (!start || v.nrm_status === 'not_a_victim' || v.person.citizenships.includes(profile.country)) return;
    if (!rule('reflection_period')) return;
    const reflectionEnd = residenceExpiry(rule('reflection_period')!, start, null)!;
    residence_statuses.push({ victim: index, status: 'reflection_period', starts_on: start, expires_on: reflectionEnd });
    const next = v.person.citizenships.includes('UA') ? 'asylum' : random.chance(0.25) ? 'tolerated_stay' : 'temporary_residence_permit';
    const nextStart = addDays(reflectionEnd, 1);
    if (!rule(next) || nextStart > asOf) return;
    residence_statuses.push({
      victim: index,
      status: next,
      starts_on: nextStart,
      expires_on: residenceExpiry(rule(next)!, nextStart, null),
    });
  });
  return { anonymous_notifications, residence_statuses };
}
