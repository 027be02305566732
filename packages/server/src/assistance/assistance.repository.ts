import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { problem, problemText, subject, type CataloguedProblem } from '@opennrm/domain';
import type { AccessControl } from '../access/access-control.ts';
import { caseChildFacts, victimCaseFacts } from '../access/facts.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { recordTransition } from '../nrm-workflow/record-transition.ts';
import { localDay } from '../service-directory/local-day.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { AssistanceQuery, AssistanceView, CreateAssistance, UpdateAssistance } from './assistance.schemas.ts';
import { checkDelivery } from './delivery-check.ts';
import { checkServiceUnderReferral } from './referral-check.ts';
import type { JurisdictionProfile } from '@opennrm/domain';
import { assertServicePeriodPossible, victimCaseBegan } from '../shared/date-bounds.ts';

/**
 * Assistance a victim received: one service from one provider over a period.
 * Issue 2's narrative failure "victims never counted as assisted" is answered
 * here: a service is recorded whether or not it came from a referral.
 */
export class AssistanceRepository {
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  readonly #profile: JurisdictionProfile;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
    this.#access = ctx.access;
    this.#profile = ctx.profile;
  }

  /**
   * Records a service and, in the same transaction, moves the case to "assisted" through the NRM workflow
   * (recordTransition, event "assist", on started_on, sourced to the record; nothing is recorded when the case is
   * already assisted, or for a service that starts after today, which is planned, not delivered).
   * @throws ApiError OPENNRM_FORBIDDEN (403) on a case the user can see but may not record this service on, naming
   *   body.provider_organisation when only the provider stands in the way (a provider records its own services only),
   *   else body.victim_case_id; OPENNRM_VALIDATION for an unknown (or unseen) victim case, organisation, referral or facility, a referral of
   *   another case, a payment the profile refuses (checkDelivery), or started_on / ended_on before the victim case began
   *   or more than a year ahead (assertServicePeriodPossible); OPENNRM_INVALID_TRANSITION (409) for a case
   *   the workflow does not assist (closed, not a victim).
   */
  async create(input: CreateAssistance): Promise<AssistanceView> {
    const access = this.#access;
    access.assertCan('create', 'Assistance');
    const provider = await resolveOrganisation(this.#db, input.provider_organisation, 'body.provider_organisation');
    const target = await this.#db
      .selectFrom('victim_case')
      .select((eb) => [
        'person_id',
        access.filter(eb, 'read', 'VictimCase', victimCaseFacts()).as('case_readable'),
        access.filter(eb, 'update', 'VictimCase', victimCaseFacts()).as('case_updatable'),
      ])
      .where('id', '=', input.victim_case_id)
      .executeTakeFirst();
    const facts = {
      case_readable: Boolean(target?.case_readable),
      case_updatable: Boolean(target?.case_updatable),
      to_organisation_id: provider.id,
    };
    if (!target || !target.case_readable) throw invalidField('body.victim_case_id', problem('no_victim_case_with_id'));
    if (!access.bypass && !access.ability.can('create', subject('Assistance', facts))) throw refusal(access, facts);
    const began = (await victimCaseBegan(this.#db, input.victim_case_id))!;
    assertServicePeriodPossible({ started_on: input.started_on, ended_on: input.ended_on ?? null }, began, this.#profile);
    if (input.referral_id) {
      const referral = await this.#db
        .selectFrom('referral')
        .select(['victim_case_id', 'status', 'sent_at'])
        .where('id', '=', input.referral_id)
        .executeTakeFirst();
      if (!referral) throw invalidField('body.referral_id', problem('no_referral_with_id'));
      if (referral.victim_case_id !== input.victim_case_id) throw invalidField('body.referral_id', problem('referral_of_other_case'));
      checkServiceUnderReferral(referral, input.started_on, this.#profile.annual_report.time_zone);
    }
    const payment = {
      facility_id: input.facility_id ?? null,
      amount: input.amount ?? null,
      currency: input.currency ?? null,
      payment_scheme: input.payment_scheme ?? null,
    };
    await checkDelivery(this.#db, this.#profile, {
      service: input.service,
      started_on: input.started_on,
      provider_organisation_id: provider.id,
      ...payment,
    });
    const id = newId();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('assistance')
        .values({
          id,
          victim_case_id: input.victim_case_id,
          referral_id: input.referral_id ?? null,
          provider_organisation_id: provider.id,
          service: input.service,
          started_on: input.started_on,
          ended_on: input.ended_on ?? null,
          ...payment,
        })
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({
          action: 'create',
          record_type: 'assistance',
          record_id: id,
          person_id: target.person_id,
          fields: Object.keys(input),
        }),
      );
      if (input.started_on <= localDay(new Date(), this.#profile.annual_report.time_zone))
        await recordTransition(trx, this.#profile, access, {
          victim_case_id: input.victim_case_id,
          event: 'assist',
          occurred_on: input.started_on,
          source: { type: 'assistance', id },
        });
    });
    return (await this.get(id))!;
  }

  /** One service record, or undefined. */
  async get(id: string): Promise<AssistanceView | undefined> {
    const access = this.#access;
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#select(trx)
        .innerJoin('victim_case', 'victim_case.id', 'assistance.victim_case_id')
        .select('victim_case.person_id')
        .where('assistance.id', '=', id)
        .where((eb) => access.filter(eb, 'read', 'Assistance', caseChildFacts(access, 'assistance')))
        .executeTakeFirst();
      if (!row) return undefined;
      await appendAuditEvent(trx, access.audit({ action: 'read', record_type: 'assistance', record_id: id, person_id: row.person_id }));
      return toView(row);
    });
  }

  /**
   * Changes the service, its start or its end.
   * @throws ApiError OPENNRM_VALIDATION (body.ended_on) when the period would end before it starts; naming
   *   body.started_on or body.ended_on given before the victim case began or over a year ahead (date-bounds.ts).
   */
  async update(id: string, patch: UpdateAssistance): Promise<AssistanceView | undefined> {
    const access = this.#access;
    const current = await this.#db
      .selectFrom('assistance')
      .select([
        'victim_case_id',
        'started_on',
        'ended_on',
        'service',
        'provider_organisation_id',
        'facility_id',
        'amount',
        'currency',
        'payment_scheme',
        'referral_id',
      ])
      .where('id', '=', id)
      .where((eb) => access.filter(eb, 'update', 'Assistance', caseChildFacts(access, 'assistance')))
      .executeTakeFirst();
    if (!current) return undefined;
    const started_on = patch.started_on ?? current.started_on;
    const ended_on = patch.ended_on !== undefined ? patch.ended_on : current.ended_on;
    if (ended_on && ended_on < started_on) throw invalidField('body.ended_on', problem('date_before_other_field', { other: 'started_on' }));
    // Only the dates changed are bounded: a record kept from before the bounds can still have its service corrected.
    if (patch.started_on !== undefined || patch.ended_on)
      assertServicePeriodPossible(
        { started_on: patch.started_on ?? null, ended_on: patch.ended_on ?? null },
        (await victimCaseBegan(this.#db, current.victim_case_id))!,
        this.#profile,
      );
    if (patch.started_on !== undefined && current.referral_id) {
      const referral = await this.#db
        .selectFrom('referral')
        .select(['status', 'sent_at'])
        .where('id', '=', current.referral_id)
        .executeTakeFirstOrThrow();
      checkServiceUnderReferral({ status: 'sent', sent_at: referral.sent_at }, started_on, this.#profile.annual_report.time_zone);
    }
    const merge = <K extends 'facility_id' | 'currency' | 'payment_scheme'>(k: K) => (patch[k] !== undefined ? patch[k] : current[k]);
    const payment = {
      facility_id: merge('facility_id'),
      amount: patch.amount !== undefined ? patch.amount : current.amount == null ? null : Number(current.amount),
      currency: merge('currency'),
      payment_scheme: merge('payment_scheme'),
    };
    await checkDelivery(this.#db, this.#profile, {
      service: (patch.service ?? current.service) as AssistanceView['service'],
      started_on,
      provider_organisation_id: current.provider_organisation_id,
      ...payment,
    });
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('assistance')
        .set({ ...(patch.service ? { service: patch.service } : {}), started_on, ended_on, ...payment })
        .where('id', '=', id)
        .execute();
      await appendAuditEvent(trx, access.audit({ action: 'update', record_type: 'assistance', record_id: id, fields: Object.keys(patch) }));
    });
    return this.get(id);
  }

  /** A page of services matching the filters, oldest first. */
  async list(query: AssistanceQuery): Promise<{ items: AssistanceView[]; total: number }> {
    const access = this.#access;
    let base = this.#db
      .selectFrom('assistance')
      .where((eb) => access.filter(eb, 'read', 'Assistance', caseChildFacts(access, 'assistance')));
    if (query.victim_case_id) base = base.where('assistance.victim_case_id', '=', query.victim_case_id);
    if (query.referral_id) base = base.where('assistance.referral_id', '=', query.referral_id);
    if (query.service) base = base.where('assistance.service', '=', query.service);
    if (query.ongoing != null) base = base.where('assistance.ended_on', query.ongoing ? 'is' : 'is not', null);
    if (query.provider_organisation) {
      const provider = await resolveOrganisation(this.#db, query.provider_organisation, 'query.provider_organisation');
      base = base.where('assistance.provider_organisation_id', '=', provider.id);
    }
    const [rows, count] = await Promise.all([
      base
        .innerJoin('organisation', 'organisation.id', 'assistance.provider_organisation_id')
        .selectAll('assistance')
        .select('organisation.code as provider_organisation_code')
        .orderBy('assistance.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await access.auditSearch(
      this.#db,
      'assistance',
      rows.map((r) => r.id),
    );
    return { items: rows.map(toView), total: Number(count.n) };
  }

  #select(db: Kysely<Database>) {
    return db
      .selectFrom('assistance')
      .innerJoin('organisation', 'organisation.id', 'assistance.provider_organisation_id')
      .selectAll('assistance')
      .select('organisation.code as provider_organisation_code');
  }
}

function toView(row: {
  id: string;
  victim_case_id: string;
  referral_id: string | null;
  provider_organisation_id: string;
  provider_organisation_code: string;
  service: string;
  started_on: string;
  ended_on: string | null;
  facility_id: string | null;
  amount: string | null;
  currency: string | null;
  payment_scheme: string | null;
  created_at: Date;
}): AssistanceView {
  return {
    ...row,
    service: row.service as AssistanceView['service'],
    amount: row.amount == null ? null : Number(row.amount),
    created_at: isoInstant(row.created_at),
  };
}

/**
 * Why a user who can see the case may not record this service on it. A provider's staff record only the services their
 * own organisation gives (POLICY_RULES, provider rule on Assistance): when the same service from their organisation would
 * be allowed, the provider is the field to name, not the case (which the user can see: "no victim case" would mislead).
 */
function refusal(access: AccessControl, facts: { case_readable: boolean; case_updatable: boolean; to_organisation_id: string }): ApiError {
  const own = access.actor.organisation_id;
  if (
    own &&
    own !== facts.to_organisation_id &&
    access.ability.can('create', subject('Assistance', { ...facts, to_organisation_id: own }))
  ) {
    return forbiddenField('body.provider_organisation', problem('provider_not_own_organisation'));
  }
  return forbiddenField('body.victim_case_id', problem('role_may_not_record_services'));
}

/** 403 naming the field the refusal is about, with its rule. */
function forbiddenField(path: string, refusal: CataloguedProblem): ApiError {
  const reason = problemText(refusal);
  return new ApiError('OPENNRM_FORBIDDEN', `${path}: ${reason}`, [{ path, reason, ...refusal }]);
}
