import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponses } from '../http/errors.ts';
import { attemptLimits } from '../http/web-security.ts';
import { actorOf } from './authentication.ts';
import { signInResultSchema, totpConfirmBody, totpEnrolmentSchema, totpVerifyBody } from './auth.schemas.ts';
import { startSession, type AuthRouteOptions } from './start-session.ts';
import { SecondFactorRepository } from './second-factor.repository.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { newTotpSecret, totpUri } from './totp.ts';

const TAGS = ['auth'];
/** Every signed-in user manages their own account (access policy, subject OwnAccount). */
const OWN_ACCOUNT = { action: 'manage', subject: 'OwnAccount' } as const;

/**
 * The TOTP second factor (RFC 6238): enrolment, its confirmation, and the
 * second step of a password sign-in. /api/v1/auth/totp.
 */
export const totpRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const { nrm, signIn } = options;
  const secondFactor = new SecondFactorRepository(nrm.db, options.keyring);
  const sessions = new SessionsRepository(nrm.db);

  app.post(
    '/enrol',
    {
      config: { allowPendingPasswordChange: true, policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'Start enrolling an authenticator app',
        description:
          'Creates a new 160-bit TOTP secret (SHA-1, 6 digits, 30 s) and returns it with its otpauth:// URI. This is the only time ' +
          'the secret is shown; it is stored sealed with the keyring. TOTP is on only after POST /totp/confirm with a code; ' +
          'enrolling again before that replaces the secret. Errors: 401, 409 OPENNRM_TOTP_ALREADY_ENABLED.',
        response: { 200: totpEnrolmentSchema, ...errorResponses(401, 409, 500) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (await secondFactor.isEnabled(actor.user_id)) throw new ApiError('OPENNRM_TOTP_ALREADY_ENABLED');
      const secret = newTotpSecret();
      await secondFactor.storePendingSecret(actor.user_id, secret);
      // The secret must not sit in a browser or proxy cache.
      reply.header('cache-control', 'no-store');
      return { secret, otpauth_uri: totpUri(signIn.totp_issuer, actor.username, secret) };
    },
  );

  app.post(
    '/confirm',
    {
      config: { allowPendingPasswordChange: true, policy: OWN_ACCOUNT },
      schema: {
        tags: TAGS,
        summary: 'Confirm the authenticator app with a code',
        description:
          'Turns TOTP on once a current code from the app matches the enrolled secret. From then on password sign-in asks for ' +
          'a code; this session counts as signed in with both factors and every other session of the user ends. ' +
          'Errors: 400, 401 OPENNRM_BAD_TOTP_CODE (wrong, stale or no enrolment started), 409 OPENNRM_TOTP_ALREADY_ENABLED.',
        body: totpConfirmBody,
        response: { 204: z.undefined().describe('TOTP is on'), ...errorResponses(400, 401, 409, 500) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (await secondFactor.isEnabled(actor.user_id)) throw new ApiError('OPENNRM_TOTP_ALREADY_ENABLED');
      const result = await secondFactor.check(actor.user_id, request.body.code, true);
      if (!result.ok) throw new ApiError('OPENNRM_BAD_TOTP_CODE');
      if (actor.sign_in_method === 'password') await sessions.raiseMethod(actor.session_id, 'password+totp');
      await sessions.revokeOthers(actor.user_id, actor.session_id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/verify',
    {
      config: { public: true },
      preHandler: attemptLimits(app, signIn, 'totp-verify', (body) => String((body as { challenge?: unknown }).challenge)),
      schema: {
        tags: TAGS,
        summary: 'Second step of sign-in: the TOTP code',
        description:
          "Finishes a sign-in that answered {totp_required: true}: checks the code against the user's secret, one 30-second step " +
          'either side of now (RFC 6238 §5.2). A code is accepted once: the same code, or one from an earlier step, is refused ' +
          'afterwards. The challenge lives 5 minutes and survives 5 wrong codes. Answers as sign-in does. ' +
          'Errors: 400, 401 OPENNRM_TOTP_CHALLENGE_INVALID, 401 OPENNRM_BAD_TOTP_CODE, 429 OPENNRM_RATE_LIMITED.',
        body: totpVerifyBody,
        response: { 200: signInResultSchema, ...errorResponses(400, 401, 429, 500) },
      },
    },
    async (request, reply) => {
      const pending = await secondFactor.challengeUser(request.body.challenge);
      if (!pending) throw new ApiError('OPENNRM_TOTP_CHALLENGE_INVALID');
      const result = await secondFactor.check(pending.user_id, request.body.code);
      if (!result.ok) {
        await secondFactor.failChallenge(pending.challenge_id);
        throw new ApiError('OPENNRM_BAD_TOTP_CODE');
      }
      if (!(await secondFactor.consumeChallenge(pending.challenge_id))) throw new ApiError('OPENNRM_TOTP_CHALLENGE_INVALID');
      return startSession(reply, options, pending.user_id, 'password+totp');
    },
  );
};
