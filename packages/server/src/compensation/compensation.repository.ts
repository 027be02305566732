import { sql, type Kysely, type Selectable } from 'kysely';
import { advancePaymentCap, advancePaymentProblem, amountProblem, Decimal, formatAmount, localToday } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Database } from '../db/schema.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import { assertNotAfterToday } from '../shared/not-after-today.ts';
import { compensationCase, type CompensationCase } from './compensation-access.ts';
import type {
  CompensationClaimTable,
  CompensationOrderTable,
  CompensationPaymentTable,
  StateAdvancePaymentTable,
} from './compensation-tables.ts';
import type {
  AdvanceInput,
  AdvanceView,
  ClaimInput,
  ClaimPatch,
  ClaimView,
  CompensationView,
  OrderInput,
  PaymentInput,
} from './compensation.schemas.ts';

type Claim = Selectable<CompensationClaimTable>;
/** Rows with their amount as decimal text (the drivers read numeric as a Number). */
type Exact<T> = Omit<T, 'amount'> & { amount: string };
type Order = Exact<Selectable<CompensationOrderTable>> & { court_organisation_code: string | null };
type Payment = Exact<Selectable<CompensationPaymentTable>>;
type Advance = Exact<Selectable<StateAdvancePaymentTable>>;

/** A numeric column as exact decimal text. */
const asText = (column: string) => sql<string>`${sql.ref(column)}::text`;

/**
 * A victim's compensation (issue 6 point 5; docs/proceedings.md,
 * "Compensation"): claims by route, what courts ordered, what was paid, and
 * the state's advance payment. Recorded by whoever may edit the case and by
 * prosecutors of its linked criminal cases; read by whoever may read the
 * case whole. Every read and write is audited. Amounts are decimal strings,
 * checked against the currency's ISO 4217 minor unit; routes and damage
 * types against the profile's `compensation` section; the advance payment
 * against the profile's cap for the year it was requested.
 */
export class CompensationRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Files a claim.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming body.route (not a profile route),
   *   body.criminal_case_id (missing for restitution, or not a criminal case the victim case is linked to), body.filed_on (after today).
   */
  async fileClaim(caseId: string, input: ClaimInput): Promise<ClaimView> {
    const { db, profile, access } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'create');
    if (!profile.compensation.routes.some((r) => r.code === input.route))
      throw invalidField(
        'body.route',
        `not a route of profile ${profile.code}: ${profile.compensation.routes.map((r) => r.code).join(', ')}`,
      );
    assertNotAfterToday(input.filed_on, 'body.filed_on', profile);
    const criminalCaseId = input.criminal_case_id ?? null;
    if (input.route === 'restitution_in_criminal_case' && criminalCaseId == null)
      throw invalidField('body.criminal_case_id', 'restitution is claimed in a criminal case: name it');
    if (criminalCaseId != null) {
      const linked = await db
        .selectFrom('criminal_case_victim')
        .select('criminal_case_id')
        .where('criminal_case_id', '=', criminalCaseId)
        .where('victim_case_id', '=', caseId)
        .executeTakeFirst();
      if (!linked) throw invalidField('body.criminal_case_id', 'not a criminal case this victim case is linked to');
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
      if (renouncedOn < claim.filed_on) throw invalidField('body.renounced_on', `before the claim was filed (${claim.filed_on})`);
    }
    if (renouncedOn == null && informed != null)
      throw invalidField('body.renounced_informed', 'only for a renounced claim: give renounced_on');
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
      throw invalidField('body.damage_type', `not a damage type of profile ${profile.code}`);
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
      if (!order) throw invalidField('body.order_id', 'not an order of this claim');
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
   * Records a state advance payment, refused above the profile's cap for the year it was requested, counting the
   * case's earlier advances (Romania: 15,000 RON in 2023, five times the minimum wage; profile services.financial_schemes).
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming body.amount (above the cap: the message
   *   names the cap, its year and its source), body.currency (not the cap's), body.requested_on (no cap for the year,
   *   after today), body.granted_on (before the request, after today).
   */
  async recordAdvance(caseId: string, input: AdvanceInput): Promise<AdvanceView> {
    const { db, profile } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'create');
    this.#checkAmount(input.amount, input.currency);
    assertNotAfterToday(input.requested_on, 'body.requested_on', profile);
    const grantedOn = input.granted_on ?? null;
    if (grantedOn != null) {
      assertNotAfterToday(grantedOn, 'body.granted_on', profile);
      if (grantedOn < input.requested_on) throw invalidField('body.granted_on', 'before requested_on');
    }
    const id = newId();
    await db.transaction().execute(async (trx) => {
      // Serialise advances of one case, so that two at once cannot both fit under the cap.
      await trx.selectFrom('victim_case').select('id').where('id', '=', caseId).forUpdate().execute();
      const earlier = await trx
        .selectFrom('state_advance_payment')
        .select(asText('amount').as('amount'))
        .where('victim_case_id', '=', caseId)
        .where('currency', '=', input.currency)
        .execute();
      const problem = advancePaymentProblem(
        profile,
        input,
        earlier.map((r) => r.amount),
      );
      if (problem) throw invalidField(`body.${problem.field}`, problem.reason);
      await trx
        .insertInto('state_advance_payment')
        .values({
          id,
          victim_case_id: caseId,
          requested_on: input.requested_on,
          granted_on: grantedOn,
          amount: input.amount,
          currency: input.currency,
          purpose: input.purpose,
          recorded_by: this.#ctx.access.actor.user_id,
        })
        .execute();
      await this.#audit(trx, 'create', 'state_advance_payment', id, found, Object.keys(input));
    });
    return advanceView(await this.#advances(db).where('id', '=', id).executeTakeFirstOrThrow());
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
      const views = await this.#claimViews(trx, claims);
      const advances = await this.#advances(trx).where('victim_case_id', '=', caseId).orderBy('requested_on').orderBy('id').execute();
      await this.#audit(trx, 'read', 'compensation', caseId, found);
      const cap = advancePaymentCap(profile, Number(localToday(profile.annual_report.time_zone).slice(0, 4)));
      return {
        claims: views,
        advance_payments: advances.map(advanceView),
        advance_payment_cap: cap
          ? { year: cap.year, amount: formatAmount(cap.amount, cap.currency), currency: cap.currency, source: cap.source }
          : null,
      };
    });
  }

  /** Advance payments with their amount as text. */
  #advances(db: Kysely<Database>) {
    return db
      .selectFrom('state_advance_payment')
      .select(['id', 'victim_case_id', 'requested_on', 'granted_on', 'currency', 'purpose', 'recorded_by', 'synthetic', 'created_at'])
      .select(asText('amount').as('amount'));
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
    if (!org) throw invalidField('body.court_organisation', `no organisation with code or id "${ref}"`);
    if (org.kind !== 'court')
      throw invalidField('body.court_organisation', `"${ref}" is an organisation of kind "${org.kind}", not a court`);
    return org.id;
  }

  #checkAmount(amount: string, currency: string): void {
    const problem = amountProblem(amount, currency);
    if (problem) throw invalidField('body.amount', problem);
  }

  /** A day of an order or payment: not before the claim was filed, not after today. */
  #checkDay(day: string, path: string, claim: Claim): void {
    assertNotAfterToday(day, path, this.#ctx.profile);
    if (day < claim.filed_on) throw invalidField(path, `before the claim was filed (${claim.filed_on})`);
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
    return (await this.#claimViews(this.#ctx.db, [claim]))[0]!;
  }

  /** Claims with their orders, payments and totals, read through `db` (the caller's transaction, when it has one). */
  async #claimViews(db: Kysely<Database>, claims: Claim[]): Promise<ClaimView[]> {
    if (claims.length === 0) return [];
    const { profile } = this.#ctx;
    const ids = claims.map((c) => c.id);
    const orders: Order[] = await db
      .selectFrom('compensation_order')
      .leftJoin('organisation', 'organisation.id', 'compensation_order.court_organisation_id')
      .select([
        'compensation_order.id',
        'compensation_order.claim_id',
        'compensation_order.ordered_on',
        'compensation_order.damage_type',
        'compensation_order.currency',
        'compensation_order.court_organisation_id',
        'compensation_order.recorded_by',
        'compensation_order.created_at',
        'organisation.code as court_organisation_code',
      ])
      .select(asText('compensation_order.amount').as('amount'))
      .where('claim_id', 'in', ids)
      .orderBy('ordered_on')
      .orderBy('compensation_order.id')
      .execute();
    const payments: Payment[] = await db
      .selectFrom('compensation_payment')
      .select(['id', 'claim_id', 'order_id', 'paid_on', 'currency', 'payer', 'recorded_by', 'created_at'])
      .select(asText('amount').as('amount'))
      .where('claim_id', 'in', ids)
      .orderBy('paid_on')
      .orderBy('id')
      .execute();
    return claims.map((c) => {
      const own = orders.filter((o) => o.claim_id === c.id);
      const paidRows = payments.filter((p) => p.claim_id === c.id);
      const ordered = totals(own);
      const paid = totals(paidRows);
      const unpaid: Record<string, string> = {};
      for (const [currency, amount] of Object.entries(ordered)) {
        const rest = new Decimal(amount).minus(paid[currency] ?? 0);
        if (rest.gt(0)) unpaid[currency] = formatAmount(rest, currency);
      }
      return {
        id: c.id,
        victim_case_id: c.victim_case_id,
        criminal_case_id: c.criminal_case_id,
        route: c.route as ClaimView['route'],
        route_source: profile.compensation.routes.find((r) => r.code === c.route)?.source ?? 'not in the profile',
        filed_on: c.filed_on,
        status: c.status as ClaimView['status'],
        renounced: c.renounced,
        renounced_on: c.renounced_on,
        renounced_informed: c.renounced_informed,
        orders: own.map((o) => ({
          id: o.id,
          claim_id: o.claim_id,
          ordered_on: o.ordered_on,
          damage_type: o.damage_type as 'moral' | 'material',
          amount: formatAmount(o.amount, o.currency),
          currency: o.currency,
          court_organisation_code: o.court_organisation_code,
          created_at: isoInstant(o.created_at),
        })),
        payments: paidRows.map((p) => ({
          id: p.id,
          claim_id: p.claim_id,
          order_id: p.order_id,
          paid_on: p.paid_on,
          amount: formatAmount(p.amount, p.currency),
          currency: p.currency,
          payer: p.payer as 'offender' | 'state' | 'seized_assets_fund',
          created_at: isoInstant(p.created_at),
        })),
        ordered,
        paid,
        unpaid,
        created_at: isoInstant(c.created_at),
      };
    });
  }
}

/** Sum of amounts by currency, formatted to each currency's minor unit. */
function totals(rows: readonly { amount: string; currency: string }[]): Record<string, string> {
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.currency, (sums.get(r.currency) ?? new Decimal(0)).plus(r.amount));
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, formatAmount(v, c)]));
}

function advanceView(row: Advance): AdvanceView {
  return {
    id: row.id,
    victim_case_id: row.victim_case_id,
    requested_on: row.requested_on,
    granted_on: row.granted_on,
    amount: formatAmount(row.amount, row.currency),
    currency: row.currency,
    purpose: row.purpose as AdvanceView['purpose'],
    created_at: isoInstant(row.created_at),
  };
}
