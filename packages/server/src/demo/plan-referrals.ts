import { addDays, minDate, yearOf } from './calendar.ts';
import type { PlannedAssistance, PlannedOrganisation, PlannedReferral, PlannedVictim } from './demo-plan.ts';
import type { SeededRandom } from './random.ts';
import type { DemoScenario } from './romania-scenario.ts';
import type { VictimWithReferral } from './plan-victims.ts';

/** A referral sent this many days or fewer before the scenario's "today" is still waiting for an answer. */
const PENDING_DAYS = 21;

/** Reasons a provider gives, with the code the gaps report counts (DECLINE_REASON_CODES). */
const DECLINE_REASONS = [
  ['no free shelter places', 'no_free_places'],
  ['the victim needs services the provider does not offer', 'service_not_offered'],
  ['the provider has no place in the county the victim asked for', 'outside_area'],
] as const;

/**
 * The synthetic NGO service providers of the demo. The Romania profile names
 * only public bodies; these stand for the NGOs that run most shelters and
 * counselling (2024 TIP report, Romania: "the government did not provide
 * funding to NGOs"). Their names say they are synthetic.
 */
export function demoNgos(): PlannedOrganisation[] {
  const ngos: [string, string, string][] = [
    ['DEMO-NGO-B', 'Asociația Lumina Nouă (SYNTHETIC DEMO NGO)', 'RO-B'],
    ['DEMO-NGO-IS', 'Fundația Pași spre Viitor (SYNTHETIC DEMO NGO)', 'RO-IS'],
    ['DEMO-NGO-TM', 'Asociația Casa Speranței (SYNTHETIC DEMO NGO)', 'RO-TM'],
    ['DEMO-NGO-CJ', 'Centrul Alături de Tine (SYNTHETIC DEMO NGO)', 'RO-CJ'],
    ['DEMO-NGO-CT', 'Asociația Far pentru Femei (SYNTHETIC DEMO NGO)', 'RO-CT'],
    ['DEMO-NGO-BV', 'Fundația Punte (SYNTHETIC DEMO NGO)', 'RO-BV'],
  ];
  return ngos.map(([code, name, region]) => ({ code, name, kind: 'ngo', functions: ['service_provider'], region }));
}

/**
 * Plans referrals and assistance: each referred victim gets an episode in
 * the year the victim planner chose (children always to their county DGASPC,
 * adults mostly to an NGO; some referrals declined; recent ones still
 * pending), and exactly `ngo_assisted` persons a year get NGO assistance
 * starting that year.
 *
 * @throws Error when the planned victims do not give each year's published number of referred persons.
 */
export function planReferrals(
  scenario: DemoScenario,
  victims: VictimWithReferral[],
  ngos: PlannedOrganisation[],
  random: SeededRandom,
): PlannedReferral[] {
  const pendingAfter = addDays(scenario.as_of, -PENDING_DAYS);
  const byYear = new Map<number, number[]>();
  victims.forEach((v, i) => {
    if (!v.referral_on) return;
    const year = yearOf(v.referral_on);
    const list = byYear.get(year);
    if (list) list.push(i);
    else byYear.set(year, [i]);
  });
  const ngoAssisted = new Set<number>();
  for (const [year, indices] of byYear) {
    const target = scenario.referrals[year];
    if (!target) throw new Error(`scenario: victims are referred in ${year}, which has no referral figures`);
    if (indices.length !== target.persons)
      throw new Error(`demo planner: ${indices.length} persons referred in ${year}, scenario says ${target.persons}`);
    const eligible = indices.filter((i) => victims[i]!.referral_on! <= pendingAfter);
    // Adults go to NGOs more often; children are always with their county DGASPC as well.
    const ranked = eligible.map((i) => ({ i, key: random.next() * (victims[i]!.victim.is_child ? 1.6 : 1) })).sort((a, b) => a.key - b.key);
    if (ranked.length < target.ngo_assisted)
      throw new Error(`scenario: ${target.ngo_assisted} NGO-assisted persons in ${year}, only ${ranked.length} referred`);
    ranked.slice(0, target.ngo_assisted).forEach(({ i }) => ngoAssisted.add(i));
  }

  const referrals: PlannedReferral[] = [];
  victims.forEach((v, index) => {
    if (!v.referral_on) return;
    const victim = v.victim;
    const from = victim.identifying_organisation;
    const dgaspc = `DGASPC-${victim.person.home_region.slice(3)}`;
    const ngo =
      ngos.find((n) => n.region === victim.person.home_region) ??
      random.weighted(ngos.map((n) => [n, n.region === 'RO-B' ? 3 : 1] as const));
    const otherNgo = random.pick(ngos.filter((n) => n.code !== ngo.code));
    const day = v.referral_on;
    if (day > pendingAfter) {
      referrals.push(pending(index, from, victim.is_child ? dgaspc : ngo.code, servicesFor(victim, victim.is_child), day));
      return;
    }
    if (victim.is_child) referrals.push(accepted(index, from, dgaspc, servicesFor(victim, true), day));
    if (ngoAssisted.has(index)) {
      let sentOn = day;
      if (!victim.is_child && random.chance(0.2)) {
        referrals.push(declined(index, from, otherNgo.code, servicesFor(victim, false), sentOn));
        sentOn = addDays(sentOn, random.int(1, 3));
      }
      referrals.push(accepted(index, from, ngo.code, servicesFor(victim, false), sentOn));
    } else if (!victim.is_child) {
      const outcome = random.weighted([
        ['dgaspc', 5],
        ['declined', 3],
        ['no_show', 2],
      ] as const);
      if (outcome === 'declined') referrals.push(declined(index, from, ngo.code, servicesFor(victim, false), day));
      else {
        const r = accepted(index, from, dgaspc, servicesFor(victim, false), day);
        // Accepted, but the victim never came: "referred" without "assisted".
        if (outcome === 'no_show') {
          r.assistance = [];
          r.started_on = null;
        }
        referrals.push(r);
      }
    }
  });
  return referrals;

  function instant(day: string): string {
    return `${day}T${String(random.int(6, 14)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`;
  }

  function pending(victim: number, from: string, to: string, services: string[], day: string): PlannedReferral {
    return {
      victim,
      from,
      to,
      services,
      status: 'sent',
      sent_at: instant(day),
      responded_at: null,
      decline_reason: null,
      decline_reason_code: null,
      started_on: null,
      assistance: [],
    };
  }

  function declined(victim: number, from: string, to: string, services: string[], day: string): PlannedReferral {
    const sent_at = instant(day);
    const responded_at = instant(addDays(day, random.int(0, 1)));
    const [decline_reason, decline_reason_code] = random.pick(DECLINE_REASONS);
    return {
      victim,
      from,
      to,
      services,
      status: 'declined',
      sent_at,
      responded_at,
      decline_reason,
      decline_reason_code,
      started_on: null,
      assistance: [],
    };
  }

  function accepted(victim: number, from: string, to: string, services: string[], day: string): PlannedReferral {
    const assistance: PlannedAssistance[] = [];
    for (const service of services) {
      if (assistance.length > 0 && random.chance(0.15)) continue; // asked for, never given
      const started = addDays(day, random.int(1, 10));
      const ended = addDays(started, service === 'shelter' ? random.int(30, 180) : random.int(20, 300));
      assistance.push({ provider: to, service, started_on: started, ended_on: ended <= scenario.as_of ? ended : null });
    }
    const startedOn = assistance.map((a) => a.started_on).reduce((a, b) => minDate(a, b));
    return {
      victim,
      from,
      to,
      services,
      status: 'accepted',
      sent_at: instant(day),
      responded_at: instant(addDays(day, random.int(0, 1))),
      decline_reason: null,
      decline_reason_code: null,
      started_on: startedOn,
      assistance,
    };
  }

  function servicesFor(victim: PlannedVictim, childProtection: boolean): string[] {
    const services = childProtection
      ? ['social', 'psychological', ...(random.chance(0.5) ? ['shelter'] : [])]
      : [
          ...(random.chance(0.6) ? ['shelter'] : []),
          'psychological',
          ...(random.chance(0.6) ? ['legal'] : []),
          ...(random.chance(0.4) ? ['medical'] : []),
          ...(random.chance(0.25) ? ['vocational'] : []),
        ];
    if (victim.person.citizenships[0] !== 'RO') services.push('interpretation', 'legal');
    return [...new Set(services)];
  }
}
