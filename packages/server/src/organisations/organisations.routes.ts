import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/errors.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { organisationQuery, organisationSchema } from './organisations.schemas.ts';

/** GET /api/v1/organisations. */
export const organisationRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Organisation' } },
      schema: {
        tags: ['organisations'],
        summary: 'List organisations',
        description:
          "The institutions of the jurisdiction profile (coordinator, prosecutors, police, each county's child protection, NGOs) " +
          'and those added by an administrator, ordered by code. Filter by kind, NRM function or region. ' +
          'Referrals, assistance and cases name organisations by the code or id listed here. Errors: 400, 401.',
        querystring: organisationQuery,
        response: { 200: z.object({ items: z.array(organisationSchema) }), ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ items: await new OrganisationsRepository(recordContext(options, request)).list(request.query) }),
  );
};
