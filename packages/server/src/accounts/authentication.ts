import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { SessionsRepository, type Actor } from './sessions.repository.ts';
import { cookieName, SESSION_COOKIE } from './session-cookie.ts';
import type { ResolvedSignInOptions } from './sign-in-options.ts';

export { SESSION_COOKIE } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Opt-out of authentication. Only health, sign-in and its TOTP step,
     * single sign-on, the OpenAPI document and the docs page set it; a test lists them.
     */
    public?: boolean;
    /**
     * An account set-up route, usable while the user still has a one-time
     * password or has yet to enrol a required TOTP second factor (me,
     * change-password, sign-out, TOTP enrolment).
     */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in user; null only on public routes. */
    actor: Actor | null;
    /** How the session token came: a cookie-borne request must also pass the CSRF check when it changes state. */
    authenticatedBy: 'bearer' | 'cookie' | null;
  }
}

function presentedToken(request: FastifyRequest, sessionCookie: string): { token: string | null; by: 'bearer' | 'cookie' } {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,128})\s*$/i.exec(header);
    return { token: match?.[1] ?? null, by: 'bearer' };
  }
  return { token: request.cookies[sessionCookie] ?? null, by: 'cookie' };
}

/**
 * Authentication on by default: a hook on the root instance runs before every
 * route (and the not-found handler) and answers 401 unless the request carries
 * a live session, as `Authorization: Bearer <token>` or the session cookie.
 * A route opts out only with `config: { public: true }`.
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>, signIn: ResolvedSignInOptions): void {
  const sessions = new SessionsRepository(db);
  const sessionCookie = cookieName(SESSION_COOKIE, signIn.secure_cookies);
  app.decorateRequest('actor', null);
  app.decorateRequest('authenticatedBy', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    const { token, by } = presentedToken(request, sessionCookie);
    const actor = token ? await sessions.resolve(token) : null;
    if (!actor) throw new ApiError('OPENNRM_UNAUTHENTICATED');
    if (!config.allowPendingPasswordChange) {
      // A single sign-on user never uses the local password, so its one-time value does not hold them up.
      if (actor.must_change_password && actor.sign_in_method !== 'oidc') throw new ApiError('OPENNRM_PASSWORD_CHANGE_REQUIRED');
      if (actor.sign_in_method === 'password' && signIn.totp_required_roles.includes(actor.role))
        throw new ApiError('OPENNRM_TOTP_ENROLMENT_REQUIRED');
    }
    request.actor = actor;
    request.authenticatedBy = by;
  });
}

/** The signed-in user of a route that is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError('OPENNRM_UNAUTHENTICATED');
  return request.actor;
}
