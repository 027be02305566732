import { describe, expect, it } from 'vitest';
import { ROLES } from '@opennrm/domain';
import { resolveSignInOptions, signInOptionsFromEnv } from '../../src/accounts/sign-in-options.ts';

describe('sign-in settings from the environment', () => {
  it('defaults to Secure cookies, TOTP for every role and no single sign-on', () => {
    expect(signInOptionsFromEnv({})).toEqual({
      secure_cookies: true,
      totp_required_roles: [...ROLES],
      oidc: undefined,
      rate_limit_per_ip: { max: 30, window_minutes: 15 },
      rate_limit_per_account: { max: 10, window_minutes: 15 },
      trust_proxy: false,
    });
  });

  it('reads the TOTP roles, insecure development cookies and the four OIDC variables', () => {
    const options = signInOptionsFromEnv({
      OPENNRM_INSECURE_COOKIES: '1',
      OPENNRM_TOTP_REQUIRED_ROLES: 'administrator, coordinator',
      OPENNRM_OIDC_ISSUER: 'https://login.example.ro/realms/nrm',
      OPENNRM_OIDC_CLIENT_ID: 'opennrm',
      OPENNRM_OIDC_CLIENT_SECRET: 's3cret',
      OPENNRM_OIDC_REDIRECT_URL: 'https://nrm.example.ro/api/v1/auth/oidc/callback',
      OPENNRM_OIDC_USERNAME_CLAIM: 'upn',
    });
    expect(options).toMatchObject({
      secure_cookies: false,
      totp_required_roles: ['administrator', 'coordinator'],
      oidc: { issuer: 'https://login.example.ro/realms/nrm', client_id: 'opennrm', username_claim: 'upn' },
    });
    expect(signInOptionsFromEnv({ OPENNRM_TOTP_REQUIRED_ROLES: 'none' }).totp_required_roles).toEqual([]);
  });

  it('names the variable when a value is wrong or single sign-on is half configured', () => {
    expect(() => signInOptionsFromEnv({ OPENNRM_TOTP_REQUIRED_ROLES: 'admin' })).toThrow(
      /OPENNRM_TOTP_REQUIRED_ROLES: unknown role "admin"/,
    );
    expect(() => signInOptionsFromEnv({ OPENNRM_OIDC_ISSUER: 'https://x' })).toThrow(/missing OPENNRM_OIDC_CLIENT_ID/);
  });

  it('fills secure defaults for the app', () => {
    expect(resolveSignInOptions()).toMatchObject({
      secure_cookies: true,
      totp_required_roles: [],
      rate_limit_per_ip: { max: 30, window_minutes: 15 },
      rate_limit_per_account: { max: 10, window_minutes: 15 },
    });
  });
  it('reads the failed-attempt limits and the trusted proxies, refusing values it cannot use', () => {
    const options = signInOptionsFromEnv({
      OPENNRM_SIGN_IN_FAILURES_PER_IP: '50',
      OPENNRM_SIGN_IN_FAILURES_PER_ACCOUNT: '5',
      OPENNRM_SIGN_IN_FAILURE_WINDOW_MINUTES: '30',
      OPENNRM_TRUST_PROXY: '10.0.0.1, 10.0.1.0/24',
    });
    expect(options).toMatchObject({
      rate_limit_per_ip: { max: 50, window_minutes: 30 },
      rate_limit_per_account: { max: 5, window_minutes: 30 },
      trust_proxy: '10.0.0.1, 10.0.1.0/24',
    });
    expect(signInOptionsFromEnv({}).trust_proxy).toBe(false);
    expect(signInOptionsFromEnv({ OPENNRM_TRUST_PROXY: 'true' }).trust_proxy).toBe(true);
    expect(() => signInOptionsFromEnv({ OPENNRM_SIGN_IN_FAILURES_PER_IP: '0' })).toThrow(/OPENNRM_SIGN_IN_FAILURES_PER_IP/);
    expect(() => signInOptionsFromEnv({ OPENNRM_TRUST_PROXY: 'yes please' })).toThrow(/OPENNRM_TRUST_PROXY/);
  });
});
