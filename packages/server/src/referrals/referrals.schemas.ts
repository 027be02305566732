import { z } from 'zod';
import {
  DECLINE_REASON_CODES,
  DEFAULT_SHARED_FIELDS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  SERVICES,
  problem,
  problemText,
  sharedFieldsProblem,
} from '@opennrm/domain';
import { isoDate, organisationRef, pageOf, pageQuery, pastInstant } from '../http/common.schemas.ts';

const services = z
  .array(z.enum(SERVICES))
  .min(1)
  .refine((v) => new Set(v).size === v.length, { message: problemText(problem('values_repeat')), params: problem('values_repeat') })
  .describe('assistance services requested');

const sharedFields = z
  .array(z.string())
  .max(100)
  .superRefine((fields, ctx) => {
    const refusal = sharedFieldsProblem(fields);
    if (refusal) {
      const { index, ...rule } = refusal;
      ctx.addIssue({ code: 'custom', path: [index], message: problemText(rule), params: rule });
    }
  })
  .describe(
    'what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default ' +
      DEFAULT_SHARED_FIELDS.join(', '),
  );

export const referralSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    from_organisation_id: z.uuid(),
    from_organisation_code: z.string(),
    to_organisation_id: z.uuid(),
    to_organisation_code: z.string(),
    services,
    status: z.enum(REFERRAL_STATUSES),
    sent_at: z.iso.datetime(),
    responded_at: z.iso.datetime().nullable().describe('when the status last changed from sent'),
    decline_reason: z.string().nullable(),
    decline_reason_code: z.enum(DECLINE_REASON_CODES).nullable().describe('why it was declined, as a code (docs/services.md)'),
    urgency: z.enum(REFERRAL_URGENCIES),
    resent_from_referral_id: z.uuid().nullable().describe('the declined referral this one re-sends to another provider'),
    started_on: isoDate.nullable().describe('date the service started, for an accepted referral'),
    shared_fields: sharedFields,
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Referral' });

export const createReferralBody = z
  .object({
    victim_case_id: z.uuid(),
    from_organisation: organisationRef.describe('referring organisation: code or id'),
    to_organisation: organisationRef.describe('receiving organisation: code or id'),
    services,
    sent_at: pastInstant.optional().describe('when the referral was sent, not in the future; default now'),
    shared_fields: sharedFields.optional(),
    urgency: z
      .enum(REFERRAL_URGENCIES)
      .default('routine')
      .describe("urgent: answered within the profile's services.referral_timers.urgent_days"),
  })
  .strict();

export const resendReferralBody = z
  .object({
    to_organisation: organisationRef.describe('the other provider: code or id'),
    services: services.optional().describe('default: the services of the declined referral'),
    urgency: z.enum(REFERRAL_URGENCIES).optional().describe('default: the urgency of the declined referral'),
    sent_at: pastInstant.optional().describe('not in the future; default now'),
  })
  .strict();

export const updateReferralBody = z
  .object({
    services: services.optional(),
    status: z.enum(REFERRAL_STATUSES).optional().describe('accepted, declined (with decline_reason) or withdrawn'),
    decline_reason: z.string().min(1).max(2000).nullable().optional(),
    decline_reason_code: z.enum(DECLINE_REASON_CODES).nullable().optional().describe('with status declined; "other" needs decline_reason'),
    urgency: z.enum(REFERRAL_URGENCIES).optional(),
    started_on: isoDate.nullable().optional(),
    shared_fields: sharedFields.optional(),
  })
  .strict();

export const referralQuery = pageQuery
  .extend({
    victim_case_id: z.uuid().optional(),
    status: z.enum(REFERRAL_STATUSES).optional(),
    from_organisation: organisationRef.optional(),
    to_organisation: organisationRef.optional(),
    service: z.enum(SERVICES).optional(),
  })
  .strict();

export const referralPage = pageOf(referralSchema);

export type ReferralView = z.infer<typeof referralSchema>;
export type CreateReferral = z.infer<typeof createReferralBody>;
export type UpdateReferral = z.infer<typeof updateReferralBody>;
export type ReferralQuery = z.infer<typeof referralQuery>;
export type ResendReferral = z.infer<typeof resendReferralBody>;
