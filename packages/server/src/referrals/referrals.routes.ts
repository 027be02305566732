import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ReferralsRepository } from './referrals.repository.ts';
import { createReferralBody, referralPage, referralQuery, referralSchema, updateReferralBody } from './referrals.schemas.ts';

const TAGS = ['referrals'];

/** /api/v1/referrals: referral of a victim to assistance and the provider's answer. */
export const referralRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const referrals = (request: Parameters<typeof recordContext>[1]) => new ReferralsRepository(recordContext(options, request));

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'Referral' } },
      schema: {
        tags: TAGS,
        summary: 'Refer a victim to assistance',
        description:
          'Sends a referral of a victim case from one organisation to another (each by code, e.g. "ANITP", or id) for one or more ' +
          'services (shelter, medical, psychological, legal, ...). Status starts as "sent"; sent_at defaults to now. ' +
          'Errors: 400 naming the field (unknown victim case or organisation), 401.',
        body: createReferralBody,
        response: { 201: referralSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await referrals(request).create(request.body)),
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Referral' } },
      schema: {
        tags: TAGS,
        summary: 'List referrals',
        description:
          'A page of referrals, oldest first. Filters: victim_case_id, status, from_organisation, to_organisation (code or id), service. ' +
          'Errors: 400 naming the query field, 401.',
        querystring: referralQuery,
        response: { 200: referralPage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await referrals(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'Referral' } },
      schema: {
        tags: TAGS,
        summary: 'Read a referral',
        description: 'Returns one referral. Errors: 400 (params.id), 401, 404 OPENNRM_NOT_FOUND.',
        params: idParams,
        response: { 200: referralSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await referrals(request).get(request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'update', subject: 'Referral' } },
      schema: {
        tags: TAGS,
        summary: 'Answer or update a referral',
        description:
          'Accepts, declines or withdraws a referral, records the date the service started, or changes the services. A sent ' +
          'referral may become accepted, declined (decline_reason required) or withdrawn; an accepted one may be withdrawn; ' +
          'declined and withdrawn are final (OSCE/ODIHR NRM handbook, ch. 4: refusals are documented). responded_at is set when ' +
          'the status changes. Errors: 400 naming the field (body.decline_reason, body.started_on), 401, 404, ' +
          '409 OPENNRM_INVALID_TRANSITION.',
        params: idParams,
        body: updateReferralBody,
        response: { 200: referralSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => found(await referrals(request).update(request.params.id, request.body)),
  );
};
