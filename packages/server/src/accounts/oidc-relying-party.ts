import { problem } from '@opennrm/domain';
import * as oidc from 'openid-client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { tokenDigest } from './sessions.repository.ts';
import type { OidcOptions } from './sign-in-options.ts';

/** An authorization request waits this long for the user to come back from the provider. */
export const OIDC_SIGN_IN_MINUTES = 10;

/** What the callback learned about the user from a validated ID token. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** Value of the configured username claim, if present. */
  username: string | null;
}

/**
 * OpenNRM as an OpenID Connect relying party (openid-client): the
 * authorization code flow with PKCE S256 (RFC 7636), `state` against CSRF on
 * the redirect (RFC 6749 §10.12) and `nonce` against ID-token replay (OpenID
 * Connect Core 1.0 §3.1.2.1). The ID token's signature, issuer, audience,
 * expiry and nonce are checked by openid-client. State, nonce and verifier
 * live in the database for 10 minutes, keyed by the SHA-256 of the state.
 */
export class OidcRelyingParty {
  readonly #options: OidcOptions;
  readonly #db: Kysely<Database>;
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(options: OidcOptions, db: Kysely<Database>) {
    this.#options = options;
    this.#db = db;
  }

  /** Provider metadata, discovered once and kept; a failed discovery is retried on the next sign-in. */
  #config(): Promise<oidc.Configuration> {
    this.#configuration ??= oidc
      .discovery(
        new URL(this.#options.issuer),
        this.#options.client_id,
        undefined,
        oidc.ClientSecretPost(this.#options.client_secret),
        this.#options.allow_insecure_http ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  /**
   * Starts a sign-in.
   * @returns the provider's authorization URL to redirect to, and the state to bind to this browser (a cookie).
   */
  async start(now = new Date()): Promise<{ url: string; state: string }> {
    const config = await this.#config();
    const code_verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.#db.deleteFrom('oidc_sign_in').where('expires_at', '<', now).execute();
    await this.#db
      .insertInto('oidc_sign_in')
      .values({
        state_sha256: tokenDigest(state),
        nonce,
        code_verifier,
        created_at: now,
        expires_at: new Date(now.getTime() + OIDC_SIGN_IN_MINUTES * 60_000),
      })
      .execute();
    const scope = new Set(['openid', ...(this.#options.scope ?? 'openid profile email').split(/\s+/).filter(Boolean)]);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#options.redirect_url,
      scope: [...scope].join(' '),
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(code_verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in: exchanges the code and validates the ID token.
   * @param query the callback's query string (code, state, iss, or error).
   * @param browserState the state from this browser's cookie; it must equal the query's.
   * @throws ApiError OPENNRM_OIDC_FAILED for a missing, mismatched, expired or reused state, a provider error, or an invalid token.
   */
  async finish(query: string, browserState: string | undefined, now = new Date()): Promise<OidcIdentity> {
    const params = new URLSearchParams(query);
    const state = params.get('state');
    if (!state || !browserState || state !== browserState) throw new ApiError('OPENNRM_OIDC_FAILED', problem('oidc_state_mismatch'));
    // Deleting the row uses the state up, so a callback URL cannot be replayed.
    const pending = await this.#db
      .deleteFrom('oidc_sign_in')
      .where('state_sha256', '=', tokenDigest(state))
      .where('expires_at', '>', now)
      .returning(['nonce', 'code_verifier'])
      .executeTakeFirst();
    if (!pending) throw new ApiError('OPENNRM_OIDC_FAILED', problem('oidc_sign_in_expired'));
    const config = await this.#config();
    const currentUrl = new URL(this.#options.redirect_url);
    currentUrl.search = params.toString();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new ApiError('OPENNRM_OIDC_FAILED', problem('oidc_answer_refused', { error: errorCode(error) }));
    }
    const claims = tokens.claims();
    if (!claims) throw new ApiError('OPENNRM_OIDC_FAILED', problem('oidc_no_id_token'));
    const claim = claims[this.#options.username_claim ?? 'preferred_username'];
    return { issuer: claims.iss, subject: claims.sub, username: typeof claim === 'string' ? claim : null };
  }
}

// Only the library's error code or the provider's error name reach the client: messages can carry token contents.
function errorCode(error: unknown): string {
  const e = error as { code?: unknown; error?: unknown };
  if (typeof e.error === 'string') return e.error;
  if (typeof e.code === 'string') return e.code;
  return 'invalid response';
}
