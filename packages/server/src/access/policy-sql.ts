import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
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

export type FactSql = (eb: AnyExpressionBuilder, op: 'eq' | 'in', value: unknown) => Expression<SqlBool>;

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
    case 'or': {
      const parts = (value as Condition[]).map((c) => conditionToSql(eb, c, facts));
      return parts.length === 0 ? FALSE : eb.or(parts);
    }
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
