import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { victimCaseFacts } from '../access/facts.ts';
import { booleanFact, type FactsSql } from '../access/policy-sql.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { RecordContext } from '../shared/record-context.ts';

/** The victim case behind a hearing, counsel, programme or measure, as the repositories need it. */
export interface ProceedingsCase {
  id: string;
  person_id: string;
  is_child: boolean | null;
  owner_organisation_id: string | null;
}

/**
 * Facts of the victim case row `victim_case` as the VictimInProceedings and
 * Compensation rules decide on them (VictimInProceedingsFacts in @opennrm/domain).
 */
function victimInProceedingsFacts(ctx: RecordContext): FactsSql {
  const { access } = ctx;
  const caseFacts = victimCaseFacts();
  return {
    case_readable_whole: booleanFact((eb) => access.filterWhole(eb, 'read', 'VictimCase', caseFacts)),
    case_updatable: booleanFact((eb) => access.filter(eb, 'update', 'VictimCase', caseFacts)),
    prosecuting_organisation_ids: caseFacts.prosecuting_organisation_ids!,
  };
}

/**
 * The victim case `caseId` when the policy lets the user `action` its
 * victims-in-proceedings records (`subject` VictimInProceedings: rules
 * victims_in_proceedings.* and prosecutor.victims_in_proceedings) or its
 * compensation records (`subject` Compensation: rules compensation.* and
 * prosecutor.compensation; docs/access-policy.md). Nobody reads a hearing or
 * a claim of a case they cannot read whole: a provider that sees the case
 * through a referral does not.
 * @throws ApiError 404 when there is no such case or the user may not act on it (the same answer);
 *   OPENNRM_CONFLICT_OF_INTEREST (403, the refusal audited) when a conflict rule blocks the user from the case.
 */
export async function proceedingsCase(
  ctx: RecordContext,
  caseId: string,
  action: 'read' | 'create' | 'update',
  subject: 'VictimInProceedings' | 'Compensation' = 'VictimInProceedings',
): Promise<ProceedingsCase> {
  const { db, access } = ctx;
  const row = await db
    .selectFrom('victim_case')
    .select(['id', 'person_id', 'is_child', 'owner_organisation_id'])
    .select((eb) => [
      access.filter(eb, action, subject, victimInProceedingsFacts(ctx)).as('allowed'),
      access.blocked(eb, 'read', 'VictimCase', victimCaseFacts()).as('blocked'),
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
  return { id: row.id, person_id: row.person_id, is_child: row.is_child, owner_organisation_id: row.owner_organisation_id };
}
