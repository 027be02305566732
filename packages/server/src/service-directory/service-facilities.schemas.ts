import { z } from 'zod';
import { SERVICES, problem, problemText } from '@opennrm/domain';
import { booleanQuery, isoDate, organisationRef, pageOf, pageQuery, patterned, regionCode } from '../http/common.schemas.ts';

const countyCode = regionCode.describe("county: ISO 3166-2 code of a profile region, e.g. 'RO-CJ'");
const services = z
  .array(z.enum(SERVICES))
  .min(1)
  .refine((v) => new Set(v).size === v.length, { message: problemText(problem('values_repeat')), params: problem('values_repeat') })
  .describe('services offered at the facility (services catalogue)');
const places = z.number().int().min(0).max(100_000);

export const LICENCE_STATUSES = ['none', 'valid', 'expiring', 'expired'] as const;
export const PROVIDER_TYPES = ['government', 'ngo'] as const;

export const serviceFacilitySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    organisation_id: z.uuid(),
    organisation_code: z.string(),
    organisation_name: z.string(),
    provider_type: z.enum(PROVIDER_TYPES).describe('"ngo" when the provider is an organisation of kind ngo, else "government"'),
    region: countyCode,
    services,
    accepts_children: z.boolean(),
    accepts_adults: z.boolean(),
    dedicated_to_trafficking: z.boolean().describe('a place dedicated to trafficking victims (not a general shelter)'),
    capacity: z.number().int().nullable().describe('places (beds for a shelter), persons'),
    free_places: z.number().int().nullable().describe('places free now, as the provider last said'),
    free_places_updated_at: z.iso.datetime().nullable().describe('when the provider last updated free_places'),
    licence_number: z.string().nullable().describe('licence to serve child victims'),
    licence_authority: z.string().nullable(),
    licence_expires_on: isoDate.nullable().describe('last day the licence is valid'),
    licence_status: z
      .enum(LICENCE_STATUSES)
      .describe("none, valid, expiring (within the profile's services.licence_warning_days) or expired, on today's date"),
    licence_days_left: z.number().int().nullable().describe('days until the licence expires (negative: expired)'),
    active: z.boolean(),
    synthetic: z.boolean().describe('created by the demo, not a real facility'),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'ServiceFacility' });

const licenceFields = {
  licence_number: z.string().min(1).max(100).nullable().optional(),
  licence_authority: z.string().min(2).max(200).nullable().optional(),
  licence_expires_on: isoDate.nullable().optional(),
};

export const createServiceFacilityBody = z
  .object({
    organisation: organisationRef.describe('the provider running the facility: organisation code or id'),
    code: patterned(/^[A-Za-z0-9_-]{2,48}$/, problem('not_facility_code_format')).describe('short unique code, e.g. "DGASPC-CJ-SHELTER"'),
    name: z.string().min(2).max(300),
    region: countyCode,
    services,
    accepts_children: z.boolean().default(false),
    accepts_adults: z.boolean().default(true),
    dedicated_to_trafficking: z.boolean().default(false),
    capacity: places.nullable().optional(),
    free_places: places.nullable().optional(),
    ...licenceFields,
    active: z.boolean().default(true),
  })
  .strict();

export const updateServiceFacilityBody = z
  .object({
    name: z.string().min(2).max(300).optional(),
    region: countyCode.optional(),
    services: services.optional(),
    accepts_children: z.boolean().optional(),
    accepts_adults: z.boolean().optional(),
    dedicated_to_trafficking: z.boolean().optional(),
    capacity: places.nullable().optional(),
    free_places: places.nullable().optional().describe("a provider's staff may change only this"),
    ...licenceFields,
    active: z.boolean().optional(),
  })
  .strict();

export const serviceFacilityQuery = pageQuery
  .extend({
    region: countyCode.optional(),
    service: z.enum(SERVICES).optional(),
    has_free_places: booleanQuery.optional().describe('true: free_places > 0'),
    accepts_children: booleanQuery.optional(),
    organisation: organisationRef.optional(),
    provider_type: z.enum(PROVIDER_TYPES).optional(),
    licence_status: z.enum(LICENCE_STATUSES).optional(),
    active: booleanQuery.optional().describe('default: active facilities only; false: closed ones'),
  })
  .strict();

export const serviceFacilityPage = pageOf(serviceFacilitySchema);

export type ServiceFacilityView = z.infer<typeof serviceFacilitySchema>;
export type CreateServiceFacility = z.infer<typeof createServiceFacilityBody>;
export type UpdateServiceFacility = z.infer<typeof updateServiceFacilityBody>;
export type ServiceFacilityQuery = z.infer<typeof serviceFacilityQuery>;
