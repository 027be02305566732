import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import type { AuditEventInput } from '../../src/audit/audit-event.ts';
import { accessHistoryForPerson } from '../../src/audit/access-history.ts';
import { unusualAccess, type UnusualAccessOptions } from '../../src/audit/unusual-access.ts';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.ts';
import { addOrganisation, addUser, appendAuditEventAt } from './audit-test-support.ts';

// Europe/Bucharest is UTC+2 in January. 2024-01-15 is a Monday; 2024-01-20 a Saturday;
// 2024-01-24 (Union of the Principalities) a Wednesday public holiday.
const JANUARY: UnusualAccessOptions = { from: '2024-01-15', to: '2024-02-01', holidays: ['2024-01-24'] };

describe(`access history and unusual access on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  const org: Record<string, string> = {};
  const user: Record<string, { id: string; username: string; org: string }> = {};
  const cluj = newId(); // a person whose case is in Cluj
  const unplaced = newId(); // a person whose case has no region

  const at = (who: string, occurredAt: string, event: Partial<AuditEventInput> & { person_id: string }) =>
    nrm.db.transaction().execute((trx) =>
      appendAuditEventAt(
        trx,
        {
          action: 'read',
          actor_user_id: user[who]!.id,
          actor_username: user[who]!.username,
          actor_organisation_id: user[who]!.org,
          record_type: 'person_identity',
          record_id: event.person_id,
          fields: ['given_names'],
          ...event,
        },
        occurredAt,
      ),
    );

  beforeAll(async () => {
    nrm = await freshDatabase();
    org.clujCps = await addOrganisation(nrm.db, 'T-DGASPC-CJ', 'RO-CJ');
    org.bucharestPolice = await addOrganisation(nrm.db, 'T-POLICE-B', 'RO-B');
    org.national = await addOrganisation(nrm.db, 'T-NATIONAL', null);
    org.iasiShelter = await addOrganisation(nrm.db, 'T-SHELTER-IS', 'RO-IS');
    for (const [name, o] of [
      ['ana', org.clujCps],
      ['bogdan', org.bucharestPolice],
      ['carmen', org.national],
      ['dan', org.iasiShelter],
    ] as const)
      user[name] = { id: await addUser(nrm.db, name, o), username: name, org: o };

    await nrm.db
      .insertInto('person')
      .values([{ id: cluj }, { id: unplaced }])
      .execute();
    const clujCase = newId();
    await nrm.db
      .insertInto('victim_case')
      .values([
        {
          id: clujCase,
          person_id: cluj,
          case_number: 'T-CJ-1',
          nrm_status: 'presumed',
          identifying_organisation_id: org.clujCps,
          regions_of_exploitation: ['RO-CJ'],
        },
        { id: newId(), person_id: unplaced, case_number: 'T-X-1', nrm_status: 'potential' },
      ])
      .execute();
    await nrm.db
      .insertInto('referral')
      .values({
        id: newId(),
        victim_case_id: clujCase,
        from_organisation_id: org.clujCps,
        to_organisation_id: org.iasiShelter,
        services: ['shelter'],
        sent_at: '2024-01-10T09:00:00Z',
      })
      .execute();

    // Monday 10:00 local: Ana reads 30 different persons, and the Cluj person.
    for (let i = 0; i < 30; i++) await at('ana', `2024-01-15T08:00:${String(i).padStart(2, '0')}Z`, { person_id: newId() });
    await at('ana', '2024-01-15T08:05:00Z', { person_id: cluj });
    // Bogdan (Bucharest): the Cluj person at 19:30 local, 07:30 local and 08:30 local (06:30 UTC: in hours).
    await at('bogdan', '2024-01-15T17:30:00Z', { person_id: cluj });
    await at('bogdan', '2024-01-16T05:30:00Z', { person_id: cluj });
    await at('bogdan', '2024-01-16T06:30:00Z', { person_id: cluj, action: 'update', fields: ['notes'] });
    // Bogdan on Saturday and on the holiday, both at 11:00 local.
    await at('bogdan', '2024-01-20T09:00:00Z', { person_id: unplaced });
    await at('bogdan', '2024-01-24T09:00:00Z', { person_id: unplaced });
    // Carmen (national) and Dan (the shelter the case was referred to) read the Cluj person in hours.
    await at('carmen', '2024-01-17T10:00:00Z', {
      person_id: cluj,
      action: 'break_glass',
      reason: 'Hospital called about the child at 12:00',
    });
    await at('dan', '2024-01-17T11:00:00Z', { person_id: cluj });
    // Outside the window: 23:30 local on 14 January, and February.
    await at('bogdan', '2024-01-14T21:30:00Z', { person_id: cluj });
    await at('bogdan', '2024-02-01T09:00:00Z', { person_id: cluj });
    // Inside the window by local date: 00:30 local on 15 January.
    await at('dan', '2024-01-14T22:30:00Z', { person_id: unplaced });
    expect((await verifyAuditChain(nrm.db)).ok).toBe(true);
  });
  afterAll(async () => {
    await nrm.close();
  });

  describe('accessHistoryForPerson', () => {
    it('lists who accessed the person, newest first, with organisation, fields and break-glass reason', async () => {
      const history = await accessHistoryForPerson(nrm.db, cluj);
      // Newest first means by id (the order of the chain); this test wrote some events out of time order.
      expect(history.map((h) => h.actor_username)).toEqual(['bogdan', 'bogdan', 'dan', 'carmen', 'bogdan', 'bogdan', 'bogdan', 'ana']);
      expect(history.every((h) => h.record_id === cluj)).toBe(true);
      const breakGlass = history.find((h) => h.action === 'break_glass')!;
      expect(breakGlass).toMatchObject({
        actor_username: 'carmen',
        actor_display_name: 'User carmen',
        organisation_code: 'T-NATIONAL',
        organisation_name: 'Test T-NATIONAL',
        reason: 'Hospital called about the child at 12:00',
        fields: ['given_names'],
      });
      expect(breakGlass.occurred_at).toEqual(new Date('2024-01-17T10:00:00Z'));
      expect(history.find((h) => h.action === 'update')!.fields).toEqual(['notes']);
    });

    it('pages with beforeId and filters by action', async () => {
      const all = await accessHistoryForPerson(nrm.db, cluj);
      const page1 = await accessHistoryForPerson(nrm.db, cluj, { limit: 3 });
      const page2 = await accessHistoryForPerson(nrm.db, cluj, { limit: 3, beforeId: page1[2]!.id });
      expect([...page1, ...page2].map((h) => h.id)).toEqual(all.slice(0, 6).map((h) => h.id));
      expect((await accessHistoryForPerson(nrm.db, cluj, { actions: ['break_glass'] })).map((h) => h.actor_username)).toEqual(['carmen']);
      expect(await accessHistoryForPerson(nrm.db, newId())).toEqual([]);
    });

    it('refuses an id that is not a UUID', async () => {
      await expect(accessHistoryForPerson(nrm.db, "1' OR '1'='1")).rejects.toMatchObject({
        code: 'OPENNRM_AUDIT_INVALID_QUERY',
        field: 'person_id',
      });
    });
  });

  describe('unusualAccess', () => {
    it('finds a user who read many distinct persons in one local day', async () => {
      const report = await unusualAccess(nrm.db, JANUARY);
      expect(report.many_persons).toEqual([
        expect.objectContaining({
          actor_username: 'ana',
          organisation_name: 'Test T-DGASPC-CJ',
          local_day: '2024-01-15',
          distinct_persons: 31,
          events: 31,
        }),
      ]);
      expect((await unusualAccess(nrm.db, { ...JANUARY, distinctPersonsPerDay: 32 })).many_persons).toEqual([]);
    });

    it('finds access out of hours in the given time zone: evenings, early mornings, days off and holidays', async () => {
      const report = await unusualAccess(nrm.db, JANUARY);
      const rows = report.out_of_hours.map((r) => [r.actor_username, r.local_day, r.why, r.events, r.first_local_time]);
      expect(rows).toEqual(
        expect.arrayContaining([
          ['bogdan', '2024-01-15', 'outside_hours', 1, '19:30'],
          ['bogdan', '2024-01-16', 'outside_hours', 1, '07:30'],
          ['bogdan', '2024-01-20', 'non_working_day', 1, '11:00'],
          ['bogdan', '2024-01-24', 'holiday', 1, '11:00'],
          ['dan', '2024-01-15', 'outside_hours', 1, '00:30'],
        ]),
      );
      expect(rows).toHaveLength(5); // 08:30 local on the 16th is in hours; ana, carmen, dan (in hours) are not listed

      // Judged in UTC instead, 06:30 is before 08:00 and the holiday is not one.
      const utc = await unusualAccess(nrm.db, {
        from: new Date('2024-01-14T22:00:00Z'),
        to: new Date('2024-02-01T00:00:00Z'),
        timeZone: 'UTC',
      });
      expect(utc.out_of_hours.find((r) => r.actor_username === 'bogdan' && r.local_day === '2024-01-16')).toMatchObject({
        events: 2,
        first_local_time: '05:30',
        last_local_time: '06:30',
      });
      expect(utc.out_of_hours.some((r) => r.why === 'holiday')).toBe(false);

      const longDay = await unusualAccess(nrm.db, {
        ...JANUARY,
        workdayStart: '07:00',
        workdayEnd: '20:00',
        workingDays: [1, 2, 3, 4, 5, 6],
      });
      expect(longDay.out_of_hours.map((r) => [r.actor_username, r.local_day, r.why])).toEqual(
        expect.arrayContaining([
          ['bogdan', '2024-01-24', 'holiday'],
          ['dan', '2024-01-15', 'outside_hours'],
        ]),
      );
      expect(longDay.out_of_hours).toHaveLength(2);
    });

    it('lists break-glass accesses with their reasons', async () => {
      const { break_glass } = await unusualAccess(nrm.db, JANUARY);
      expect(break_glass).toEqual([
        expect.objectContaining({ actor_username: 'carmen', person_id: cluj, reason: 'Hospital called about the child at 12:00' }),
      ]);
    });

    it('finds access to a person whose cases are in another region, sparing national and involved organisations', async () => {
      const { outside_region } = await unusualAccess(nrm.db, JANUARY);
      expect(outside_region).toEqual([
        expect.objectContaining({ actor_username: 'bogdan', person_id: cluj, user_region: 'RO-B', case_regions: ['RO-CJ'], events: 3 }),
      ]);
      // The window is respected: events before 15 January and in February are not counted.
      const wide = await unusualAccess(nrm.db, { from: '2024-01-01', to: '2024-03-01' });
      expect(wide.outside_region[0]).toMatchObject({ actor_username: 'bogdan', events: 5 });
    });

    it('refuses bad parameters, naming them', async () => {
      for (const [options, field] of [
        [{ ...JANUARY, timeZone: 'Mars/Olympus' }, 'time_zone'],
        [{ ...JANUARY, from: '15.01.2024' }, 'from'],
        [{ ...JANUARY, to: '2024-01-20T10:00' }, 'to'],
        [{ ...JANUARY, workdayStart: '8' }, 'workday_start'],
        [{ ...JANUARY, workdayStart: '18:00', workdayEnd: '08:00' }, 'workday_end'],
        [{ ...JANUARY, workingDays: [0] }, 'working_days'],
        [{ ...JANUARY, holidays: ['24 Jan'] }, 'holidays'],
        [{ ...JANUARY, distinctPersonsPerDay: 0 }, 'distinct_persons_per_day'],
      ] as const)
        await expect(unusualAccess(nrm.db, options as UnusualAccessOptions)).rejects.toMatchObject({
          code: 'OPENNRM_AUDIT_INVALID_QUERY',
          field,
        });
    });
  });
});
