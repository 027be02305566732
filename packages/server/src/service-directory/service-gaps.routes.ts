import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { accessOf } from '../access/install-access.ts';
import { serviceGaps } from './service-gaps.ts';
import { serviceGapsSchema } from './service-gaps.schemas.ts';

/**
 * GET /api/v1/service-gaps: counties with no shelter, services asked for but
 * never given, licences expired or expiring. Aggregates (no person): read by
 * those who read the statistics (policy subject Report), not audited, like the report.
 */
export const serviceGapRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, { nrm, profile }) => {
  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Report' } },
      schema: {
        tags: ['service directory'],
        summary: 'Gaps in assistance',
        description:
          'Counties (profile regions) with no active facility offering shelter, and none offering shelter to children; services ' +
          "requested in referrals (not withdrawn) sent at least the profile's services.unmet_after_days ago with no service of that " +
          "kind delivered to the case since, by service and by the receiving provider's county; licences for child victims expired " +
          'or expiring within services.licence_warning_days. Coordinator and analysts. Errors: 401, 403.',
        response: { 200: serviceGapsSchema, ...errorResponses(401, 403, 500) },
      },
    },
    async (request) => {
      accessOf(request).assertCan('read', 'Report');
      return serviceGaps(nrm.db, profile);
    },
  );
};
