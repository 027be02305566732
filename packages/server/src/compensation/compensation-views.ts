import { sql, type Kysely, type Selectable } from 'kysely';
import { Decimal, formatAmount, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { isoInstant } from '../http/common.schemas.ts';
import type {
  CompensationClaimTable,
  CompensationOrderTable,
  CompensationPaymentTable,
  StateAdvancePaymentTable,
} from './compensation-tables.ts';
import type { AdvanceView, ClaimView } from './compensation.schemas.ts';

/**
 * Compensation records as the API shows them: amounts read as exact decimal
 * text (the drivers read numeric as a Number, db/database.ts) and formatted
 * to their currency's minor unit; a claim with its orders, payments and what
 * is still unpaid.
 */

export type Claim = Selectable<CompensationClaimTable>;
/** Rows with their amount as decimal text. */
type Exact<T> = Omit<T, 'amount'> & { amount: string };
type Order = Exact<Selectable<CompensationOrderTable>> & { court_organisation_code: string | null };
type Payment = Exact<Selectable<CompensationPaymentTable>>;
type Advance = Exact<Selectable<StateAdvancePaymentTable>>;

/** A numeric column as exact decimal text. */
export const asText = (column: string) => sql<string>`${sql.ref(column)}::text`;

/** Advance payments with their amount as text. */
export function advancePayments(db: Kysely<Database>) {
  return db
    .selectFrom('state_advance_payment')
    .select(['id', 'victim_case_id', 'requested_on', 'granted_on', 'currency', 'purpose', 'recorded_by', 'synthetic', 'created_at'])
    .select(asText('amount').as('amount'));
}

/**
 * Claims with their orders, payments and totals ordered, paid and unpaid by
 * currency, read through `db` (the caller's transaction, when it has one).
 */
export async function claimViews(db: Kysely<Database>, profile: JurisdictionProfile, claims: readonly Claim[]): Promise<ClaimView[]> {
  if (claims.length === 0) return [];
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

/** Sum of amounts by currency, formatted to each currency's minor unit. */
function totals(rows: readonly { amount: string; currency: string }[]): Record<string, string> {
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.currency, (sums.get(r.currency) ?? new Decimal(0)).plus(r.amount));
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, formatAmount(v, c)]));
}

/** An advance payment as the API shows it. */
export function advanceView(row: Advance): AdvanceView {
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
