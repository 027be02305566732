import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { NrmWorkflowRepository } from './nrm-workflow.repository.ts';
import { timelineSchema, transitionBody, transitionSchema } from './nrm-workflow.schemas.ts';

const TAGS = ['nrm-workflow'];

/** /api/v1/victim-cases/:id/transitions: the NRM workflow of a case (docs/nrm-workflow.md). */
export const nrmWorkflowRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const workflow = (request: Parameters<typeof recordContext>[1]) => new NrmWorkflowRepository(recordContext(options, request));

  app.post(
    '/:id/transitions',
    {
      config: { policy: { action: 'update', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Take a step in the NRM workflow',
        description:
          'Moves the case through the NRM workflow (open, refer, presume, assist, identify, reject, close, reopen) and keeps its ' +
          'nrm_status and decision dates in step. Rules: only steps of the transitions table; identify and reject only by an ' +
          'organisation with the profile function identifying_body, never by one that only screened, with reasons; an adult is ' +
          'referred only with consent to the referral; a closure names a profile closure reason and no forbidden ground ' +
          "(assistance is never conditional on criminal proceedings, Directive 2011/36/EU art. 11(3)); a child's county " +
          'child-protection service is notified on the first step; an undecided adult closed as "declined" leaves an anonymous ' +
          'notification. Refer or assist again on a case already there changes nothing and returns the latest step (200). ' +
          'Errors: 400 naming the field (body.reason, body.closure_reason, body.grounds.N, body.occurred_on, body.region), 401, ' +
          '403 OPENNRM_NOT_IDENTIFYING_BODY or OPENNRM_CONFLICT_OF_INTEREST, 404, 409 OPENNRM_INVALID_TRANSITION, ' +
          'OPENNRM_CONSENT_REQUIRED or OPENNRM_ASSISTANCE_CONDITIONAL.',
        params: idParams,
        body: transitionBody,
        response: { 200: transitionSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => workflow(request).transition(request.params.id, request.body),
  );

  app.get(
    '/:id/transitions',
    {
      config: { policy: { action: 'read', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: "A case's NRM timeline",
        description:
          'The workflow state and every step of the case, oldest first: who (user, organisation), when, why, the NRM status set, ' +
          'child-protection notifications. Errors: 400 (params.id), 401, 403 OPENNRM_CONFLICT_OF_INTEREST, 404.',
        params: idParams,
        response: { 200: timelineSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => workflow(request).timeline(request.params.id),
  );
};
