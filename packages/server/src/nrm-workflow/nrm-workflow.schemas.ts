import { z } from 'zod';
import { NRM_STATUSES, NRM_WORKFLOW_EVENTS, NRM_WORKFLOW_STATES } from '@opennrm/domain';
import { isoDate, lowerCaseCode, regionCode } from '../http/common.schemas.ts';

const region = regionCode;
const code = lowerCaseCode(64);

export const transitionBody = z
  .object({
    event: z
      .enum(NRM_WORKFLOW_EVENTS)
      .describe('the step: open, refer, presume, assist, identify, reject, close, reopen (docs/nrm-workflow.md)'),
    occurred_on: isoDate.describe('the day it happened (a decision: its date); not in the future'),
    reason: z.string().max(4000).nullable().optional().describe('why; required (10+ characters) for identify, reject and reopen'),
    closure_reason: code.nullable().optional().describe('close only: a code of profile nrm_workflow.closure_reasons'),
    grounds: z
      .array(code)
      .max(10)
      .optional()
      .describe('close only: codes of profile nrm_workflow.closure_grounds; forbidden ones are refused'),
    presumed_child: z
      .boolean()
      .optional()
      .describe('the age is uncertain and there are reasons to believe the person is a child (Directive 2011/36/EU art. 13(2))'),
    region: region
      .nullable()
      .optional()
      .describe("the case's county, kept on the case; needed to notify a child's county child-protection service"),
  })
  .strict();

const childProtectionSchema = z.object({
  status: z.enum(['sent', 'unrouted']).describe('"unrouted": no child-protection service known for the county; coordinators were alerted'),
  organisation_id: z.uuid().nullable(),
  organisation_code: z.string().nullable(),
  region: z.string().nullable(),
  recipients: z.number().int().describe('users alerted in-app'),
});

export const transitionSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    event: z.enum(NRM_WORKFLOW_EVENTS),
    from_state: z.enum(NRM_WORKFLOW_STATES),
    to_state: z.enum(NRM_WORKFLOW_STATES),
    occurred_on: isoDate,
    recorded_at: z.iso.datetime(),
    actor_user_id: z.uuid().nullable(),
    actor_username: z.string().nullable(),
    actor_organisation_id: z.uuid().nullable(),
    actor_organisation_code: z.string().nullable(),
    reason: z.string().nullable(),
    closure_reason: z.string().nullable(),
    grounds: z.array(z.string()),
    nrm_status: z.enum(NRM_STATUSES).nullable().describe('the NRM status the step set, if any'),
    source_type: z.string().nullable().describe('the record that caused the step, e.g. "referral"'),
    source_id: z.uuid().nullable(),
    anonymous_notification: z.boolean().describe('the step left an anonymous notification (an adult declined)'),
    child_protection: z.array(childProtectionSchema).describe('child-protection notifications the step sent'),
  })
  .meta({ id: 'NrmTransition' });

export const timelineSchema = z
  .object({
    victim_case_id: z.uuid(),
    workflow_state: z
      .enum(NRM_WORKFLOW_STATES)
      .nullable()
      .describe(
        "the case's latest step (implied by nrm_status when none is recorded); null for a provider whose referral does not share nrm_status",
      ),
    nrm_status: z.enum(NRM_STATUSES).nullable().describe('null for a provider whose referral does not share nrm_status'),
    items: z
      .array(transitionSchema)
      .describe("every step, oldest first; a provider reading through a referral: only its own referrals' and assistance's steps"),
  })
  .meta({ id: 'NrmTimeline' });

export type TransitionBody = z.infer<typeof transitionBody>;
export type TransitionView = z.infer<typeof transitionSchema>;
export type TimelineView = z.infer<typeof timelineSchema>;
