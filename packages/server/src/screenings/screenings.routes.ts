import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ScreeningsRepository } from './screenings.repository.ts';
import { screeningPage, screeningQuery, screeningSchema, syncScreeningBody } from './screenings.schemas.ts';

const TAGS = ['screenings'];

/**
 * /api/v1/screenings: screenings with trafficking indicators, recorded offline
 * and synchronised (issue 4 points 1 and 6; docs/offline-sync.md, docs/screening.md).
 */
export const screeningRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const screenings = (request: Parameters<typeof recordContext>[1]) => new ScreeningsRepository(recordContext(options, request));

  app.put(
    '/:id',
    {
      config: { policy: { action: 'create', subject: 'Screening' } },
      schema: {
        tags: TAGS,
        summary: 'Synchronise a screening (offline sync)',
        description:
          'Stores one revision of a screening under the id the client generated (UUID). The server evaluates the answers ' +
          "with the profile's instrument (the same domain function as the browser) and its outcome is authoritative. " +
          '201 on first receipt; 200 when the same revision is sent again (nothing stored twice, identical response) or a ' +
          'higher revision from the same author replaces it (every revision is kept). 409 OPENNRM_SYNC_CONFLICT, naming the ' +
          'conflict in `fields`, for an older revision, the same revision with different content, an id recorded by another ' +
          'user, or a change after a victim case was opened from it: the client keeps its copy (docs/offline-sync.md). ' +
          'Errors: 400 naming the field (body.county, body.context, body.exploitation for a list not yet transcribed, ' +
          'body.answers.<id> for a question not in the set), 401, 403.',
        params: idParams,
        body: syncScreeningBody,
        response: { 200: screeningSchema, 201: screeningSchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      const result = await screenings(request).sync(request.params.id, request.body);
      return reply.code(result.status).header('x-opennrm-sync', result.outcome).send(result.screening);
    },
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Screening' } },
      schema: {
        tags: TAGS,
        summary: 'List screenings',
        description:
          "A page of your organisation's screenings, newest first (recorded_at). Filters: outcome, context, county, " +
          'recorded_by_user_id. Analysts see screenings only in the annual report. Errors: 400 naming the query field, 401, 403.',
        querystring: screeningQuery,
        response: { 200: screeningPage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await screenings(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'Screening' } },
      schema: {
        tags: TAGS,
        summary: 'Read a screening',
        description: 'One screening with its answers and the server’s evaluation. Errors: 400 (params.id), 401, 403, 404.',
        params: idParams,
        response: { 200: screeningSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await screenings(request).get(request.params.id)),
  );

  app.post(
    '/:id/case',
    {
      config: { policy: { action: 'create', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Open a victim case from a screening',
        description:
          "Opens a victim case linked to the screening: potential for a potential victim, presumed for a presumed victim (the server's " +
          "outcome), dated the day of the screening, with a person holding only the screening's sex and citizenships; your " +
          'organisation owns it and you lead its team. 201 when opened; 200 with the same link when a case was already opened. ' +
          'Once a case is opened the screening takes no more revisions. Errors: 401, 403, 404, 409 OPENNRM_INVALID_TRANSITION ' +
          '(no indicators).',
        params: idParams,
        response: { 200: screeningSchema, 201: screeningSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request, reply) => {
      const result = found(await screenings(request).openCase(request.params.id));
      return reply.code(result.opened ? 201 : 200).send(result.screening);
    },
  );
};
