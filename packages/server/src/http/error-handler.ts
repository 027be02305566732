import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '@opennrm/domain';
import { API_ERRORS, ApiError, type ApiErrorCode, type ErrorBody, type FieldProblem } from './errors.ts';

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

/** "/forms/0" in the body -> "body.forms.0"; the whole body -> "body". */
function fieldPath(context: string | undefined, instancePath: string): string {
  const prefix = CONTEXT_NAMES[context ?? 'body'] ?? context ?? 'body';
  const rest = instancePath.split('/').filter(Boolean).join('.');
  return rest ? `${prefix}.${rest}` : prefix;
}

function send(reply: FastifyReply, code: ApiErrorCode, message?: string, fields?: FieldProblem[], problem?: Problem): FastifyReply {
  const entry = API_ERRORS[code];
  const body: ErrorBody = {
    error: entry.error,
    code,
    message: message ?? entry.message,
    ...(problem ?? {}),
    ...(fields ? { fields } : {}),
  };
  return reply.code(entry.status).type('application/json').send(body);
}

/**
 * Installs the one place where errors become responses: ApiError as
 * catalogued, schema validation as OPENNRM_VALIDATION naming each field,
 * unique-key violations as OPENNRM_CONFLICT, anything else as
 * OPENNRM_INTERNAL (logged, never echoed: database messages can hold data).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return send(reply, error.code, error.message, error.fields, error.problem);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const fields = error.validation.flatMap((v): FieldProblem[] => {
        // A strict schema's unknown keys: one problem per parameter, named.
        if (v.keyword === 'unrecognized_keys') {
          const keys = (v.params as { keys?: string[] }).keys ?? [];
          const what = error.validationContext === 'querystring' ? 'parameter' : 'field';
          return keys.map((key) => ({ path: fieldPath(error.validationContext, `${v.instancePath}/${key}`), reason: `unknown ${what}` }));
        }
        // A missing query parameter fails coercion as "received NaN": say what happened instead.
        const top = v.instancePath.split('/').filter(Boolean);
        const missing = error.validationContext === 'querystring' && top.length === 1 && query[top[0]!] === undefined;
        return [
          {
            path: fieldPath(error.validationContext, v.instancePath),
            reason: missing ? 'required parameter is missing' : (v.message ?? 'invalid'),
          },
        ];
      });
      return send(reply, 'OPENNRM_VALIDATION', fields.map((f) => `${f.path}: ${f.reason}`).join('; '), fields);
    }
    if (error.validation) {
      const fields = error.validation.map((v) => ({
        path: fieldPath(error.validationContext, v.instancePath),
        reason: v.message ?? 'invalid',
      }));
      return send(reply, 'OPENNRM_VALIDATION', error.message, fields);
    }
    if ((error as { code?: string }).code === '23505') return send(reply, 'OPENNRM_CONFLICT');
    // @fastify/csrf-protection's own errors (http/web-security.ts).
    if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN')
      return send(reply, 'OPENNRM_CSRF_TOKEN_INVALID');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 'OPENNRM_UNSUPPORTED_MEDIA_TYPE');
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      // Fastify's own client errors (malformed JSON, body too large): keep their status and message, which hold no data.
      const body: ErrorBody = { error: API_ERRORS.OPENNRM_BAD_REQUEST.error, code: 'OPENNRM_BAD_REQUEST', message: error.message };
      return reply.code(error.statusCode).type('application/json').send(body);
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 'OPENNRM_INTERNAL');
  });

  app.setNotFoundHandler((_request, reply) => send(reply, 'OPENNRM_ROUTE_NOT_FOUND'));
}
