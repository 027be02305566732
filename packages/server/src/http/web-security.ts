import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import helmet from '@fastify/helmet';
import csrfProtection from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import { CSRF_COOKIE, cookieName } from '../accounts/session-cookie.ts';
import type { RateLimit, ResolvedSignInOptions } from '../accounts/sign-in-options.ts';
import { databaseRateLimitStore, refundAttempt } from '../accounts/rate-limit-store.ts';
import type { Database } from '../db/schema.ts';
import { ApiError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browser-facing protections, installed on the root instance after the
 * authentication hook:
 *
 * - Security headers (@fastify/helmet): a Content-Security-Policy that allows
 *   only this origin's scripts, styles, images and fetches (the API docs page
 *   and a single-page app served from the same origin fit it; no inline
 *   script), frame-ancestors 'none' against clickjacking, nosniff,
 *   Referrer-Policy no-referrer, and HSTS when cookies are Secure (OWASP HTTP
 *   Headers Cheat Sheet).
 * - CSRF (@fastify/csrf-protection, double-submit: a secret in an HttpOnly
 *   SameSite=Strict cookie, a token derived from it in the X-CSRF-Token
 *   header). Checked on every state-changing request authenticated by the
 *   session cookie; a bearer token cannot be sent by another site, so those
 *   requests are exempt (OWASP CSRF Prevention Cheat Sheet).
 * - Rate limits (@fastify/rate-limit) are opt-in per route: see `attemptLimits`.
 *   Their counters live in the database (accounts/rate-limit-store.ts), shared
 *   by every server process on it.
 */
export async function installWebSecurity(app: FastifyInstance, signIn: ResolvedSignInOptions, db: Kysely<Database>): Promise<void> {
  const secure = signIn.secure_cookies;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets style attributes from its script; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(csrfProtection, {
    cookieKey: cookieName(CSRF_COOKIE, secure),
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure },
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.authenticatedBy !== 'cookie' || SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
  // A successful attempt is taken back once answered: the limits count failures only (attemptLimits).
  app.addHook('onResponse', async (request, reply) => {
    const counted = countedAttempts.get(request);
    if (!counted || reply.statusCode >= 400) return;
    for (const { key, timeWindow } of counted) await refundAttempt(db, key, timeWindow);
  });
}

/** The counters an attempt was added to, to take back if it succeeds. */
const countedAttempts = new WeakMap<FastifyRequest, { key: string; timeWindow: number }[]>();

/**
 * A preHandler that caps FAILED attempts at a credential: one counter per client IP address, one per account (the
 * username, lower-cased, or whatever `accountKey` returns). Every attempt is counted when it starts, so parallel
 * guesses cannot all slip under the limit while their passwords are being hashed, and taken back when it succeeds
 * (status below 400; see the onResponse hook above): a person who signs in many times a day from one office address
 * is never locked out, a guesser is after `max` wrong answers. Answer over the limit: 429 OPENNRM_RATE_LIMITED with
 * Retry-After (seconds until the window ends). OWASP Authentication Cheat Sheet, "Protect Against Automated Attacks"
 * (failed-login throttling per account and per source).
 */
export function attemptLimits(
  app: FastifyInstance,
  signIn: ResolvedSignInOptions,
  name: string,
  accountKey: (body: unknown) => string,
): preHandlerAsyncHookHandler {
  const window = (limit: RateLimit) => ({ max: limit.max, timeWindow: limit.window_minutes * 60_000 });
  const ipKey = (request: FastifyRequest) => `${name}:ip:${request.ip}`;
  const accountKeyOf = (request: FastifyRequest) => `${name}:account:${accountKey(request.body)}`;
  const limits = [
    { key: ipKey, ...window(signIn.rate_limit_per_ip) },
    { key: accountKeyOf, ...window(signIn.rate_limit_per_account) },
  ];
  const limiters = limits.map((l) => ({ ...l, check: app.createRateLimit({ max: l.max, timeWindow: l.timeWindow, keyGenerator: l.key }) }));
  return async (request, reply) => {
    const counted: { key: string; timeWindow: number }[] = [];
    countedAttempts.set(request, counted);
    for (const limiter of limiters) {
      const result = await limiter.check(request);
      counted.push({ key: limiter.key(request), timeWindow: limiter.timeWindow });
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(result.ttlInSeconds));
        throw new ApiError('OPENNRM_RATE_LIMITED');
      }
    }
  };
}
