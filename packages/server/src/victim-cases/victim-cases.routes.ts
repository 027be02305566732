import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { ifMatchHeaders, parseIfMatch, versionTag } from '../http/preconditions.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { VictimCasesRepository } from './victim-cases.repository.ts';
import { CaseTeamRepository } from './case-team.repository.ts';
import { BreakGlassRepository } from './break-glass.repository.ts';
import { linkFromVictimCase } from '../criminal-cases/victim-links.ts';
import { victimLinkSchema, victimRoleBody } from '../criminal-cases/proceedings.schemas.ts';
import {
  addTeamMemberBody,
  breakGlassBody,
  breakGlassGrantSchema,
  caseTeamMemberSchema,
  createVictimCaseBody,
  teamMemberParams,
  updateVictimCaseBody,
  victimCasePage,
  victimCaseQuery,
  victimCaseSchema,
  visibleVictimCaseSchema,
} from './victim-cases.schemas.ts';
import { z } from 'zod';

const TAGS = ['victim cases'];
const victimCriminalLinkParams = z.object({ id: z.uuid(), criminal_case_id: z.uuid() });
const DERIVED =
  'is_child and reporting_year are computed on every write: a child is under 18 at the start of exploitation, else at ' +
  'identification, else by age band (Palermo Protocol art. 3(d)); the reporting year is the year of identified_on, else ' +
  'registration_year (docs/statistics.md).';
const CONCURRENCY =
  'Optimistic concurrency (RFC 9110): send the ETag of your read (the case\'s version in quotes, e.g. "4") as If-Match and the ' +
  'change is made only if nobody changed the case since; otherwise 412 OPENNRM_STALE_VERSION and nothing is saved: read it again. ' +
  'Without If-Match the change is made whatever happened since (last writer wins), for clients written before edit versions.';
const RULES =
  'Codes come from the domain code lists (forms, statuses, recruitment methods, means of control); regions_of_exploitation ' +
  'must be regions of the jurisdiction profile; identifying_organisation is an organisation code or id; nrm_status identified ' +
  'needs identified_on and not_a_victim needs not_a_victim_on.';

/** Sets the ETag of a case the reader sees with its version (RFC 9110 §8.8.3), and returns the case. */
function withTag<T extends { version?: number }>(reply: FastifyReply, victimCase: T): T {
  if (victimCase.version !== undefined) reply.header('etag', versionTag(victimCase.version));
  return victimCase;
}

/** /api/v1/victim-cases: NRM status, forms of exploitation and the facts statistics count. */
export const victimCaseRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const cases = (request: Parameters<typeof recordContext>[1]) => new VictimCasesRepository(recordContext(options, request));

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Open a victim case',
        description: `Opens a victim case for a recorded person. ${RULES} ${DERIVED} Errors: 400 naming the field, 401, 409 OPENNRM_CONFLICT when case_number is taken.`,
        body: createVictimCaseBody,
        response: { 201: victimCaseSchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      const created = await cases(request).create(request.body);
      return reply.code(201).header('etag', versionTag(created.version)).send(created);
    },
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'List victim cases',
        description:
          'A page of victim cases, oldest first. Filters: nrm_status, reporting_year, case_number, person_id, form, is_child, ' +
          'identifying_organisation (code or id), synthetic. Errors: 400 naming the query field, 401.',
        querystring: victimCaseQuery,
        response: { 200: victimCasePage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await cases(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Read a victim case',
        description:
          'Returns one victim case with the fields you may see (docs/access-policy.md); the read is audited. The ETag header is its ' +
          'edit version in quotes, for If-Match on PATCH (absent, with `version`, for a reader who sees the case through a referral ' +
          'and cannot edit it). Errors: 400 (params.id not a UUID), ' +
          '401, 403 OPENNRM_CONFLICT_OF_INTEREST, 404 OPENNRM_NOT_FOUND (no such case, or not one you may see).',
        params: idParams,
        response: { 200: visibleVictimCaseSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => withTag(reply, found(await cases(request).get(request.params.id))),
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'update', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Update a victim case',
        description:
          `Changes the fields given (null clears a field) and answers with the case and its new ETag. ${CONCURRENCY} ${RULES} ` +
          `${DERIVED} Errors: 400 naming the field (headers.if-match when it is not an ETag), 401, 404, 409, 412 OPENNRM_STALE_VERSION.`,
        params: idParams,
        headers: ifMatchHeaders,
        body: updateVictimCaseBody,
        response: { 200: visibleVictimCaseSchema, ...errorResponses(400, 401, 403, 404, 409, 412, 500) },
      },
    },
    async (request, reply) =>
      withTag(reply, found(await cases(request).update(request.params.id, request.body, parseIfMatch(request.headers['if-match'])))),
  );

  app.put(
    '/:id/criminal-cases/:criminal_case_id',
    {
      config: { policy: { action: 'update', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Link the victim to a criminal case',
        description:
          "Links the victim case to a criminal case with the victim's role (injured_party, witness, civil_party), or changes the " +
          'role: whoever manages the victim case (its team, owning organisation, the coordinator) shares it with the investigating ' +
          'office, whose prosecutors then read it (a prosecutor links only victim cases they may read already). The criminal case ' +
          'need not be one the user may read. Never a condition of assistance (Directive 2011/36/EU art. 11(3)). Audited as a ' +
          'permission change. Errors: 400, 401, 403, 404 (victim case the user may not update, or no such criminal case).',
        params: victimCriminalLinkParams,
        body: victimRoleBody,
        response: { 200: victimLinkSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      found(
        await linkFromVictimCase(recordContext(options, request), request.params.id, request.params.criminal_case_id, request.body.role),
      ),
  );

  const team = (request: Parameters<typeof recordContext>[1]) => new CaseTeamRepository(recordContext(options, request));

  app.get(
    '/:id/team',
    {
      config: { policy: { action: 'read', subject: 'CaseTeam' } },
      schema: {
        tags: TAGS,
        summary: 'The case team',
        description: 'Users working the case. Case managers of the owning organisation and the coordinator. Errors: 401, 403, 404.',
        params: idParams,
        response: { 200: z.object({ items: z.array(caseTeamMemberSchema) }), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => ({ items: found(await team(request).list(request.params.id)) }),
  );

  app.post(
    '/:id/team',
    {
      config: { policy: { action: 'update', subject: 'CaseTeam' } },
      schema: {
        tags: TAGS,
        summary: 'Add a user to the case team',
        description:
          "Adds (or changes the role of) a user of the case's owning organisation; audited as a permission change. Errors: 400 " +
          '(body.user_id not of the owning organisation), 401, 403, 404.',
        params: idParams,
        body: addTeamMemberBody,
        response: { 200: z.object({ items: z.array(caseTeamMemberSchema) }), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => ({ items: found(await team(request).add(request.params.id, request.body)) }),
  );

  app.delete(
    '/:id/team/:user_id',
    {
      config: { policy: { action: 'update', subject: 'CaseTeam' } },
      schema: {
        tags: TAGS,
        summary: 'Remove a user from the case team',
        description: 'Audited as a permission change. Errors: 401, 403, 404 (no such case you manage, or the user is not on the team).',
        params: teamMemberParams,
        response: { 200: z.object({ items: z.array(caseTeamMemberSchema) }), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => ({ items: found(await team(request).remove(request.params.id, request.params.user_id)) }),
  );

  app.post(
    '/:id/break-glass',
    {
      config: { policy: { action: 'break_glass', subject: 'VictimCase' } },
      schema: {
        tags: TAGS,
        summary: 'Open a case outside your team (break-glass)',
        description:
          'Grants you read access to the case for 60 minutes, for a written reason. The reason goes into the audit trail (action ' +
          "break_glass, shown in the person's access history) and an alert goes to the case managers of the owning organisation. " +
          'Issue 3 point 5. Errors: 400 body.reason (at least 10 characters), 401, 403 OPENNRM_FORBIDDEN (role) or ' +
          'OPENNRM_CONFLICT_OF_INTEREST (you are a suspect or your institution is under investigation), 404.',
        params: idParams,
        body: breakGlassBody,
        response: { 201: breakGlassGrantSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(found(await new BreakGlassRepository(recordContext(options, request)).open(request.params.id, request.body.reason))),
  );
};
