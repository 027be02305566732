import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from './support/test-database.ts';
import type { NrmDatabase } from '../src/db/database.ts';
import { newId } from '../src/shared/ids.ts';

describe(`NRM database on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  beforeAll(async () => {
    nrm = await freshDatabase();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('seeds the 53 organisations of the Romania profile', async () => {
    const { n } = await nrm.db
      .selectFrom('organisation')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(53);
  });

  it('returns dates as ISO strings and arrays as arrays', async () => {
    const personId = newId();
    await nrm.db
      .insertInto('person')
      .values({ id: personId, citizenships: ['RO', 'MD'] })
      .execute();
    await nrm.db
      .insertInto('victim_case')
      .values({
        id: newId(),
        person_id: personId,
        case_number: 'T-1',
        nrm_status: 'identified',
        identified_on: '2023-03-31',
        forms: ['sexual'],
      })
      .execute();
    const row = await nrm.db.selectFrom('victim_case').selectAll().where('case_number', '=', 'T-1').executeTakeFirstOrThrow();
    expect(row.identified_on).toBe('2023-03-31');
    expect(row.forms).toEqual(['sexual']);
    const person = await nrm.db.selectFrom('person').select('citizenships').where('id', '=', personId).executeTakeFirstOrThrow();
    expect(person.citizenships).toEqual(['RO', 'MD']);
  });

  it('bulk-copies rows with escapes and rolls back everything on error', async () => {
    const id1 = newId();
    await nrm.bulk(async (tx) => {
      const n = await tx.copyRows(
        'person',
        ['id', 'sex', 'citizenships', 'source_ref'],
        [[id1, 'female', ['RO'], 'tab\there\\ and "quote"\nnewline']],
      );
      expect(n).toBe(1);
    });
    const saved = await nrm.db.selectFrom('person').select(['source_ref', 'citizenships']).where('id', '=', id1).executeTakeFirstOrThrow();
    expect(saved).toEqual({ source_ref: 'tab\there\\ and "quote"\nnewline', citizenships: ['RO'] });

    const before = await nrm.db
      .selectFrom('person')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      nrm.bulk(async (tx) => {
        await tx.copyRows('person', ['id', 'sex'], [[newId(), 'male']]);
        await tx.query('SELECT 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    const after = await nrm.db
      .selectFrom('person')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
