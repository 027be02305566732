import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAuditEvents } from '../audit/append-audit-event.ts';
import {
  defineAbilityFor,
  forbiddenCondition,
  grantingRules,
  permittedCondition,
  permittedFields,
  type AccessActor,
  type Action,
  type AppAbility,
  type GrantingRule,
  type PolicyCondition,
  type SubjectType,
  wholeCondition,
} from '@opennrm/domain';
import type { Actor } from '../accounts/sessions.repository.ts';
import type { AuditEventInput } from '../audit/audit-event.ts';
import { ApiError } from '../http/errors.ts';
import { conditionToSql, FALSE, TRUE, type AnyExpressionBuilder, type FactsSql } from './policy-sql.ts';

/** Where a request came from, for audit events. */
export interface RequestInfo {
  source_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/** How the app enforces the policy. Only tests and the bench change it. */
export interface PolicyOptions {
  /**
   * Skip every policy check (route and repository): the baseline of
   * bench/policy.bench.ts. Never set in a deployment; `opennrm serve` has no flag for it.
   */
  bypass?: boolean;
  /** Policy rule ids to leave out: the mutation test of the authorization matrix. */
  without?: readonly string[];
}

/**
 * The policy of one request: the actor, their CASL ability and the SQL it
 * becomes. Repositories receive it in RecordContext and use it on every
 * method, so no route can forget a check (Medplum's repository-level access).
 */
export class AccessControl {
  readonly actor: AccessActor;
  readonly username: string;
  readonly ability: AppAbility;
  readonly bypass: boolean;
  readonly request: RequestInfo;

  constructor(actor: AccessActor, username: string, request: RequestInfo, options: PolicyOptions = {}) {
    this.actor = actor;
    this.username = username;
    this.request = request;
    this.bypass = options.bypass === true;
    this.ability = cachedAbility(actor, options.without ?? []);
  }

  /** Whether some record of the type may be acted on (route-level check; conditions are checked per record). */
  can(action: Action, subjectType: SubjectType): boolean {
    return this.bypass || this.ability.can(action, subjectType);
  }

  /** @throws ApiError OPENNRM_FORBIDDEN when no rule lets the role do `action` on any `subjectType`. */
  assertCan(action: Action, subjectType: SubjectType): void {
    if (!this.can(action, subjectType)) throw new ApiError('OPENNRM_FORBIDDEN');
  }

  /** SQL condition: the row may be acted on. Add it to every query that returns or changes such rows. */
  filter(eb: AnyExpressionBuilder, action: Action, subjectType: SubjectType, facts: FactsSql): RawBuilder<SqlBool> {
    if (this.bypass) return TRUE;
    return sql<SqlBool>`(${conditionToSql(
      eb,
      memo(this.ability, `p:${action}:${subjectType}`, () => permittedCondition(this.ability, action, subjectType)),
      facts,
    )})`;
  }

  /**
   * SQL condition: the row may be acted on whole, by a rule not narrowed by a
   * referral's shared fields (a provider reading through a referral fails it).
   */
  filterWhole(eb: AnyExpressionBuilder, action: Action, subjectType: SubjectType, facts: FactsSql): RawBuilder<SqlBool> {
    if (this.bypass) return TRUE;
    const condition = memo(this.ability, `w:${action}:${subjectType}`, () => wholeCondition(this.ability, action, subjectType));
    return condition ? sql<SqlBool>`(${conditionToSql(eb, condition, facts)})` : FALSE;
  }

  /** SQL condition: a conflict-of-interest rule blocks the user from the row. */
  blocked(eb: AnyExpressionBuilder, action: Action, subjectType: SubjectType, facts: FactsSql): RawBuilder<SqlBool> {
    if (this.bypass) return FALSE;
    const condition = memo(this.ability, `f:${action}:${subjectType}`, () => forbiddenCondition(this.ability, action, subjectType));
    return condition ? sql<SqlBool>`(${conditionToSql(eb, condition, facts)})` : FALSE;
  }

  /**
   * Field-level access: one SQL boolean per granting rule (select them with
   * the row), and a function that turns the row's booleans and its
   * referrals' shared fields into the set of fields the user may see
   * (undefined: all).
   */
  fieldRules(action: Action, subjectType: SubjectType): FieldRules {
    const rules = this.bypass
      ? []
      : memo(this.ability, `g:${action}:${subjectType}`, () => grantingRules(this.ability, action, subjectType));
    return {
      rules,
      columns: (eb, facts) => rules.map((r) => (r.condition ? sql<SqlBool>`(${conditionToSql(eb, r.condition, facts)})` : TRUE)),
      fields: (matched, shared) => (this.bypass ? undefined : permittedFields(rules, matched, shared)),
      narrowsByReferral: rules.some((r) => r.narrowedByReferral),
    };
  }

  /**
   * The decision on ONE record, evaluated from its facts: each distinct fact
   * comparison of the user's rules is one SQL boolean column (select them
   * with the record, one index probe each), and `decide` applies CASL's rule
   * order to them: the highest-priority matching rule wins, a forbidding
   * (conflict) rule blocks. Used for reads by id, where it is cheaper than the
   * list filter; the record never leaves the repository unless allowed.
   */
  recordDecision(action: Action, subjectType: SubjectType): RecordDecision {
    if (this.bypass) return { columns: () => [], decide: () => ({ allowed: true, blocked: false, fields: undefined }) };
    return memo(this.ability, `d:${action}:${subjectType}`, () => this.#buildDecision(action, subjectType));
  }

  #buildDecision(action: Action, subjectType: SubjectType): RecordDecision {
    const rules = this.ability.rulesFor(action, subjectType);
    const leaves = new Map<string, { field: string; operator: 'eq' | 'in'; value: unknown }>();
    const collect = (node: PolicyCondition | undefined): void => {
      if (!node) return;
      const n = node as unknown as { operator: string; value: unknown; field?: string };
      if (n.operator === 'eq' || n.operator === 'in') leaves.set(leafKey(n), { field: n.field!, operator: n.operator, value: n.value });
      else for (const child of n.value as PolicyCondition[]) collect(child);
    };
    for (const rule of rules) collect(rule.ast as PolicyCondition | undefined);
    const keys = [...leaves.keys()];
    const granting = grantingRules(this.ability, action, subjectType);
    return {
      columns: (eb, facts) =>
        keys.map((key) => {
          const leaf = leaves.get(key)!;
          const fact = facts[leaf.field];
          if (!fact) throw new Error(`access policy: no SQL for fact "${leaf.field}"`);
          return sql<SqlBool>`(${fact(eb, leaf.operator, leaf.value)})`;
        }),
      decide: (values, shared = []) => {
        const truth = new Map(keys.map((k, i) => [k, Boolean(values[i])]));
        const holds = (node: PolicyCondition | undefined): boolean => {
          if (!node) return true;
          const n = node as unknown as { operator: string; value: unknown; field?: string };
          if (n.operator === 'and') return (n.value as PolicyCondition[]).every(holds);
          if (n.operator === 'or') return (n.value as PolicyCondition[]).some(holds);
          if (n.operator === 'not') return !holds((n.value as PolicyCondition[])[0]);
          return truth.get(leafKey(n)) ?? false;
        };
        const first = rules.find((rule) => holds(rule.ast as PolicyCondition | undefined));
        const blocked = rules.some((rule) => rule.inverted && holds(rule.ast as PolicyCondition | undefined));
        const allowed = first !== undefined && !first.inverted;
        const matched = granting.map((g) => holds(g.condition ?? undefined));
        return { allowed, blocked, fields: allowed ? permittedFields(granting, matched, shared) : new Set<string>() };
      },
    };
  }

  /**
   * Records one `search` audit event per record a list returned, in one
   * transaction of its own (the list itself was read outside any).
   * @param recordType audit record type, e.g. "referral".
   * @param ids ids of the records returned, in order.
   */
  async auditSearch(db: Kysely<Database>, recordType: string, ids: readonly string[]): Promise<void> {
    await db.transaction().execute((trx) =>
      appendAuditEvents(
        trx,
        ids.map((id) => this.audit({ action: 'search', record_type: recordType, record_id: id })),
      ),
    );
  }

  /** The actor and request part of an audit event; spread the record part after it. */
  audit(
    event: Omit<AuditEventInput, 'actor_user_id' | 'actor_username' | 'actor_organisation_id' | 'source_ip' | 'user_agent' | 'request_id'>,
  ): AuditEventInput {
    return {
      actor_user_id: this.actor.user_id,
      actor_username: this.username,
      actor_organisation_id: this.actor.organisation_id,
      ...this.request,
      ...event,
    };
  }
}

/**
 * Abilities are pure functions of (user, role, organisation, left-out rules):
 * built once and reused across requests (a role or organisation change gives
 * a new key). Bounded, so a server with many users does not grow without limit.
 */
const ABILITY_CACHE_SIZE = 5000;
const abilities = new Map<string, AppAbility>();
function cachedAbility(actor: AccessActor, without: readonly string[]): AppAbility {
  const key = `${actor.user_id}|${actor.role}|${actor.organisation_id}|${without.join(',')}`;
  let ability = abilities.get(key);
  if (!ability) {
    if (abilities.size >= ABILITY_CACHE_SIZE) abilities.clear();
    ability = defineAbilityFor(actor, { without });
    abilities.set(key, ability);
  }
  return ability;
}

/** Conditions derived from an ability, computed once per ability. */
const derived = new WeakMap<AppAbility, Map<string, unknown>>();
function memo<T>(ability: AppAbility, key: string, compute: () => T): T {
  let cache = derived.get(ability);
  if (!cache) derived.set(ability, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

const leafKey = (n: { field?: string; operator: string; value: unknown }) => `${n.field}|${n.operator}|${JSON.stringify(n.value)}`;

/** See AccessControl.recordDecision. */
export interface RecordDecision {
  columns: (eb: AnyExpressionBuilder, facts: FactsSql) => RawBuilder<SqlBool>[];
  /** `values`: the columns' booleans in order; `shared`: the record's referral shared fields. */
  decide: (
    values: readonly unknown[],
    shared?: readonly string[],
  ) => { allowed: boolean; blocked: boolean; fields: Set<string> | undefined };
}

export interface FieldRules {
  rules: GrantingRule[];
  columns: (eb: AnyExpressionBuilder, facts: FactsSql) => RawBuilder<SqlBool>[];
  fields: (matched: readonly boolean[], shared: readonly string[]) => Set<string> | undefined;
  narrowsByReferral: boolean;
}

/** Keeps only `allowed` keys of a view (plus those in `always`); undefined allowed keeps everything. */
export function stripFields<T extends Record<string, unknown>>(
  view: T,
  allowed: Set<string> | undefined,
  always: readonly string[],
): Partial<T> {
  if (!allowed) return view;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) if (always.includes(key) || allowed.has(key)) out[key] = value;
  return out as Partial<T>;
}

/**
 * The signed-in user as the policy sees them: role and organisation, as the
 * session resolved them (no extra query: an organisation's kind plays no part;
 * whether an organisation provides a service is a fact of the referral).
 */
export function accessActor(actor: Actor): AccessActor {
  return { user_id: actor.user_id, role: actor.role, organisation_id: actor.organisation_id };
}
