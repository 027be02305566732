import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/errors.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { migrationState } from './health.repository.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']).describe('"degraded" when migrations are pending or the database cannot be reached'),
  profile: z.string().describe('jurisdiction profile code, e.g. "romania"'),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    migrations: z.object({ applied: z.array(z.string()), pending: z.array(z.string()) }).nullable(),
  }),
});

/** GET /api/v1/health: public, for load balancers and operators. */
export const healthRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, { nrm, profile }) => {
  app.get(
    '',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Service health',
        description:
          'Public (no sign-in): reports the database kind (pglite or postgres), whether it answers, and applied and pending ' +
          'migrations. 200 when healthy, 503 with the same body when degraded. Holds no personal data.',
        response: { 200: healthSchema, 503: healthSchema, ...errorResponses(500) },
      },
    },
    async (_request, reply) => {
      const state = await migrationState(nrm).catch(() => null);
      const ok = state !== null && state.pending.length === 0;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        profile: profile.code,
        database: { kind: nrm.kind, reachable: state !== null, migrations: state },
      });
    },
  );
};
