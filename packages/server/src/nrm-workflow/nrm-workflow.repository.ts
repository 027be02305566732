import type { Kysely } from 'kysely';
import { impliedWorkflowState, type NrmStatus, type NrmWorkflowState, problem } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { recordTransition } from './record-transition.ts';
import { caseForAction } from './case-access.ts';
import { LIVE_REFERRAL_STATUSES } from '../access/facts.ts';
import type { TimelineView, TransitionBody, TransitionView } from './nrm-workflow.schemas.ts';

/**
 * The NRM workflow of one victim case through the API: take a step, read the
 * timeline. The access policy is the case's (update to take a step, read to
 * see the timeline); the workflow's own rules are recordTransition's.
 */
export class NrmWorkflowRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Takes one step on a case the user may edit.
   * @returns the recorded step; for a step that changes nothing (refer or assist again), the latest step.
   * @throws ApiError 404 (no such case, or not one the user may edit), OPENNRM_CONFLICT_OF_INTEREST, and as recordTransition.
   */
  async transition(caseId: string, body: TransitionBody): Promise<TransitionView> {
    const { db, profile, access } = this.#ctx;
    await caseForAction(this.#ctx, caseId, 'update');
    const recorded = await db.transaction().execute((trx) => recordTransition(trx, profile, access, { ...body, victim_case_id: caseId }));
    const timeline = await this.#steps(db, caseId);
    const step = recorded ? timeline.find((t) => t.id === recorded.id) : timeline.at(-1);
    if (!step) throw new ApiError('OPENNRM_INVALID_TRANSITION', problem('workflow_nothing_recorded'));
    return { ...step, child_protection: recorded?.child_protection ?? step.child_protection };
  }

  /**
   * The case's workflow state and every step, oldest first, audited as a read.
   * A provider that sees the case only through a referral gets its own part
   * of the timeline (providerTimeline).
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST.
   */
  async timeline(caseId: string): Promise<TimelineView> {
    const { db, access } = this.#ctx;
    const row = await caseForAction(this.#ctx, caseId, 'read');
    return db.transaction().execute(async (trx) => {
      const steps = await this.#steps(trx, caseId);
      await appendAuditEvent(
        trx,
        access.audit({ action: 'read', record_type: 'nrm_transition', record_id: caseId, person_id: row.person_id, fields: ['timeline'] }),
      );
      const whole = {
        victim_case_id: caseId,
        workflow_state: (row.workflow_state as NrmWorkflowState | null) ?? impliedWorkflowState(row.nrm_status as NrmStatus),
        nrm_status: row.nrm_status as NrmStatus,
        items: steps,
      };
      return row.full ? whole : providerTimeline(trx, whole, access.actor.organisation_id);
    });
  }

  async #steps(db: Kysely<Database>, caseId: string): Promise<TransitionView[]> {
    const [rows, notices] = await Promise.all([
      db
        .selectFrom('nrm_transition as t')
        .leftJoin('app_user as u', 'u.id', 't.actor_user_id')
        .leftJoin('organisation as o', 'o.id', 't.actor_organisation_id')
        .selectAll('t')
        .select(['u.username as actor_username', 'o.code as actor_organisation_code'])
        .where('t.victim_case_id', '=', caseId)
        .orderBy('t.recorded_at')
        .orderBy('t.id')
        .execute(),
      db
        .selectFrom('child_protection_notification as n')
        .leftJoin('organisation as o', 'o.id', 'n.organisation_id')
        .select(['n.transition_id', 'n.status', 'n.organisation_id', 'o.code as organisation_code', 'n.region', 'n.recipients'])
        .where('n.victim_case_id', '=', caseId)
        .execute(),
    ]);
    return rows.map((r) => ({
      id: r.id,
      victim_case_id: r.victim_case_id,
      event: r.event as TransitionView['event'],
      from_state: r.from_state as TransitionView['from_state'],
      to_state: r.to_state as TransitionView['to_state'],
      occurred_on: r.occurred_on,
      recorded_at: isoInstant(r.recorded_at),
      actor_user_id: r.actor_user_id,
      actor_username: r.actor_username,
      actor_organisation_id: r.actor_organisation_id,
      actor_organisation_code: r.actor_organisation_code,
      reason: r.reason,
      closure_reason: r.closure_reason,
      grounds: r.grounds,
      nrm_status: r.nrm_status as TransitionView['nrm_status'],
      source_type: r.source_type,
      source_id: r.source_id,
      anonymous_notification: r.anonymous_notification_id !== null,
      child_protection: notices
        .filter((n) => n.transition_id === r.id)
        .map(({ status, organisation_id, organisation_code, region, recipients }) => ({
          status,
          organisation_id,
          organisation_code,
          region,
          recipients,
        })),
    }));
  }
}

/**
 * The timeline as a provider that sees the case only through its referral
 * may see it (docs/nrm-workflow.md, "What a provider sees"): the steps of its
 * own referrals and assistance and those its organisation took, without the
 * reasons, grounds, user names or child-protection notices written for them;
 * the case's workflow state and NRM status only when a referral of its shares
 * "nrm_status". Other providers, the opening organisation and the rest of the
 * case's history stay hidden (Issue 3 point 1; GDPR art. 5(1)(c)).
 */
async function providerTimeline(db: Kysely<Database>, whole: TimelineView, organisationId: string | null): Promise<TimelineView> {
  if (!organisationId) return { ...whole, workflow_state: null, nrm_status: null, items: [] };
  const [referrals, assistance] = await Promise.all([
    db
      .selectFrom('referral')
      .select(['id', 'status', 'shared_fields'])
      .where('victim_case_id', '=', whole.victim_case_id)
      .where('to_organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('assistance')
      .select('id')
      .where('victim_case_id', '=', whole.victim_case_id)
      .where('provider_organisation_id', '=', organisationId)
      .execute(),
  ]);
  const own = new Set([...referrals.map((r) => r.id), ...assistance.map((a) => a.id)]);
  const statusShared = referrals.some((r) => LIVE_REFERRAL_STATUSES.includes(r.status) && r.shared_fields.includes('nrm_status'));
  const items = whole.items
    .filter((t) => (t.source_id !== null && own.has(t.source_id)) || t.actor_organisation_id === organisationId)
    .map((t) => ({
      ...t,
      reason: null,
      closure_reason: null,
      grounds: [],
      actor_username: null,
      actor_user_id: null,
      nrm_status: statusShared ? t.nrm_status : null,
      child_protection: [],
    }));
  return {
    ...whole,
    workflow_state: statusShared ? whole.workflow_state : null,
    nrm_status: statusShared ? whole.nrm_status : null,
    items,
  };
}
