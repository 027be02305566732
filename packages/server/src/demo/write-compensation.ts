import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { DemoPlan } from './demo-plan.ts';

const at = (date: string) => `${date} 09:00:00+00`;

/**
 * Writes the demo's exchange rates, compensation claims with their orders
 * and payments, and state advance payments with COPY inside the demo's
 * transaction; claims and advances are marked synthetic. Orders are made by
 * the profile's courts (the organisation of kind "court").
 * @returns how many of each were written.
 */
export async function writeDemoCompensation(
  tx: BulkTransaction,
  plan: DemoPlan,
  caseIds: readonly string[],
  criminalCaseIds: readonly string[],
): Promise<{
  exchange_rates: number;
  compensation_claims: number;
  compensation_orders: number;
  compensation_payments: number;
  advance_payments: number;
}> {
  const { claims, advance_payments, exchange_rates } = plan.compensation;
  const [court] = await tx.query<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'court' ORDER BY code LIMIT 1`);
  const claimIds = claims.map(() => newId());
  const orders = claims.flatMap((c, i) => c.orders.map((o) => ({ ...o, id: newId(), claim_id: claimIds[i]! })));
  const firstOrder = new Map(orders.map((o) => [o.claim_id, o.id] as const).reverse());
  return {
    exchange_rates: await tx.copyRows(
      'exchange_rate',
      ['id', 'currency', 'reporting_currency', 'valid_on', 'rate', 'source'],
      exchange_rates.map((r) => [newId(), r.currency, r.reporting_currency, r.valid_on, r.rate, r.source]),
    ),
    compensation_claims: await tx.copyRows(
      'compensation_claim',
      [
        'id',
        'victim_case_id',
        'criminal_case_id',
        'route',
        'filed_on',
        'status',
        'renounced',
        'renounced_on',
        'renounced_informed',
        'synthetic',
        'created_at',
      ],
      claims.map((c, i) => [
        claimIds[i],
        caseIds[c.victim]!,
        criminalCaseIds[c.criminal_case]!,
        c.route,
        c.filed_on,
        c.status,
        c.renounced_on != null,
        c.renounced_on,
        c.renounced_informed,
        true,
        at(c.filed_on),
      ]),
    ),
    compensation_orders: await tx.copyRows(
      'compensation_order',
      ['id', 'claim_id', 'ordered_on', 'damage_type', 'amount', 'currency', 'court_organisation_id', 'created_at'],
      orders.map((o) => [o.id, o.claim_id, o.ordered_on, o.damage_type, o.amount, o.currency, court?.id ?? null, at(o.ordered_on)]),
    ),
    compensation_payments: await tx.copyRows(
      'compensation_payment',
      ['id', 'claim_id', 'order_id', 'paid_on', 'amount', 'currency', 'payer', 'created_at'],
      claims.flatMap((c, i) =>
        c.payments.map((p) => [
          newId(),
          claimIds[i],
          firstOrder.get(claimIds[i]!) ?? null,
          p.paid_on,
          p.amount,
          p.currency,
          p.payer,
          at(p.paid_on),
        ]),
      ),
    ),
    advance_payments: await tx.copyRows(
      'state_advance_payment',
      ['id', 'victim_case_id', 'requested_on', 'granted_on', 'amount', 'currency', 'purpose', 'synthetic', 'created_at'],
      advance_payments.map((a) => [
        newId(),
        caseIds[a.victim]!,
        a.requested_on,
        a.granted_on,
        a.amount,
        a.currency,
        a.purpose,
        true,
        at(a.requested_on),
      ]),
    ),
  };
}
