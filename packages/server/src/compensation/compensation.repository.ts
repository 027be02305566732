import { advancePaymentCap, amountProblem, formatAmount, localToday, problem } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import { assertNotAfterToday } from '../shared/not-after-today.ts';
import { compensationCase, type CompensationCase } from './compensation-access.ts';
import { advancePayments, advanceView, claimViews, type Claim } from './compensation-views.ts';
import type { ClaimInput, ClaimPatch, ClaimView, CompensationView, OrderInput, PaymentInput } from './compensation.schemas.ts';

/**
 * A victim's compensation claims (issue 6 point 5; docs/proceedings.md,
 * "Compensation"): claims by route, what courts ordered, what was paid, and
 * the whole picture with the state's advance payments
 * (advance-payments.repository.ts records those). Recorded by whoever may edit the case and by
 * prosecutors of its linked criminal cases; read by whoever may read the
 * case whole. Every read and write is audited. Amounts are decimal strings,
 * checked against the currency's ISO 4217 minor unit; routes and damage
 * types against the profile's `compensation` section.
 */
export class CompensationRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Files a claim.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming body.route (not a profile route),
   *   body.criminal_case_id (missing for restitution, or not a criminal case the victim case is linked to), body.filed_on (after today,
   *   or before the day the claim's criminal case opened: date_before_case_opened {date}).
   */
  async fileClaim(caseId: string, input: ClaimInput): Promise<ClaimView> {
    const { db, profile, access } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'create');
    if (!profile.compensation.routes.some((r) => r.code === input.route))
      throw invalidField(
        'body.route',
        problem('route_not_in_profile', { profile: profile.code, routes: profile.compensation.routes.map((r) => r.code).join(', ') }),
      );
    assertNotAfterToday(input.filed_on, 'body.filed_on', profile);
    const criminalCaseId = input.criminal_case_id ?? null;
    if (input.route === 'restitution_in_criminal_case' && criminalCaseId == null)
      throw invalidField('body.criminal_case_id', problem('restitution_needs_criminal_case'));
    if (criminalCaseId != null) {
      const linked = await db
        .selectFrom('criminal_case_victim')
        .select('criminal_case_id')
        .where('criminal_case_id', '=', criminalCaseId)
        .where('victim_case_id', '=', caseId)
        .executeTakeFirst();
      if (!linked) throw invalidField('body.criminal_case_id', problem('criminal_case_not_linked'));
      // A claim that rests on a criminal case is filed once that case exists: a civil party joins criminal proceedings
      // under way (CPP art. 19-20), and state compensation follows the victim's complaint that opened them (Law 211/2004
      // art. 21(1)(b), art. 24(1)). A claim with no criminal case is not bounded by one (a civil claim may come first).
      const { opened_on } = await db
        .selectFrom('criminal_case')
        .select('opened_on')
        .where('id', '=', criminalCaseId)
        .executeTakeFirstOrThrow();
      if (input.filed_on < opened_on) throw invalidField('body.filed_on', problem('date_before_case_opened', { date: opened_on }));
    }
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('compensation_claim')
        .values({
          id,
          victim_case_id: caseId,
          criminal_case_id: criminalCaseId,
          route: input.route,
          filed_on: input.filed_on,
          status: input.status ?? 'pending',
          recorded_by: access.actor.user_id,
        })
        .execute();
      await this.#audit(trx, 'create', 'compensation_claim', id, found, Object.keys(input));
    });
    return this.#claimView(caseId, id);
  }

  /**
   * Changes a claim's status, or records that the victim renounced it (and whether they had been told what that means).
   * @throws ApiError 404 (no such claim on this case), OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming
   *   body.renounced_on (after today or before filing) or body.renounced_informed (without a renunciation).
   */
  async updateClaim(caseId: string, claimId: string, patch: ClaimPatch): Promise<ClaimView> {
    const { db, profile } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'update');
    const claim = await this.#claim(caseId, claimId);
    const renouncedOn = patch.renounced_on !== undefined ? patch.renounced_on : claim.renounced_on;
    const informed =
      patch.renounced_informed !== undefined ? patch.renounced_informed : renouncedOn == null ? null : claim.renounced_informed;
    if (renouncedOn != null) {
      assertNotAfterToday(renouncedOn, 'body.renounced_on', profile);
      if (renouncedOn < claim.filed_on)
        throw invalidField('body.renounced_on', problem('date_before_claim_filed', { date: claim.filed_on }));
    }
    if (renouncedOn == null && informed != null)
      throw invalidField('body.renounced_informed', problem('renounced_informed_without_renunciation'));
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('compensation_claim')
        .set({
          status: patch.status ?? claim.status,
          renounced: renouncedOn != null,
          renounced_on: renouncedOn,
          renounced_informed: informed,
        })
        .where('id', '=', claimId)
        .execute();
      await this.#audit(trx, 'update', 'compensation_claim', claimId, found, Object.keys(patch));
    });
    return this.#claimView(caseId, claimId);
  }

  /**
   * Records what a court ordered on a claim; a pending claim becomes ordered.
   * @returns the claim with its orders, payments and totals.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming body.damage_type (not a profile type),
   *   body.amount (format, 0, more decimals than the currency), body.ordered_on, body.court_organisation (unknown, not a court).
   */
  async recordOrder(caseId: string, claimId: string, input: OrderInput): Promise<ClaimView> {
    const { db, profile } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'create');
    const claim = await this.#claim(caseId, claimId);
    if (!profile.compensation.damage_types.some((t) => t.code === input.damage_type))
      throw invalidField('body.damage_type', problem('damage_type_not_in_profile', { profile: profile.code }));
    this.#checkAmount(input.amount, input.currency);
    this.#checkDay(input.ordered_on, 'body.ordered_on', claim);
    const court = input.court_organisation ? await this.#court(input.court_organisation) : null;
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('compensation_order')
        .values({
          id,
          claim_id: claimId,
          ordered_on: input.ordered_on,
          damage_type: input.damage_type,
          amount: input.amount,
          currency: input.currency,
          court_organisation_id: court,
          recorded_by: this.#ctx.access.actor.user_id,
        })
        .execute();
      if (claim.status === 'pending')
        await trx.updateTable('compensation_claim').set({ status: 'ordered' }).where('id', '=', claimId).execute();
      await this.#audit(trx, 'create', 'compensation_order', id, found, Object.keys(input));
    });
    return this.#claimView(caseId, claimId);
  }

  /**
   * Records money the victim received on a claim (or one of its orders).
   * @returns the claim with its orders, payments and totals.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming body.amount, body.paid_on,
   *   body.order_id (not an order of this claim).
   */
  async recordPayment(caseId: string, claimId: string, input: PaymentInput): Promise<ClaimView> {
    const { db } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'create');
    const claim = await this.#claim(caseId, claimId);
    this.#checkAmount(input.amount, input.currency);
    this.#checkDay(input.paid_on, 'body.paid_on', claim);
    const orderId = input.order_id ?? null;
    if (orderId != null) {
      const order = await db
        .selectFrom('compensation_order')
        .select('id')
        .where('id', '=', orderId)
        .where('claim_id', '=', claimId)
        .executeTakeFirst();
      if (!order) throw invalidField('body.order_id', problem('not_an_order_of_claim'));
    }
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('compensation_payment')
        .values({
          id,
          claim_id: claimId,
          order_id: orderId,
          paid_on: input.paid_on,
          amount: input.amount,
          currency: input.currency,
          payer: input.payer,
          recorded_by: this.#ctx.access.actor.user_id,
        })
        .execute();
      await this.#audit(trx, 'create', 'compensation_payment', id, found, Object.keys(input));
    });
    return this.#claimView(caseId, claimId);
  }

  /**
   * The case's compensation: claims with orders, payments and what is still unpaid, advance payments, and this year's cap.
   * Audited as a read.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST.
   */
  async read(caseId: string): Promise<CompensationView> {
    const { db, profile } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'read');
    return db.transaction().execute(async (trx) => {
      const claims = await trx
        .selectFrom('compensation_claim')
        .selectAll()
        .where('victim_case_id', '=', caseId)
        .orderBy('filed_on')
        .orderBy('id')
        .execute();
      const views = await claimViews(trx, profile, claims);
      const advances = await advancePayments(trx).where('victim_case_id', '=', caseId).orderBy('requested_on').orderBy('id').execute();
      await this.#audit(trx, 'read', 'compensation', caseId, found);
      const cap = advancePaymentCap(profile, Number(localToday(profile.annual_report.time_zone).slice(0, 4)));
      return {
        claims: views,
        advance_payments: advances.map(advanceView),
        advance_payment_cap: cap
          ? {
              year: cap.year,
              amount: formatAmount(cap.amount, cap.currency),
              currency: cap.currency,
              source: cap.source,
              ...(cap.source_i18n ? { source_i18n: cap.source_i18n } : {}),
            }
          : null,
      };
    });
  }

  async #claim(caseId: string, claimId: string): Promise<Claim> {
    const claim = await this.#ctx.db
      .selectFrom('compensation_claim')
      .selectAll()
      .where('id', '=', claimId)
      .where('victim_case_id', '=', caseId)
      .executeTakeFirst();
    if (!claim) throw notFound();
    return claim;
  }

  /** The id of a court organisation given by code or id. */
  async #court(ref: string): Promise<string> {
    const org = await this.#ctx.db
      .selectFrom('organisation')
      .select(['id', 'kind'])
      .where(/^[0-9a-f-]{36}$/i.test(ref) ? 'id' : 'code', '=', ref)
      .executeTakeFirst();
    if (!org) throw invalidField('body.court_organisation', problem('no_organisation_with_ref'));
    if (org.kind !== 'court') throw invalidField('body.court_organisation', problem('organisation_not_a_court', { ref, kind: org.kind }));
    return org.id;
  }

  #checkAmount(amount: string, currency: string): void {
    const refused = amountProblem(amount, currency);
    if (refused) throw invalidField('body.amount', refused);
  }

  /** A day of an order or payment: not before the claim was filed, not after today. */
  #checkDay(day: string, path: string, claim: Claim): void {
    assertNotAfterToday(day, path, this.#ctx.profile);
    if (day < claim.filed_on) throw invalidField(path, problem('date_before_claim_filed', { date: claim.filed_on }));
  }

  async #audit(
    trx: Parameters<typeof appendAuditEvent>[0],
    action: 'create' | 'update' | 'read',
    recordType: string,
    recordId: string,
    found: CompensationCase,
    fields?: string[],
  ): Promise<void> {
    await appendAuditEvent(
      trx,
      this.#ctx.access.audit({
        action,
        record_type: recordType,
        record_id: recordId,
        person_id: found.person_id,
        ...(fields ? { fields } : {}),
      }),
    );
  }

  async #claimView(caseId: string, claimId: string): Promise<ClaimView> {
    const claim = await this.#claim(caseId, claimId);
    return (await claimViews(this.#ctx.db, this.#ctx.profile, [claim]))[0]!;
  }
}
