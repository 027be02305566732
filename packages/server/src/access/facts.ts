import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { AccessControl } from './access-control.ts';
import { booleanFact, columnFact, listFact, type AnyExpressionBuilder, type FactsSql } from './policy-sql.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- subqueries over aliased tables of any query */

/**
 * The facts of each subject type in SQL, over the row being filtered (its
 * table name as alias). Names and meanings: VictimCaseFacts, PersonFacts, ...
 * in packages/domain/src/access/access-policy.ts.
 */

/** A referral counts for the receiving organisation while it is pending or accepted (declined and withdrawn end it). */
export const LIVE_REFERRAL_STATUSES = ['sent', 'accepted'];

/**
 * "The case's id is in this set": an uncorrelated subquery, which the
 * database evaluates once per statement (a hashed semi-join), not once per
 * row, so a list filtered by team, referral or criminal link stays an index
 * lookup plus a hash probe (bench/policy.bench.ts).
 */
function caseIdIn(id: RawBuilder<unknown>, set: (eb: AnyExpressionBuilder) => SelectQueryBuilder<any, any, any>): FactsSql[string] {
  return (eb) => eb(id, 'in', set(eb));
}

/**
 * The list facts that migration 0014's function `opennrm_victim_case_fact`
 * answers for one case, with the same meaning as the subqueries below.
 */
export const ONE_CASE_FACTS = new Set([
  'team_user_ids',
  'referred_organisation_ids',
  'prosecuting_organisation_ids',
  'break_glass_user_ids',
  'suspect_user_ids',
  'investigated_organisation_ids',
]);

/**
 * Facts of the victim case whose id is `idRef` (e.g. "victim_case.id").
 * `oneRecord`: the facts of a single case read by id. There a list fact is a
 * call of `opennrm_victim_case_fact` (migration 0014), whose statements the
 * database plans once per session, instead of a subquery planned on every
 * request (planning, not the index probe, was the cost: bench/RESULTS.md);
 * a fact the function does not know stays a correlated EXISTS.
 */
export function victimCaseFacts(idRef = 'victim_case.id', table = 'victim_case', oneRecord = false): FactsSql {
  const id = sql.ref(idRef) as unknown as RawBuilder<unknown>;
  /** The fact `name`: "the case is in the set of `column` of rows `from` picks for the value". */
  const contains = (name: string, column: string, from: (eb: AnyExpressionBuilder, value: string) => SelectQueryBuilder<any, any, any>) => {
    const set = (eb: AnyExpressionBuilder, value: unknown) => from(eb, value as string).select(sql.ref(column).as('victim_case_id'));
    const fact = listFact((eb, value) =>
      oneRecord
        ? ONE_CASE_FACTS.has(name)
          ? sql<SqlBool>`opennrm_victim_case_fact(${name}, ${id}, ${value as string}::uuid)`
          : eb.exists(
              from(eb, value as string)
                .select(sql.lit(1).as('x'))
                .where(sql.ref(column), '=', id),
            )
        : caseIdIn(id, (inner) => set(inner, value))(eb, 'eq', value),
    );
    // A single case's facts are function calls (above), not sets to merge.
    return oneRecord ? fact : Object.assign(fact, { idSet: { ref: idRef, select: set } });
  };
  return {
    owner_organisation_id: columnFact(`${table}.owner_organisation_id`),
    created_by_user_id: columnFact(`${table}.created_by_user_id`),
    nrm_status: columnFact(`${table}.nrm_status`),
    team_user_ids: contains('team_user_ids', 'ct.victim_case_id', (eb, user) =>
      eb.selectFrom('case_team as ct').where('ct.user_id', '=', user),
    ),
    referred_organisation_ids: contains('referred_organisation_ids', 'rf.victim_case_id', (eb, org) =>
      eb.selectFrom('referral as rf').where('rf.to_organisation_id', '=', org).where('rf.status', 'in', LIVE_REFERRAL_STATUSES),
    ),
    child_protection_organisation_ids: contains('child_protection_organisation_ids', 'cpn.victim_case_id', (eb, org) =>
      eb.selectFrom('child_protection_notification as cpn').where('cpn.organisation_id', '=', org),
    ),
    prosecuting_organisation_ids: contains('prosecuting_organisation_ids', 'ccv.victim_case_id', (eb, org) =>
      eb
        .selectFrom('criminal_case_victim as ccv')
        .innerJoin('criminal_case as cc', 'cc.id', 'ccv.criminal_case_id')
        .where('cc.investigating_organisation_id', '=', org),
    ),
    break_glass_user_ids: contains('break_glass_user_ids', 'bg.victim_case_id', (eb, user) =>
      eb
        .selectFrom('break_glass_grant as bg')
        .where('bg.user_id', '=', user)
        .where('bg.expires_at', '>', sql<Date>`now()`),
    ),
    suspect_user_ids: contains('suspect_user_ids', 'ccv.victim_case_id', (eb, user) =>
      eb
        .selectFrom('criminal_case_victim as ccv')
        .innerJoin('suspect as s', 's.criminal_case_id', 'ccv.criminal_case_id')
        .where('s.app_user_id', '=', user),
    ),
    investigated_organisation_ids: contains('investigated_organisation_ids', 'ccv.victim_case_id', (eb, org) =>
      eb
        .selectFrom('criminal_case_victim as ccv')
        .innerJoin('criminal_case as cc', 'cc.id', 'ccv.criminal_case_id')
        .where(sql<boolean>`${org}::uuid = ANY(cc.institutions_under_investigation)`),
    ),
  };
}

/**
 * "Some victim case with `column` = the row's `ref` passes the policy for
 * `action`" (`whole`: by a rule not narrowed by a referral's shared fields).
 */
function someCase(access: AccessControl, action: 'read' | 'update', column: 'id' | 'person_id', ref: string, whole = false) {
  return booleanFact((eb) =>
    eb.exists(
      eb
        .selectFrom('victim_case as vc')
        .select(sql.lit(1).as('x'))
        .whereRef(`vc.${column}`, '=', sql.ref(ref))
        .where((inner) =>
          (whole ? access.filterWhole : access.filter).call(access, inner, action, 'VictimCase', victimCaseFacts('vc.id', 'vc')),
        ),
    ),
  );
}

/** Facts of the person whose id is `idRef`. */
export function personFacts(access: AccessControl, idRef = 'person.id', table = 'person'): FactsSql {
  return {
    created_by_user_id: columnFact(`${table}.created_by_user_id`),
    case_readable: someCase(access, 'read', 'person_id', idRef),
    case_readable_whole: someCase(access, 'read', 'person_id', idRef, true),
    case_updatable: someCase(access, 'update', 'person_id', idRef),
    decided: booleanFact((eb) =>
      eb.exists(
        eb
          .selectFrom('victim_case as dv')
          .select(sql.lit(1).as('x'))
          .whereRef('dv.person_id', '=', sql.ref(idRef))
          .where('dv.nrm_status', 'in', ['identified', 'not_a_victim']),
      ),
    ),
  };
}

/** Facts of a referral or assistance row (`table`), through its victim case. */
export function caseChildFacts(access: AccessControl, table: 'referral' | 'assistance'): FactsSql {
  return {
    case_readable: someCase(access, 'read', 'id', `${table}.victim_case_id`),
    case_readable_whole: someCase(access, 'read', 'id', `${table}.victim_case_id`, true),
    case_updatable: someCase(access, 'update', 'id', `${table}.victim_case_id`),
    to_organisation_id: columnFact(table === 'referral' ? 'referral.to_organisation_id' : 'assistance.provider_organisation_id'),
  };
}

/** Facts of the criminal case row. */
export function criminalCaseFacts(): FactsSql {
  return {
    investigating_organisation_id: columnFact('criminal_case.investigating_organisation_id'),
    suspect_user_ids: listFact((eb, user) =>
      eb.exists(
        eb
          .selectFrom('suspect as cs')
          .select(sql.lit(1).as('x'))
          .whereRef('cs.criminal_case_id', '=', 'criminal_case.id')
          .where('cs.app_user_id', '=', user as string),
      ),
    ),
    institutions_under_investigation: listFact(
      (_eb, org) => sql<boolean>`${org as string}::uuid = ANY(criminal_case.institutions_under_investigation)`,
    ),
  };
}
