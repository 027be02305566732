import type { FastifyReply } from 'fastify';

/** Base names of the cookies sign-in sets; `cookieName` adds the __Host- prefix when cookies are Secure. */
export const SESSION_COOKIE = 'opennrm_session';
export const CSRF_COOKIE = 'opennrm_csrf';
export const OIDC_STATE_COOKIE = 'opennrm_oidc';

/**
 * The name a cookie goes by. With Secure cookies the __Host- prefix makes the
 * browser refuse the cookie unless it is Secure, has Path=/ and no Domain, so
 * neither a sibling subdomain nor a plain-http page can plant or overwrite it
 * (RFC 6265bis §4.1.3.2).
 */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

/**
 * Sets the session cookie: HttpOnly (scripts cannot read it), SameSite=Strict
 * (no cross-site request carries it), Secure with the __Host- prefix unless
 * cookies are configured insecure for plain http in development, Path=/.
 * OWASP Session Management Cheat Sheet, "Cookies".
 */
export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string, expires: Date): void {
  reply.setCookie(cookieName(SESSION_COOKIE, secure), token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires });
}

/** Clears the session cookie (sign-out). */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(cookieName(SESSION_COOKIE, secure), { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
