import type { Selectable } from 'kysely';
import { localToday, residenceExpiry, residenceStatusProblem, residenceStatusRule, residenceWarningDue } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { caseForAction } from '../nrm-workflow/case-access.ts';
import type { ResidenceStatusTable } from '../nrm-workflow/nrm-workflow-tables.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import { warnExpiringResidenceStatuses } from './expiry-warnings.ts';
import type { ResidenceStatusInput, ResidenceStatusView } from './residence-status.schemas.ts';

/**
 * Residence statuses of a foreign victim (issue 4, point 5): recorded on the
 * case by whoever may edit it, read by whoever may read it, each audited.
 * The statuses, their lengths and whether they give a right to services are
 * the profile's (nrm_workflow.residence_statuses).
 */
export class ResidenceStatusRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Records a status; expires_on defaults to the profile's duration. A status
   * already within the warning lead time is warned of at once.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST, OPENNRM_VALIDATION naming body.status or body.expires_on.
   */
  async record(caseId: string, input: ResidenceStatusInput): Promise<ResidenceStatusView> {
    const { db, access, profile } = this.#ctx;
    const found = await caseForAction(this.#ctx, caseId, 'update');
    const rules = profile.nrm_workflow;
    const rule = residenceStatusRule(rules, input.status);
    const expires_on = rule ? residenceExpiry(rule, input.starts_on, input.expires_on ?? null) : null;
    const refusal = residenceStatusProblem(rules, { status: input.status, starts_on: input.starts_on, expires_on });
    if (refusal) {
      const { field, ...rule } = refusal;
      throw invalidField(`body.${field}`, rule);
    }
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('residence_status')
        .values({
          id,
          victim_case_id: caseId,
          status: input.status,
          starts_on: input.starts_on,
          expires_on,
          recorded_by: access.actor.user_id,
        })
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({
          action: 'create',
          record_type: 'residence_status',
          record_id: id,
          person_id: found.person_id,
          fields: Object.keys(input),
        }),
      );
    });
    await warnExpiringResidenceStatuses(db, profile, localToday(profile.annual_report.time_zone));
    const row = await db.selectFrom('residence_status').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return this.#view(row);
  }

  /**
   * The case's statuses, oldest first (the last is current), audited as a read.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST.
   */
  async list(caseId: string): Promise<ResidenceStatusView[]> {
    const { db, access } = this.#ctx;
    const found = await caseForAction(this.#ctx, caseId, 'read');
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('residence_status')
        .selectAll()
        .where('victim_case_id', '=', caseId)
        .orderBy('starts_on')
        .orderBy('id')
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'read', record_type: 'residence_status', record_id: caseId, person_id: found.person_id }),
      );
      return rows.map((r) => this.#view(r));
    });
  }

  #view(row: Selectable<ResidenceStatusTable>): ResidenceStatusView {
    const { profile } = this.#ctx;
    const rule = residenceStatusRule(profile.nrm_workflow, row.status);
    const today = localToday(profile.annual_report.time_zone);
    const entitled = rule?.entitles_to_services ?? false;
    const warnings = [
      ...(entitled ? [] : ['no right to victim services: seek another status']),
      ...(row.expires_on && row.expires_on < today ? [`expired on ${row.expires_on}`] : []),
      ...(residenceWarningDue(profile.nrm_workflow, row.expires_on, today) ? [`expires on ${row.expires_on}`] : []),
    ];
    return {
      id: row.id,
      victim_case_id: row.victim_case_id,
      status: row.status,
      name: rule?.name ?? row.status,
      starts_on: row.starts_on,
      expires_on: row.expires_on,
      entitles_to_services: entitled,
      warning: warnings.length > 0 ? warnings.join('; ') : null,
      expiry_warned_on: row.expiry_warned_on,
      source: rule?.source ?? 'not in the profile',
      created_at: isoInstant(row.created_at),
    };
  }
}
