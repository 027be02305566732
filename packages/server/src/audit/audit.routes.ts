import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, invalidField, notFound } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { accessOf } from '../access/install-access.ts';
import { personFacts } from '../access/facts.ts';
import { accessHistoryForPerson } from './access-history.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { AuditError } from './audit-event.ts';
import { unusualAccess } from './unusual-access.ts';

const entrySchema = z.object({
  id: z.number().int(),
  occurred_at: z.iso.datetime(),
  action: z.string(),
  actor_user_id: z.uuid().nullable(),
  actor_username: z.string().nullable(),
  actor_display_name: z.string().nullable(),
  actor_organisation_id: z.uuid().nullable(),
  organisation_code: z.string().nullable(),
  organisation_name: z.string().nullable(),
  record_type: z.string().nullable(),
  record_id: z.string().nullable(),
  fields: z.array(z.string()).describe('names of the fields read or changed, never values'),
  reason: z.string().nullable().describe('the written reason of a break-glass access'),
  source_ip: z.string().nullable(),
  request_id: z.string().nullable(),
});

const finding = z.record(z.string(), z.unknown());

/** Dates as ISO text, the way JSON carries them. */
const jsonReady = <T>(value: T) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * GET /api/v1/persons/:id/access-history ("who has looked at this person")
 * and GET /api/v1/audit/unusual-access (the auditors' report). Issue 3 point 4.
 */
export const auditRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, { nrm }) => {
  app.get(
    '/persons/:id/access-history',
    {
      config: { policy: { action: 'read', subject: 'AccessHistory' } },
      schema: {
        tags: ['audit'],
        summary: 'Who has looked at this person',
        description:
          'Every audit event about the person, newest first (at most 500): reads, changes, exports and break-glass accesses with ' +
          'their reasons. For auditors, and for case managers and the coordinator on persons of cases they may read. Reading it is ' +
          'itself audited. GDPR art. 15(1)(c). Errors: 401, 403, 404 (no such person, or not one you may see).',
        params: idParams,
        response: { 200: z.object({ items: z.array(entrySchema) }), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const access = accessOf(request);
      const id = request.params.id;
      return nrm.db.transaction().execute(async (trx) => {
        const person = await trx
          .selectFrom('person')
          .select('id')
          .where('id', '=', id)
          .where((eb) => access.filter(eb, 'read', 'AccessHistory', personFacts(access)))
          .executeTakeFirst();
        if (!person) throw notFound();
        const entries = await accessHistoryForPerson(trx, id, { limit: 500 });
        await appendAuditEvent(trx, access.audit({ action: 'read', record_type: 'audit_history', record_id: id, person_id: id }));
        return { items: entries.map((e) => ({ ...e, occurred_at: e.occurred_at.toISOString() })) };
      });
    },
  );

  app.get(
    '/audit/unusual-access',
    {
      config: { policy: { action: 'read', subject: 'AuditTrail' } },
      schema: {
        tags: ['audit'],
        summary: 'Unusual access',
        description:
          'Users who read many persons in a day, accessed persons out of hours or outside their county, and every break-glass ' +
          'access, between `from` (inclusive) and `to` (exclusive): local dates YYYY-MM-DD in Europe/Bucharest or instants. ' +
          'Auditors only. Errors: 400 naming query.from or query.to, 401, 403.',
        querystring: z.strictObject({ from: z.string().min(1), to: z.string().min(1) }),
        response: {
          200: z.object({
            many_persons: z.array(finding),
            out_of_hours: z.array(finding),
            break_glass: z.array(finding),
            outside_region: z.array(finding),
          }),
          ...errorResponses(400, 401, 403, 500),
        },
      },
    },
    async (request) => {
      try {
        return jsonReady(await unusualAccess(nrm.db, request.query)) as never;
      } catch (error) {
        if (error instanceof AuditError && error.problem) throw invalidField(`query.${error.field ?? 'from'}`, error.problem);
        throw error;
      }
    },
  );
};
