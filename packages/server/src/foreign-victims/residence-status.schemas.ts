import { z } from 'zod';
import { isoDate, lowerCaseCode } from '../http/common.schemas.ts';

export const residenceStatusBody = z
  .object({
    status: lowerCaseCode(64).describe(
      'a code of profile nrm_workflow.residence_statuses, e.g. reflection_period, temporary_residence_permit, tolerated_stay, asylum',
    ),
    starts_on: isoDate.describe('first day of the status'),
    expires_on: isoDate
      .nullable()
      .optional()
      .describe("last day of the status; default: starts_on plus the profile's duration_days less one day (none for asylum)"),
  })
  .strict();

export const residenceStatusSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    status: z.string(),
    name: z.string().describe("the status's name in the profile"),
    starts_on: isoDate,
    expires_on: isoDate.nullable(),
    entitles_to_services: z.boolean().describe('false: the status carries no right to victim services (tolerated stay)'),
    warning: z.string().nullable().describe('why the status needs attention: no right to services, expiry near or passed'),
    expiry_warned_on: isoDate.nullable().describe('when the expiry alert went out'),
    source: z.string().describe("the status's legal source (profile)"),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'ResidenceStatus' });

export const residenceStatusList = z.object({
  items: z.array(residenceStatusSchema).describe('oldest first; the last is the current status'),
});

export type ResidenceStatusInput = z.infer<typeof residenceStatusBody>;
export type ResidenceStatusView = z.infer<typeof residenceStatusSchema>;
