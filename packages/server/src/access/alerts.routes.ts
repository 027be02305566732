import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { accessOf } from './install-access.ts';

const alertSchema = z
  .object({
    id: z.uuid(),
    kind: z
      .string()
      .describe(
        '"break_glass": someone opened a case of your organisation outside its team; "child_protection_notification": a child\'s ' +
          'case notified to your child-protection service; "child_protection_unrouted": no service to notify (coordinators); ' +
          '"residence_expiry": a foreign victim\'s residence status expires soon (docs/nrm-workflow.md)',
      ),
    victim_case_id: z.uuid().nullable(),
    actor_user_id: z.uuid().nullable(),
    actor_username: z.string().nullable(),
    reason: z.string().nullable().describe('the reason the user wrote'),
    created_at: z.iso.datetime(),
    read_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Alert' });

/** GET /api/v1/alerts: the signed-in user's in-app alerts, newest first (break-glass on cases they manage). */
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
        .select([
          'alert.id',
          'alert.kind',
          'alert.victim_case_id',
          'alert.actor_user_id',
          'app_user.username as actor_username',
          'alert.reason',
          'alert.created_at',
          'alert.read_at',
        ])
        .where('alert.recipient_user_id', '=', accessOf(request).actor.user_id)
        .orderBy('alert.created_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({ ...r, created_at: isoInstant(r.created_at), read_at: r.read_at ? isoInstant(r.read_at) : null })),
      };
    },
  );
};
