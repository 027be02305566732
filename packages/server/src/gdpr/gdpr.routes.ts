import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import { errorResponses } from '../http/errors.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { actorOf } from '../accounts/authentication.ts';
import { accessOf } from '../access/install-access.ts';
import type { Keyring } from '../security/crypto/index.ts';
import { GdprRepository } from './gdpr.repository.ts';
import {
  consentList,
  consentParams,
  consentSchema,
  erasureBody,
  erasureResult,
  personIdParams,
  recordConsentBody,
  subjectAccessExport,
  withdrawConsentBody,
} from './gdpr.schemas.ts';

const TAGS = ['gdpr'];

/**
 * The policy-layer declaration of these routes (access/install-access.ts):
 * consent, export and erasure act on the person's identifying record. The
 * repository then checks the record (the user may read the person, as for
 * GET /persons/:id, else 404) and the role (GdprRepository). Cast because the
 * declaration's type arrives with the policy layer.
 */
const policy = (action: 'read' | 'update') => ({ policy: { action, subject: 'PersonIdentity' } }) as FastifyContextConfig;

/**
 * /api/v1/persons/:id/... : consent records (GDPR art. 7), the data-subject
 * access export (art. 15) and erasure (art. 17). Registered under /persons
 * beside the persons capability. docs/gdpr.md describes each.
 */
export const gdprRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const gdpr = (request: FastifyRequest) => {
    const agent = request.headers['user-agent'];
    return new GdprRepository({
      db: options.nrm.db,
      profile: options.profile,
      actor: actorOf(request),
      access: accessOf(request),
      // The keyring joins the capability options with the encryption wiring; without it the export marks the identity as sealed.
      keyring: (options as CapabilityOptions & { keyring?: Keyring }).keyring,
      origin: {
        source_ip: request.ip || null,
        user_agent: typeof agent === 'string' && agent ? agent : null,
        request_id: String(request.id),
      },
    });
  };

  app.post(
    '/:id/consents',
    {
      config: policy('update'),
      schema: {
        tags: TAGS,
        summary: 'Record consent given or refused',
        description:
          'Records that the person gave (given: true) or refused (given: false) consent to a purpose, on a day, by a method. ' +
          'Roles: front-line responder, case worker, case manager, coordinator. Audited. Errors: 400 naming the field, 401, 404.',
        params: personIdParams,
        body: recordConsentBody,
        response: { 201: consentSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await gdpr(request).record(request.params.id, request.body)),
  );

  app.get(
    '/:id/consents',
    {
      config: policy('read'),
      schema: {
        tags: TAGS,
        summary: "List a person's consent records",
        description: 'Every consent record, withdrawals included, oldest first. Audited as a read. Errors: 400, 401, 404.',
        params: personIdParams,
        response: { 200: consentList, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => ({ items: await gdpr(request).list(request.params.id) }),
  );

  app.post(
    '/:id/consents/:consent_id/withdrawal',
    {
      config: policy('update'),
      schema: {
        tags: TAGS,
        summary: 'Withdraw a consent',
        description:
          'Records the withdrawal (GDPR art. 7(3)); the consent record stays, with withdrawn_on and withdrawn_by. ' +
          'Errors: 400 (withdrawn_on before recorded_on), 401, 404, 409 OPENNRM_INVALID_TRANSITION (already withdrawn, or a refusal).',
        params: consentParams,
        body: withdrawConsentBody,
        response: { 200: consentSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => gdpr(request).withdraw(request.params.id, request.params.consent_id, request.body.withdrawn_on),
  );

  app.get(
    '/:id/subject-access-export',
    {
      config: policy('read'),
      schema: {
        tags: TAGS,
        summary: 'Data-subject access export',
        description:
          'Everything held about the person (GDPR art. 15): person, identity, victim cases, referrals, assistance, consents, ' +
          'criminal-case links, erasure requests, access history and the retention rules that apply, as one JSON document. ' +
          'Coordinator and case manager only. Audited as an export. Errors: 400, 401, 404 (no such person, or another role).',
        params: personIdParams,
        response: { 200: subjectAccessExport, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => gdpr(request).subjectAccessExport(request.params.id),
  );

  app.post(
    '/:id/erasure',
    {
      config: policy('update'),
      schema: {
        tags: TAGS,
        summary: 'Erase a person (GDPR art. 17)',
        description:
          'Erases the identity and anonymises every other record of the person (statistics keep their counts: art. 17(3)(d), 89), ' +
          'deletes consents, records the request and audits each record. Refused with 409 OPENNRM_CONFLICT naming the exemption ' +
          'while the person is linked to an open criminal case (art. 17(3)(e)) or receives assistance without an end date ' +
          '(art. 17(3)(b)); the refusal is recorded too. Coordinator and case manager only. Errors: 400, 401, 404, 409.',
        params: personIdParams,
        body: erasureBody,
        response: { 200: erasureResult, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => gdpr(request).erase(request.params.id, request.body),
  );
};
