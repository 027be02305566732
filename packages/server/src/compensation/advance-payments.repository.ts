import { advancePaymentProblem, amountProblem, problem } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { invalidField } from '../http/errors.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import { assertNotAfterToday } from '../shared/not-after-today.ts';
import { compensationCase } from './compensation-access.ts';
import { advancePayments, advanceView, asText } from './compensation-views.ts';
import type { AdvanceInput, AdvanceView } from './compensation.schemas.ts';

/**
 * The state's advance payment of compensation for emergency expenses (issue 6
 * point 5; docs/proceedings.md, "The advance payment's cap"), recorded by
 * whoever may record the case's compensation, audited.
 */
export class AdvancePaymentsRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Records a state advance payment, refused above the profile's cap for the year it was requested, counting the
   * case's earlier advances (Romania: 15,000 RON in 2023, five times the minimum wage; profile services.financial_schemes).
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST; OPENNRM_VALIDATION naming body.amount (above the cap: the message
   *   names the cap, its year and its source), body.currency (not the cap's), body.requested_on (no cap for the year,
   *   after today), body.granted_on (before the request, after today).
   */
  async record(caseId: string, input: AdvanceInput): Promise<AdvanceView> {
    const { db, profile } = this.#ctx;
    const found = await compensationCase(this.#ctx, caseId, 'create');
    const amount = amountProblem(input.amount, input.currency);
    if (amount) throw invalidField('body.amount', amount);
    assertNotAfterToday(input.requested_on, 'body.requested_on', profile);
    const grantedOn = input.granted_on ?? null;
    if (grantedOn != null) {
      assertNotAfterToday(grantedOn, 'body.granted_on', profile);
      if (grantedOn < input.requested_on)
        throw invalidField('body.granted_on', problem('date_before_other_field', { other: 'requested_on' }));
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
      const overCap = advancePaymentProblem(
        profile,
        input,
        earlier.map((r) => r.amount),
      );
      if (overCap) {
        const { field, ...refusal } = overCap;
        throw invalidField(`body.${field}`, refusal);
      }
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
      await appendAuditEvent(
        trx,
        this.#ctx.access.audit({
          action: 'create',
          record_type: 'state_advance_payment',
          record_id: id,
          person_id: found.person_id,
          fields: Object.keys(input),
        }),
      );
    });
    return advanceView(await advancePayments(db).where('id', '=', id).executeTakeFirstOrThrow());
  }
}
