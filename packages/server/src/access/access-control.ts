import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
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
  type SubjectType,
} from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
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
    this.ability = defineAbilityFor(actor, { without: options.without ?? [] });
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
    return sql<SqlBool>`(${conditionToSql(eb, permittedCondition(this.ability, action, subjectType), facts)})`;
  }

  /** SQL condition: a conflict-of-interest rule blocks the user from the row. */
  blocked(eb: AnyExpressionBuilder, action: Action, subjectType: SubjectType, facts: FactsSql): RawBuilder<SqlBool> {
    if (this.bypass) return FALSE;
    const condition = forbiddenCondition(this.ability, action, subjectType);
    return condition ? sql<SqlBool>`(${conditionToSql(eb, condition, facts)})` : FALSE;
  }

  /**
   * Field-level access: one SQL boolean per granting rule (select them with
   * the row), and a function that turns the row's booleans and its
   * referrals' shared fields into the set of fields the user may see
   * (undefined: all).
   */
  fieldRules(action: Action, subjectType: SubjectType): FieldRules {
    const rules = this.bypass ? [] : grantingRules(this.ability, action, subjectType);
    return {
      rules,
      columns: (eb, facts) => rules.map((r) => (r.condition ? sql<SqlBool>`(${conditionToSql(eb, r.condition, facts)})` : TRUE)),
      fields: (matched, shared) => (this.bypass ? undefined : permittedFields(rules, matched, shared)),
      narrowsByReferral: rules.some((r) => r.narrowedByReferral),
    };
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
 * The signed-in user as the policy sees them: role, organisation and its kind.
 * One primary-key lookup a request.
 */
export async function loadAccessActor(db: Kysely<Database>, actor: Actor): Promise<AccessActor> {
  const org = actor.organisation_id
    ? await db.selectFrom('organisation').select('kind').where('id', '=', actor.organisation_id).executeTakeFirst()
    : undefined;
  return { user_id: actor.user_id, role: actor.role, organisation_id: actor.organisation_id, organisation_kind: org?.kind ?? null };
}
