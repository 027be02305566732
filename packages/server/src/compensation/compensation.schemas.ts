import { z } from 'zod';
import {
  ADVANCE_PAYMENT_PURPOSES,
  AMOUNT_PATTERN,
  CLAIM_STATUSES,
  COMPENSATION_AMOUNT_COLUMN,
  COMPENSATION_ROUTES,
  DAMAGE_TYPES,
  largestAmount,
  PAYERS,
} from '@opennrm/domain';
import { isoDate, organisationRef, pastDate } from '../http/common.schemas.ts';
import { moneyAmount, moneyCurrency } from './money.schemas.ts';

const { precision, scale } = COMPENSATION_AMOUNT_COLUMN;
const amount = moneyAmount(precision, scale, AMOUNT_PATTERN).describe(
  `decimal string, exact (never a float), e.g. "15000.00", at most ${largestAmount(precision, scale)}; no more decimals than ` +
    'the currency has (ISO 4217)',
);
const currency = moneyCurrency('RON').describe(
  'ISO 4217 code of money, e.g. "RON", "EUR", "GBP", "USD"; not XXX, XTS, metals (XAU...) or units of account (XDR...)',
);
/** An amount per ISO 4217 currency, decimal strings. */
const byCurrency = z.record(z.string(), z.string()).describe('ISO 4217 code -> decimal string, e.g. { "RON": "1100000.00" }');

export const claimParams = z.object({
  id: z.uuid().describe('victim case id'),
  claim_id: z.uuid().describe('compensation claim id'),
});

export const claimBody = z
  .object({
    route: z
      .enum(COMPENSATION_ROUTES)
      .describe(
        'restitution_in_criminal_case (as civil party in the criminal case), civil_claim or state_compensation; one of the profile routes',
      ),
    criminal_case_id: z
      .uuid()
      .nullable()
      .optional()
      .describe('the criminal case the claim is made in; required for restitution_in_criminal_case'),
    filed_on: pastDate.describe('day the claim was filed; not after today'),
    status: z.enum(CLAIM_STATUSES).optional().describe('default pending; an order recorded on the claim makes it ordered'),
  })
  .strict();

export const claimPatch = z
  .object({
    status: z.enum(CLAIM_STATUSES).optional(),
    renounced_on: pastDate
      .nullable()
      .optional()
      .describe('day the victim renounced the claim (renounced is then true); null takes a renunciation back as recorded in error'),
    renounced_informed: z
      .boolean()
      .nullable()
      .optional()
      .describe('whether counsel had told the victim what renouncing means; false is the failure the 2024 TIP report names'),
  })
  .strict();

export const orderBody = z
  .object({
    ordered_on: pastDate.describe('day of the court decision; not before the claim was filed nor after today'),
    damage_type: z.enum(DAMAGE_TYPES).describe('moral (non-pecuniary) or material (pecuniary); one of the profile damage types'),
    amount,
    currency,
    court_organisation: organisationRef.nullable().optional().describe('the ordering court (code or id); an organisation of kind "court"'),
  })
  .strict();

export const paymentBody = z
  .object({
    paid_on: pastDate.describe('day the money reached the victim; not before the claim was filed nor after today'),
    amount,
    currency,
    payer: z.enum(PAYERS).describe('offender, state (state compensation) or seized_assets_fund (fund of confiscated criminal assets)'),
    order_id: z.uuid().nullable().optional().describe('the order paid, when known; an order of this claim'),
  })
  .strict();

export const advanceBody = z
  .object({
    requested_on: pastDate.describe('day the advance was requested: its year chooses the cap'),
    granted_on: pastDate.nullable().optional().describe('day it was granted; null while pending'),
    amount: amount.describe(
      'decimal string in the cap currency (Romania: RON); with earlier advances of the case, at most the cap of the year',
    ),
    currency,
    purpose: z.enum(ADVANCE_PAYMENT_PURPOSES).describe('emergency expense the advance covers (a code, never free text)'),
  })
  .strict();

export const orderSchema = z
  .object({
    id: z.uuid(),
    claim_id: z.uuid(),
    ordered_on: isoDate,
    damage_type: z.enum(DAMAGE_TYPES),
    amount: z.string().describe('decimal string with the currency minor unit'),
    currency: z.string(),
    court_organisation_code: z.string().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'CompensationOrder' });

export const paymentSchema = z
  .object({
    id: z.uuid(),
    claim_id: z.uuid(),
    order_id: z.uuid().nullable(),
    paid_on: isoDate,
    amount: z.string(),
    currency: z.string(),
    payer: z.enum(PAYERS),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'CompensationPayment' });

export const claimSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    criminal_case_id: z.uuid().nullable(),
    route: z.enum(COMPENSATION_ROUTES),
    route_source: z.string().describe("the route's legal source (profile compensation.routes)"),
    filed_on: isoDate,
    status: z.enum(CLAIM_STATUSES),
    renounced: z.boolean(),
    renounced_on: isoDate.nullable(),
    renounced_informed: z.boolean().nullable(),
    orders: z.array(orderSchema),
    payments: z.array(paymentSchema),
    ordered: byCurrency.describe('total ordered on the claim by currency'),
    paid: byCurrency.describe('total received on the claim by currency'),
    unpaid: byCurrency.describe('ordered less received, by currency, where more than 0: what the victim is still owed'),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'CompensationClaim' });

export const advanceSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    requested_on: isoDate,
    granted_on: isoDate.nullable(),
    amount: z.string(),
    currency: z.string(),
    purpose: z.enum(ADVANCE_PAYMENT_PURPOSES),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'StateAdvancePayment' });

export const compensationSchema = z
  .object({
    claims: z.array(claimSchema).describe('oldest first, each with its orders and payments'),
    advance_payments: z.array(advanceSchema).describe('oldest first'),
    advance_payment_cap: z
      .object({
        year: z.number().int(),
        amount: z.string(),
        currency: z.string(),
        source: z.string(),
        source_i18n: z
          .record(z.string(), z.string())
          .optional()
          .describe("the source's citation by language code of the profile, where it gives one"),
      })
      .nullable()
      .describe('the cap of the current year (profile), or null when the profile gives none'),
  })
  .meta({ id: 'VictimCompensation' });

export type ClaimInput = z.infer<typeof claimBody>;
export type ClaimPatch = z.infer<typeof claimPatch>;
export type OrderInput = z.infer<typeof orderBody>;
export type PaymentInput = z.infer<typeof paymentBody>;
export type AdvanceInput = z.infer<typeof advanceBody>;
export type ClaimView = z.infer<typeof claimSchema>;
export type OrderView = z.infer<typeof orderSchema>;
export type PaymentView = z.infer<typeof paymentSchema>;
export type AdvanceView = z.infer<typeof advanceSchema>;
export type CompensationView = z.infer<typeof compensationSchema>;
