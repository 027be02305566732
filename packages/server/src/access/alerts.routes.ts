import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { accessOf } from './install-access.ts';

const reminderDeadlineSchema = z
  .object({
    kind: z.string(),
    subject: z.object({ offence_id: z.uuid().optional(), suspect_id: z.uuid().optional(), event_id: z.uuid().optional() }),
    due_on: z.iso.date(),
    days_left: z.int().describe('days from as_of to due_on'),
    as_of: z.iso.date(),
    explanation: z.string(),
    rule: z.object({ code: z.string(), source: z.string(), verify: z.boolean() }),
  })
  .meta({ id: 'AlertDeadline' });

const alertSchema = z
  .object({
    id: z.uuid(),
    kind: z
      .string()
      .describe(
        '"break_glass": someone opened a case of your organisation outside its team; "child_protection_notification": a child\'s ' +
          'case notified to your child-protection service; "child_protection_unrouted": no service to notify (coordinators); ' +
          '"residence_expiry": a foreign victim\'s residence status expires soon (docs/nrm-workflow.md); ' +
          '"deadline_reminder": a legal deadline of a criminal case you prosecute or manage is near (docs/proceedings.md, "Reminders"); ' +
          '"victim_heard_again": a victim of a case you manage, already heard, was heard again or a further hearing was planned ' +
          '(docs/proceedings.md, "Victims in proceedings")',
      ),
    victim_case_id: z.uuid().nullable(),
    actor_user_id: z.uuid().nullable(),
    actor_username: z.string().nullable(),
    reason: z.string().nullable().describe('the reason the user wrote'),
    criminal_case_id: z.uuid().nullable().describe('deadline_reminder: the criminal case'),
    case_number: z.string().nullable().describe("deadline_reminder: the criminal case's number"),
    lead_days: z
      .int()
      .nullable()
      .describe('deadline_reminder: the lead time reached, days (profile criminal_procedure.reminder_lead_days)'),
    deadline: reminderDeadlineSchema
      .nullable()
      .describe('deadline_reminder: the deadline as computed on as_of (the deadline engine, docs/proceedings.md)'),
    created_at: z.iso.datetime(),
    read_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Alert' });

/** GET /api/v1/alerts: the signed-in user's in-app alerts, newest first (break-glass on cases they manage, deadline reminders, ...). */
export const alertRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, { nrm }) => {
  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Alert' } },
      schema: {
        tags: ['alerts'],
        summary: 'Your alerts',
        description:
          'Alerts addressed to you, newest first, at most 200 (issue 3 point 5: break-glass alerts the case manager). Errors: 401.',
        response: { 200: z.object({ items: z.array(alertSchema) }), ...errorResponses(401, 403, 500) },
      },
    },
    async (request) => {
      const rows = await nrm.db
        .selectFrom('alert')
        .leftJoin('app_user', 'app_user.id', 'alert.actor_user_id')
        .leftJoin('criminal_case', 'criminal_case.id', 'alert.criminal_case_id')
        .select([
          'alert.id',
          'alert.kind',
          'alert.victim_case_id',
          'alert.actor_user_id',
          'app_user.username as actor_username',
          'alert.reason',
          'alert.criminal_case_id',
          'criminal_case.case_number',
          'alert.lead_days',
          'alert.deadline',
          'alert.created_at',
          'alert.read_at',
        ])
        .where('alert.recipient_user_id', '=', accessOf(request).actor.user_id)
        .orderBy('alert.created_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          ...r,
          deadline: r.deadline as z.infer<typeof reminderDeadlineSchema> | null,
          created_at: isoInstant(r.created_at),
          read_at: r.read_at ? isoInstant(r.read_at) : null,
        })),
      };
    },
  );
};
