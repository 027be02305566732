import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { AssistanceRepository } from './assistance.repository.ts';
import { assistancePage, assistanceQuery, assistanceSchema, createAssistanceBody, updateAssistanceBody } from './assistance.schemas.ts';

const TAGS = ['assistance'];

/** /api/v1/assistance: services a victim received (shelter, medical, legal, ...). */
export const assistanceRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const assistance = (request: Parameters<typeof recordContext>[1]) => new AssistanceRepository(recordContext(options, request));

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'Assistance' } },
      schema: {
        tags: TAGS,
        summary: 'Record assistance received',
        description:
          'Records one service delivered to a victim by a provider (organisation code or id) from started_on to ended_on ' +
          '(YYYY-MM-DD; open while ended_on is null), optionally answering a referral of the same case, at a facility of the ' +
          'provider (facility_id). Financial support records amount, currency (ISO 4217) and payment_scheme (profile ' +
          'services.financial_schemes; an amount above the cap of its year is refused). A service started by today moves the ' +
          'case to "assisted" through the NRM workflow. Errors: 400 naming the field (unknown case, organisation, referral or ' +
          'facility; ended_on before started_on; started_on or ended_on before the victim case began or more than 366 days ' +
          'after today, a planned service; a payment the profile refuses), 401, 409 OPENNRM_INVALID_TRANSITION (a closed ' +
          'case or one decided not a victim).',
        body: createAssistanceBody,
        response: { 201: assistanceSchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await assistance(request).create(request.body)),
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Assistance' } },
      schema: {
        tags: TAGS,
        summary: 'List assistance',
        description:
          'A page of services received, oldest first. Filters: victim_case_id, referral_id, provider_organisation (code or id), ' +
          'service, ongoing. Errors: 400 naming the query field, 401.',
        querystring: assistanceQuery,
        response: { 200: assistancePage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await assistance(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'Assistance' } },
      schema: {
        tags: TAGS,
        summary: 'Read an assistance record',
        description: 'Returns one service record. Errors: 400 (params.id), 401, 404 OPENNRM_NOT_FOUND.',
        params: idParams,
        response: { 200: assistanceSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await assistance(request).get(request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'update', subject: 'Assistance' } },
      schema: {
        tags: TAGS,
        summary: 'Update an assistance record',
        description:
          'Changes the service, its start or its end (null reopens it). Errors: 400 (body.ended_on before started_on; a date given ' +
          'before the victim case began or more than 366 days after today), 401, 404.',
        params: idParams,
        body: updateAssistanceBody,
        response: { 200: assistanceSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await assistance(request).update(request.params.id, request.body)),
  );
};
