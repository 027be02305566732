import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { VictimCasesRepository } from './victim-cases.repository.ts';
import { createVictimCaseBody, updateVictimCaseBody, victimCasePage, victimCaseQuery, victimCaseSchema } from './victim-cases.schemas.ts';

const TAGS = ['victim cases'];
const DERIVED =
  'is_child and reporting_year are computed on every write: a child is under 18 at the start of exploitation, else at ' +
  'identification, else by age band (Palermo Protocol art. 3(d)); the reporting year is the year of identified_on, else ' +
  'registration_year (docs/statistics.md).';
const RULES =
  'Codes come from the domain code lists (forms, statuses, recruitment methods, means of control); regions_of_exploitation ' +
  'must be regions of the jurisdiction profile; identifying_organisation is an organisation code or id; nrm_status identified ' +
  'needs identified_on and not_a_victim needs not_a_victim_on.';

/** /api/v1/victim-cases: NRM status, forms of exploitation and the facts statistics count. */
export const victimCaseRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const cases = (request: Parameters<typeof recordContext>[1]) => new VictimCasesRepository(recordContext(options, request));

  app.post(
    '',
    {
      schema: {
        tags: TAGS,
        summary: 'Open a victim case',
        description: `Opens a victim case for a recorded person. ${RULES} ${DERIVED} Errors: 400 naming the field, 401, 409 OPENNRM_CONFLICT when case_number is taken.`,
        body: createVictimCaseBody,
        response: { 201: victimCaseSchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await cases(request).create(request.body)),
  );

  app.get(
    '',
    {
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
      schema: {
        tags: TAGS,
        summary: 'Read a victim case',
        description: 'Returns one victim case. Errors: 400 (params.id not a UUID), 401, 404 OPENNRM_NOT_FOUND.',
        params: idParams,
        response: { 200: victimCaseSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await cases(request).get(request.params.id)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Update a victim case',
        description: `Changes the fields given (null clears a field). ${RULES} ${DERIVED} Errors: 400 naming the field, 401, 404, 409.`,
        params: idParams,
        body: updateVictimCaseBody,
        response: { 200: victimCaseSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => found(await cases(request).update(request.params.id, request.body)),
  );
};
