import { sql } from 'kysely';
import { problem, subject } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { ApiError, invalidField } from '../http/errors.ts';
import { victimCaseFacts } from '../access/facts.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AccessControl } from '../access/access-control.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { CaseTeamMember } from './victim-cases.schemas.ts';

/**
 * The team of a victim case: who works it (case workers see only their
 * team's cases). Changes are permission changes and are audited as such.
 * Only a case manager of the owning organisation (and, read-only, the
 * coordinator) may see or change a team: rule case_manager.case_teams.
 */
export class CaseTeamRepository {
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
    this.#access = ctx.access;
  }

  /** The team, or undefined when the case does not exist or the user may not see its team. */
  async list(caseId: string): Promise<CaseTeamMember[] | undefined> {
    if (!(await this.#allowed(caseId, 'read'))) return undefined;
    return this.#members(caseId);
  }

  /**
   * Adds a member (or changes their role).
   * @throws ApiError OPENNRM_VALIDATION (body.user_id) for a user outside the owning organisation.
   */
  async add(caseId: string, input: { user_id: string; role: 'lead' | 'member' }): Promise<CaseTeamMember[] | undefined> {
    const owner = await this.#allowed(caseId, 'update');
    if (!owner) return undefined;
    const user = await this.#db.selectFrom('app_user').select('organisation_id').where('id', '=', input.user_id).executeTakeFirst();
    if (!user || (!this.#access.bypass && user.organisation_id !== owner.owner_organisation_id))
      throw invalidField('body.user_id', problem('no_user_of_owning_organisation'));
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('case_team')
        .values({ victim_case_id: caseId, user_id: input.user_id, role: input.role })
        .onConflict((oc) => oc.columns(['victim_case_id', 'user_id']).doUpdateSet({ role: input.role }))
        .execute();
      await appendAuditEvent(
        trx,
        this.#access.audit({
          action: 'permission_change',
          record_type: 'case_team',
          record_id: `${caseId}/${input.user_id}`,
          person_id: owner.person_id,
          fields: ['user_id', 'role'],
          reason: `added as ${input.role}`,
        }),
      );
    });
    return this.#members(caseId);
  }

  /** Removes a member; undefined when the case or the membership is not there. */
  async remove(caseId: string, userId: string): Promise<CaseTeamMember[] | undefined> {
    const owner = await this.#allowed(caseId, 'update');
    if (!owner) return undefined;
    const removed = await this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('case_team')
        .where('victim_case_id', '=', caseId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await appendAuditEvent(
        trx,
        this.#access.audit({
          action: 'permission_change',
          record_type: 'case_team',
          record_id: `${caseId}/${userId}`,
          person_id: owner.person_id,
          fields: ['user_id'],
          reason: 'removed',
        }),
      );
      return true;
    });
    return removed ? this.#members(caseId) : undefined;
  }

  /** The case's owner and person when the user may see or change its team; a conflict of interest blocks team work too. */
  async #allowed(caseId: string, action: 'read' | 'update') {
    const access = this.#access;
    const row = await this.#db
      .selectFrom('victim_case')
      .select(['owner_organisation_id', 'person_id'])
      .select((eb) => access.blocked(eb, 'read', 'VictimCase', victimCaseFacts()).as('blocked'))
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.blocked) throw new ApiError('OPENNRM_CONFLICT_OF_INTEREST');
    if (
      !this.#access.bypass &&
      !this.#access.ability.can(
        action,
        subject('CaseTeam', { owner_organisation_id: row.owner_organisation_id } as Record<string, unknown>),
      )
    )
      return undefined;
    return row;
  }

  async #members(caseId: string): Promise<CaseTeamMember[]> {
    const rows = await this.#db
      .selectFrom('case_team')
      .innerJoin('app_user', 'app_user.id', 'case_team.user_id')
      .select(['case_team.user_id', 'app_user.username', 'case_team.role', 'case_team.added_at'])
      .where('case_team.victim_case_id', '=', caseId)
      .orderBy(sql`case_team.role = 'lead'`, 'desc')
      .orderBy('app_user.username')
      .execute();
    return rows.map((r) => ({ ...r, role: r.role as CaseTeamMember['role'], added_at: isoInstant(r.added_at) }));
  }
}
