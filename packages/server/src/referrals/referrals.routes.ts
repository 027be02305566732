import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ReferralsRepository } from './referrals.repository.ts';
import {
  createReferralBody,
  referralPage,
  referralQuery,
  referralSchema,
  resendReferralBody,
  updateReferralBody,
} from './referrals.schemas.ts';
import { listWaitingReferrals } from './waiting-referrals.ts';
import { waitingReferralPage, waitingReferralQuery } from './waiting-referrals.schemas.ts';

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
          'services (shelter, medical, psychological, legal, ...) with an urgency (routine, urgent). Status starts as "sent"; ' +
          'sent_at defaults to now. The case moves to "referred" through the NRM workflow (docs/services.md). Errors: 400 ' +
          "naming the field (unknown victim case or organisation; body.from_organisation when it is not the user's own: only " +
          'the coordinator records a referral on behalf of another organisation, audited as such), 401, ' +
          '409 OPENNRM_CONSENT_REQUIRED (an adult who has not ' +
          'consented to referral), 409 OPENNRM_INVALID_TRANSITION (a closed case or one decided not a victim).',
        body: createReferralBody,
        response: { 201: referralSchema, ...errorResponses(400, 401, 403, 409, 500) },
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
    '/waiting',
    {
      config: { policy: { action: 'read', subject: 'Referral' } },
      schema: {
        tags: TAGS,
        summary: 'Referrals waiting for you',
        description:
          'Referrals waiting for an answer (sent) or, once accepted, for their first service, with days waited, the threshold ' +
          'in days (profile services.referral_timers: per service, urgent, first service) and whether each is overdue; overdue ' +
          'first. direction: incoming (to your organisation, default), outgoing (sent by it) or all (every one you may read). ' +
          'The response counts the overdue ones. Errors: 400 naming the query field, 401.',
        querystring: waitingReferralQuery,
        response: { 200: waitingReferralPage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({
      ...(await listWaitingReferrals(recordContext(options, request), request.query)),
      limit: request.query.limit,
      offset: request.query.offset,
    }),
  );

  app.post(
    '/:id/resend',
    {
      config: { policy: { action: 'create', subject: 'Referral' } },
      schema: {
        tags: TAGS,
        summary: 'Re-send a declined referral to another provider',
        description:
          'Creates a new referral of the same case to another organisation (services and urgency default to the declined ' +
          "one's), linked by resent_from_referral_id; the declined referral keeps its reason. Errors: 400 (body.to_organisation: " +
          'unknown, or the provider that declined), 401, 404, 409 OPENNRM_INVALID_TRANSITION (the referral is not declined).',
        params: idParams,
        body: resendReferralBody,
        response: { 201: referralSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(found(await referrals(request).resend(request.params.id, request.body))),
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
          'referral may become accepted, declined (decline_reason_code and/or decline_reason; code "other" or none needs the ' +
          'text; text alone is coded "other") or withdrawn; an accepted one may be withdrawn; ' +
          'declined and withdrawn are final (OSCE/ODIHR NRM handbook, ch. 4: refusals are documented). responded_at is set when ' +
          'the status changes. Errors: 400 naming the field (body.decline_reason, body.decline_reason_code, body.started_on), 401, 404, ' +
          '409 OPENNRM_INVALID_TRANSITION.',
        params: idParams,
        body: updateReferralBody,
        response: { 200: referralSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => found(await referrals(request).update(request.params.id, request.body)),
  );
};
