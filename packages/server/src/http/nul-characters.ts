import type { FastifyInstance } from 'fastify';
import { problem, problemText } from '@opennrm/domain';
import { ApiError, type FieldProblem } from './errors.ts';

const REFUSAL = problem('contains_nul_character');

/** Paths ("body.reason", "body.forms.0.notes") of every string, or object key, holding U+0000. */
export function nulCharacterPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterPaths(item, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [`${path}.${key.replaceAll('\u0000', '\\u0000')}`] : nulCharacterPaths(item, `${path}.${key}`),
    );
  }
  return [];
}

/**
 * Refuses, on every route, a JSON body or query string holding U+0000 anywhere, with 400
 * OPENNRM_VALIDATION naming each field. PostgreSQL text and jsonb cannot store U+0000 ("invalid byte
 * sequence for encoding UTF8: 0x00"), so without this one check every free-text field was a 500.
 * It runs before each route's own schema, so the answer is the same whatever the route.
 */
export function installNulCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [...nulCharacterPaths(request.body, 'body'), ...nulCharacterPaths(request.query, 'query')];
    if (paths.length === 0) return;
    const fields: FieldProblem[] = paths.map((path) => ({ path, reason: problemText(REFUSAL), ...REFUSAL }));
    throw new ApiError('OPENNRM_VALIDATION', fields.map((f) => `${f.path}: ${f.reason}`).join('; '), fields);
  });
}
