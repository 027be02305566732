import type { JurisdictionProfile } from '@opennrm/domain';
import type { NrmDatabase } from '../db/database.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { addDays, localDay } from '../service-directory/local-day.ts';
import { planDemo } from './plan.ts';
import { ROMANIA_SCENARIO, type DemoScenario } from './romania-scenario.ts';
import { DEMO_SOURCE_REF, writeDemoPlan, type DemoCounts } from './write-demo.ts';

/** Demo scenarios shipped with OpenNRM, by name (the profile they need is in each). */
export const DEMO_SCENARIOS: Record<string, DemoScenario> = { romania: ROMANIA_SCENARIO };

/** What `loadDemo` did. */
export type DemoLoadResult =
  | { loaded: true; scenario: string; counts: DemoCounts; elapsed_ms: number }
  /** The demo's records are already there: nothing was added. */
  | { loaded: false; scenario: string; reason: 'already_loaded'; demo_victim_cases: number }
  /** `ifEmpty` was set and the database already holds victim cases or imported CTDC records (their lines): nothing was added. */
  | { loaded: false; scenario: string; reason: 'not_empty'; victim_cases: number; ctdc_records: number };

/** Options of {@link loadDemo}. */
export interface LoadDemoOptions {
  /**
   * Load only into a database without any victim case or CTDC record (the README's start command): the
   * demo's synthetic victims would otherwise be counted with real ones in the annual report.
   */
  ifEmpty?: boolean;
  /** Seals the synthetic identities (they are written only encrypted, like real ones). */
  keyring: Keyring;
  /** The day of loading (YYYY-MM-DD); today in the profile's time zone when absent (see atRiskFrom). */
  today?: string;
}

/**
 * The day the demo's at-risk limitation deadlines count from: the day of loading, so that whoever tries the demo
 * sees them on the at-risk dashboard (issue 6, Done when), unless that is before the scenario's as_of or more than
 * a year after it, where the scenario's pre-2021 offences could no longer carry them: then as_of.
 */
export function atRiskFrom(asOf: string, today: string): string {
  return today >= asOf && today <= addDays(asOf, 365) ? today : asOf;
}

/**
 * Fills the database with a demo scenario's synthetic case-level records
 * (every person, victim case and criminal case has `synthetic = true`, and
 * every identity says "SYNTHETIC DEMO RECORD"), in one transaction.
 * Idempotent: when the scenario's records are already present it adds
 * nothing and says so. Organisations of the profile must be synced first
 * (the CLI's `withDatabase` and `freshDatabase()` in tests do it).
 *
 * @param scenarioName a key of {@link DEMO_SCENARIOS}, e.g. "romania".
 * @throws Error for an unknown scenario, a scenario for another profile, or
 *   inconsistent scenario numbers; database errors roll everything back.
 */
export async function loadDemo(
  nrm: NrmDatabase,
  profile: JurisdictionProfile,
  scenarioName: string,
  options: LoadDemoOptions,
): Promise<DemoLoadResult> {
  const scenario = DEMO_SCENARIOS[scenarioName];
  if (!scenario) throw new Error(`no demo scenario "${scenarioName}"; available: ${Object.keys(DEMO_SCENARIOS).join(', ')}`);
  if (scenario.profile !== profile.code) {
    throw new Error(
      `demo "${scenarioName}" needs profile "${scenario.profile}", but the database uses "${profile.code}" (use --profile ${scenario.profile})`,
    );
  }
  const started = performance.now();
  const sourceRef = `${DEMO_SOURCE_REF}:${scenarioName}`;
  return nrm.bulk(async (tx): Promise<DemoLoadResult> => {
    const [existing] = await tx.query<{ all: number; demo: number; ctdc: number }>(
      `SELECT count(*)::int AS "all", count(*) FILTER (WHERE source_ref = $1 AND synthetic)::int AS demo,
         (SELECT coalesce(sum(n), 0)::int FROM ctdc_record_kind) AS ctdc
       FROM victim_case`,
      [sourceRef],
    );
    if (existing!.demo > 0) return { loaded: false, scenario: scenarioName, reason: 'already_loaded', demo_victim_cases: existing!.demo };
    if (options.ifEmpty && existing!.all + existing!.ctdc > 0)
      return { loaded: false, scenario: scenarioName, reason: 'not_empty', victim_cases: existing!.all, ctdc_records: existing!.ctdc };
    const today = options.today ?? localDay(new Date(), profile.annual_report.time_zone);
    const planned = scenario.proceedings
      ? { ...scenario, proceedings: { ...scenario.proceedings, at_risk_from: atRiskFrom(scenario.as_of, today) } }
      : scenario;
    const counts = await writeDemoPlan(tx, planDemo(planned, profile), sourceRef, options.keyring);
    return { loaded: true, scenario: scenarioName, counts, elapsed_ms: Math.round(performance.now() - started) };
  });
}
