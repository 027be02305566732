import { problem } from '@opennrm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponses, notFound } from '../http/errors.ts';
import { attemptLimits } from '../http/web-security.ts';
import { actorOf } from './authentication.ts';
import { changePasswordBody, csrfTokenSchema, signInBody, signInResultSchema, userSchema } from './auth.schemas.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { SecondFactorRepository } from './second-factor.repository.ts';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie.ts';
import { SESSION_IDLE_MINUTES, SessionsRepository } from './sessions.repository.ts';
import { startSession, type AuthRouteOptions } from './start-session.ts';
import { totpRoutes } from './totp.routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { UsersRepository } from './users.repository.ts';
import { withAccountEvent } from '../audit/account-events.ts';

const TAGS = ['auth'];
/** Every signed-in user manages their own account (access policy, subject OwnAccount). */
const OWN_ACCOUNT = { action: 'manage', subject: 'OwnAccount' } as const;

/** Sign-in, sign-out, the current user and password change: /api/v1/auth; TOTP under /totp, single sign-on under /oidc. */
export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const { nrm, signIn } = options;
  const users = new UsersRepository(nrm.db);
  const secondFactor = new SecondFactorRepository(nrm.db, options.keyring);
  // Verifying against a real hash when the username is unknown keeps the
  // answer time the same, so timing does not reveal which usernames exist.
  const decoyHash = hashPassword('opennrm-decoy-password');

  app.post(
    '/sign-in',
    {
      config: { public: true },
      preHandler: attemptLimits(app, signIn, 'sign-in', (body) => String((body as { username?: unknown }).username).toLowerCase()),
      schema: {
        tags: TAGS,
        summary: 'Sign in with username and password',
        description:
          'Checks the password against its Argon2id hash. Without a second factor it opens a session: returns the token and ' +
          `sets it as the HttpOnly, SameSite=Strict cookie "__Host-${SESSION_COOKIE}" (or "${SESSION_COOKIE}" when the server ` +
          'runs with insecure cookies for plain-http development), with a CSRF token for cookie-based requests. ' +
          'With TOTP enrolled it answers {totp_required: true, challenge}: finish with POST /api/v1/auth/totp/verify. ' +
          `The session ends after ${SESSION_IDLE_MINUTES} minutes without a request or 12 hours after sign-in. A user with a ` +
          'one-time password may then only change it; a user whose role requires TOTP and who has none may only enrol. ' +
          'Errors: 400 OPENNRM_VALIDATION, 401 OPENNRM_BAD_CREDENTIALS (same answer for an unknown user, a wrong password and a ' +
          'disabled account), 429 OPENNRM_RATE_LIMITED (per address and per username).',
        body: signInBody,
        response: { 200: signInResultSchema, ...errorResponses(400, 401, 429, 500) },
      },
    },
    async (request, reply) => {
      const credentials = await users.credentials(request.body.username);
      const ok = await verifyPassword(credentials?.password_hash ?? (await decoyHash), request.body.password);
      if (!credentials || !ok || credentials.disabled) {
        await withAccountEvent(
          options.nrm.db,
          request,
          'sign_in_failed',
          { user_id: credentials?.id ?? null, username: request.body.username },
          async () => {},
        );
        throw new ApiError('OPENNRM_BAD_CREDENTIALS');
      }
      if (await secondFactor.isEnabled(credentials.id)) {
        const { challenge, expires_at } = await secondFactor.openChallenge(credentials.id);
        return { totp_required: true as const, challenge, expires_at: expires_at.toISOString() };
      }
      return startSession(reply, options, credentials.id, 'password');
    },
  );

  app.get(
    '/csrf',
    {
      config: { allowPendingPasswordChange: true, policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'A CSRF token',
        description:
          'A token for the X-CSRF-Token header, which every POST, PUT, PATCH and DELETE authenticated by the session cookie must ' +
          'carry (double-submit: it is checked against a secret in an HttpOnly cookie). Requests with a bearer token need none. ' +
          'Errors: 401.',
        response: { 200: csrfTokenSchema, ...errorResponses(401, 500) },
      },
    },
    async (_request, reply) => ({ csrf_token: reply.generateCsrf() }),
  );

  await app.register(totpRoutes, { ...options, prefix: '/totp' });
  await app.register(oidcRoutes, { ...options, prefix: '/oidc' });

  app.post(
    '/sign-out',
    {
      config: { allowPendingPasswordChange: true, policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'Sign out',
        description:
          'Ends the current session (the token stops working at once) and clears the session cookie. Errors: 401 OPENNRM_UNAUTHENTICATED.',
        response: { 204: z.undefined().describe('Signed out'), ...errorResponses(401, 500) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await withAccountEvent(options.nrm.db, request, 'sign_out', actor, (trx) => new SessionsRepository(trx).revoke(actor.session_id));
      clearSessionCookie(reply, signIn.secure_cookies);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { allowPendingPasswordChange: true, policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'The signed-in user',
        description:
          'Returns the account behind the session: role, organisation and whether the one-time password must still be changed. Errors: 401.',
        response: { 200: userSchema, ...errorResponses(401, 404, 500) },
      },
    },
    async (request) => {
      const user = await users.findById(actorOf(request).user_id);
      if (!user) throw notFound();
      return user;
    },
  );

  app.post(
    '/change-password',
    {
      config: { allowPendingPasswordChange: true, policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'Change the password',
        description:
          'Replaces the password after checking the current one, clears must_change_password and ends every other session of the user. ' +
          'The new password has 12 to 256 characters and differs from the current one (NIST SP 800-63B: length, no composition rules). ' +
          'Errors: 400 OPENNRM_VALIDATION (body.new_password), 401 OPENNRM_BAD_CREDENTIALS when the current password is wrong.',
        body: changePasswordBody,
        response: { 204: z.undefined().describe('Password changed'), ...errorResponses(400, 401, 500) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const credentials = await users.credentials(actor.username);
      if (!credentials || !(await verifyPassword(credentials.password_hash, request.body.current_password))) {
        throw new ApiError('OPENNRM_BAD_CREDENTIALS', problem('current_password_wrong'));
      }
      await withAccountEvent(options.nrm.db, request, 'password_change', actor, async (trx) => {
        await new UsersRepository(trx).setPassword(actor.user_id, request.body.new_password);
        await new SessionsRepository(trx).revokeOthers(actor.user_id, actor.session_id);
      });
      return reply.code(204).send();
    },
  );
};
