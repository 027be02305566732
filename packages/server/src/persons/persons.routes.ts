import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { PersonsRepository } from './persons.repository.ts';
import { createPersonBody, personDetailSchema, personPage, personQuery, updatePersonBody } from './persons.schemas.ts';

const TAGS = ['persons'];

/** /api/v1/persons: the pseudonymous person and, on GET by id only, their identifying data. */
export const personRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const persons = (request: Parameters<typeof recordContext>[1]) => new PersonsRepository(recordContext(options, request));

  app.post(
    '',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a person',
        description:
          'Creates a person: sex, year of birth and citizenships (HTCDS prs_gender, prs_birth_year, prs_citizenship) and, optionally, ' +
          'identifying data (names, date of birth, documents, contacts, address, notes) kept in a separate table. ' +
          'birth_year defaults to the year of identity.date_of_birth. Returns the person with identity. Errors: 400 naming the field, 401.',
        body: createPersonBody,
        response: { 201: personDetailSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await persons(request).create(request.body)),
  );

  app.get(
    '',
    {
      schema: {
        tags: TAGS,
        summary: 'List persons',
        description:
          'A page of persons without identifying data (identity is never listed), oldest first. Filter by sex, citizenship ' +
          '(ISO 3166-1 alpha-2), birth_year, synthetic. Errors: 400 naming the query field, 401.',
        querystring: personQuery,
        response: { 200: personPage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await persons(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Read a person with identity',
        description:
          'Returns the person and their identifying data. The only route that returns identity; issue 3 restricts and audits it. ' +
          'Errors: 400 (params.id not a UUID), 401, 404 OPENNRM_NOT_FOUND.',
        params: idParams,
        response: { 200: personDetailSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await persons(request).get(request.params.id)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Update a person',
        description:
          'Changes the fields given. Identity fields given replace the stored ones and keep the rest; identity: null erases ' +
          'the identifying data. Returns the person with identity. Errors: 400 naming the field, 401, 404.',
        params: idParams,
        body: updatePersonBody,
        response: { 200: personDetailSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await persons(request).update(request.params.id, request.body)),
  );
};
