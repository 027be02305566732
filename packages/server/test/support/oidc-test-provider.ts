import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person known to the test identity provider. */
export interface ProviderAccount {
  /** The provider's subject identifier (the `sub` claim). */
  subject: string;
  /** The preferred_username claim. */
  username: string;
}

/** A real OpenID provider (oidc-provider) listening on 127.0.0.1 for one test file. */
export interface TestProvider {
  issuer: string;
  client_id: string;
  client_secret: string;
  redirect_url: string;
  /**
   * Plays the browser from the authorization URL to the redirect back to
   * OpenNRM: follows the provider's redirects, signs in as `subject` on its
   * login page and grants consent.
   * @returns the query string of the callback URL (code, state, iss).
   */
  signInAs(authorizationUrl: string, subject: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider on a random port of 127.0.0.1 with one confidential
 * client (client_secret_post, PKCE required) and the given accounts. Its
 * development interactions serve the login and consent pages, which
 * `signInAs` submits like a browser would.
 */
export async function startTestProvider(accounts: readonly ProviderAccount[], redirect_url: string): Promise<TestProvider> {
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client_id = 'opennrm-test';
  const client_secret = 'opennrm-test-client-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id,
        client_secret,
        redirect_uris: [redirect_url],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, id) {
      const account = accounts.find((a) => a.subject === id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, preferred_username: account.username }) };
    },
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    // Put the profile claims in the ID token, which is what the relying party reads.
    conformIdTokenClaims: false,
    cookies: { keys: ['opennrm-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();

  async function signInAs(authorizationUrl: string, subject: string): Promise<string> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair!.indexOf('=');
        jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
      }
    };
    let url = authorizationUrl;
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 20; hop++) {
      if (url.startsWith(redirect_url)) return new URL(url).search.slice(1);
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
      });
      remember(response);
      body = undefined;
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href;
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) throw new Error(`provider answered ${response.status} at ${url}: ${html.slice(0, 500)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`no interaction form at ${url}`);
      url = new URL(action, url).href;
      body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt });
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    client_id,
    client_secret,
    redirect_url,
    signInAs,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
