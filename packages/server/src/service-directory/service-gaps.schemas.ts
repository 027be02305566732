import { z } from 'zod';
import { SERVICES } from '@opennrm/domain';
import { isoDate } from '../http/common.schemas.ts';

const county = z.object({ region: z.string().describe('ISO 3166-2 code'), name: z.string() });

export const serviceGapsSchema = z
  .object({
    as_of: isoDate.describe("the day the gaps are computed for, in the profile's time zone"),
    counties_without_shelter: z.array(county).describe('profile regions with no active facility offering shelter'),
    counties_without_child_shelter: z.array(county).describe('profile regions with no active facility offering shelter to children'),
    unmet_services: z.object({
      unmet_after_days: z.number().int().describe('profile services.unmet_after_days'),
      by_service: z.array(
        z.object({
          service: z.enum(SERVICES),
          referrals: z.number().int().describe('referrals (not withdrawn) asking for it with no such service delivered since'),
          victim_cases: z.number().int(),
          declined: z.number().int(),
          accepted: z.number().int(),
          unanswered: z.number().int().describe('still status sent'),
        }),
      ),
      by_region: z.array(
        z.object({
          region: z.string().nullable().describe("the receiving provider's county; null for a national body"),
          service: z.enum(SERVICES),
          referrals: z.number().int(),
        }),
      ),
    }),
    licences: z
      .array(
        z.object({
          facility_id: z.uuid(),
          code: z.string(),
          name: z.string(),
          organisation_code: z.string(),
          region: z.string(),
          licence_expires_on: isoDate,
          licence_status: z.enum(['expired', 'expiring']),
          licence_days_left: z.number().int(),
        }),
      )
      .describe('licences for child victims expired or expiring within services.licence_warning_days, soonest first'),
  })
  .meta({ id: 'ServiceGaps' });

export type ServiceGapsView = z.infer<typeof serviceGapsSchema>;
