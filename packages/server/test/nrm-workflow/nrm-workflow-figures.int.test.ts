import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { computeAnnualReport, traceFigure } from '../../src/statistics/annual-report.ts';

const profile = shippedProfile('romania');

/**
 * anonymous_notifications and foreign_victims_by_residence_status of the
 * year's report (nrmWorkflowFigures; docs/statistics.md), values worked by hand.
 */
describe(`NRM workflow figures of the annual report on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;

  async function notice(notified_on: string, forms: string[], withdrawn_on: string | null = null) {
    await nrm.db.insertInto('anonymous_notification').values({ id: newId(), notified_on, forms, withdrawn_on, sex: 'female' }).execute();
  }
  async function foreignCase(nrm_status: string, statuses: [status: string, starts_on: string, expires_on: string | null][]) {
    const personId = newId();
    await nrm.db
      .insertInto('person')
      .values({ id: personId, sex: 'male', citizenships: ['UA'] })
      .execute();
    const caseId = newId();
    await nrm.db
      .insertInto('victim_case')
      .values({
        id: caseId,
        person_id: personId,
        case_number: `F-${caseId}`,
        nrm_status,
        presumed_on: '2023-01-10',
        not_a_victim_on: nrm_status === 'not_a_victim' ? '2023-02-01' : null,
      })
      .execute();
    for (const [status, starts_on, expires_on] of statuses)
      await nrm.db.insertInto('residence_status').values({ id: newId(), victim_case_id: caseId, status, starts_on, expires_on }).execute();
  }

  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => nrm?.close());

  it('is null, not zero, while nothing of the kind is recorded', async () => {
    const report = await computeAnnualReport(nrm.db, profile, 2023);
    expect(report.anonymous_notifications.total).toBeNull();
    expect(report.foreign_victims_by_residence_status.reflection_period).toBeNull();
  });

  it('counts notifications of the year not withdrawn, by form category, and persons per residence status held in the year', async () => {
    await notice('2023-03-01', ['sexual']);
    await notice('2023-06-01', ['labour', 'sexual']); // counts in both categories
    await notice('2023-07-01', []); // unspecified
    await notice('2023-08-01', ['labour'], '2023-09-01'); // the person came back: withdrawn
    await notice('2022-12-31', ['labour']); // another year
    // reflection period then permit, both in 2023: counts under each
    await foreignCase('presumed', [
      ['reflection_period', '2023-01-10', '2023-04-09'],
      ['temporary_residence_permit', '2023-04-10', '2023-10-06'],
    ]);
    await foreignCase('identified', [['tolerated_stay', '2022-09-01', '2023-02-27']]); // expires in 2023: held
    await foreignCase('presumed', [['asylum', '2021-05-01', null]]); // no end: held
    await foreignCase('presumed', [['reflection_period', '2022-01-01', '2022-03-31']]); // ended in 2022
    await foreignCase('not_a_victim', [['tolerated_stay', '2023-01-01', '2023-06-29']]); // not a victim: left out
    const report = await computeAnnualReport(nrm.db, profile, 2023);
    expect(report.anonymous_notifications).toEqual({
      total: 3,
      by_form: { sexual_exploitation: 2, labour_exploitation: 1, other_exploitation: 0, unspecified: 1 },
    });
    expect(report.foreign_victims_by_residence_status).toEqual({
      reflection_period: 1,
      temporary_residence_permit: 1,
      tolerated_stay: 1,
      asylum: 1,
    });
    const trace = await traceFigure(nrm.db, profile, 2023, 'anonymous_notifications.by_form.sexual_exploitation');
    expect(trace.parts[0]!.records).toHaveLength(2);
    expect(trace.parts[0]!.records.every((r) => r.case_numbers.length === 0)).toBe(true);
  });
});
