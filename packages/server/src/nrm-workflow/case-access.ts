import type { Action } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { victimCaseFacts } from '../access/facts.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { RecordContext } from '../shared/record-context.ts';

/** A victim case the user may act on, as the workflow's routes need it. */
export interface CaseForAction {
  id: string;
  person_id: string;
  nrm_status: string;
  workflow_state: string | null;
  owner_organisation_id: string | null;
  /** The user sees the case whole, not only through a referral's shared fields. */
  full: boolean;
}

/**
 * The case with that id, when the access policy lets the user `action` it
 * (docs/access-policy.md), for routes under /victim-cases/:id that are not
 * the case itself (timeline, residence status).
 * @throws ApiError 404 when there is none or the user may not act on it (the same answer);
 *   OPENNRM_CONFLICT_OF_INTEREST (the refusal is audited) when a conflict rule blocks the user.
 */
export async function caseForAction(
  ctx: RecordContext,
  caseId: string,
  action: Extract<Action, 'read' | 'update'>,
): Promise<CaseForAction> {
  const { db, access } = ctx;
  const fieldRules = access.fieldRules(action, 'VictimCase');
  const row = await db
    .selectFrom('victim_case')
    .select(['id', 'person_id', 'nrm_status', 'workflow_state', 'owner_organisation_id'])
    .select((eb) => [
      access.filter(eb, action, 'VictimCase', victimCaseFacts()).as('allowed'),
      access.blocked(eb, action, 'VictimCase', victimCaseFacts()).as('blocked'),
      ...fieldRules.columns(eb, victimCaseFacts()).map((c, i) => c.as(`rule_${i}`)),
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (row?.blocked) {
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvent(
          trx,
          access.audit({ action: 'access_denied', record_type: 'victim_case', record_id: caseId, reason: 'conflict_of_interest' }),
        ),
      );
    throw new ApiError('OPENNRM_CONFLICT_OF_INTEREST');
  }
  if (!row?.allowed) throw notFound();
  const record = row as typeof row & Record<string, unknown>;
  const matched = fieldRules.rules.map((_, i) => Boolean(record[`rule_${i}`]));
  return {
    id: row.id,
    person_id: row.person_id,
    nrm_status: row.nrm_status,
    workflow_state: row.workflow_state,
    owner_organisation_id: row.owner_organisation_id,
    full: fieldRules.fields(matched, []) === undefined,
  };
}
