import { problem } from '@opennrm/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action, SubjectType } from '@opennrm/domain';
import { ApiError } from '../http/errors.ts';
import { AccessControl, accessActor, type PolicyOptions, type RequestInfo } from './access-control.ts';

/**
 * What a route needs before any record is looked at: the role must be able
 * to do `action` on some `subject` (CASL's type-level check). Per-record
 * checks, list filters and field stripping happen in the repositories.
 */
export interface RoutePolicy {
  action: Action;
  subject: SubjectType;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The access policy of a signed-in route. Every route that is not
     * `public` must declare one: without it the route answers 403
     * (deny-by-default), and test/security/authorization-matrix.int.test.ts fails.
     */
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    /** The policy of this request; null on public routes. */
    access: AccessControl | null;
  }
}

/** Where a request came from, for the audit trail. */
export function requestInfo(request: FastifyRequest): RequestInfo {
  const agent = request.headers['user-agent'];
  return { source_ip: request.ip || null, user_agent: typeof agent === 'string' && agent ? agent : null, request_id: String(request.id) };
}

/**
 * Installs the policy layer after authentication: every signed-in request
 * gets an AccessControl (request.access), and a route without a declared
 * policy, or whose policy the user's role can never satisfy, answers 403
 * OPENNRM_FORBIDDEN before its handler runs.
 */
export function installAccess(app: FastifyInstance, options: PolicyOptions = {}): void {
  app.decorateRequest('access', null);
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    if (config.public || !request.actor) return;
    const actor = request.actor;
    const access = new AccessControl(accessActor(actor), actor.username, requestInfo(request), options);
    request.access = access;
    if (!config.policy) {
      if (!options.bypass) throw new ApiError('OPENNRM_FORBIDDEN', problem('route_without_policy'));
      return;
    }
    access.assertCan(config.policy.action, config.policy.subject);
  });
}

/** The policy of a signed-in request. */
export function accessOf(request: FastifyRequest): AccessControl {
  if (!request.access) throw new ApiError('OPENNRM_UNAUTHENTICATED');
  return request.access;
}
