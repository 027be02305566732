import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDeadlines, shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { atRiskFrom, loadDemo } from '../../src/demo/load-demo.ts';
import { ROMANIA_SCENARIO } from '../../src/demo/romania-scenario.ts';
import { AccessControl } from '../../src/access/access-control.ts';
import { UsersRepository } from '../../src/accounts/users.repository.ts';
import { listCasesAtRisk } from '../../src/criminal-cases/cases-at-risk.ts';
import { loadProceedingsFacts } from '../../src/criminal-cases/proceedings-facts.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';

/**
 * The Romania demo's proceedings (docs/demo.md): events that agree with the
 * suspects' outcomes, closures by the statute of limitations of cases the
 * deadline engine finds time-barred, and open pre-2021 cases the at-risk
 * dashboard lists at the scenario's "today".
 */
describe(`Romania demo proceedings on ${TEST_DB_KIND}`, () => {
  const profile = shippedProfile('romania');
  // The day the demo is loaded: the at-risk deadlines count from it (atRiskFrom), so whoever tries the demo sees them.
  const loadedOn = '2027-01-20';
  let nrm: NrmDatabase;
  let access: AccessControl;
  beforeAll(async () => {
    nrm = await freshDatabase();
    await loadDemo(nrm, profile, 'romania', { keyring: TEST_KEYRING, today: loadedOn });
    const { user } = await new UsersRepository(nrm.db).create({ username: 'demo-check', role: 'coordinator', organisation_code: 'ANITP' });
    access = new AccessControl({ user_id: user.id, role: 'coordinator', organisation_id: user.organisation_id ?? null }, 'demo-check', {
      source_ip: null,
      user_agent: null,
      request_id: null,
    });
  }, 120_000);
  afterAll(async () => {
    await nrm.close();
  });

  it('lists the open pre-2021 cases whose limitation falls within 90 days of the day the demo was loaded, soonest first', async () => {
    const atRisk = await listCasesAtRisk(nrm.db, profile, access, { as_of: loadedOn, within_days: 90 });
    const days = atRisk.map((r) => r.deadline.days_left!);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days.every((d) => d >= 0 && d <= 90)).toBe(true);
    const limitations = atRisk.filter((r) => r.deadline.kind === 'limitation').map((r) => r.deadline.days_left);
    expect(limitations).toEqual(expect.arrayContaining(ROMANIA_SCENARIO.proceedings!.at_risk_limitation_days));
    const first = atRisk.find((r) => r.deadline.days_left === ROMANIA_SCENARIO.proceedings!.at_risk_limitation_days[0])!;
    expect(first.stage).toMatch(/^investigation_/);
    expect(first.deadline.explanation).toContain('154');
  });

  it('counts the at-risk days from the day of loading, or from as_of when that day is before it or over a year after', () => {
    const asOf = ROMANIA_SCENARIO.as_of;
    expect(atRiskFrom(asOf, loadedOn)).toBe(loadedOn);
    expect(atRiskFrom(asOf, '2026-01-05')).toBe(asOf);
    expect(atRiskFrom(asOf, '2030-01-05')).toBe(asOf);
  });

  it('closes by the statute of limitations only cases whose offences the engine finds time-barred on the closure day', async () => {
    const closed = await nrm.db
      .selectFrom('criminal_case')
      .select(['id', 'closed_on'])
      .where('closure_reason', '=', 'statute_of_limitations')
      .execute();
    expect(closed.length).toBe(Object.values(ROMANIA_SCENARIO.proceedings!.limitation_closures).reduce((a, b) => a + b, 0));
    for (const c of closed) {
      const facts = (await loadProceedingsFacts(nrm.db, [c.id], c.closed_on!)).get(c.id)!;
      const limitation = caseDeadlines(profile, { ...facts, closed_on: null }).filter((d) => d.kind === 'limitation');
      expect(limitation.length).toBeGreaterThan(0);
      expect(limitation.some((d) => d.status === 'passed')).toBe(true);
    }
  });

  it('records a first-instance verdict event and a sentence for every suspect whose columns say so', async () => {
    const mismatched = await nrm.db
      .selectFrom('suspect as s')
      .leftJoin('procedural_event as e', (join) =>
        join
          .onRef('e.suspect_id', '=', 's.id')
          .on('e.kind', 'in', ['convicted_first_instance', 'acquitted_first_instance'])
          .onRef('e.occurred_on', '=', 's.verdict_on'),
      )
      .select('s.id')
      .where('s.verdict', 'is not', null)
      .where('e.id', 'is', null)
      .execute();
    expect(mismatched).toEqual([]);
    const warrants = await nrm.db
      .selectFrom('procedural_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'pretrial_detention_warrant')
      .executeTakeFirstOrThrow();
    expect(Number(warrants.n)).toBeGreaterThan(100);
  });
});
