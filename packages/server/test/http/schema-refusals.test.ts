import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problem } from '@opennrm/domain';
import { installErrorHandling } from '../../src/http/error-handler.ts';
import { countryCode, pastDate, pastInstant, refusal } from '../../src/http/common.schemas.ts';

/** A route with one check of each kind, answered by the API's own error handling. */
const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
installErrorHandling(app);
app.post(
  '/check',
  {
    schema: {
      querystring: z.object({ year: z.coerce.number().int() }).strict(),
      body: z
        .object({
          name: z.string().min(2).max(5).optional(),
          count: z.number().int().min(1).max(9).optional(),
          share: z.number().gt(0).optional(),
          items: z.array(z.string()).min(1).max(2).optional(),
          id: z.uuid().optional(),
          colour: z.enum(['red', 'green']).optional(),
          needed: z.string(),
          on: pastDate.optional(),
          at: pastInstant.optional(),
          country: countryCode.optional(),
          code: z
            .string()
            .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "RON"')
            .optional(),
          tags: z
            .array(z.string())
            .refine((v) => new Set(v).size === v.length, refusal(problem('values_repeat')))
            .optional(),
        })
        .strict(),
    },
  },
  () => ({ ok: true }),
);

beforeAll(() => app.ready());
afterAll(() => app.close());

async function refused(body: unknown, query = 'year=2024') {
  const res = await app.inject({ method: 'POST', url: `/check?${query}`, payload: body as object });
  expect(res.statusCode).toBe(400);
  return res.json<{ fields: { path: string; reason: string; rule: string; params?: object }[] }>().fields;
}

describe('schema refusals name a catalogued rule and its parameters', () => {
  it('says which size bound a text, a number and a list break', async () => {
    expect(await refused({ needed: 'x', name: 'a', count: 0, share: 0, items: [] })).toEqual([
      { path: 'body.name', rule: 'text_too_short', params: { minimum: 2 }, reason: 'must be at least 2 characters' },
      { path: 'body.count', rule: 'number_too_small', params: { minimum: 1 }, reason: 'must be at least 1' },
      { path: 'body.share', rule: 'number_not_above', params: { minimum: 0 }, reason: 'must be more than 0' },
      { path: 'body.items', rule: 'too_few_items', params: { minimum: 1 }, reason: 'must have at least 1 items' },
    ]);
    expect(await refused({ needed: 'x', name: 'abcdef', count: 10, items: ['a', 'b', 'c'] })).toEqual([
      { path: 'body.name', rule: 'text_too_long', params: { maximum: 5 }, reason: 'must be at most 5 characters' },
      { path: 'body.count', rule: 'number_too_large', params: { maximum: 9 }, reason: 'must be at most 9' },
      { path: 'body.items', rule: 'too_many_items', params: { maximum: 2 }, reason: 'must have at most 2 items' },
    ]);
  });

  it('tells a missing field from one of the wrong type, and names formats, choices and unknown fields', async () => {
    expect(await refused({ count: 'three', id: 'nope', colour: 'blue', extra: 1 })).toEqual([
      { path: 'body.count', rule: 'wrong_type', params: { expected: 'number' }, reason: 'must be number' },
      { path: 'body.id', rule: 'bad_format', params: { format: 'uuid' }, reason: 'is not a valid uuid' },
      { path: 'body.colour', rule: 'not_one_of', params: { values: 'red, green' }, reason: 'must be one of: red, green' },
      { path: 'body.needed', rule: 'required', reason: 'is required' },
      { path: 'body.extra', rule: 'unknown_field', reason: 'unknown field' },
    ]);
  });

  it('carries the rule of a refine, keeps a pattern message that names no rule, and names query parameters', async () => {
    expect(await refused({ needed: 'x', on: '1899-12-31', country: 'XX', tags: ['a', 'a'], code: 'ron' })).toEqual([
      { path: 'body.on', rule: 'date_before_earliest', params: { date: '1900-01-01' }, reason: 'must not be before 1900-01-01' },
      { path: 'body.country', rule: 'not_a_country', reason: 'not an assigned ISO 3166-1 alpha-2 country code' },
      { path: 'body.code', rule: 'invalid', reason: 'an ISO 4217 code such as "RON"' },
      { path: 'body.tags', rule: 'values_repeat', reason: 'values must not repeat' },
    ]);
    expect(await refused({ needed: 'x', at: '2999-01-01T00:00:00Z', country: 'ro' })).toEqual([
      { path: 'body.at', rule: 'time_in_future', reason: 'must not be in the future' },
      { path: 'body.country', rule: 'not_country_code_format', reason: 'an ISO 3166-1 alpha-2 code such as "RO"' },
    ]);
    expect(await refused({ needed: 'x' }, 'year=2024&colour=red')).toEqual([
      { path: 'query.colour', rule: 'unknown_parameter', reason: 'unknown parameter' },
    ]);
    expect(await refused({ needed: 'x' }, '')).toEqual([
      { path: 'query.year', rule: 'required_parameter', reason: 'required parameter is missing' },
    ]);
  });
});
