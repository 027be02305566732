import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponses } from '../http/errors.ts';
import { accountForIdentity } from './oidc-accounts.ts';
import { OIDC_SIGN_IN_MINUTES, OidcRelyingParty } from './oidc-relying-party.ts';
import { cookieName, OIDC_STATE_COOKIE, setSessionCookie } from './session-cookie.ts';
import { SessionsRepository } from './sessions.repository.ts';
import type { AuthRouteOptions } from './start-session.ts';
import { UsersRepository } from './users.repository.ts';

const TAGS = ['auth'];

/**
 * Single sign-on with an OpenID Connect provider (Keycloak, Microsoft Entra
 * ID, any certified provider): /api/v1/auth/oidc. Both routes are browser
 * navigations, not API calls.
 */
export const oidcRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const { nrm, signIn } = options;
  const relyingParty = signIn.oidc ? new OidcRelyingParty(signIn.oidc, nrm.db) : null;
  const secure = signIn.secure_cookies;
  const stateCookie = cookieName(OIDC_STATE_COOKIE, secure);
  const sessions = new SessionsRepository(nrm.db);
  const users = new UsersRepository(nrm.db);

  app.get(
    // '' is the prefix itself, /api/v1/auth/oidc ('/' would document /api/v1/auth/oidc/).
    '',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Whether single sign-on is configured',
        description: 'Public: the sign-in page shows its single sign-on button only when this answers {configured: true}.',
        response: { 200: z.object({ configured: z.boolean() }), ...errorResponses(500) },
      },
    },
    async () => ({ configured: relyingParty !== null }),
  );

  app.get(
    '/start',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Start single sign-on',
        description:
          'Redirects (302) to the identity provider with an authorization code request (PKCE S256, state, nonce), and binds the ' +
          `state to this browser in an HttpOnly cookie for ${OIDC_SIGN_IN_MINUTES} minutes. Errors: 404 OPENNRM_OIDC_NOT_CONFIGURED.`,
        response: { 302: z.undefined().describe('to the identity provider'), ...errorResponses(404, 500) },
      },
    },
    async (_request, reply) => {
      if (!relyingParty) throw new ApiError('OPENNRM_OIDC_NOT_CONFIGURED');
      const { url, state } = await relyingParty.start();
      // SameSite=Lax, not Strict: the provider sends the browser back with a cross-site navigation, which must carry it.
      reply.setCookie(stateCookie, state, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: OIDC_SIGN_IN_MINUTES * 60 });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/callback',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Single sign-on callback',
        description:
          "Where the provider sends the browser back. Checks that the state matches this browser's cookie and has not been used, " +
          'exchanges the code with the PKCE verifier, validates the ID token (signature, issuer, audience, expiry, nonce), finds ' +
          'the pre-provisioned account (linked issuer + subject, or on first use the account named by the username claim), opens ' +
          'a session and redirects (302) to the app with the session cookie set. Errors: 401 OPENNRM_OIDC_FAILED, ' +
          '403 OPENNRM_OIDC_NO_ACCOUNT, 404 OPENNRM_OIDC_NOT_CONFIGURED.',
        // Named, so the OpenAPI document lists real parameters (a record became a broken parameter "type"); others pass through.
        querystring: z.looseObject({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() }),
        response: { 302: z.undefined().describe('to the app, signed in'), ...errorResponses(401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      if (!relyingParty || !signIn.oidc) throw new ApiError('OPENNRM_OIDC_NOT_CONFIGURED');
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      reply.clearCookie(stateCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      const identity = await relyingParty.finish(query, request.cookies[stateCookie]);
      const userId = await accountForIdentity(nrm.db, identity);
      if (!userId) throw new ApiError('OPENNRM_OIDC_NO_ACCOUNT');
      const session = await sessions.open(userId, 'oidc');
      await users.markSignedIn(userId);
      setSessionCookie(reply, secure, session.token, session.expires_at);
      return reply.redirect(signIn.oidc.after_sign_in_url ?? '/', 302);
    },
  );
};
