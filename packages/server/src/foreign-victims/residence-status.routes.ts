import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ResidenceStatusRepository } from './residence-status.repository.ts';
import { residenceStatusBody, residenceStatusList, residenceStatusSchema } from './residence-status.schemas.ts';

const TAGS = ['foreign-victims'];

/** /api/v1/victim-cases/:id/residence-statuses: a foreign victim's residence status (issue 4 point 5). */
export const residenceStatusRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const statuses = (request: Parameters<typeof recordContext>[1]) => new ResidenceStatusRepository(recordContext(options, request));

  app.post(
    '/:id/residence-statuses',
    {
      config: { policy: { action: 'update', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: "Record a foreign victim's residence status",
        description:
          'Records a residence status from the profile (Romania: reflection_period 90 days, temporary_residence_permit, ' +
          'tolerated_stay, asylum) with its start and expiry (default: the profile duration). Tolerated stay is flagged: it gives ' +
          'no right to victim services. The case team and case managers are alerted before expiry (profile ' +
          'residence_expiry_warning_days). Errors: 400 naming body.status or body.expires_on, 401, 403, 404.',
        params: idParams,
        body: residenceStatusBody,
        response: { 201: residenceStatusSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await statuses(request).record(request.params.id, request.body)),
  );

  app.get(
    '/:id/residence-statuses',
    {
      config: { policy: { action: 'read', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: "A foreign victim's residence statuses",
        description: 'Every status of the case, oldest first, with its warning (no right to services, expiry). Errors: 400, 401, 403, 404.',
        params: idParams,
        response: { 200: residenceStatusList, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => ({ items: await statuses(request).list(request.params.id) }),
  );
};
