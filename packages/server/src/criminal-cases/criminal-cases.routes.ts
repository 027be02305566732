import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { CriminalCasesRepository } from './criminal-cases.repository.ts';
import { proceedingsRoutes } from './proceedings.routes.ts';
import {
  createCriminalCaseBody,
  createSuspectBody,
  criminalCaseDetailSchema,
  criminalCasePage,
  criminalCaseQuery,
  suspectParams,
  suspectSchema,
  updateCriminalCaseBody,
  updateSuspectBody,
} from './criminal-cases.schemas.ts';

const TAGS = ['criminal cases'];
const RULES =
  'offence_articles must be articles of the jurisdiction profile (e.g. Romanian Criminal Code art. 210, 211); ' +
  'investigating_organisation is an organisation code (e.g. "DIICOT") or id; victim_case_ids must exist, and a victim case not yet ' +
  'linked must be one the user may already read (a link opens it to the investigating office): another is 400 "no victim case ' +
  'with this id" naming body.victim_case_ids.<i>, as for an id that does not exist; its case manager or the coordinator links it ' +
  'from the victim case.';
const SUSPECT_RULES =
  'verdict and verdict_on go together; sentence_months (months of imprisonment) only for a convicted suspect; ' +
  'state_employee marks public officials (official complicity is reported separately).';

/** /api/v1/criminal-cases: investigations and prosecutions, their suspects and linked victims. */
export const criminalCaseRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const cases = (request: Parameters<typeof recordContext>[1]) => new CriminalCasesRepository(recordContext(options, request));
  await app.register(proceedingsRoutes, { nrm: options.nrm, profile: options.profile, keyring: options.keyring });

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'CriminalCase' } },
      schema: {
        tags: TAGS,
        summary: 'Open a criminal case',
        description: `Opens a criminal case with its suspects and linked victim cases, in one transaction. ${RULES} ${SUSPECT_RULES} Errors: 400 naming the field, 401, 409 OPENNRM_CONFLICT when case_number is taken.`,
        body: createCriminalCaseBody,
        response: { 201: criminalCaseDetailSchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await cases(request).create(request.body)),
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'CriminalCase' } },
      schema: {
        tags: TAGS,
        summary: 'List criminal cases',
        description:
          'A page of criminal cases without suspects, oldest first. Filters: case_number, investigating_organisation (code or id), ' +
          'offence_article, form, victim_case_id, opened_year. Errors: 400 naming the query field, 401.',
        querystring: criminalCaseQuery,
        response: { 200: criminalCasePage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await cases(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'CriminalCase' } },
      schema: {
        tags: TAGS,
        summary: 'Read a criminal case',
        description: 'Returns a criminal case with its suspects and the ids of linked victim cases. Errors: 400 (params.id), 401, 404.',
        params: idParams,
        response: { 200: criminalCaseDetailSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await cases(request).get(request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'update', subject: 'CriminalCase' } },
      schema: {
        tags: TAGS,
        summary: 'Update a criminal case',
        description: `Changes the fields given; victim_case_ids replaces the linked victims. ${RULES} Errors: 400 naming the field, 401, 404, 409.`,
        params: idParams,
        body: updateCriminalCaseBody,
        response: { 200: criminalCaseDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => found(await cases(request).update(request.params.id, request.body)),
  );

  app.post(
    '/:id/suspects',
    {
      config: { policy: { action: 'update', subject: 'CriminalCase' } },
      schema: {
        tags: TAGS,
        summary: 'Add a suspect',
        description: `Adds a suspect (sex, age in years, citizenships, role) to a criminal case. ${SUSPECT_RULES} Errors: 400 naming the field, 401, 404 for an unknown case.`,
        params: idParams,
        body: createSuspectBody,
        response: { 201: suspectSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(found(await cases(request).addSuspect(request.params.id, request.body))),
  );

  app.patch(
    '/:id/suspects/:suspect_id',
    {
      config: { policy: { action: 'update', subject: 'CriminalCase' } },
      schema: {
        tags: TAGS,
        summary: 'Update a suspect',
        description: `Records prosecution, verdict and sentence of a suspect. ${SUSPECT_RULES} Errors: 400 naming the field, 401, 404 for an unknown case or suspect.`,
        params: suspectParams,
        body: updateSuspectBody,
        response: { 200: suspectSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await cases(request).updateSuspect(request.params.id, request.params.suspect_id, request.body)),
  );
};
