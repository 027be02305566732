import { problem } from '@opennrm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../accounts/authentication.ts';
import { patterned } from '../http/common.schemas.ts';
import { errorResponses, invalidField, notFound } from '../http/errors.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { DRAFT_KEEP_DAYS, DRAFT_MAX_BYTES, DRAFT_MAX_PER_USER, DraftsRepository } from './drafts.repository.ts';

const TAGS = ['drafts'];
/** A user's drafts are part of their own account (access policy, subject OwnAccount). */
const OWN_ACCOUNT = { action: 'manage', subject: 'OwnAccount' } as const;

const draftKey = patterned(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, problem('not_draft_key_format')).describe(
  'chosen by the app, e.g. "screening:new" or "referral:<victim case id>"',
);

const summarySchema = z
  .object({
    key: z.string(),
    size_bytes: z.number().int(),
    updated_at: z.iso.datetime(),
    expires_at: z.iso.datetime().describe(`${DRAFT_KEEP_DAYS} days after the last save`),
  })
  .meta({ id: 'DraftSummary' });

const content = z.record(z.string(), z.unknown()).describe('the form as the app keeps it: any JSON object');

/**
 * Drafts of half-filled forms: /api/v1/drafts. The web app saves a form here
 * (and in the browser's storage) as it is typed and before a session
 * expires, so that an idle timeout never loses it: after signing in again the
 * same user gets it back.
 */
export const draftRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const drafts = new DraftsRepository(options.nrm.db, options.keyring);
  // Expired drafts are invisible already; deleting them at start-up keeps the table small.
  await drafts.purgeExpired();

  app.get(
    '',
    {
      config: { policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'My drafts',
        description: "The signed-in user's drafts, latest first, without their content. Errors: 401.",
        response: { 200: z.array(summarySchema), ...errorResponses(401, 403, 500) },
      },
    },
    async (request) => drafts.list(actorOf(request).user_id),
  );

  app.get(
    '/:key',
    {
      config: { policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'One of my drafts',
        description: "The draft saved under the key by the signed-in user. Another user's draft is 404. Errors: 400, 401, 404.",
        params: z.object({ key: draftKey }),
        response: { 200: summarySchema.extend({ content }), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const draft = await drafts.find(actorOf(request).user_id, request.params.key);
      if (!draft) throw notFound();
      return draft as typeof draft & { content: Record<string, unknown> };
    },
  );

  app.put(
    '/:key',
    {
      config: { policy: OWN_ACCOUNT },
      bodyLimit: DRAFT_MAX_BYTES + 16 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Save a draft',
        description:
          `Saves the form under the key for the signed-in user, sealed with the keyring, for ${DRAFT_KEEP_DAYS} days from this save. ` +
          `At most ${DRAFT_MAX_BYTES} bytes of JSON and ${DRAFT_MAX_PER_USER} drafts a user. ` +
          'Errors: 400 OPENNRM_VALIDATION (params.key, body.content too large or too many drafts), 401.',
        params: z.object({ key: draftKey }),
        body: z.object({ content }),
        response: { 200: summarySchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      const saved = await drafts.save(actorOf(request).user_id, request.params.key, request.body.content);
      if (saved === 'too_large') throw invalidField('body.content', problem('draft_too_large', { maximum: DRAFT_MAX_BYTES }));
      if (saved === 'too_many') throw invalidField('params.key', problem('too_many_drafts', { maximum: DRAFT_MAX_PER_USER }));
      return saved;
    },
  );

  app.delete(
    '/:key',
    {
      config: { policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'Delete a draft',
        description: 'Deletes the draft once its form is submitted or abandoned. Errors: 400, 401, 404.',
        params: z.object({ key: draftKey }),
        response: { 204: z.undefined().describe('Deleted'), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      if (!(await drafts.remove(actorOf(request).user_id, request.params.key))) throw notFound();
      return reply.code(204).send();
    },
  );
};
