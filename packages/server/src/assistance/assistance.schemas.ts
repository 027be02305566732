import { z } from 'zod';
import { SERVICES, problem, problemText } from '@opennrm/domain';
import { isoDate, lowerCaseCode, organisationRef, pageOf, pageQuery } from '../http/common.schemas.ts';
import { moneyCurrency } from '../compensation/money.schemas.ts';

/** A service ends on or after the day it started. */
const ENDS_BEFORE_START = problem('date_before_other_field', { other: 'started_on' });

export const assistanceSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    referral_id: z.uuid().nullable().describe('the referral this service answers, if any'),
    provider_organisation_id: z.uuid(),
    provider_organisation_code: z.string(),
    service: z.enum(SERVICES),
    started_on: isoDate,
    ended_on: isoDate.nullable(),
    facility_id: z.uuid().nullable().describe('the facility of the provider where it was given (service directory)'),
    amount: z.number().nullable().describe('financial support only: amount paid, in `currency`'),
    currency: z.string().nullable().describe('ISO 4217, e.g. "RON"'),
    payment_scheme: z
      .string()
      .nullable()
      .describe('financial support only: profile services.financial_schemes code, e.g. "state_advance_payment"'),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Assistance' });

const payment = {
  facility_id: z.uuid().nullable().optional(),
  amount: z.number().min(0).max(100_000_000).multipleOf(0.01).nullable().optional(),
  // An assigned ISO 4217 currency of money (not "XYZ", not gold "XAU"), as orders and payments check it.
  currency: moneyCurrency('RON').nullable().optional(),
  payment_scheme: lowerCaseCode(48).nullable().optional(),
};

const endsAfterStart = (b: { started_on?: string | undefined; ended_on?: string | null | undefined }) =>
  !b.started_on || !b.ended_on || b.ended_on >= b.started_on;

export const createAssistanceBody = z
  .object({
    victim_case_id: z.uuid(),
    referral_id: z.uuid().nullable().optional(),
    provider_organisation: organisationRef.describe('provider: organisation code or id'),
    service: z.enum(SERVICES),
    started_on: isoDate,
    ended_on: isoDate.nullable().optional(),
    ...payment,
  })
  .strict()
  .refine(endsAfterStart, { path: ['ended_on'], message: problemText(ENDS_BEFORE_START), params: ENDS_BEFORE_START });

export const updateAssistanceBody = z
  .object({
    service: z.enum(SERVICES).optional(),
    started_on: isoDate.optional(),
    ended_on: isoDate.nullable().optional(),
    ...payment,
  })
  .strict()
  .refine(endsAfterStart, { path: ['ended_on'], message: problemText(ENDS_BEFORE_START), params: ENDS_BEFORE_START });

export const assistanceQuery = pageQuery
  .extend({
    victim_case_id: z.uuid().optional(),
    referral_id: z.uuid().optional(),
    provider_organisation: organisationRef.optional(),
    service: z.enum(SERVICES).optional(),
    ongoing: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('true: only services without an end date'),
  })
  .strict();

export const assistancePage = pageOf(assistanceSchema);

export type AssistanceView = z.infer<typeof assistanceSchema>;
export type CreateAssistance = z.infer<typeof createAssistanceBody>;
export type UpdateAssistance = z.infer<typeof updateAssistanceBody>;
export type AssistanceQuery = z.infer<typeof assistanceQuery>;
