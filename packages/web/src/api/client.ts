import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.gen.ts';

/**
 * The typed API client (openapi-fetch over the types generated from the
 * server's OpenAPI document: `npm run api-types -w @opennrm/web`). Same
 * origin, session cookie (HttpOnly, SameSite=Strict); every state-changing
 * request carries the CSRF token (docs/sign-in.md, "CSRF"), fetched once per
 * page load or taken from the sign-in answer.
 */
export type Schemas = components['schemas'];

/** The error body of every API error (docs/errors.md). */
export interface ApiErrorBody {
  code: string;
  error?: string;
  message: string;
  /** The message as a rule of the problem catalogue, and its parameters (app/problem-text.ts says it in the user's language). */
  rule?: string;
  params?: Record<string, string | number>;
  fields?: { path: string; reason: string; rule?: string; params?: Record<string, string | number> }[];
}

let csrfToken: string | null = null;

/** Remembers the CSRF token the sign-in answer carries. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function currentCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const response = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
  if (!response.ok) throw new ApiRequestError(response.status, await errorBody(response), response.headers.get('retry-after'));
  csrfToken = ((await response.json()) as { csrf_token: string }).csrf_token;
  return csrfToken;
}

const csrf: Middleware = {
  async onRequest({ request }) {
    if (
      ['GET', 'HEAD', 'OPTIONS'].includes(request.method) ||
      request.url.endsWith('/auth/sign-in') ||
      request.url.endsWith('/auth/totp/verify')
    ) {
      return request;
    }
    request.headers.set('x-csrf-token', await currentCsrfToken());
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** An API answer that is not 2xx, with the catalogue's code (docs/errors.md). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  /** Seconds to wait before trying again, from a 429's Retry-After header (RFC 9110 §10.2.3); null when absent. */
  readonly retryAfterSeconds: number | null;
  constructor(status: number, body: ApiErrorBody, retryAfter: string | null = null) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.body = body;
    const seconds = retryAfter != null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : NaN;
    this.retryAfterSeconds = Number.isFinite(seconds) ? seconds : null;
  }
}

async function errorBody(response: Response): Promise<ApiErrorBody> {
  try {
    return (await response.json()) as ApiErrorBody;
  } catch {
    return { code: `HTTP_${response.status}`, message: response.statusText };
  }
}

/**
 * Unwraps an openapi-fetch answer: the data, or throws ApiRequestError
 * (a fetch that never reached the server throws TypeError, as fetch does).
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? { code: `HTTP_${result.response.status}`, message: result.response.statusText }) as ApiErrorBody;
  if (body.code === 'OPENNRM_CSRF_TOKEN_INVALID') csrfToken = null;
  throw new ApiRequestError(result.response.status, body, result.response.headers.get('retry-after'));
}
