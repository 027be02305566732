import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { UsersRepository } from '../../src/accounts/users.repository.ts';
import { ONE_CASE_FACTS, victimCaseFacts } from '../../src/access/facts.ts';

/**
 * Reads by id take the list facts of a case from migration 0014's function,
 * lists from the subqueries of access/facts.ts. Both must mean the same, or a
 * user would see a case by id and not in a list (or the other way round):
 * every fact, for every user or organisation, on every case of a fixture
 * that has each kind of link, live and ended (declined referral, expired
 * break-glass, suspect and investigated institution in another case).
 */
describe(`victim case facts for one case on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  const users: string[] = [];
  const organisations: string[] = [];
  const cases: string[] = [];

  beforeAll(async () => {
    nrm = await freshDatabase();
    const db = nrm.db;
    const orgs = await db.selectFrom('organisation').select('id').orderBy('code').limit(4).execute();
    organisations.push(...orgs.map((o) => o.id));
    for (let i = 0; i < 4; i++)
      users.push(
        (await new UsersRepository(db).create({ username: `facts-user-${i}`, role: 'case_worker', organisation_code: null })).user.id,
      );
    for (let i = 0; i < 8; i++) {
      const person = newId();
      const id = newId();
      await db.insertInto('person').values({ id: person }).execute();
      await db
        .insertInto('victim_case')
        .values({ id, person_id: person, case_number: `F-${i}`, nrm_status: 'presumed', owner_organisation_id: organisations[i % 4]! })
        .execute();
      cases.push(id);
    }
    const [u0, u1, u2] = users as [string, string, string];
    const [o0, o1, o2, o3] = organisations as [string, string, string, string];
    const [c0, c1, c2, c3, c4, c5] = cases as [string, string, string, string, string, string];
    await db
      .insertInto('case_team')
      .values([
        { victim_case_id: c0, user_id: u0, role: 'lead' },
        { victim_case_id: c1, user_id: u1, role: 'member' },
      ])
      .execute();
    const referral = (victim_case_id: string, to: string, status: string) => ({
      id: newId(),
      victim_case_id,
      from_organisation_id: o0,
      to_organisation_id: to,
      services: ['shelter'],
      status,
      sent_at: new Date(),
    });
    await db
      .insertInto('referral')
      .values([referral(c1, o1, 'sent'), referral(c2, o1, 'accepted'), referral(c3, o2, 'declined'), referral(c4, o2, 'withdrawn')])
      .execute();
    const kase = (investigating: string, under: string[]) => ({
      id: newId(),
      case_number: `K-${newId()}`,
      opened_on: '2024-01-01',
      investigating_organisation_id: investigating,
      institutions_under_investigation: under,
    });
    const k1 = kase(o3, [o1]);
    const k2 = kase(o2, []);
    await db.insertInto('criminal_case').values([k1, k2]).execute();
    await db
      .insertInto('criminal_case_victim')
      .values([
        { criminal_case_id: k1.id, victim_case_id: c2 },
        { criminal_case_id: k2.id, victim_case_id: c5 },
      ])
      .execute();
    await db
      .insertInto('suspect')
      .values([
        { id: newId(), criminal_case_id: k1.id, app_user_id: u2 },
        { id: newId(), criminal_case_id: k2.id, app_user_id: u0 },
      ])
      .execute();
    const grant = (victim_case_id: string, user_id: string, hours: number) => ({
      id: newId(),
      victim_case_id,
      user_id,
      reason: 'urgent safety check at night',
      expires_at: new Date(Date.now() + hours * 3_600_000),
    });
    await db
      .insertInto('break_glass_grant')
      .values([grant(c3, u1, 8), grant(c4, u1, -1)])
      .execute();
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('gives the same answer through the function as through the list subqueries, for every fact, value and case', async () => {
    const list = victimCaseFacts();
    const one = victimCaseFacts('victim_case.id', 'victim_case', true);
    const disagreements: string[] = [];
    const seen = new Map<string, Set<boolean>>();
    for (const fact of ONE_CASE_FACTS) {
      const values = fact.endsWith('_user_ids') ? users : organisations;
      for (const value of values) {
        const rows = await nrm.db
          .selectFrom('victim_case')
          .select((eb) => [
            'victim_case.case_number',
            sql<boolean>`${list[fact]!(eb, 'eq', value)}`.as('by_list'),
            sql<boolean>`${one[fact]!(eb, 'eq', value)}`.as('by_function'),
            sql<string>`${sql.ref('victim_case.id')}::text`.as('id'),
          ])
          .orderBy('victim_case.case_number')
          .execute();
        for (const row of rows) {
          (seen.get(fact) ?? seen.set(fact, new Set()).get(fact)!).add(Boolean(row.by_list));
          if (Boolean(row.by_list) !== Boolean(row.by_function))
            disagreements.push(`${fact} ${value} on ${row.case_number}: list ${row.by_list}, function ${row.by_function}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // Every fact holds somewhere and fails elsewhere, so the comparison can tell them apart.
    expect([...ONE_CASE_FACTS].filter((fact) => seen.get(fact)?.size !== 2)).toEqual([]);
  });

  it('uses the function for those facts in a read by id, and a subquery for any other', async () => {
    const one = victimCaseFacts('victim_case.id', 'victim_case', true);
    const compiled = (fact: string) =>
      nrm.db
        .selectFrom('victim_case')
        .select((eb) => sql<boolean>`${one[fact]!(eb, 'eq', users[0])}`.as('x'))
        .compile().sql;
    for (const fact of ONE_CASE_FACTS) expect(compiled(fact)).toContain('opennrm_victim_case_fact(');
    const others = Object.keys(one).filter((f) => !ONE_CASE_FACTS.has(f) && f.endsWith('_ids'));
    for (const fact of others) expect(compiled(fact)).toContain('exists');
  });
});
