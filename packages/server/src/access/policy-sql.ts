import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { PolicyCondition as Condition } from '@opennrm/domain';

/**
 * How one fact of a subject reads in SQL: given the comparison ("eq" or
 * "in") and the value a policy rule compares it with, a boolean expression
 * over the row being filtered. A fact that holds a list (team_user_ids)
 * answers "eq" as "contains", as CASL's MongoDB conditions do.
 */
/** Any expression builder: facts are used inside queries of every table and alias. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExpressionBuilder = ExpressionBuilder<any, any>;

export type FactSql = ((eb: AnyExpressionBuilder, op: 'eq' | 'in', value: unknown) => Expression<SqlBool>) & {
  /**
   * For a fact that reads "the row's `ref` is in a set": the query of that set
   * for a value. Alternatives over the same `ref` are then merged into one
   * `ref IN (set UNION ALL set ...)` (see conditionToSql).
   */
  idSet?: IdSet;
};

export interface IdSet {
  /** The column of the row being filtered, e.g. "victim_case.id". */
  ref: string;
  /** The set's query for a value: one column of ids. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  select: (eb: AnyExpressionBuilder, value: unknown) => SelectQueryBuilder<any, any, any>;
}

/** The facts of one subject type, by the names the policy's conditions use. */
export type FactsSql = Record<string, FactSql>;

export const TRUE = sql<SqlBool>`true`;
export const FALSE = sql<SqlBool>`false`;

/**
 * Turns a CASL condition tree (rulesToAST or a rule's `ast`) into a Kysely
 * boolean expression, so lists are filtered by the database and never after
 * fetching a page.
 * @throws Error for an operator or fact the SQL side does not know: a rule
 *   that cannot be enforced must fail loudly, never be skipped.
 */
export function conditionToSql(eb: AnyExpressionBuilder, node: Condition | null, facts: FactsSql): Expression<SqlBool> {
  if (node === null) return FALSE;
  const { operator, value } = node as { operator: string; value: unknown; field?: string };
  switch (operator) {
    case 'and': {
      const parts = (value as Condition[]).map((c) => conditionToSql(eb, c, facts));
      return parts.length === 0 ? TRUE : eb.and(parts);
    }
    case 'or':
      return anyOf(eb, value as Condition[], facts);
    case 'not':
      return eb.not(conditionToSql(eb, (value as Condition[])[0] ?? null, facts));
    case 'eq':
    case 'in': {
      const field = (node as { field: string }).field;
      const fact = facts[field];
      if (!fact) throw new Error(`access policy: no SQL for fact "${field}"`);
      return fact(eb, operator, value);
    }
    default:
      throw new Error(`access policy: operator "${operator}" has no SQL translation`);
  }
}

/**
 * Alternatives: those that are set memberships of the same column become one
 * `ref IN (s1 UNION ALL s2 ...)`. The database then drives a list from the
 * union (a semi-join: an index probe per case the reader may see) instead of
 * scanning every case and probing one hashed set per alternative, and plans
 * one subquery instead of several (bench/policy.bench.ts, bench/RESULTS.md).
 */
function anyOf(eb: AnyExpressionBuilder, alternatives: Condition[], facts: FactsSql): Expression<SqlBool> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sets = new Map<string, SelectQueryBuilder<any, any, any>[]>();
  const parts: Expression<SqlBool>[] = [];
  for (const alternative of alternatives) {
    const { operator, field, value } = alternative as { operator: string; field?: string; value: unknown };
    const idSet = operator === 'eq' && field ? facts[field]?.idSet : undefined;
    if (idSet) sets.set(idSet.ref, [...(sets.get(idSet.ref) ?? []), idSet.select(eb, value)]);
    else parts.push(conditionToSql(eb, alternative, facts));
  }
  for (const [ref, queries] of sets)
    parts.push(
      eb(
        sql.ref(ref),
        'in',
        queries.reduce((union, next) => union.unionAll(next)),
      ),
    );
  return parts.length === 0 ? FALSE : parts.length === 1 ? parts[0]! : eb.or(parts);
}

/** A fact stored in a column of the row: `column = value` or `column IN (values)`. */
export function columnFact(column: string): FactSql {
  return (eb, op, value) =>
    op === 'in'
      ? eb(sql.ref(column), 'in', value as unknown[])
      : value === null
        ? eb(sql.ref(column), 'is', null)
        : eb(sql.ref(column), '=', value);
}

/** A boolean fact: the expression, or its negation when the rule asks for false. */
export function booleanFact(expression: (eb: AnyExpressionBuilder) => Expression<SqlBool>): FactSql {
  return (eb, op, value) => {
    if (op !== 'eq') throw new Error('access policy: a boolean fact compares with true or false only');
    return value ? expression(eb) : eb.not(expression(eb));
  };
}

/** A list fact: "contains value", through an EXISTS subquery built for that value. */
export function listFact(contains: (eb: AnyExpressionBuilder, value: unknown) => Expression<SqlBool>): FactSql {
  return (eb, op, value) => {
    if (op !== 'eq') throw new Error('access policy: a list fact is compared with one value');
    return contains(eb, value);
  };
}
