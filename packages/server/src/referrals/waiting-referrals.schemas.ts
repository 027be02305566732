import { z } from 'zod';
import { booleanQuery, pageOf, pageQuery } from '../http/common.schemas.ts';
import { referralSchema } from './referrals.schemas.ts';

export const waitingReferralQuery = pageQuery
  .extend({
    direction: z
      .enum(['incoming', 'outgoing', 'all'])
      .default('incoming')
      .describe('incoming: sent to your organisation; outgoing: sent by it; all: every waiting referral you may read'),
    overdue: booleanQuery.optional().describe('true: only overdue ones; false: only those still in time'),
  })
  .strict();

export const waitingReferralSchema = referralSchema
  .extend({
    waiting_for: z.enum(['answer', 'first_service']).describe('answer: status sent; first_service: accepted, no service recorded yet'),
    waiting_since: z.iso.datetime().describe('sent_at when waiting for an answer; responded_at when waiting for the first service'),
    days_waiting: z.number().int().describe('whole days waited'),
    threshold_days: z.number().int().describe('days allowed (profile services.referral_timers)'),
    overdue: z.boolean(),
    due_at: z.iso.datetime().describe('when it becomes (or became) overdue'),
  })
  .meta({ id: 'WaitingReferral' });

export const waitingReferralPage = pageOf(waitingReferralSchema).extend({
  overdue: z.number().int().describe('how many of all matching referrals are overdue'),
});

export type WaitingReferralQuery = z.infer<typeof waitingReferralQuery>;
export type WaitingReferralView = z.infer<typeof waitingReferralSchema>;
