import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AccessControl } from '../access/access-control.ts';
import { victimCaseFacts } from '../access/facts.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';

/** How long a break-glass grant lasts: one working session on an emergency, then a new reason is needed. */
export const BREAK_GLASS_MINUTES = 60;

/**
 * Break-glass (issue 3, point 5): a user outside a case's team opens it for a
 * written reason. The grant, the break_glass audit event (with the reason)
 * and the alerts to the owning organisation's case managers commit together.
 * Conflicts of interest win over break-glass.
 */
export class BreakGlassRepository {
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
    this.#access = ctx.access;
  }

  /**
   * Grants read access to the case for BREAK_GLASS_MINUTES.
   * @returns the grant, or undefined when there is no such case.
   * @throws ApiError OPENNRM_CONFLICT_OF_INTEREST when a conflict rule blocks the user from the case.
   */
  async open(caseId: string, reason: string): Promise<{ victim_case_id: string; expires_at: string } | undefined> {
    const access = this.#access;
    const row = await this.#db
      .selectFrom('victim_case')
      .select(['id', 'person_id', 'owner_organisation_id'])
      .select((eb) => access.blocked(eb, 'break_glass', 'VictimCase', victimCaseFacts()).as('blocked'))
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.blocked) {
      await this.#db
        .transaction()
        .execute((trx) =>
          appendAuditEvent(
            trx,
            access.audit({ action: 'access_denied', record_type: 'victim_case', record_id: caseId, reason: 'conflict_of_interest' }),
          ),
        );
      throw new ApiError('OPENNRM_CONFLICT_OF_INTEREST');
    }
    const expires = new Date(Date.now() + BREAK_GLASS_MINUTES * 60_000);
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('break_glass_grant')
        .values({ id: newId(), victim_case_id: caseId, user_id: access.actor.user_id, reason, expires_at: expires })
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'break_glass', record_type: 'victim_case', record_id: caseId, person_id: row.person_id, reason }),
      );
      const managers = row.owner_organisation_id
        ? await trx
            .selectFrom('app_user')
            .select('id')
            .where('organisation_id', '=', row.owner_organisation_id)
            .where('role', '=', 'case_manager')
            .where('disabled', '=', false)
            .execute()
        : [];
      if (managers.length > 0)
        await trx
          .insertInto('alert')
          .values(
            managers.map((m) => ({
              id: newId(),
              recipient_user_id: m.id,
              kind: 'break_glass',
              victim_case_id: caseId,
              actor_user_id: access.actor.user_id,
              reason,
            })),
          )
          .execute();
    });
    return { victim_case_id: caseId, expires_at: expires.toISOString() };
  }
}
