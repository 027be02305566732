import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { computeAnnualReport, traceFigure } from '../../src/statistics/annual-report.ts';
import { newId } from '../../src/shared/ids.ts';

/** The proceedings figures of the annual report (issue 6 point 6): closures by limitation and joint investigation teams. */
describe(`Proceedings figures of the annual report on ${TEST_DB_KIND}`, () => {
  const profile = shippedProfile('romania');
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('is null while no cooperation is recorded, then counts what the year closed and concluded', async () => {
    const none = await computeAnnualReport(nrm.db, profile, 2023);
    expect(none.joint_investigation_teams_concluded).toBeNull();
    const open = async (case_number: string, articles: string[], closed?: { on: string; reason: string }) => {
      const id = newId();
      await nrm.db
        .insertInto('criminal_case')
        .values({
          id,
          case_number,
          opened_on: '2015-02-01',
          offence_articles: articles,
          ...(closed ? { stage: 'closed', closed_on: closed.on, closure_reason: closed.reason } : {}),
        })
        .execute();
      return id;
    };
    await open('C1', ['210'], { on: '2023-03-01', reason: 'statute_of_limitations' }); // counted
    await open('C2', ['211'], { on: '2023-12-31', reason: 'statute_of_limitations' }); // counted
    await open('C3', ['210'], { on: '2024-01-01', reason: 'statute_of_limitations' }); // next year
    await open('C4', ['210'], { on: '2023-05-01', reason: 'insufficient_evidence' }); // another reason
    await open('C5', ['213'], { on: '2023-05-01', reason: 'statute_of_limitations' }); // not trafficking
    const jit = await open('C6', ['210']);
    const pimping = await open('C7', ['213']);
    const team = (criminal_case_id: string, kind: string, concluded_on: string | null) => ({
      id: newId(),
      criminal_case_id,
      kind,
      countries: ['IT'],
      opened_on: '2022-01-10',
      concluded_on,
    });
    await nrm.db
      .insertInto('criminal_case_cooperation')
      .values([
        team(jit, 'joint_investigation_team', '2023-06-30'), // counted
        team(jit, 'joint_investigation_team', '2023-01-01'), // counted
        team(jit, 'joint_investigation_team', null), // still working
        team(jit, 'joint_investigation_team', '2022-12-31'), // the year before
        team(jit, 'european_investigation_order', '2023-06-30'), // not a team
        team(pimping, 'joint_investigation_team', '2023-06-30'), // not trafficking
      ])
      .execute();

    const report = await computeAnnualReport(nrm.db, profile, 2023);
    expect(report.cases_closed_statute_of_limitations).toBe(2);
    expect(report.joint_investigation_teams_concluded).toBe(2);
    const trace = await traceFigure(nrm.db, profile, 2023, 'cases_closed_statute_of_limitations');
    expect(trace.value).toBe(2);
    expect(JSON.stringify(trace)).toContain('C1');
    expect(JSON.stringify(trace)).not.toContain('C4');
    for (const [path, value] of [
      ['joint_investigation_teams_concluded', 2],
      ['state_employees.investigated', 0],
      ['prison_sentence_range_months.median', null],
    ] as const) {
      expect((await traceFigure(nrm.db, profile, 2023, path)).value, path).toBe(value);
    }
  });
});
