import { problem } from '@opennrm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found, invalidField } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { ifMatchHeaders, parseIfMatch, versionTag } from '../http/preconditions.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { PersonsRepository } from './persons.repository.ts';
import { IdentityCryptoError } from '../security/crypto/errors.ts';
import {
  createPersonBody,
  personDetailSchema,
  personPage,
  personQuery,
  personSearchQuery,
  personSearchResult,
  updatePersonBody,
} from './persons.schemas.ts';

const TAGS = ['persons'];

/** /api/v1/persons: the pseudonymous person and, on GET by id only, their identifying data. */
export const personRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const persons = (request: Parameters<typeof recordContext>[1]) => new PersonsRepository(recordContext(options, request));

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'Person' } },
      schema: {
        tags: TAGS,
        summary: 'Record a person',
        description:
          'Creates a person: sex, year of birth and citizenships (HTCDS prs_gender, prs_birth_year, prs_citizenship) and, optionally, ' +
          'identifying data (names, date of birth, documents, contacts, address, notes), stored only encrypted. ' +
          'birth_year defaults to the year of identity.date_of_birth. Returns the person with identity. Errors: 400 naming the field ' +
          '(birth_year after this year, identity.date_of_birth before 1900 or after today), 401.',
        body: createPersonBody,
        response: { 201: personDetailSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request, reply) => {
      const created = await persons(request).create(request.body);
      return reply.code(201).header('etag', versionTag(created.version)).send(created);
    },
  );

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'Person' } },
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
    '/search',
    {
      config: { policy: { action: 'read', subject: 'Person' } },
      schema: {
        tags: TAGS,
        summary: 'Find persons by exact name or document number',
        description:
          'Exactly one of ?name= (family name, given names, or full name in any word order) or ?document= (a document number of ' +
          'any type). Exact match after normalisation: case, accents (Ș = S), apostrophes, spaces and dashes are ignored; no ' +
          'prefixes or misspellings. Looked up through keyed blind indexes, then decrypted and compared (docs/encryption.md), so ' +
          'the identities themselves stay encrypted at rest. Returns persons without identity, in id order. Errors: 400 naming ' +
          'the query field (neither or both given, or nothing left once punctuation is removed), 401.',
        querystring: personSearchQuery,
        response: { 200: personSearchResult, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      try {
        return { items: await persons(request).search(request.query) };
      } catch (error) {
        if (error instanceof IdentityCryptoError && error.code === 'SEARCH_VALUE_EMPTY')
          throw invalidField(request.query.name !== undefined ? 'query.name' : 'query.document', problem('nothing_to_search'));
        throw error;
      }
    },
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'Person' } },
      schema: {
        tags: TAGS,
        summary: 'Read a person with identity',
        description:
          'Returns the person and their identifying data. The only route that returns identity; issue 3 restricts and audits it. ' +
          'The ETag header is its edit version in quotes, for If-Match on PATCH. Errors: 400 (params.id not a UUID), 401, 404 OPENNRM_NOT_FOUND.',
        params: idParams,
        response: { 200: personDetailSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const person = found(await persons(request).get(request.params.id));
      return reply.header('etag', versionTag(person.version)).send(person);
    },
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'update', subject: 'Person' } },
      schema: {
        tags: TAGS,
        summary: 'Update a person',
        description:
          'Changes the fields given. Identity fields given replace the stored ones and keep the rest; identity: null erases ' +
          'the identifying data. Returns the person with identity. Errors: 400 naming the field (birth_year after this year, ' +
          'identity.date_of_birth before 1900 or after today; headers.if-match when it is not an ETag), 401, 404, ' +
          '412 OPENNRM_STALE_VERSION. Optimistic concurrency (RFC 9110): send the ETag of your read (the version in quotes, ' +
          'e.g. "4") as If-Match and the change is made only if nobody changed the person since; without it, whatever happened since.',
        params: idParams,
        headers: ifMatchHeaders,
        body: updatePersonBody,
        response: { 200: personDetailSchema, ...errorResponses(400, 401, 403, 404, 412, 500) },
      },
    },
    async (request, reply) => {
      const person = found(await persons(request).update(request.params.id, request.body, parseIfMatch(request.headers['if-match'])));
      return reply.header('etag', versionTag(person.version)).send(person);
    },
  );
};
