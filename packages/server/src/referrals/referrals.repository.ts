import type { Kysely } from 'kysely';
import {
  problem,
  problemText,
  referralResponseError,
  type DeclineReasonCode,
  type JurisdictionProfile,
  type ReferralStatus,
} from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { CreateReferral, ReferralQuery, ReferralView, ResendReferral, UpdateReferral } from './referrals.schemas.ts';
import { DEFAULT_SHARED_FIELDS } from '@opennrm/domain';
import type { AccessControl } from '../access/access-control.ts';
import { caseChildFacts, victimCaseFacts } from '../access/facts.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { recordTransition } from '../nrm-workflow/record-transition.ts';
import { localDay } from '../service-directory/local-day.ts';

/** Fields of a referral only the referring side (a user who may edit the case) changes. */
const REFERRING_SIDE_FIELDS = ['shared_fields', 'services', 'urgency'] as const;

/**
 * Referrals of a victim to assistance: who referred whom to whom, for which
 * services, and the answer. Policy (docs/access-policy.md): whoever may read
 * the case reads its referrals, whoever may edit it refers; the receiving
 * organisation reads and answers. Every read and change is audited in its transaction.
 */
export class ReferralsRepository {
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  readonly #profile: JurisdictionProfile;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
    this.#access = ctx.access;
    this.#profile = ctx.profile;
  }

  /**
   * Sends a referral (status "sent") and, in the same transaction, moves the case to "referred" through the NRM
   * workflow (recordTransition, event "refer", on the local day of sent_at, sourced to the referral; nothing is
   * recorded when the case is already referred or assisted).
   * @throws ApiError OPENNRM_VALIDATION for an unknown victim case or organisation; OPENNRM_CONSENT_REQUIRED (409)
   *   for an adult who has not consented to referral (GDPR art. 6(1)(a), 9(2)(a); docs/nrm-workflow.md);
   *   OPENNRM_INVALID_TRANSITION (409) for a case the workflow does not refer (closed, not a victim).
   */
  async create(input: CreateReferral, resentFromReferralId: string | null = null): Promise<ReferralView> {
    this.#access.assertCan('create', 'Referral');
    const personId = await assertVictimCase(this.#db, input.victim_case_id, 'body.victim_case_id', this.#access);
    const from = await resolveOrganisation(this.#db, input.from_organisation, 'body.from_organisation');
    const onBehalf = referringOnBehalf(this.#access, from.id);
    const to = await resolveOrganisation(this.#db, input.to_organisation, 'body.to_organisation');
    const id = newId();
    const sentAt = input.sent_at ? new Date(input.sent_at) : new Date();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('referral')
        .values({
          id,
          victim_case_id: input.victim_case_id,
          from_organisation_id: from.id,
          to_organisation_id: to.id,
          services: input.services,
          sent_at: sentAt,
          shared_fields: [...(input.shared_fields ?? DEFAULT_SHARED_FIELDS)],
          urgency: input.urgency,
          resent_from_referral_id: resentFromReferralId,
        })
        .execute();
      await appendAuditEvent(
        trx,
        this.#access.audit({
          action: 'create',
          record_type: 'referral',
          record_id: id,
          person_id: personId,
          fields: Object.keys(input),
          reason: onBehalf ? `recorded on behalf of ${from.code}` : null,
        }),
      );
      await recordTransition(trx, this.#profile, this.#access, {
        victim_case_id: input.victim_case_id,
        event: 'refer',
        occurred_on: localDay(sentAt, this.#profile.annual_report.time_zone),
        source: { type: 'referral', id },
      });
    });
    return (await this.get(id))!;
  }

  /** One referral, or undefined. */
  async get(id: string): Promise<ReferralView | undefined> {
    const access = this.#access;
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#select(trx)
        .select('victim_case.person_id')
        .where('referral.id', '=', id)
        .where((eb) => access.filter(eb, 'read', 'Referral', caseChildFacts(access, 'referral')))
        .executeTakeFirst();
      if (!row) return undefined;
      await appendAuditEvent(trx, access.audit({ action: 'read', record_type: 'referral', record_id: id, person_id: row.person_id }));
      return toView(row);
    });
  }

  /**
   * Records the answer (accepted, declined with a reason, withdrawn), the start of the service, or changed services.
   * @throws ApiError OPENNRM_INVALID_TRANSITION for a status change the rules forbid (referralResponseError),
   *   OPENNRM_VALIDATION for a missing decline_reason or started_on on a referral that is not accepted.
   */
  async update(id: string, patch: UpdateReferral): Promise<ReferralView | undefined> {
    const access = this.#access;
    const current = await this.#db
      .selectFrom('referral')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => access.filter(eb, 'update', 'Referral', caseChildFacts(access, 'referral')))
      .executeTakeFirst();
    if (!current) return undefined;
    await this.#refuseReferringSideChanges(current.victim_case_id, patch);
    const status = (patch.status ?? current.status) as ReferralStatus;
    const decline_reason = patch.decline_reason !== undefined ? patch.decline_reason : current.decline_reason;
    let decline_reason_code = (
      patch.decline_reason_code !== undefined ? patch.decline_reason_code : current.decline_reason_code
    ) as DeclineReasonCode | null;
    if (patch.status !== undefined || patch.decline_reason !== undefined || patch.decline_reason_code !== undefined) {
      const refusal = referralResponseError(current.status as ReferralStatus, { status, decline_reason, decline_reason_code });
      if (refusal) {
        const { field, ...rule } = refusal;
        if (field !== 'status') throw invalidField(`body.${field}`, rule);
        throw new ApiError('OPENNRM_INVALID_TRANSITION', rule);
      }
      // A decline given only in words is counted under "other" (docs/services.md).
      if (status === 'declined') decline_reason_code ??= 'other';
    }
    const started_on = patch.started_on !== undefined ? patch.started_on : current.started_on;
    if (started_on && status !== 'accepted') throw invalidField('body.started_on', problem('start_date_only_when_accepted'));
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('referral')
        .set({
          services: patch.services ?? current.services,
          status,
          decline_reason,
          decline_reason_code,
          urgency: patch.urgency ?? current.urgency,
          started_on,
          shared_fields: patch.shared_fields ?? current.shared_fields,
          responded_at: status !== current.status ? new Date() : current.responded_at,
        })
        .where('id', '=', id)
        .execute();
      await appendAuditEvent(trx, access.audit({ action: 'update', record_type: 'referral', record_id: id, fields: Object.keys(patch) }));
    });
    return this.get(id);
  }

  /**
   * What a referral shares, which services it asks for and how urgent it is are the referring side's decisions:
   * a user who may update the referral only as its receiver (rule service_provider.answer_referrals) answers it and records
   * the start of the service, and may not widen what it is shown (data minimisation, GDPR art. 5(1)(c); docs/access-policy.md).
   * @throws ApiError OPENNRM_FORBIDDEN naming body.shared_fields, body.services or body.urgency.
   */
  async #refuseReferringSideChanges(victimCaseId: string, patch: UpdateReferral): Promise<void> {
    const referringSide = REFERRING_SIDE_FIELDS.filter((field) => patch[field] !== undefined);
    if (referringSide.length === 0) return;
    const access = this.#access;
    const mayEditCase = await this.#db
      .selectFrom('victim_case')
      .select('victim_case.id')
      .where('victim_case.id', '=', victimCaseId)
      .where((eb) => access.filter(eb, 'update', 'VictimCase', victimCaseFacts()))
      .executeTakeFirst();
    if (mayEditCase) return;
    const onlyEditors = problem('referral_field_for_case_editors');
    throw new ApiError(
      'OPENNRM_FORBIDDEN',
      problem('referral_answered_by_receiver'),
      referringSide.map((field) => ({ path: `body.${field}`, reason: problemText(onlyEditors), ...onlyEditors })),
    );
  }

  /**
   * Re-sends a declined referral to another provider: a new referral of the same case, from the same organisation,
   * with the same shared fields, linked by resent_from_referral_id. The declined one stays as it is (its reason is
   * the record of an unmet need).
   * @returns undefined when the user may not read the referral.
   * @throws ApiError OPENNRM_INVALID_TRANSITION when the referral is not declined,
   *   OPENNRM_VALIDATION (body.to_organisation) for the provider that declined it or an unknown one.
   */
  async resend(id: string, input: ResendReferral): Promise<ReferralView | undefined> {
    const declined = await this.get(id);
    if (!declined) return undefined;
    if (declined.status !== 'declined')
      throw new ApiError('OPENNRM_INVALID_TRANSITION', problem('resend_only_declined', { status: declined.status }));
    const to = await resolveOrganisation(this.#db, input.to_organisation, 'body.to_organisation');
    if (to.id === declined.to_organisation_id) throw invalidField('body.to_organisation', problem('provider_declined_choose_another'));
    return this.create(
      {
        victim_case_id: declined.victim_case_id,
        from_organisation: declined.from_organisation_id,
        to_organisation: to.id,
        services: input.services ?? declined.services,
        urgency: input.urgency ?? declined.urgency,
        shared_fields: declined.shared_fields,
        ...(input.sent_at ? { sent_at: input.sent_at } : {}),
      },
      id,
    );
  }

  /** A page of referrals matching the filters, oldest first. */
  async list(query: ReferralQuery): Promise<{ items: ReferralView[]; total: number }> {
    const access = this.#access;
    let base = this.#db.selectFrom('referral').where((eb) => access.filter(eb, 'read', 'Referral', caseChildFacts(access, 'referral')));
    if (query.victim_case_id) base = base.where('referral.victim_case_id', '=', query.victim_case_id);
    if (query.status) base = base.where('referral.status', '=', query.status);
    if (query.from_organisation) {
      base = base.where(
        'referral.from_organisation_id',
        '=',
        (await resolveOrganisation(this.#db, query.from_organisation, 'query.from_organisation')).id,
      );
    }
    if (query.to_organisation) {
      base = base.where(
        'referral.to_organisation_id',
        '=',
        (await resolveOrganisation(this.#db, query.to_organisation, 'query.to_organisation')).id,
      );
    }
    if (query.service) base = base.where((eb) => eb(eb.val<string>(query.service!), '=', eb.fn.any('referral.services')));
    const [rows, count] = await Promise.all([
      base
        .innerJoin('organisation as from_org', 'from_org.id', 'referral.from_organisation_id')
        .innerJoin('organisation as to_org', 'to_org.id', 'referral.to_organisation_id')
        .selectAll('referral')
        .select(['from_org.code as from_organisation_code', 'to_org.code as to_organisation_code'])
        .orderBy('referral.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await access.auditSearch(
      this.#db,
      'referral',
      rows.map((r) => r.id),
    );
    return { items: rows.map(toView), total: Number(count.n) };
  }

  #select(db: Kysely<Database>) {
    return db
      .selectFrom('referral')
      .innerJoin('victim_case', 'victim_case.id', 'referral.victim_case_id')
      .innerJoin('organisation as from_org', 'from_org.id', 'referral.from_organisation_id')
      .innerJoin('organisation as to_org', 'to_org.id', 'referral.to_organisation_id')
      .selectAll('referral')
      .select(['from_org.code as from_organisation_code', 'to_org.code as to_organisation_code']);
  }
}

/**
 * Checks that the user may edit the victim case a new referral or service is for.
 * @returns the case's person id.
 * @throws ApiError OPENNRM_VALIDATION naming `field` when no victim case has that id, or not one the user may edit
 *   (the same answer: nothing revealed).
 */
export async function assertVictimCase(db: Kysely<Database>, id: string, field: string, access: AccessControl): Promise<string> {
  const found = await db
    .selectFrom('victim_case')
    .select('person_id')
    .where('id', '=', id)
    .where((eb) => access.filter(eb, 'update', 'VictimCase', victimCaseFacts()))
    .executeTakeFirst();
  if (!found) throw invalidField(field, problem('no_victim_case_with_id'));
  return found.person_id;
}

function toView(row: {
  id: string;
  victim_case_id: string;
  from_organisation_id: string;
  from_organisation_code: string;
  to_organisation_id: string;
  to_organisation_code: string;
  services: string[];
  status: string;
  sent_at: Date;
  responded_at: Date | null;
  decline_reason: string | null;
  decline_reason_code: string | null;
  urgency: string;
  resent_from_referral_id: string | null;
  overdue_alerted_at?: Date | null;
  started_on: string | null;
  shared_fields: string[];
  created_at: Date;
}): ReferralView {
  const { overdue_alerted_at: _alerted, ...rest } = row;
  return {
    ...rest,
    decline_reason_code: row.decline_reason_code as ReferralView['decline_reason_code'],
    urgency: row.urgency as ReferralView['urgency'],
    services: row.services as ReferralView['services'],
    status: row.status as ReferralView['status'],
    sent_at: isoInstant(row.sent_at),
    responded_at: row.responded_at ? isoInstant(row.responded_at) : null,
    created_at: isoInstant(row.created_at),
  };
}

/**
 * Whether a referral names another organisation than the user's as its
 * sender. Only the national coordinator may record one so (ANITP keeps the
 * national register of referrals, and records those another body made on
 * paper or by phone; Romanian Law 678/2001 art. 18^1); the audit event then
 * says on whose behalf. Anyone else sends from their own organisation: a
 * forged sender would put another institution's name on the referral and on
 * the NRM timeline (docs/threat-model.md).
 * @throws ApiError OPENNRM_VALIDATION naming body.from_organisation otherwise.
 */
function referringOnBehalf(access: AccessControl, fromOrganisationId: string): boolean {
  if (access.bypass || fromOrganisationId === access.actor.organisation_id) return false;
  if (access.actor.role === 'coordinator') return true;
  throw invalidField('body.from_organisation', problem('referral_from_own_organisation'));
}
