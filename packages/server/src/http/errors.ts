import { z } from 'zod';
import { problemText, type CataloguedProblem, type ProblemParams } from '@opennrm/domain';

/**
 * The error catalogue of the HTTP API. Every error a client can see has a
 * stable code (search for it in docs/errors.md), an HTTP status and a short
 * name; messages may be reworded, codes never change meaning.
 */
export const API_ERRORS = {
  OPENNRM_VALIDATION: { status: 400, error: 'validation', message: 'The request is invalid; see fields.' },
  OPENNRM_BAD_REQUEST: { status: 400, error: 'bad_request', message: 'The request cannot be read.' },
  OPENNRM_UNAUTHENTICATED: { status: 401, error: 'unauthenticated', message: 'Sign in first: no valid session was presented.' },
  OPENNRM_BAD_CREDENTIALS: { status: 401, error: 'bad_credentials', message: 'Wrong username or password.' },
  OPENNRM_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    error: 'password_change_required',
    message: 'Change the one-time password first (POST /api/v1/auth/change-password).',
  },
  OPENNRM_TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    error: 'totp_enrolment_required',
    message: 'Your role signs in with a second factor: enrol an authenticator app first (POST /api/v1/auth/totp/enrol).',
  },
  OPENNRM_BAD_TOTP_CODE: { status: 401, error: 'bad_totp_code', message: 'Wrong, expired or already used code.' },
  OPENNRM_TOTP_CHALLENGE_INVALID: {
    status: 401,
    error: 'totp_challenge_invalid',
    message: 'The sign-in challenge is unknown, expired, used or failed too often: sign in again with your password.',
  },
  OPENNRM_TOTP_ALREADY_ENABLED: { status: 409, error: 'totp_already_enabled', message: 'A second factor is already enrolled.' },
  OPENNRM_CSRF_TOKEN_INVALID: {
    status: 403,
    error: 'csrf_token_invalid',
    message: 'Missing or wrong CSRF token: send the token from GET /api/v1/auth/csrf in the X-CSRF-Token header.',
  },
  OPENNRM_OIDC_NOT_CONFIGURED: { status: 404, error: 'oidc_not_configured', message: 'Single sign-on is not configured on this server.' },
  OPENNRM_OIDC_FAILED: { status: 401, error: 'oidc_failed', message: 'Single sign-on failed; start again.' },
  OPENNRM_OIDC_NO_ACCOUNT: {
    status: 403,
    error: 'oidc_no_account',
    message: 'No OpenNRM account is linked to this identity; ask an administrator to create one.',
  },
  OPENNRM_FORBIDDEN: {
    status: 403,
    error: 'forbidden',
    message: 'Your role may not do this (docs/access-policy.md).',
  },
  OPENNRM_CONFLICT_OF_INTEREST: {
    status: 403,
    error: 'conflict_of_interest',
    message: 'You are recorded as a suspect in, or work for an institution under investigation in, a criminal case linked to this case.',
  },
  OPENNRM_NOT_FOUND: { status: 404, error: 'not_found', message: 'Not found.' },
  OPENNRM_ROUTE_NOT_FOUND: { status: 404, error: 'route_not_found', message: 'No such route.' },
  OPENNRM_CONFLICT: { status: 409, error: 'conflict', message: 'The record conflicts with one that exists.' },
  OPENNRM_INVALID_TRANSITION: { status: 409, error: 'invalid_transition', message: 'The record cannot move to that state.' },
  OPENNRM_ASSISTANCE_CONDITIONAL: {
    status: 409,
    error: 'assistance_conditional',
    message: 'Assistance is never conditional on taking part in criminal proceedings (Directive 2011/36/EU art. 11(3)).',
  },
  OPENNRM_CONSENT_REQUIRED: {
    status: 409,
    error: 'consent_required',
    message: 'The person has not consented to this: no consent recorded, consent refused or consent withdrawn (the message says which).',
  },
  OPENNRM_NOT_IDENTIFYING_BODY: {
    status: 403,
    error: 'not_identifying_body',
    message: 'Only a competent identifying body decides on victim status; never the organisation that only screened.',
  },
  OPENNRM_SYNC_CONFLICT: {
    status: 409,
    error: 'sync_conflict',
    message: 'The offline record conflicts with the revision the server holds; see fields.',
  },
  OPENNRM_STALE_VERSION: {
    status: 412,
    error: 'stale_version',
    message: 'The record was changed by someone else since you read it (If-Match is not its current ETag); nothing was saved.',
  },
  OPENNRM_UNSUPPORTED_MEDIA_TYPE: { status: 415, error: 'unsupported_media_type', message: 'Send application/json.' },
  OPENNRM_RATE_LIMITED: { status: 429, error: 'rate_limited', message: 'Too many attempts; wait and try again.' },
  OPENNRM_INTERNAL: { status: 500, error: 'internal', message: 'Something went wrong on the server; it has been logged.' },
} as const satisfies Record<string, { status: number; error: string; message: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * One invalid field: `path` is "body.forms.0", "query.limit" or "params.id"; `reason` says what is wrong in English;
 * `rule` and `params` say it as a rule of the problem catalogue (@opennrm/domain PROBLEM_RULES) for clients to translate.
 */
export interface FieldProblem {
  path: string;
  reason: string;
  rule: string;
  params?: ProblemParams;
}

/**
 * An error to answer with. Throw it from a route or repository; the error
 * handler (http/error-handler.ts) turns it into the JSON body below.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: FieldProblem[] | undefined;
  /** The refusal as a catalogued rule, when the message is more than the code's own (sent as `rule` and `params`). */
  readonly problem: CataloguedProblem | undefined;
  /** @param message the English message, or a catalogued problem whose English text becomes the message. */
  constructor(code: ApiErrorCode, message?: string | CataloguedProblem, fields?: FieldProblem[]) {
    super(typeof message === 'object' ? problemText(message) : (message ?? API_ERRORS[code].message));
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
    this.problem = typeof message === 'object' ? message : undefined;
  }

  get status(): number {
    return API_ERRORS[this.code].status;
  }
}

/** 404 for an id that does not exist (or, once issue 3 lands, that the user may not see): the answer is the same. */
export function notFound(): ApiError {
  return new ApiError('OPENNRM_NOT_FOUND');
}

/**
 * 400 naming one field, for rules a schema cannot check (unknown organisation, region not in the profile):
 * `invalidField('body.held_on', problem('date_before_earliest', { date: '1900-01-01' }))`.
 */
export function invalidField(path: string, problem: CataloguedProblem): ApiError {
  const field: FieldProblem = { path, reason: problemText(problem), ...problem };
  return new ApiError('OPENNRM_VALIDATION', `${path}: ${field.reason}`, [field]);
}

const problemParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** The JSON body of every error response. */
export const errorBodySchema = z
  .object({
    error: z.string().describe('short name of the error, e.g. "validation"'),
    code: z.string().describe('stable code from the error catalogue (docs/errors.md), e.g. "OPENNRM_VALIDATION"'),
    message: z.string().describe('human-readable explanation in English; never contains personal data'),
    rule: z
      .string()
      .optional()
      .describe('the message as a rule of the problem catalogue (docs/errors.md, "Reasons"), for clients to translate'),
    params: problemParamsSchema.optional().describe("the rule's parameters"),
    fields: z
      .array(
        z.object({
          path: z.string().describe('"body.forms.0", "query.limit", "params.id"'),
          reason: z.string().describe('what is wrong, in English'),
          rule: z.string().optional().describe('the reason as a rule of the problem catalogue, for clients to translate'),
          params: problemParamsSchema.optional().describe("the rule's parameters: ISO dates, numbers, codes"),
        }),
      )
      .optional()
      .describe('for OPENNRM_VALIDATION: each invalid field and why'),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (OPENNRM_VALIDATION names each field and reason)',
  401: 'Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS)',
  403: 'One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY)',
  404: 'No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists',
  409: 'Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT)',
  412: 'Changed since you read it (OPENNRM_STALE_VERSION): If-Match is not the current ETag; read it again, nothing was saved',
  429: 'Too many attempts (OPENNRM_RATE_LIMITED); the Retry-After header says how many seconds to wait',
  500: 'Server error (OPENNRM_INTERNAL)',
};

/** An OpenAPI response object carrying the error body, with a description of when it happens. */
export interface ErrorResponse {
  description: string;
  content: { 'application/json': { schema: typeof errorBodySchema } };
}

/** Response entries for the given error statuses, for a route's `schema.response`. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, ErrorResponse> {
  const out = {} as Record<S, ErrorResponse>;
  for (const status of statuses) {
    out[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: errorBodySchema } } };
  }
  return out;
}

/** The error statuses every signed-in route can answer with. */
export const AUTHENTICATED_ERRORS = [400, 401, 403, 500] as const;

/** Returns the record, or throws OPENNRM_NOT_FOUND when a repository found none. */
export function found<T>(record: T | undefined): T {
  if (record === undefined) throw notFound();
  return record;
}
