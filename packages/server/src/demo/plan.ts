import type { JurisdictionProfile } from '@opennrm/domain';
import type { DemoPlan } from './demo-plan.ts';
import { IdentityFactory } from './identities.ts';
import { linkVictimsToCases, planCriminalCases } from './plan-criminal-cases.ts';
import { demoNgos, planReferrals } from './plan-referrals.ts';
import { planScreenings } from './plan-screenings.ts';
import { planVictims } from './plan-victims.ts';
import { planNrmWorkflow } from './plan-nrm-workflow.ts';
import { planFacilities } from './plan-facilities.ts';
import { planVictimsInProceedings } from './plan-victims-in-proceedings.ts';
import { planProceedings } from './plan-proceedings.ts';
import { planCompensation } from './plan-compensation.ts';
import { SeededRandom } from './random.ts';
import type { DemoScenario } from './romania-scenario.ts';

/**
 * Plans every record of a demo scenario: victims (persons, identities and
 * victim cases), referrals with assistance, criminal cases with suspects and
 * their victims. Pure and deterministic: the same scenario, profile and seed
 * always give the same plan, with no database or clock involved.
 *
 * @throws Error when the scenario's numbers cannot all hold (the message
 *   names the year, category and figure), or name a form, country or
 *   organisation the profile does not have.
 */
export function planDemo(scenario: DemoScenario, profile: JurisdictionProfile): DemoPlan {
  if (scenario.profile !== profile.code)
    throw new Error(`scenario "${scenario.profile}" needs profile "${scenario.profile}", got "${profile.code}"`);
  const random = new SeededRandom(scenario.seed);
  const identities = new IdentityFactory(scenario.seed);
  const planned = planVictims(scenario, profile, random, identities);
  const victims = planned.map((p) => p.victim);
  const criminalCases = planCriminalCases(scenario, random);
  linkVictimsToCases(victims, criminalCases, random);
  const organisations = demoNgos();
  const referrals = planReferrals(scenario, planned, organisations, random);
  const known = new Set([...profile.institutions.map((i) => i.code), ...organisations.map((o) => o.code)]);
  const unknown = [
    ...victims.map((v) => v.identifying_organisation),
    ...referrals.flatMap((r) => [r.from, r.to]),
    ...criminalCases.map((c) => c.investigating_organisation),
  ].find((code) => !known.has(code));
  if (unknown) throw new Error(`demo: organisation "${unknown}" is neither in profile "${profile.code}" nor a demo NGO`);
  // A random stream of its own, so that the directory changes none of the records planned above.
  const facilities = planFacilities(profile, organisations, scenario.as_of, new SeededRandom(scenario.seed + 2));
  // A random stream of its own, so that the NRM workflow's records change none of the records planned above.
  const workflow = planNrmWorkflow(profile, victims, scenario.as_of, new SeededRandom(scenario.seed + 3));
  // A random stream of its own, so that adding screenings changes none of the records planned above.
  const screenings = planScreenings(profile, victims, new SeededRandom(scenario.seed + 1));
  // A random stream of its own, so that hearings and witness programmes change none of the records planned above.
  const victimsInProceedings = planVictimsInProceedings(scenario, profile, victims, criminalCases, new SeededRandom(scenario.seed + 4));
  // A random stream of its own, so that stages, events and closures change none of the records planned above.
  planProceedings(scenario, profile, criminalCases, new SeededRandom(scenario.seed + 5), victims);
  // A random stream of its own, so that compensation changes none of the records planned above.
  const compensation = scenario.compensation
    ? planCompensation(scenario.compensation, scenario.as_of, victims, criminalCases, new SeededRandom(scenario.seed + 6))
    : { claims: [], advance_payments: [], exchange_rates: [] };
  return {
    organisations,
    victims,
    referrals,
    criminal_cases: criminalCases,
    ...workflow,
    screenings,
    facilities,
    victims_in_proceedings: victimsInProceedings,
    compensation,
  };
}
