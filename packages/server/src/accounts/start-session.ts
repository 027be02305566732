import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { SignInMethod } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import type { signInResultSchema } from './auth.schemas.ts';
import { setSessionCookie } from './session-cookie.ts';
import { SESSION_IDLE_MINUTES, SessionsRepository } from './sessions.repository.ts';
import type { ResolvedSignInOptions } from './sign-in-options.ts';
import { UsersRepository } from './users.repository.ts';
import { withAccountEvent } from '../audit/account-events.ts';

/** What the sign-in routes are registered with. */
export type AuthRouteOptions = CapabilityOptions & { signIn: ResolvedSignInOptions };

/**
 * Opens a session for a user whose credentials have been checked, sets the
 * session cookie and returns the sign-in answer (token, CSRF token, user).
 * Shared by password sign-in and its TOTP second step.
 */
export async function startSession(
  reply: FastifyReply,
  options: AuthRouteOptions,
  userId: string,
  method: SignInMethod,
): Promise<z.infer<typeof signInResultSchema>> {
  const users = new UsersRepository(options.nrm.db);
  const user = await users.findById(userId);
  if (!user) throw new ApiError('OPENNRM_BAD_CREDENTIALS');
  // The session and its sign_in audit event commit together (issue 3 point 4).
  const session = await withAccountEvent(
    options.nrm.db,
    reply.request,
    'sign_in',
    { user_id: userId, username: user.username, organisation_id: user.organisation_id },
    async (trx) => {
      const opened = await new SessionsRepository(trx).open(userId, method);
      await new UsersRepository(trx).markSignedIn(userId);
      return opened;
    },
  );
  setSessionCookie(reply, options.signIn.secure_cookies, session.token, session.expires_at);
  return {
    totp_required: false,
    token: session.token,
    expires_at: session.expires_at.toISOString(),
    idle_timeout_minutes: SESSION_IDLE_MINUTES,
    csrf_token: reply.generateCsrf(),
    user,
  };
}
