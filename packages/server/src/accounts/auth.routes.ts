import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponses, notFound } from '../http/errors.ts';
import { actorOf, SESSION_COOKIE } from './authentication.ts';
import { changePasswordBody, sessionSchema, signInBody, userSchema } from './auth.schemas.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { SESSION_IDLE_MINUTES, SessionsRepository } from './sessions.repository.ts';
import { UsersRepository } from './users.repository.ts';
import type { CapabilityOptions } from '../http/capability.ts';

const TAGS = ['auth'];

/** Sign-in, sign-out, the current user and password change: /api/v1/auth. */
export const authRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, { nrm }) => {
  const users = new UsersRepository(nrm.db);
  const sessions = new SessionsRepository(nrm.db);
  // Verifying against a real hash when the username is unknown keeps the
  // answer time the same, so timing does not reveal which usernames exist.
  const decoyHash = hashPassword('opennrm-decoy-password');

  app.post(
    '/sign-in',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Sign in with username and password',
        description:
          'Checks the password against its Argon2id hash and opens a session: returns the token and sets it as the HttpOnly, ' +
          `SameSite=Strict cookie "${SESSION_COOKIE}" (Secure over https). The session ends after ${SESSION_IDLE_MINUTES} minutes ` +
          'without a request or 12 hours after sign-in. A user with a one-time password may then only change it. ' +
          'Errors: 400 OPENNRM_VALIDATION, 401 OPENNRM_BAD_CREDENTIALS (same answer for an unknown user, a wrong password and a disabled account).',
        body: signInBody,
        response: { 200: sessionSchema, ...errorResponses(400, 401, 500) },
      },
    },
    async (request, reply) => {
      const credentials = await users.credentials(request.body.username);
      const ok = await verifyPassword(credentials?.password_hash ?? (await decoyHash), request.body.password);
      if (!credentials || !ok || credentials.disabled) throw new ApiError('OPENNRM_BAD_CREDENTIALS');
      const session = await sessions.open(credentials.id);
      await users.markSignedIn(credentials.id);
      const user = await users.findById(credentials.id);
      if (!user) throw new ApiError('OPENNRM_BAD_CREDENTIALS');
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/api',
        expires: session.expires_at,
      });
      return { token: session.token, expires_at: session.expires_at.toISOString(), idle_timeout_minutes: SESSION_IDLE_MINUTES, user };
    },
  );

  app.post(
    '/sign-out',
    {
      config: { allowPendingPasswordChange: true },
      schema: {
        tags: TAGS,
        summary: 'Sign out',
        description:
          'Ends the current session (the token stops working at once) and clears the session cookie. Errors: 401 OPENNRM_UNAUTHENTICATED.',
        response: { 204: z.undefined().describe('Signed out'), ...errorResponses(401, 500) },
      },
    },
    async (request, reply) => {
      await sessions.revoke(actorOf(request).session_id);
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { allowPendingPasswordChange: true },
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
      config: { allowPendingPasswordChange: true },
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
        throw new ApiError('OPENNRM_BAD_CREDENTIALS', 'The current password is wrong.');
      }
      await users.setPassword(actor.user_id, request.body.new_password);
      await sessions.revokeOthers(actor.user_id, actor.session_id);
      return reply.code(204).send();
    },
  );
};
