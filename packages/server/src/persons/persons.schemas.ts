import { z } from 'zod';
import { SEXES, problem, problemText } from '@opennrm/domain';
import { countryCode, isoDate, pageOf, pageQuery, booleanQuery } from '../http/common.schemas.ts';

/**
 * Identifying data of a person (HTCDS `prs_` identifiers). Returned only by
 * GET /persons/:id, never in lists; stored only encrypted (docs/encryption.md).
 */
export const identitySchema = z
  .object({
    given_names: z.string().max(200).nullable().optional(),
    family_name: z.string().max(200).nullable().optional(),
    date_of_birth: isoDate.nullable().optional().describe('YYYY-MM-DD'),
    documents: z
      .array(z.object({ type: z.string().min(1).max(50), number: z.string().min(1).max(100), country: countryCode.nullable().optional() }))
      .max(20)
      .optional(),
    contacts: z
      .array(z.object({ kind: z.string().min(1).max(30).describe('"phone", "email", ...'), value: z.string().min(1).max(200) }))
      .max(20)
      .optional(),
    address: z.string().max(500).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
  })
  .strict()
  .meta({ id: 'PersonIdentity' });

const personFields = {
  sex: z.enum(SEXES).describe('HTCDS prs_gender'),
  birth_year: z.number().int().min(1900).max(2200).nullable().describe('year of birth; taken from identity.date_of_birth when not given'),
  citizenships: z.array(countryCode).max(5).describe('ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship)'),
};

/** A person without identifying data: what lists show. */
export const personSchema = z
  .object({
    id: z.uuid().describe('pseudonymous person id'),
    // Absent for a provider whose referral does not share them ("person.sex", ...; docs/access-policy.md).
    sex: personFields.sex.optional(),
    birth_year: personFields.birth_year.optional(),
    citizenships: personFields.citizenships.optional(),
    synthetic: z.boolean().describe('true for demo data'),
    version: z
      .number()
      .int()
      .min(1)
      .describe(
        'edit version: 1 when recorded, one more on every change (identity included). The ETag header is it in quotes ("4"); ' +
          'send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION)',
      ),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Person' });

export const personDetailSchema = personSchema
  .extend({ identity: identitySchema.nullable().describe('identifying data; null when none is recorded') })
  .meta({ id: 'PersonDetail' });

export const createPersonBody = z
  .object({
    sex: personFields.sex.default('unknown'),
    birth_year: personFields.birth_year.optional(),
    citizenships: personFields.citizenships.default([]),
    identity: identitySchema.optional(),
  })
  .strict();

export const updatePersonBody = z
  .object({
    sex: personFields.sex.optional(),
    birth_year: personFields.birth_year.optional(),
    citizenships: personFields.citizenships.optional(),
    identity: identitySchema.nullable().optional().describe('fields given replace those stored; null erases the identity'),
  })
  .strict();

export const personQuery = pageQuery
  .extend({
    sex: z.enum(SEXES).optional(),
    citizenship: countryCode.optional().describe('persons holding this citizenship'),
    birth_year: z.coerce.number().int().optional(),
    synthetic: booleanQuery.optional(),
  })
  .strict();

export const personPage = pageOf(personSchema);

/** GET /persons/search: exactly one of name or document. */
export const personSearchQuery = z
  .object({
    name: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('family name, given names, or full name in any word order; exact match ignoring case, accents and punctuation'),
    document: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('document number of any type or country; exact match ignoring case, spaces and dashes'),
  })
  .strict()
  .superRefine((query, ctx) => {
    if ((query.name === undefined) === (query.document === undefined))
      ctx.addIssue({
        code: 'custom',
        path: query.name === undefined ? ['name'] : ['document'],
        message: problemText(problem('name_or_document')),
        params: problem('name_or_document'),
      });
  });

export const personSearchResult = z.object({ items: z.array(personSchema) }).meta({ id: 'PersonSearchResult' });

export type CreatePerson = z.infer<typeof createPersonBody>;
export type UpdatePerson = z.infer<typeof updatePersonBody>;
export type PersonQuery = z.infer<typeof personQuery>;
export type PersonSearch = z.infer<typeof personSearchQuery>;
export type PersonView = z.infer<typeof personSchema>;
export type PersonDetail = z.infer<typeof personDetailSchema>;
export type Identity = z.infer<typeof identitySchema>;
