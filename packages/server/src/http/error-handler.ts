import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problem, problemText, type CataloguedProblem, type Problem } from '@opennrm/domain';
import { API_ERRORS, ApiError, type ApiErrorCode, type ErrorBody, type FieldProblem } from './errors.ts';
import { ajvProblem, zodIssueProblem } from './schema-problems.ts';

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

/** "/forms/0" in the body -> "body.forms.0"; the whole body -> "body". */
function fieldPath(context: string | undefined, instancePath: string): string {
  const prefix = CONTEXT_NAMES[context ?? 'body'] ?? context ?? 'body';
  const rest = instancePath.split('/').filter(Boolean).join('.');
  return rest ? `${prefix}.${rest}` : prefix;
}

/** The part of the request a validation context names (body, querystring, params, headers). */
function requestPart(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

/** The value at a path of segments ("forms", "0"), or undefined where the input has none. */
function valueAt(input: unknown, segments: readonly string[]): unknown {
  let value = input;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * One refused field: its rule and parameters, and the rule's English as the reason, or `message` when it says
 * more than the rule (a custom message that names no rule; the rule is then `invalid`).
 */
function fieldProblem(path: string, p: CataloguedProblem, message?: string): FieldProblem {
  return { path, reason: message ?? problemText(p), ...p };
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

/** Fastify's errors for a body it cannot read, by their code, as rules of the problem catalogue. */
const UNREADABLE_RULES: Partial<Record<string, 'body_not_json' | 'body_empty' | 'body_too_large'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'body_not_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body_empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
};

/**
 * Installs the one place where errors become responses: ApiError as
 * catalogued, schema validation as OPENNRM_VALIDATION naming each field with
 * the catalogued rule it breaks and its parameters (schema-problems.ts),
 * unique-key violations as OPENNRM_CONFLICT, anything else as
 * OPENNRM_INTERNAL (logged, never echoed: database messages can hold data).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return send(reply, error.code, error.message, error.fields, error.problem);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext;
      const query = context === 'querystring';
      const input = requestPart(request, context);
      const fields = error.validation.flatMap((v): FieldProblem[] => {
        // A strict schema's unknown keys: one problem per parameter, named.
        if (v.keyword === 'unrecognized_keys') {
          const keys = (v.params as { keys?: string[] }).keys ?? [];
          const p = problem(query ? 'unknown_parameter' : 'unknown_field');
          return keys.map((key) => fieldProblem(fieldPath(context, `${v.instancePath}/${key}`), p));
        }
        const segments = v.instancePath.split('/').filter(Boolean);
        const value = valueAt(input, segments);
        // A missing query parameter fails coercion as "received NaN": say what happened instead.
        if (query && segments.length === 1 && value === undefined)
          return [fieldProblem(fieldPath(context, v.instancePath), problem('required_parameter'))];
        const { problem: p, keepMessage } = zodIssueProblem({ keyword: v.keyword, params: v.params, value, query });
        return [fieldProblem(fieldPath(context, v.instancePath), p, keepMessage ? v.message : undefined)];
      });
      return send(reply, 'OPENNRM_VALIDATION', fields.map((f) => `${f.path}: ${f.reason}`).join('; '), fields);
    }
    if (error.validation) {
      const query = error.validationContext === 'querystring';
      const fields = error.validation.map((v) => {
        const p = ajvProblem(v.keyword, v.params, query);
        // Ajv names a missing or unknown property in its params, not in the path.
        const key = (v.params.missingProperty ?? v.params.additionalProperty) as string | undefined;
        const path = fieldPath(error.validationContext, key ? `${v.instancePath}/${key}` : v.instancePath);
        return fieldProblem(path, p, p.rule === 'invalid' ? v.message : undefined);
      });
      return send(reply, 'OPENNRM_VALIDATION', error.message, fields);
    }
    if ((error as { code?: string }).code === '23505') return send(reply, 'OPENNRM_CONFLICT');
    // @fastify/csrf-protection's own errors (http/web-security.ts).
    if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN')
      return send(reply, 'OPENNRM_CSRF_TOKEN_INVALID');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 'OPENNRM_UNSUPPORTED_MEDIA_TYPE');
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      // Fastify's own client errors (malformed JSON, body too large): keep their status, say it as a catalogued rule.
      const unreadable = problem(UNREADABLE_RULES[error.code] ?? 'request_unreadable');
      const body: ErrorBody = {
        error: API_ERRORS.OPENNRM_BAD_REQUEST.error,
        code: 'OPENNRM_BAD_REQUEST',
        message: problemText(unreadable),
        ...unreadable,
      };
      return reply.code(error.statusCode).type('application/json').send(body);
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 'OPENNRM_INTERNAL');
  });

  app.setNotFoundHandler((_request, reply) => send(reply, 'OPENNRM_ROUTE_NOT_FOUND'));
}
