import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { ServiceFacilitiesRepository } from './service-facilities.repository.ts';
import {
  createServiceFacilityBody,
  serviceFacilityPage,
  serviceFacilityQuery,
  serviceFacilitySchema,
  updateServiceFacilityBody,
} from './service-facilities.schemas.ts';

const TAGS = ['service directory'];

/** /api/v1/service-facilities: the directory of service providers' facilities (docs/services.md). */
export const serviceFacilityRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const facilities = (request: Parameters<typeof recordContext>[1]) => new ServiceFacilitiesRepository(recordContext(options, request));

  app.get(
    '',
    {
      config: { policy: { action: 'read', subject: 'ServiceFacility' } },
      schema: {
        tags: TAGS,
        summary: 'Search the service directory',
        description:
          'Facilities of government and NGO providers, by county then code. Filters: region (county, e.g. RO-CJ), service, ' +
          'has_free_places, accepts_children, organisation (code or id), provider_type (government, ngo), licence_status ' +
          "(none, valid, expiring, expired: on today's date in the profile's time zone, expiring within services.licence_warning_days), " +
          'active (default true). Errors: 400 naming the query field, 401.',
        querystring: serviceFacilityQuery,
        response: { 200: serviceFacilityPage, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ ...(await facilities(request).list(request.query)), limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/:id',
    {
      config: { policy: { action: 'read', subject: 'ServiceFacility' } },
      schema: {
        tags: TAGS,
        summary: 'Read a facility',
        description: 'One facility with its licence status. Errors: 400 (params.id), 401, 404 OPENNRM_NOT_FOUND.',
        params: idParams,
        response: { 200: serviceFacilitySchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await facilities(request).get(request.params.id)),
  );

  app.post(
    '',
    {
      config: { policy: { action: 'create', subject: 'ServiceFacility' } },
      schema: {
        tags: TAGS,
        summary: 'Add a facility',
        description:
          'Adds a facility run by a provider (organisation code or id): county, services, capacity and free places (persons), ' +
          'licence for child victims (number, issuing authority, expiry date). Coordinator and administrators. Errors: 400 naming ' +
          'the field (unknown organisation or county, free_places above capacity, licence number without expiry), 401, 403, ' +
          '409 OPENNRM_CONFLICT (code taken).',
        body: createServiceFacilityBody,
        response: { 201: serviceFacilitySchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await facilities(request).create(request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'update', subject: 'ServiceFacility' } },
      schema: {
        tags: TAGS,
        summary: 'Update a facility or its free places',
        description:
          'The coordinator and administrators change any field; case workers and managers of the provider change only ' +
          'free_places (stamped with when and by whom). Errors: 400 naming the field, 401, 403 (a field the user may not change), ' +
          '404 (no such facility, or not one of your organisation).',
        params: idParams,
        body: updateServiceFacilityBody,
        response: { 200: serviceFacilitySchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await facilities(request).update(request.params.id, request.body)),
  );
};
