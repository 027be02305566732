import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { SessionsRepository, type Actor } from './sessions.repository.ts';

/** Name of the session cookie (HttpOnly, SameSite=Strict, Secure over https, path /api). */
export const SESSION_COOKIE = 'opennrm_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Opt-out of authentication. Only health, sign-in, the OpenAPI document
     * and the docs page set it; a test lists them.
     */
    public?: boolean;
    /** The route stays usable while the user still has a one-time password (me, change-password, sign-out). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in user; null only on public routes. */
    actor: Actor | null;
  }
}

function presentedToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,128})\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  return request.cookies[SESSION_COOKIE] ?? null;
}

/**
 * Authentication on by default: a hook on the root instance runs before every
 * route (and the not-found handler) and answers 401 unless the request carries
 * a live session, as `Authorization: Bearer <token>` or the session cookie.
 * A route opts out only with `config: { public: true }`.
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  const sessions = new SessionsRepository(db);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    const token = presentedToken(request);
    const actor = token ? await sessions.resolve(token) : null;
    if (!actor) throw new ApiError('OPENNRM_UNAUTHENTICATED');
    if (actor.must_change_password && !config.allowPendingPasswordChange) throw new ApiError('OPENNRM_PASSWORD_CHANGE_REQUIRED');
    request.actor = actor;
  });
}

/** The signed-in user of a route that is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError('OPENNRM_UNAUTHENTICATED');
  return request.actor;
}
