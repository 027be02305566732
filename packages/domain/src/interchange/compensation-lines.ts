import { z } from 'zod';
import { ADVANCE_PAYMENT_PURPOSES, CLAIM_STATUSES, COMPENSATION_ROUTES, DAMAGE_TYPES, PAYERS } from '../compensation/compensation-codes.ts';
import { AMOUNT_PATTERN } from '../compensation/money.ts';

/**
 * OpenNRM JSON line schemas of compensation (migration 0020): the
 * exchange-rate table, claims, orders, payments and state advance payments,
 * in file order (a rate before the orders it converts, a claim before its
 * orders and payments). Amounts and rates are decimal strings (numeric:
 * exact, never a float). Each refinement is a CHECK of the migration, so a
 * bad line is named by the import rather than refused by the database.
 */

/** The record types, in file order. */
export const COMPENSATION_LINE_TYPES = [
  'exchange_rate',
  'compensation_claim',
  'compensation_order',
  'compensation_payment',
  'state_advance_payment',
] as const;

const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "RON"');
const amount = z.string().regex(AMOUNT_PATTERN, 'an amount such as "1500.00"');

/** The line schemas, built with the file's own id, date, instant and organisation-code types. */
export function compensationLineSchemas(id: z.ZodUUID, date: z.ZodISODate, instant: z.ZodISODateTime, orgCode: z.ZodString) {
  return [
    z
      .strictObject({
        type: z.literal('exchange_rate'),
        id,
        currency,
        reporting_currency: currency,
        valid_on: date,
        /** Units of reporting_currency per unit of currency (numeric(20, 10)). */
        rate: z.string().regex(/^\d{1,10}(\.\d{1,10})?$/, 'a rate such as "0.2222727273"'),
        source: z.string().min(3),
        recorded_by: id.nullable(),
        updated_at: instant,
      })
      .refine((r) => r.currency !== r.reporting_currency, { path: ['reporting_currency'], message: 'differs from currency' }),
    z
      .strictObject({
        type: z.literal('compensation_claim'),
        id,
        victim_case_id: id,
        criminal_case_id: id.nullable(),
        route: z.enum(COMPENSATION_ROUTES),
        filed_on: date,
        status: z.enum(CLAIM_STATUSES),
        renounced: z.boolean(),
        renounced_on: date.nullable(),
        renounced_informed: z.boolean().nullable(),
        recorded_by: id.nullable(),
        synthetic: z.boolean(),
        created_at: instant,
      })
      .superRefine((c, ctx) => {
        if (c.renounced !== (c.renounced_on != null))
          ctx.addIssue({ code: 'custom', path: ['renounced_on'], message: 'given exactly when renounced is true' });
        if (!c.renounced && c.renounced_informed != null)
          ctx.addIssue({ code: 'custom', path: ['renounced_informed'], message: 'only for a renounced claim' });
        if (c.renounced_on != null && c.renounced_on < c.filed_on)
          ctx.addIssue({ code: 'custom', path: ['renounced_on'], message: 'on or after filed_on' });
      }),
    z.strictObject({
      type: z.literal('compensation_order'),
      id,
      claim_id: id,
      ordered_on: date,
      damage_type: z.enum(DAMAGE_TYPES),
      amount,
      currency,
      court_organisation_code: orgCode.nullable(),
      recorded_by: id.nullable(),
      created_at: instant,
    }),
    z.strictObject({
      type: z.literal('compensation_payment'),
      id,
      claim_id: id,
      order_id: id.nullable(),
      paid_on: date,
      amount,
      currency,
      payer: z.enum(PAYERS),
      recorded_by: id.nullable(),
      created_at: instant,
    }),
    z
      .strictObject({
        type: z.literal('state_advance_payment'),
        id,
        victim_case_id: id,
        requested_on: date,
        granted_on: date.nullable(),
        amount,
        currency,
        purpose: z.enum(ADVANCE_PAYMENT_PURPOSES),
        recorded_by: id.nullable(),
        synthetic: z.boolean(),
        created_at: instant,
      })
      .refine((p) => p.granted_on == null || p.granted_on >= p.requested_on, { path: ['granted_on'], message: 'on or after requested_on' }),
  ] as const;
}
