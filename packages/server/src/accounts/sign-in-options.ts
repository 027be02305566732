import { isRole, ROLES, type Role } from '@opennrm/domain';

/**
 * OpenID Connect relying-party settings (OpenID Connect Core 1.0, authorization
 * code flow with PKCE, RFC 7636). The provider must list `redirect_url` among
 * the client's redirect URIs.
 */
export interface OidcOptions {
  /** Issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  client_id: string;
  client_secret: string;
  /** This server's callback, e.g. https://nrm.example.ro/api/v1/auth/oidc/callback. */
  redirect_url: string;
  /** Scopes requested; "openid" is always included. Default "openid profile email". */
  scope?: string | undefined;
  /**
   * The ID-token claim whose value is the local username of a pre-provisioned
   * account, used to link that account on its first single sign-on.
   * Default "preferred_username". After linking, only issuer + subject count.
   */
  username_claim?: string | undefined;
  /** Where the browser goes after a successful sign-in. Default "/". */
  after_sign_in_url?: string | undefined;
  /** Allow an http:// issuer (a provider on 127.0.0.1 in tests and development only). Default false. */
  allow_insecure_http?: boolean | undefined;
}

/** How many attempts a client may make in a window (a fixed window, @fastify/rate-limit). */
export interface RateLimit {
  max: number;
  window_minutes: number;
}

/** Sign-in settings of one server; `resolveSignInOptions` fills the defaults. */
export interface SignInOptions {
  /**
   * Cookies carry the Secure attribute and the __Host- prefix (RFC 6265bis
   * §4.1.3.2). Default true; false only for plain http on 127.0.0.1 in development and tests.
   */
  secure_cookies?: boolean | undefined;
  /** Roles that must sign in with a password plus TOTP; others may enrol voluntarily. Default: none. */
  totp_required_roles?: readonly Role[] | undefined;
  /** Label shown in authenticator apps (the otpauth issuer). Default "OpenNRM". */
  totp_issuer?: string | undefined;
  /** Single sign-on; absent means the OIDC routes answer 404 OPENNRM_OIDC_NOT_CONFIGURED. */
  oidc?: OidcOptions | undefined;
  /** FAILED sign-in and TOTP verification attempts per client IP address. Default 30 in 15 minutes. */
  rate_limit_per_ip?: RateLimit | undefined;
  /** FAILED sign-in and TOTP verification attempts per username (or challenge). Default 10 in 15 minutes. */
  rate_limit_per_account?: RateLimit | undefined;
  /**
   * Fastify `trustProxy`: which proxies' X-Forwarded-For to believe for the client address (the per-address limit and
   * the audit trail's source_ip). false (default): the connecting address; true: every proxy; a string: comma-separated proxy addresses or CIDR ranges. Never true on a server reachable directly: a
   * client could then pick any address and escape the per-address limit.
   */
  trust_proxy?: boolean | string | undefined;
}

export type ResolvedSignInOptions = Required<Omit<SignInOptions, 'oidc'>> & { oidc: OidcOptions | undefined };

/**
 * Fills defaults. OWASP Authentication Cheat Sheet ("Protect against automated
 * attacks") asks for per-account and per-source throttling; 10 attempts per
 * account in 15 minutes stops online guessing while a typo-prone user never meets it.
 */
export function resolveSignInOptions(options: SignInOptions = {}): ResolvedSignInOptions {
  return {
    secure_cookies: options.secure_cookies ?? true,
    totp_required_roles: options.totp_required_roles ?? [],
    totp_issuer: options.totp_issuer ?? 'OpenNRM',
    oidc: options.oidc,
    rate_limit_per_ip: options.rate_limit_per_ip ?? { max: 30, window_minutes: 15 },
    rate_limit_per_account: options.rate_limit_per_account ?? { max: 10, window_minutes: 15 },
    trust_proxy: options.trust_proxy ?? false,
  };
}

/**
 * Reads sign-in settings from the environment (`opennrm serve`):
 * - OPENNRM_INSECURE_COOKIES=1: no Secure attribute (plain http in development);
 * - OPENNRM_TOTP_REQUIRED_ROLES: "all" (default), "none" or a comma list of roles;
 * - OPENNRM_OIDC_ISSUER, OPENNRM_OIDC_CLIENT_ID, OPENNRM_OIDC_CLIENT_SECRET,
 *   OPENNRM_OIDC_REDIRECT_URL (all four turn single sign-on on), OPENNRM_OIDC_SCOPE,
 *   OPENNRM_OIDC_USERNAME_CLAIM, OPENNRM_OIDC_AFTER_SIGN_IN_URL;
 * - OPENNRM_SIGN_IN_FAILURES_PER_IP (default 30), OPENNRM_SIGN_IN_FAILURES_PER_ACCOUNT (default 10): failed attempts
 *   allowed in OPENNRM_SIGN_IN_FAILURE_WINDOW_MINUTES (default 15), whole numbers of 1 or more;
 * - OPENNRM_TRUST_PROXY: "false" (default), "true", or comma-separated proxy addresses/CIDRs.
 * @throws Error naming the variable when a value is invalid.
 */
export function signInOptionsFromEnv(env: NodeJS.ProcessEnv): SignInOptions {
  const rolesText = (env.OPENNRM_TOTP_REQUIRED_ROLES ?? 'all').trim();
  let roles: Role[];
  if (rolesText === 'all') roles = [...ROLES];
  else if (rolesText === 'none' || rolesText === '') roles = [];
  else {
    roles = [];
    for (const role of rolesText.split(',').map((r) => r.trim())) {
      if (!isRole(role)) throw new Error(`OPENNRM_TOTP_REQUIRED_ROLES: unknown role "${role}"; roles: ${ROLES.join(', ')}, or all, none`);
      roles.push(role);
    }
  }
  const oidcVars = ['OPENNRM_OIDC_ISSUER', 'OPENNRM_OIDC_CLIENT_ID', 'OPENNRM_OIDC_CLIENT_SECRET', 'OPENNRM_OIDC_REDIRECT_URL'] as const;
  const set = oidcVars.filter((v) => env[v]);
  if (set.length > 0 && set.length < oidcVars.length) {
    throw new Error(`single sign-on needs ${oidcVars.join(', ')}; missing ${oidcVars.filter((v) => !env[v]).join(', ')}`);
  }
  const oidc: OidcOptions | undefined =
    set.length === oidcVars.length
      ? {
          issuer: env.OPENNRM_OIDC_ISSUER!,
          client_id: env.OPENNRM_OIDC_CLIENT_ID!,
          client_secret: env.OPENNRM_OIDC_CLIENT_SECRET!,
          redirect_url: env.OPENNRM_OIDC_REDIRECT_URL!,
          scope: env.OPENNRM_OIDC_SCOPE,
          username_claim: env.OPENNRM_OIDC_USERNAME_CLAIM,
          after_sign_in_url: env.OPENNRM_OIDC_AFTER_SIGN_IN_URL,
        }
      : undefined;
  const window_minutes = positiveWhole(env, 'OPENNRM_SIGN_IN_FAILURE_WINDOW_MINUTES', 15);
  return {
    secure_cookies: env.OPENNRM_INSECURE_COOKIES !== '1',
    totp_required_roles: roles,
    oidc,
    rate_limit_per_ip: { max: positiveWhole(env, 'OPENNRM_SIGN_IN_FAILURES_PER_IP', 30), window_minutes },
    rate_limit_per_account: { max: positiveWhole(env, 'OPENNRM_SIGN_IN_FAILURES_PER_ACCOUNT', 10), window_minutes },
    trust_proxy: trustProxyFromEnv(env.OPENNRM_TRUST_PROXY),
  };
}

function positiveWhole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new Error(`${name}: "${text.slice(0, 40)}" is not a whole number of 1 or more`);
  return Number(text);
}

function trustProxyFromEnv(value: string | undefined): boolean | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^[0-9A-Fa-f.:/, ]+$/.test(text)) return text;
  throw new Error(`OPENNRM_TRUST_PROXY: "${text.slice(0, 40)}" is not true, false or proxy addresses (e.g. 10.0.0.1,10.0.1.0/24)`);
}
