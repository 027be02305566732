import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { AnonymousNotificationsRepository } from './anonymous-notifications.repository.ts';
import {
  anonymousNotificationBody,
  anonymousNotificationPage,
  anonymousNotificationQuery,
  anonymousNotificationSchema,
} from './anonymous-notifications.schemas.ts';

const TAGS = ['nrm-workflow'];

/** /api/v1/anonymous-notifications: adults who declined, counted without identity (issue 4, point 3). */
export const anonymousNotificationRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const notifications = (request: Parameters<typeof recordContext>[1]) =>
    new AnonymousNotificationsRepository(recordContext(options, request));

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'AnonymousNotification' } },
      schema: {
        tags: TAGS,
        summary: 'Notify an adult victim anonymously',
        description:
          'For an adult who declined referral and data sharing: records only sex, age band, citizenships, forms of exploitation ' +
          'and place, with no link to any person or case, so the statistics still count the victim (docs/statistics.md). A case ' +
          'closed as "declined" leaves one by itself. Errors: 400 naming the field, 401, 403.',
        body: anonymousNotificationBody,
        response: { 201: anonymousNotificationSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await notifications(request).create(request.body)),
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'AnonymousNotification' } },
      schema: {
        tags: TAGS,
        summary: 'List anonymous notifications',
        description:
          'A page of anonymous notifications, newest first; year filters by notified_on. Errors: 400 naming the query field, 401, 403.',
        querystring: anonymousNotificationQuery,
        response: { 200: anonymousNotificationPage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({
      ...(await notifications(request).list(request.query)),
      limit: request.query.limit,
      offset: request.query.offset,
    }),
  );
};
