export interface paths {
  '/api/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Service health
     * @description Public (no sign-in): reports the database kind (pglite or postgres), whether it answers, and applied and pending migrations. 200 when healthy, 503 with the same body when degraded. Holds no personal data.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description "degraded" when migrations are pending or the database cannot be reached
               * @enum {string}
               */
              status: 'ok' | 'degraded';
              /** @description jurisdiction profile code, e.g. "romania" */
              profile: string;
              database: {
                /** @enum {string} */
                kind: 'pglite' | 'postgres';
                reachable: boolean;
                migrations: {
                  applied: string[];
                  pending: string[];
                } | null;
              };
            };
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description "degraded" when migrations are pending or the database cannot be reached
               * @enum {string}
               */
              status: 'ok' | 'degraded';
              /** @description jurisdiction profile code, e.g. "romania" */
              profile: string;
              database: {
                /** @enum {string} */
                kind: 'pglite' | 'postgres';
                reachable: boolean;
                migrations: {
                  applied: string[];
                  pending: string[];
                } | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with username and password
     * @description Checks the password against its Argon2id hash. Without a second factor it opens a session: returns the token and sets it as the HttpOnly, SameSite=Strict cookie "__Host-opennrm_session" (or "opennrm_session" when the server runs with insecure cookies for plain-http development), with a CSRF token for cookie-based requests. With TOTP enrolled it answers {totp_required: true, challenge}: finish with POST /api/v1/auth/totp/verify. The session ends after 30 minutes without a request or 12 hours after sign-in. A user with a one-time password may then only change it; a user whose role requires TOTP and who has none may only enrol. Errors: 400 OPENNRM_VALIDATION, 401 OPENNRM_BAD_CREDENTIALS (same answer for an unknown user, a wrong password and a disabled account), 429 OPENNRM_RATE_LIMITED (per address and per username).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SignedIn'] | components['schemas']['TotpChallenge'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many attempts (OPENNRM_RATE_LIMITED); the Retry-After header says how many seconds to wait */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/csrf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A CSRF token
     * @description A token for the X-CSRF-Token header, which every POST, PUT, PATCH and DELETE authenticated by the session cookie must carry (double-submit: it is checked against a secret in an HttpOnly cookie). Requests with a bearer token need none. Errors: 401.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              csrf_token: string;
            };
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start enrolling an authenticator app
     * @description Creates a new 160-bit TOTP secret (SHA-1, 6 digits, 30 s) and returns it with its otpauth:// URI. This is the only time the secret is shown; it is stored sealed with the keyring. TOTP is on only after POST /totp/confirm with a code; enrolling again before that replaces the secret. Errors: 401, 409 OPENNRM_TOTP_ALREADY_ENABLED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description base32 shared secret (RFC 6238), shown only now: type it into an authenticator app or use the URI */
              secret: string;
              /** @description otpauth://totp/... URI to show as a QR code */
              otpauth_uri: string;
            };
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm the authenticator app with a code
     * @description Turns TOTP on once a current code from the app matches the enrolled secret. From then on password sign-in asks for a code; this session counts as signed in with both factors and every other session of the user ends. Errors: 400, 401 OPENNRM_BAD_TOTP_CODE (wrong, stale or no enrolment started), 409 OPENNRM_TOTP_ALREADY_ENABLED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description TOTP is on */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Second step of sign-in: the TOTP code
     * @description Finishes a sign-in that answered {totp_required: true}: checks the code against the user's secret, one 30-second step either side of now (RFC 6238 §5.2). A code is accepted once: the same code, or one from an earlier step, is refused afterwards. The challenge lives 5 minutes and survives 5 wrong codes. Answers as sign-in does. Errors: 400, 401 OPENNRM_TOTP_CHALLENGE_INVALID, 401 OPENNRM_BAD_TOTP_CODE, 429 OPENNRM_RATE_LIMITED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SignedIn'] | components['schemas']['TotpChallenge'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many attempts (OPENNRM_RATE_LIMITED); the Retry-After header says how many seconds to wait */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether single sign-on is configured
     * @description Public: the sign-in page shows its single sign-on button only when this answers {configured: true}.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              configured: boolean;
            };
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Start single sign-on
     * @description Redirects (302) to the identity provider with an authorization code request (PKCE S256, state, nonce), and binds the state to this browser in an HttpOnly cookie for 10 minutes. Errors: 404 OPENNRM_OIDC_NOT_CONFIGURED.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description to the identity provider */
        302: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Single sign-on callback
     * @description Where the provider sends the browser back. Checks that the state matches this browser's cookie and has not been used, exchanges the code with the PKCE verifier, validates the ID token (signature, issuer, audience, expiry, nonce), finds the pre-provisioned account (linked issuer + subject, or on first use the account named by the username claim), opens a session and redirects (302) to the app with the session cookie set. Errors: 401 OPENNRM_OIDC_FAILED, 403 OPENNRM_OIDC_NO_ACCOUNT, 404 OPENNRM_OIDC_NOT_CONFIGURED.
     */
    get: {
      parameters: {
        query?: {
          code?: string;
          state?: string;
          error?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description to the app, signed in */
        302: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out
     * @description Ends the current session (the token stops working at once) and clears the session cookie. Errors: 401 OPENNRM_UNAUTHENTICATED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user
     * @description Returns the account behind the session: role, organisation and whether the one-time password must still be changed. Errors: 401.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the password
     * @description Replaces the password after checking the current one, clears must_change_password and ends every other session of the user. The new password has 12 to 256 characters and differs from the current one (NIST SP 800-63B: length, no composition rules). Errors: 400 OPENNRM_VALIDATION (body.new_password), 401 OPENNRM_BAD_CREDENTIALS when the current password is wrong.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            current_password: string;
            new_password: string;
          };
        };
      };
      responses: {
        /** @description Password changed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List organisations
     * @description The institutions of the jurisdiction profile (coordinator, prosecutors, police, each county's child protection, NGOs) and those added by an administrator, ordered by code. Filter by kind, NRM function or region. Referrals, assistance and cases name organisations by the code or id listed here. Errors: 400, 401.
     */
    get: {
      parameters: {
        query?: {
          kind?:
            | 'coordinator'
            | 'prosecution'
            | 'police'
            | 'border_police'
            | 'immigration'
            | 'child_protection'
            | 'labour_inspection'
            | 'education'
            | 'asset_management'
            | 'court'
            | 'ngo'
            | 'international'
            | 'other';
          function?:
            | 'first_responder'
            | 'identifying_body'
            | 'service_provider'
            | 'investigation'
            | 'prosecution'
            | 'child_protection'
            | 'coordination'
            | 'adjudication';
          /** @description ISO 3166-2 code, e.g. "RO-CJ" */
          region?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Organisation'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/persons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List persons
     * @description A page of persons without identifying data (identity is never listed), oldest first. Filter by sex, citizenship (ISO 3166-1 alpha-2), birth_year, synthetic. Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          sex?: 'female' | 'male' | 'other' | 'unknown';
          /** @description persons holding this citizenship */
          citizenship?: string;
          birth_year?: number;
          synthetic?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Person'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a person
     * @description Creates a person: sex, year of birth and citizenships (HTCDS prs_gender, prs_birth_year, prs_citizenship) and, optionally, identifying data (names, date of birth, documents, contacts, address, notes), stored only encrypted. birth_year defaults to the year of identity.date_of_birth. Returns the person with identity. Errors: 400 naming the field (birth_year after this year, identity.date_of_birth before 1900 or after today), 401.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description HTCDS prs_gender
             * @default unknown
             * @enum {string}
             */
            sex?: 'female' | 'male' | 'other' | 'unknown';
            /** @description year of birth; taken from identity.date_of_birth when not given */
            birth_year?: number | null;
            /**
             * @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship)
             * @default []
             */
            citizenships?: string[];
            identity?: components['schemas']['PersonIdentityInput'];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PersonDetail'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/persons/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find persons by exact name or document number
     * @description Exactly one of ?name= (family name, given names, or full name in any word order) or ?document= (a document number of any type). Exact match after normalisation: case, accents (Ș = S), apostrophes, spaces and dashes are ignored; no prefixes or misspellings. Looked up through keyed blind indexes, then decrypted and compared (docs/encryption.md), so the identities themselves stay encrypted at rest. Returns persons without identity, in id order. Errors: 400 naming the query field (neither or both given, or nothing left once punctuation is removed), 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description family name, given names, or full name in any word order; exact match ignoring case, accents and punctuation */
          name?: string;
          /** @description document number of any type or country; exact match ignoring case, spaces and dashes */
          document?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PersonSearchResult'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/persons/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a person with identity
     * @description Returns the person and their identifying data. The only route that returns identity; issue 3 restricts and audits it. The ETag header is its edit version in quotes, for If-Match on PATCH. Errors: 400 (params.id not a UUID), 401, 404 OPENNRM_NOT_FOUND.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PersonDetail'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a person
     * @description Changes the fields given. Identity fields given replace the stored ones and keep the rest; identity: null erases the identifying data. Returns the person with identity. Errors: 400 naming the field (birth_year after this year, identity.date_of_birth before 1900 or after today; headers.if-match when it is not an ETag), 401, 404, 412 OPENNRM_STALE_VERSION. Optimistic concurrency (RFC 9110): send the ETag of your read (the version in quotes, e.g. "4") as If-Match and the change is made only if nobody changed the person since; without it, whatever happened since.
     */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description the ETag of the record as you read it (GET answers with it; also the record's `version` in quotes, e.g. "4"): the change is made only if nobody changed the record since, else 412 OPENNRM_STALE_VERSION (RFC 9110 §13.1.1). Without it the change is made whatever happened since. */
          'if-match'?: string;
        };
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description HTCDS prs_gender
             * @enum {string}
             */
            sex?: 'female' | 'male' | 'other' | 'unknown';
            /** @description year of birth; taken from identity.date_of_birth when not given */
            birth_year?: number | null;
            /** @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship) */
            citizenships?: string[];
            /** @description fields given replace those stored; null erases the identity */
            identity?: components['schemas']['PersonIdentityInput'] | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PersonDetail'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Changed since you read it (OPENNRM_STALE_VERSION): If-Match is not the current ETag; read it again, nothing was saved */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/persons/{id}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a person's consent records
     * @description Every consent record, withdrawals included, oldest first. Audited as a read. Errors: 400, 401, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description person id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Consent'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record consent given or refused
     * @description Records that the person gave (given: true) or refused (given: false) consent to a purpose, on a day, by a method. Roles: front-line responder, case worker, case manager, coordinator. Audited. Errors: 400 naming the field, 401, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description person id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description what the consent is for (domain CONSENT_PURPOSES)
             * @enum {string}
             */
            purpose: 'referral' | 'data_sharing' | 'research' | 'contact_follow_up' | 'media' | 'criminal_proceedings_contact';
            /** @description true: consent given; false: refused (a refusal is recorded too) */
            given: boolean;
            /**
             * Format: date
             * @description the day the person gave or refused consent
             */
            recorded_on: string;
            /**
             * @description how it was given (GDPR art. 7(1): the controller must be able to show it)
             * @enum {string}
             */
            method: 'written_form' | 'oral_witnessed' | 'electronic' | 'legal_representative';
            /** @description the case it was given in, if any */
            victim_case_id?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Consent'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/persons/{id}/consents/{consent_id}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a consent
     * @description Records the withdrawal (GDPR art. 7(3)); the consent record stays, with withdrawn_on and withdrawn_by. Errors: 400 (withdrawn_on before recorded_on), 401, 404, 409 OPENNRM_INVALID_TRANSITION (already withdrawn, or a refusal).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description person id */
          id: string;
          /** @description consent id */
          consent_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description the day the person withdrew consent (art. 7(3))
             */
            withdrawn_on: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Consent'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/persons/{id}/subject-access-export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Data-subject access export
     * @description Everything held about the person (GDPR art. 15): person, identity, victim cases, referrals, assistance, consents, criminal-case links, erasure requests, access history and the retention rules that apply, as one JSON document. Coordinator and case manager only. Audited as an export. Errors: 400, 401, 404 (no such person, or another role).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description person id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubjectAccessExport'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/persons/{id}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Erase a person (GDPR art. 17)
     * @description Erases the identity and anonymises every other record of the person (statistics keep their counts: art. 17(3)(d), 89), deletes consents, records the request and audits each record. Refused with 409 OPENNRM_CONFLICT naming the exemption while the person is linked to an open criminal case (art. 17(3)(e)) or receives assistance without an end date (art. 17(3)(b)); the refusal is recorded too. Coordinator and case manager only. Errors: 400, 401, 404, 409.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description person id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description why: the request as received, without identifying data (at least 10 characters) */
            reason: string;
            /**
             * @description the ground of GDPR art. 17(1) the request rests on
             * @enum {string}
             */
            legal_basis:
              | 'no_longer_necessary'
              | 'consent_withdrawn'
              | 'objection'
              | 'unlawfully_processed'
              | 'legal_obligation'
              | 'child_information_society';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErasureResult'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/screenings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a screening
     * @description One screening with its answers and the server’s evaluation. Errors: 400 (params.id), 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Screening'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /**
     * Synchronise a screening (offline sync)
     * @description Stores one revision of a screening under the id the client generated (UUID). The server evaluates the answers with the profile's instrument (the same domain function as the browser) and its outcome is authoritative. 201 on first receipt; 200 when the same revision is sent again (nothing stored twice, identical response) or a higher revision from the same author replaces it (every revision is kept). 409 OPENNRM_SYNC_CONFLICT, naming the conflict in `fields`, for an older revision, the same revision with different content, an id recorded by another user, or a change after a victim case was opened from it: the client keeps its copy (docs/offline-sync.md). Errors: 400 naming the field (body.county, body.context, body.exploitation for a list not yet transcribed, body.answers.<id> for a question not in the set), 401, 403.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the client's edit counter: 1, then +1 for each edit */
            revision: number;
            /**
             * Format: date-time
             * @description when the responder recorded this revision, client clock, ISO 8601
             */
            recorded_at: string;
            /** @description ISO 3166-2 region of the profile where the screening took place, e.g. "RO-CJ" */
            county: string;
            /** @description where the person was met: a code of the profile's screening_contexts */
            context: string;
            subject: {
              /** @description age in whole years, if known */
              age_years?: number | null;
              /**
               * @description child, adult or unknown when the age in years is not known; derived from age_years when given
               * @enum {string}
               */
              age_group?: 'child' | 'adult' | 'unknown';
              /**
               * @description HTCDS prs_gender
               * @default unknown
               * @enum {string}
               */
              sex?: 'female' | 'male' | 'other' | 'unknown';
              /**
               * @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship)
               * @default []
               */
              citizenships?: string[];
            };
            /**
             * @description the form of exploitation screened for: the indicator list used
             * @enum {string}
             */
            exploitation: 'labour' | 'sexual';
            /** @description indicator or act-question id of the instrument -> yes, no or unknown */
            answers: {
              [key: string]: 'yes' | 'no' | 'unknown';
            };
            /** @description the responder's notes; stored sealed (may name people) */
            notes?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Screening'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Screening'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/screenings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List screenings
     * @description A page of your organisation's screenings, newest first (recorded_at). Filters: outcome, context, county, recorded_by_user_id. Analysts see screenings only in the annual report. Errors: 400 naming the query field, 401, 403.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          outcome?: 'no_indicators' | 'potential_victim' | 'presumed_victim';
          /** @description a code of the profile's screening_contexts */
          context?: string;
          county?: string;
          recorded_by_user_id?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Screening'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/screenings/{id}/case': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a victim case from a screening
     * @description Opens a victim case linked to the screening: potential for a potential victim, presumed for a presumed victim (the server's outcome), dated the day of the screening, with a person holding only the screening's sex and citizenships; your organisation owns it and you lead its team. 201 when opened; 200 with the same link when a case was already opened. Once a case is opened the screening takes no more revisions. Errors: 401, 403, 404, 409 OPENNRM_INVALID_TRANSITION (no indicators).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Screening'];
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Screening'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List victim cases
     * @description A page of victim cases, oldest first. Filters: nrm_status, reporting_year, case_number, person_id, form, is_child, identifying_organisation (code or id), synthetic. Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          nrm_status?: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
          /** @description cases counting in this statistics year */
          reporting_year?: number;
          /** @description exact case number */
          case_number?: string;
          person_id?: string;
          /** @description cases with this form of exploitation */
          form?:
            | 'sexual'
            | 'labour'
            | 'forced_begging'
            | 'forced_criminality'
            | 'domestic_servitude'
            | 'forced_marriage'
            | 'organ_removal'
            | 'other';
          is_child?: 'true' | 'false';
          /** @description organisation code (e.g. "ANITP") or id */
          identifying_organisation?: string;
          synthetic?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['VisibleVictimCase'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Open a victim case
     * @description Opens a victim case for a recorded person. Codes come from the domain code lists (forms, statuses, recruitment methods, means of control); regions_of_exploitation must be regions of the jurisdiction profile; identifying_organisation is an organisation code or id; nrm_status identified needs identified_on and not_a_victim needs not_a_victim_on. is_child and reporting_year are computed on every write: a child is under 18 at the start of exploitation, else at identification, else by age band (Palermo Protocol art. 3(d)); the reporting year is the year of identified_on, else registration_year (docs/statistics.md). Errors: 400 naming the field, 401, 409 OPENNRM_CONFLICT when case_number is taken.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description the person this case is about
             */
            person_id: string;
            /** @description the case number used by the identifying body; unique */
            case_number: string;
            /**
             * @description potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)
             * @enum {string}
             */
            nrm_status: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
            /** @description identifying organisation: code (e.g. "ANITP") or id */
            identifying_organisation?: string | null;
            /** @description date first screened as a potential victim */
            potential_on?: string | null;
            /** @description date of the reasonable-grounds (presumed victim) decision */
            presumed_on?: string | null;
            /** @description date of formal identification; sets reporting_year. Required when nrm_status is identified */
            identified_on?: string | null;
            /** @description date of the negative decision. Required when nrm_status is not_a_victim */
            not_a_victim_on?: string | null;
            /** @description year of registration, for records without dates */
            registration_year?: number | null;
            /**
             * @description forms of exploitation (Palermo Protocol art. 3(a)); several allowed
             * @default []
             */
            forms?: (
              | 'sexual'
              | 'labour'
              | 'forced_begging'
              | 'forced_criminality'
              | 'domestic_servitude'
              | 'forced_marriage'
              | 'organ_removal'
              | 'other'
            )[];
            /** @description economic sector of labour exploitation, e.g. "agriculture" */
            sector?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 codes
             * @default []
             */
            countries_of_exploitation?: string[];
            /**
             * @description ISO 3166-2 regions of the profile's country, e.g. "RO-CJ"
             * @default []
             */
            regions_of_exploitation?: string[];
            exploitation_started_on?: string | null;
            /** @description years */
            age_at_exploitation_start?: number | null;
            /** @description years */
            age_at_identification?: number | null;
            /** @description age band at identification when the exact age is unknown, e.g. "9--17" or "48+" */
            age_band?: string | null;
            /** @default [] */
            recruitment_methods?: (
              | 'lover_boy'
              | 'deceptive_job_offer'
              | 'online_social_media'
              | 'family_sold'
              | 'abduction'
              | 'emotional_manipulation'
              | 'blackmail'
              | 'recruitment_agency'
              | 'other'
              | 'unknown'
            )[];
            recruiter_relationship?:
              ('intimate_partner' | 'family' | 'friend' | 'acquaintance' | 'employer' | 'stranger' | 'other' | 'unknown') | null;
            /**
             * @description ILO indicators of coercion
             * @default []
             */
            means_of_control?: (
              | 'debt_bondage'
              | 'takes_earnings'
              | 'restricts_financial_access'
              | 'threats'
              | 'psychological_abuse'
              | 'physical_abuse'
              | 'sexual_abuse'
              | 'false_promises'
              | 'psychoactive_substances'
              | 'restricts_movement'
              | 'restricts_medical_care'
              | 'excessive_working_hours'
              | 'uses_children'
              | 'threat_of_law_enforcement'
              | 'withholds_necessities'
              | 'withholds_documents'
              | 'other'
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VictimCase'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a victim case
     * @description Returns one victim case with the fields you may see (docs/access-policy.md); the read is audited. The ETag header is its edit version in quotes, for If-Match on PATCH (absent, with `version`, for a reader who sees the case through a referral and cannot edit it). Errors: 400 (params.id not a UUID), 401, 403 OPENNRM_CONFLICT_OF_INTEREST, 404 OPENNRM_NOT_FOUND (no such case, or not one you may see).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VisibleVictimCase'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a victim case
     * @description Changes the fields given (null clears a field) and answers with the case and its new ETag. Optimistic concurrency (RFC 9110): send the ETag of your read (the case's version in quotes, e.g. "4") as If-Match and the change is made only if nobody changed the case since; otherwise 412 OPENNRM_STALE_VERSION and nothing is saved: read it again. Without If-Match the change is made whatever happened since (last writer wins), for clients written before edit versions. Codes come from the domain code lists (forms, statuses, recruitment methods, means of control); regions_of_exploitation must be regions of the jurisdiction profile; identifying_organisation is an organisation code or id; nrm_status identified needs identified_on and not_a_victim needs not_a_victim_on. is_child and reporting_year are computed on every write: a child is under 18 at the start of exploitation, else at identification, else by age band (Palermo Protocol art. 3(d)); the reporting year is the year of identified_on, else registration_year (docs/statistics.md). Errors: 400 naming the field (headers.if-match when it is not an ETag), 401, 404, 409, 412 OPENNRM_STALE_VERSION.
     */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description the ETag of the record as you read it (GET answers with it; also the record's `version` in quotes, e.g. "4"): the change is made only if nobody changed the record since, else 412 OPENNRM_STALE_VERSION (RFC 9110 §13.1.1). Without it the change is made whatever happened since. */
          'if-match'?: string;
        };
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the case number used by the identifying body; unique */
            case_number?: string;
            /**
             * @description potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)
             * @enum {string}
             */
            nrm_status?: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
            /** @description date first screened as a potential victim */
            potential_on?: string | null;
            /** @description date of the reasonable-grounds (presumed victim) decision */
            presumed_on?: string | null;
            /** @description date of formal identification; sets reporting_year. Required when nrm_status is identified */
            identified_on?: string | null;
            /** @description date of the negative decision. Required when nrm_status is not_a_victim */
            not_a_victim_on?: string | null;
            /** @description year of registration, for records without dates */
            registration_year?: number | null;
            /** @description forms of exploitation (Palermo Protocol art. 3(a)); several allowed */
            forms?: (
              | 'sexual'
              | 'labour'
              | 'forced_begging'
              | 'forced_criminality'
              | 'domestic_servitude'
              | 'forced_marriage'
              | 'organ_removal'
              | 'other'
            )[];
            /** @description economic sector of labour exploitation, e.g. "agriculture" */
            sector?: string | null;
            /** @description ISO 3166-1 alpha-2 codes */
            countries_of_exploitation?: string[];
            /** @description ISO 3166-2 regions of the profile's country, e.g. "RO-CJ" */
            regions_of_exploitation?: string[];
            exploitation_started_on?: string | null;
            /** @description years */
            age_at_exploitation_start?: number | null;
            /** @description years */
            age_at_identification?: number | null;
            /** @description age band at identification when the exact age is unknown, e.g. "9--17" or "48+" */
            age_band?: string | null;
            recruitment_methods?: (
              | 'lover_boy'
              | 'deceptive_job_offer'
              | 'online_social_media'
              | 'family_sold'
              | 'abduction'
              | 'emotional_manipulation'
              | 'blackmail'
              | 'recruitment_agency'
              | 'other'
              | 'unknown'
            )[];
            recruiter_relationship?:
              ('intimate_partner' | 'family' | 'friend' | 'acquaintance' | 'employer' | 'stranger' | 'other' | 'unknown') | null;
            /** @description ILO indicators of coercion */
            means_of_control?: (
              | 'debt_bondage'
              | 'takes_earnings'
              | 'restricts_financial_access'
              | 'threats'
              | 'psychological_abuse'
              | 'physical_abuse'
              | 'sexual_abuse'
              | 'false_promises'
              | 'psychoactive_substances'
              | 'restricts_movement'
              | 'restricts_medical_care'
              | 'excessive_working_hours'
              | 'uses_children'
              | 'threat_of_law_enforcement'
              | 'withholds_necessities'
              | 'withholds_documents'
              | 'other'
            )[];
            /** @description identifying organisation: code (e.g. "ANITP") or id */
            identifying_organisation?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VisibleVictimCase'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Changed since you read it (OPENNRM_STALE_VERSION): If-Match is not the current ETag; read it again, nothing was saved */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/criminal-cases/{criminal_case_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Link the victim to a criminal case
     * @description Links the victim case to a criminal case with the victim's role (injured_party, witness, civil_party), or changes the role: whoever manages the victim case (its team, owning organisation, the coordinator) shares it with the investigating office, whose prosecutors then read it (a prosecutor links only victim cases they may read already). The criminal case need not be one the user may read. Never a condition of assistance (Directive 2011/36/EU art. 11(3)). Audited as a permission change. Errors: 400, 401, 403, 404 (victim case the user may not update, or no such criminal case).
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          criminal_case_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'injured_party' | 'witness' | 'civil_party';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseVictim'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The case team
     * @description Users working the case. Case managers of the owning organisation and the coordinator. Errors: 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CaseTeamMember'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a user to the case team
     * @description Adds (or changes the role of) a user of the case's owning organisation; audited as a permission change. Errors: 400 (body.user_id not of the owning organisation), 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description a user of the case's owning organisation
             */
            user_id: string;
            /**
             * @default member
             * @enum {string}
             */
            role?: 'lead' | 'member';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CaseTeamMember'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/team/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a user from the case team
     * @description Audited as a permission change. Errors: 401, 403, 404 (no such case you manage, or the user is not on the team).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          user_id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CaseTeamMember'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/break-glass': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a case outside your team (break-glass)
     * @description Grants you read access to the case for 60 minutes, for a written reason. The reason goes into the audit trail (action break_glass, shown in the person's access history) and an alert goes to the case managers of the owning organisation. Issue 3 point 5. Errors: 400 body.reason (at least 10 characters), 401, 403 OPENNRM_FORBIDDEN (role) or OPENNRM_CONFLICT_OF_INTEREST (you are a suspect or your institution is under investigation), 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description why you must open a case outside your team, written for the case manager who will read it (at least 10 characters) */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BreakGlassGrant'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/transitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A case's NRM timeline
     * @description The workflow state and every step of the case, oldest first: who (user, organisation), when, why, the NRM status set, child-protection notifications. Errors: 400 (params.id), 401, 403 OPENNRM_CONFLICT_OF_INTEREST, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NrmTimeline'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Take a step in the NRM workflow
     * @description Moves the case through the NRM workflow (open, refer, presume, assist, identify, reject, close, reopen) and keeps its nrm_status and decision dates in step. Rules: only steps of the transitions table; identify and reject only by an organisation with the profile function identifying_body, never by one that only screened, with reasons; an adult is referred only with consent to the referral; a closure names a profile closure reason and no forbidden ground (assistance is never conditional on criminal proceedings, Directive 2011/36/EU art. 11(3)); a child's county child-protection service is notified on the first step; an undecided adult closed as "declined" leaves an anonymous notification. Refer or assist again on a case already there changes nothing and returns the latest step (200). Errors: 400 naming the field (body.reason, body.closure_reason, body.grounds.N, body.occurred_on, body.region), 401, 403 OPENNRM_NOT_IDENTIFYING_BODY or OPENNRM_CONFLICT_OF_INTEREST, 404, 409 OPENNRM_INVALID_TRANSITION, OPENNRM_CONSENT_REQUIRED or OPENNRM_ASSISTANCE_CONDITIONAL.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description the step: open, refer, presume, assist, identify, reject, close, reopen (docs/nrm-workflow.md)
             * @enum {string}
             */
            event: 'open' | 'refer' | 'presume' | 'assist' | 'identify' | 'reject' | 'close' | 'reopen';
            /**
             * Format: date
             * @description the day it happened (a decision: its date); not in the future
             */
            occurred_on: string;
            /** @description why; required (10+ characters) for identify, reject and reopen */
            reason?: string | null;
            /** @description close only: a code of profile nrm_workflow.closure_reasons */
            closure_reason?: string | null;
            /** @description close only: codes of profile nrm_workflow.closure_grounds; forbidden ones are refused */
            grounds?: string[];
            /** @description the age is uncertain and there are reasons to believe the person is a child (Directive 2011/36/EU art. 13(2)) */
            presumed_child?: boolean;
            /** @description the case's county, kept on the case; needed to notify a child's county child-protection service */
            region?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NrmTransition'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/residence-statuses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A foreign victim's residence statuses
     * @description Every status of the case, oldest first, with its warning (no right to services, expiry). Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description oldest first; the last is the current status */
              items: components['schemas']['ResidenceStatus'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a foreign victim's residence status
     * @description Records a residence status from the profile (Romania: reflection_period 90 days, temporary_residence_permit, tolerated_stay, asylum) with its start and expiry (default: the profile duration). Tolerated stay is flagged: it gives no right to victim services. The case team and case managers are alerted before expiry (profile residence_expiry_warning_days). Errors: 400 naming body.status or body.expires_on, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a code of profile nrm_workflow.residence_statuses, e.g. reflection_period, temporary_residence_permit, tolerated_stay, asylum */
            status: string;
            /**
             * Format: date
             * @description first day of the status
             */
            starts_on: string;
            /** @description last day of the status; default: starts_on plus the profile's duration_days less one day (none for asylum) */
            expires_on?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ResidenceStatus'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/hearings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The victim's hearings, with how often they were heard
     * @description Every hearing of the case, oldest first, with hearings_held (count), last_held_on and planned (count). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description oldest first (held or planned day) */
              items: components['schemas']['VictimHearing'][];
              /** @description hearings of the case held so far */
              hearings_held: number;
              last_held_on: string | null;
              /** @description hearings planned and not yet held */
              planned: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record or plan a hearing of the victim
     * @description A hearing or interview of the victim: planned (planned_on), held (held_on, not after today, and counsel_present) or cancelled; the body hearing them (a police, prosecution or court organisation: body_kind follows its kind), settings from profile victims_in_proceedings.hearing_settings (Romania: separate_room, video_link, closed_court, psychologist_present, ...), the interpreted language. When the victim was already heard, `warning` gives { hearings_so_far, last_held_on } and the case managers of the case's organisation get an in-app alert (kind victim_heard_again): fewer interviews are better (Directive 2011/36/EU art. 12(4)(c)). A hearing held without counsel where profile mandatory_counsel applies carries `counsel_breach` (Romania 2023: the stage is void) and, for translation, `counsel_breach_rule` (applies_to, consequence, source, verify). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.<field>, 401, 403 (role; OPENNRM_CONFLICT_OF_INTEREST), 404 (no such case or not yours).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description planned (not yet held), held, or cancelled
             * @enum {string}
             */
            status: 'planned' | 'held' | 'cancelled';
            /** @description day the hearing is planned for; required when planned, today or later */
            planned_on?: string | null;
            /** @description day the hearing was held; required when held, not after today */
            held_on?: string | null;
            /** @description the police, prosecution or court body hearing the victim (code or id); its kind gives body_kind */
            body_organisation: string;
            /** @description the criminal case the hearing belongs to: one linked to this victim case */
            criminal_case_id?: string | null;
            /** @default [] */
            settings?: string[];
            /** @description whether legal counsel was present; required when held */
            counsel_present?: boolean | null;
            interpreter_language?: string | null;
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VictimHearingRecorded'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/hearings/{record_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Mark a hearing held or cancelled, or correct it
     * @description Changes the fields given. Marking a planned hearing held needs held_on and counsel_present; the re-hearing warning and alert follow as on POST. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.<field>, 401, 403, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description the record under the case */
          record_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'planned' | 'held' | 'cancelled';
            planned_on?: string | null;
            held_on?: string | null;
            settings?: string[];
            counsel_present?: boolean | null;
            interpreter_language?: string | null;
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VictimHearingRecorded'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/legal-counsel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the victim's legal counsels
     * @description Oldest first. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LegalCounselAssignment'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record the victim's legal counsel
     * @description A lawyer assigned to the victim: an organisation of the directory (legal-aid NGO, law firm) or a bar, the lawyer's name, from assigned_on; `mandatory` when appointed because the law makes counsel mandatory (profile mandatory_counsel). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.<field>, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a legal-aid NGO or law firm in the directory (code or id) */
            counsel_organisation?: string | null;
            /** @description the bar that appointed the lawyer, e.g. "Baroul Cluj" */
            counsel_bar?: string | null;
            /** @description the lawyer's name (not the victim's: never in statistics) */
            counsel_name?: string | null;
            /** Format: date */
            assigned_on: string;
            ended_on?: string | null;
            /**
             * @description appointed ex officio because the law makes counsel mandatory
             * @default false
             */
            mandatory?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LegalCounselAssignment'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/legal-counsel/{record_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * End the victim's legal counsel
     * @description Sets ended_on (the last day, inclusive; not before the start). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.ended_on, 401, 403, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description the record under the case */
          record_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description last day; not before the start
             */
            ended_on: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LegalCounselAssignment'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/programmes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the victim's participation in a programmes
     * @description Oldest first. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ProgrammeParticipation'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record the victim's participation in a programme
     * @description A programme of profile victims_in_proceedings.programmes (Romania: victim_witness_coordination, witness_protection, Law 682/2002) from started_on until ended_on (null: still in it). The annual report counts participants in every year the period overlaps. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.<field>, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a code of profile victims_in_proceedings.programmes, e.g. victim_witness_coordination, witness_protection */
            programme: string;
            /** Format: date */
            started_on: string;
            /** @description last day in the programme; null: still in it */
            ended_on?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProgrammeParticipation'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/programmes/{record_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * End the victim's participation in a programme
     * @description Sets ended_on (the last day, inclusive; not before the start). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.ended_on, 401, 403, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description the record under the case */
          record_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description last day; not before the start
             */
            ended_on: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProgrammeParticipation'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/protection-measures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a protection measure ordered for the victims
     * @description Oldest first. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ProtectionMeasure'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a protection measure ordered for the victim
     * @description A measure of profile victims_in_proceedings.protection_measures (Romania: Code of Criminal Procedure art. 126: residence surveillance, escort, identity protection, remote hearing, non-public hearing) ordered on ordered_on, by an organisation. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.<field>, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a code of profile victims_in_proceedings.protection_measures, e.g. escort, identity_protection */
            measure: string;
            /** Format: date */
            ordered_on: string;
            ended_on?: string | null;
            /** @description the prosecution office or court that ordered it (code or id) */
            ordered_by_organisation?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProtectionMeasure'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/protection-measures/{record_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * End a protection measure ordered for the victim
     * @description Sets ended_on (the last day, inclusive; not before the start). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.ended_on, 401, 403, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description the record under the case */
          record_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description last day; not before the start
             */
            ended_on: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProtectionMeasure'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/compensation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A victim's compensation
     * @description Claims (route with its legal source, status, renunciation), each with its court orders (moral or material, amount in its ISO 4217 currency), payments received (payer) and the totals ordered, paid and still unpaid by currency; state advance payments; and this year's advance payment cap (Romania: 15,000 RON in 2023). Amounts are decimal strings. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VictimCompensation'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/compensation-claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * File a compensation claim
     * @description A claim by one of the profile routes: restitution_in_criminal_case (needs criminal_case_id, a criminal case the victim case is linked to), civil_claim, state_compensation. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.route, body.criminal_case_id or body.filed_on, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description restitution_in_criminal_case (as civil party in the criminal case), civil_claim or state_compensation; one of the profile routes
             * @enum {string}
             */
            route: 'restitution_in_criminal_case' | 'civil_claim' | 'state_compensation';
            /** @description the criminal case the claim is made in; required for restitution_in_criminal_case */
            criminal_case_id?: string | null;
            /**
             * Format: date
             * @description day the claim was filed; not after today
             */
            filed_on: string;
            /**
             * @description default pending; an order recorded on the claim makes it ordered
             * @enum {string}
             */
            status?: 'pending' | 'ordered' | 'rejected' | 'withdrawn';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CompensationClaim'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/compensation-claims/{claim_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a claim's status or record its renunciation
     * @description Status, or the day the victim renounced the claim and whether counsel had told them what that meant (2024 TIP report: victims "could unknowingly renounce compensation claims"). Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.renounced_on or body.renounced_informed, 401, 403, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description compensation claim id */
          claim_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'pending' | 'ordered' | 'rejected' | 'withdrawn';
            /** @description day the victim renounced the claim (renounced is then true); null takes a renunciation back as recorded in error */
            renounced_on?: string | null;
            /** @description whether counsel had told the victim what renouncing means; false is the failure the 2024 TIP report names */
            renounced_informed?: boolean | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CompensationClaim'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/compensation-claims/{claim_id}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a court order on a claim
     * @description What a court ordered: damage type (profile: moral, material), amount (decimal string, at most the currency minor unit of decimals) in any ISO 4217 currency, the court. A pending claim becomes ordered. Returns the claim with its totals. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.damage_type, body.amount, body.ordered_on or body.court_organisation, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description compensation claim id */
          claim_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description day of the court decision; not before the claim was filed nor after today
             */
            ordered_on: string;
            /**
             * @description moral (non-pecuniary) or material (pecuniary); one of the profile damage types
             * @enum {string}
             */
            damage_type: 'moral' | 'material';
            /** @description decimal string, exact (never a float), e.g. "15000.00", at most 999999999999999.999; no more decimals than the currency has (ISO 4217) */
            amount: string;
            /** @description ISO 4217 code of money, e.g. "RON", "EUR", "GBP", "USD"; not XXX, XTS, metals (XAU...) or units of account (XDR...) */
            currency: string;
            /** @description the ordering court (code or id); an organisation of kind "court" */
            court_organisation?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CompensationClaim'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/compensation-claims/{claim_id}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a payment received on a claim
     * @description Money the victim received: day, amount and currency, payer (offender, state, seized_assets_fund), optionally the order paid. Returns the claim with what is still unpaid. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.amount, body.paid_on or body.order_id, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description victim case id */
          id: string;
          /** @description compensation claim id */
          claim_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description day the money reached the victim; not before the claim was filed nor after today
             */
            paid_on: string;
            /** @description decimal string, exact (never a float), e.g. "15000.00", at most 999999999999999.999; no more decimals than the currency has (ISO 4217) */
            amount: string;
            /** @description ISO 4217 code of money, e.g. "RON", "EUR", "GBP", "USD"; not XXX, XTS, metals (XAU...) or units of account (XDR...) */
            currency: string;
            /**
             * @description offender, state (state compensation) or seized_assets_fund (fund of confiscated criminal assets)
             * @enum {string}
             */
            payer: 'offender' | 'state' | 'seized_assets_fund';
            /** @description the order paid, when known; an order of this claim */
            order_id?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CompensationClaim'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/victim-cases/{id}/advance-payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a state advance payment
     * @description The state's advance of compensation for emergency expenses. With the case's earlier advances it may not exceed the profile's cap for the year it was requested (Romania: five times the minimum wage, 15,000 RON in 2023; 2024 TIP report): above it the 400 names the cap, the year and its source. Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole (not a provider that sees it only through a referral). Every read and write is audited. Errors: 400 naming body.amount, body.currency, body.requested_on or body.granted_on, 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description day the advance was requested: its year chooses the cap
             */
            requested_on: string;
            /** @description day it was granted; null while pending */
            granted_on?: string | null;
            /** @description decimal string in the cap currency (Romania: RON); with earlier advances of the case, at most the cap of the year */
            amount: string;
            /** @description ISO 4217 code of money, e.g. "RON", "EUR", "GBP", "USD"; not XXX, XTS, metals (XAU...) or units of account (XDR...) */
            currency: string;
            /**
             * @description emergency expense the advance covers (a code, never free text)
             * @enum {string}
             */
            purpose: 'medical' | 'housing' | 'subsistence' | 'travel' | 'legal' | 'other';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StateAdvancePayment'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exchange-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The exchange-rate table
     * @description Every rate: units of reporting_currency (ISO 4217, e.g. USD) per unit of currency (e.g. EUR), from valid_on until the next rate of the pair, with its source. The annual report converts each compensation order at the latest rate on or before the order's day (docs/statistics.md). Read by the coordinator and analysts. Errors: 400, 401, 403.
     */
    get: {
      parameters: {
        query?: {
          /** @description only rates converting from this currency */
          currency?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description by currency, reporting currency, then day */
              items: components['schemas']['ExchangeRate'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /**
     * Add or replace exchange rates
     * @description Adds each rate, or replaces the rate and source of a pair on a day the table has (unique per currency, reporting currency and valid_on), all or nothing, each change audited. Rates are decimal strings (up to 10 decimals), never floats. The coordinator only. Errors: 400 naming body.rates.N.<field>, 401, 403.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description rates to add, or to replace where the pair and day exist */
            rates: {
              /** @description ISO 4217 code converted from, e.g. "EUR" */
              currency: string;
              /** @description ISO 4217 code converted to, e.g. "USD" (profile compensation.reporting_currency) */
              reporting_currency: string;
              /** @description units of reporting_currency one unit of currency buys, decimal string, e.g. "1.1048711615" */
              rate: string;
              /**
               * Format: date
               * @description first day the rate applies; it applies until the next rate of the pair
               */
              valid_on: string;
              /** @description where the rate comes from, e.g. "BNR reference rate" or "US State Department TIP report 2024 conversions" */
              source: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description by currency, reporting currency, then day */
              items: components['schemas']['ExchangeRate'][];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/anonymous-notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List anonymous notifications
     * @description A page of anonymous notifications, newest first; year filters by notified_on. Errors: 400 naming the query field, 401, 403.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          /** @description notified in this year */
          year?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AnonymousNotification'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Notify an adult victim anonymously
     * @description For an adult who declined referral and data sharing: records only sex, age band, citizenships, forms of exploitation and place, with no link to any person or case, so the statistics still count the victim (docs/statistics.md). A case closed as "declined" leaves one by itself. Errors: 400 naming the field, 401, 403.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description the day the person was met and declined
             */
            notified_on: string;
            /** @enum {string} */
            sex: 'female' | 'male' | 'other' | 'unknown';
            /** @description a CTDC age band (the one list every notification uses, so counts add up); never an exact age or date of birth */
            age_band?: ('0--8' | '9--17' | '18--20' | '21--23' | '24--26' | '27--29' | '30--38' | '39--47' | '48+') | null;
            /** @default [] */
            citizenships?: string[];
            /**
             * @description forms of exploitation
             * @default []
             */
            forms?: (
              | 'sexual'
              | 'labour'
              | 'forced_begging'
              | 'forced_criminality'
              | 'domestic_servitude'
              | 'forced_marriage'
              | 'organ_removal'
              | 'other'
            )[];
            /** @description where the person was met */
            region?: string | null;
            /** @default [] */
            countries_of_exploitation?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AnonymousNotification'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List referrals
     * @description A page of referrals, oldest first. Filters: victim_case_id, status, from_organisation, to_organisation (code or id), service. Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          victim_case_id?: string;
          status?: 'sent' | 'accepted' | 'declined' | 'withdrawn';
          /** @description organisation code (e.g. "ANITP") or id */
          from_organisation?: string;
          /** @description organisation code (e.g. "ANITP") or id */
          to_organisation?: string;
          service?:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Referral'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Refer a victim to assistance
     * @description Sends a referral of a victim case from one organisation to another (each by code, e.g. "ANITP", or id) for one or more services (shelter, medical, psychological, legal, ...) with an urgency (routine, urgent). Status starts as "sent"; sent_at defaults to now. The case moves to "referred" through the NRM workflow (docs/services.md). Errors: 400 naming the field (unknown victim case or organisation; body.from_organisation when it is not the user's own: only the coordinator records a referral on behalf of another organisation, audited as such), 401, 409 OPENNRM_CONSENT_REQUIRED (an adult who has not consented to referral), 409 OPENNRM_INVALID_TRANSITION (a closed case or one decided not a victim).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            victim_case_id: string;
            /** @description referring organisation: code or id */
            from_organisation: string;
            /** @description receiving organisation: code or id */
            to_organisation: string;
            /** @description assistance services requested */
            services: (
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
            )[];
            /**
             * Format: date-time
             * @description when the referral was sent, not in the future; default now
             */
            sent_at?: string;
            /** @description what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default case_number, nrm_status, forms, is_child, age_band, identity.given_names, identity.family_name, identity.contacts */
            shared_fields?: string[];
            /**
             * @description urgent: answered within the profile's services.referral_timers.urgent_days
             * @default routine
             * @enum {string}
             */
            urgency?: 'routine' | 'urgent';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Referral'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/waiting': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Referrals waiting for you
     * @description Referrals waiting for an answer (sent) or, once accepted, for their first service, with days waited, the threshold in days (profile services.referral_timers: per service, urgent, first service) and whether each is overdue; overdue first. direction: incoming (to your organisation, default), outgoing (sent by it) or all (every one you may read). The response counts the overdue ones. Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          /** @description incoming: sent to your organisation; outgoing: sent by it; all: every waiting referral you may read */
          direction?: 'incoming' | 'outgoing' | 'all';
          /** @description true: only overdue ones; false: only those still in time */
          overdue?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WaitingReferral'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
              /** @description how many of all matching referrals are overdue */
              overdue: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{id}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-send a declined referral to another provider
     * @description Creates a new referral of the same case to another organisation (services and urgency default to the declined one's), linked by resent_from_referral_id; the declined referral keeps its reason. Errors: 400 (body.to_organisation: unknown, or the provider that declined), 401, 404, 409 OPENNRM_INVALID_TRANSITION (the referral is not declined).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the other provider: code or id */
            to_organisation: string;
            /** @description default: the services of the declined referral */
            services?: (
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
            )[];
            /**
             * @description default: the urgency of the declined referral
             * @enum {string}
             */
            urgency?: 'routine' | 'urgent';
            /**
             * Format: date-time
             * @description not in the future; default now
             */
            sent_at?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Referral'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a referral
     * @description Returns one referral. Errors: 400 (params.id), 401, 404 OPENNRM_NOT_FOUND.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Referral'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Answer or update a referral
     * @description Accepts, declines or withdraws a referral, records the date the service started, or changes the services. A sent referral may become accepted, declined (decline_reason_code and/or decline_reason; code "other" or none needs the text; text alone is coded "other") or withdrawn; an accepted one may be withdrawn; declined and withdrawn are final (OSCE/ODIHR NRM handbook, ch. 4: refusals are documented). responded_at is set when the status changes. Errors: 400 naming the field (body.decline_reason, body.decline_reason_code, body.started_on), 401, 404, 409 OPENNRM_INVALID_TRANSITION.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description assistance services requested */
            services?: (
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
            )[];
            /**
             * @description accepted, declined (with decline_reason) or withdrawn
             * @enum {string}
             */
            status?: 'sent' | 'accepted' | 'declined' | 'withdrawn';
            decline_reason?: string | null;
            /** @description with status declined; "other" needs decline_reason */
            decline_reason_code?:
              | ('no_free_places' | 'service_not_offered' | 'outside_area' | 'not_eligible' | 'safety_risk' | 'victim_declined' | 'other')
              | null;
            /** @enum {string} */
            urgency?: 'routine' | 'urgent';
            started_on?: string | null;
            /** @description what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default case_number, nrm_status, forms, is_child, age_band, identity.given_names, identity.family_name, identity.contacts */
            shared_fields?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Referral'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/assistance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List assistance
     * @description A page of services received, oldest first. Filters: victim_case_id, referral_id, provider_organisation (code or id), service, ongoing. Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          victim_case_id?: string;
          referral_id?: string;
          /** @description organisation code (e.g. "ANITP") or id */
          provider_organisation?: string;
          service?:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
          /** @description true: only services without an end date */
          ongoing?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Assistance'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record assistance received
     * @description Records one service delivered to a victim by a provider (organisation code or id) from started_on to ended_on (YYYY-MM-DD; open while ended_on is null), optionally answering a referral of the same case, at a facility of the provider (facility_id). Financial support records amount, currency (ISO 4217) and payment_scheme (profile services.financial_schemes; an amount above the cap of its year is refused). A service started by today moves the case to "assisted" through the NRM workflow. Errors: 400 naming the field (unknown case, organisation, referral or facility; ended_on before started_on; started_on or ended_on before the victim case began or more than 366 days after today, a planned service; a payment the profile refuses), 401, 409 OPENNRM_INVALID_TRANSITION (a closed case or one decided not a victim).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            victim_case_id: string;
            referral_id?: string | null;
            /** @description provider: organisation code or id */
            provider_organisation: string;
            /** @enum {string} */
            service:
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
            /** Format: date */
            started_on: string;
            ended_on?: string | null;
            facility_id?: string | null;
            amount?: number | null;
            currency?: string | null;
            payment_scheme?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Assistance'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assistance/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an assistance record
     * @description Returns one service record. Errors: 400 (params.id), 401, 404 OPENNRM_NOT_FOUND.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Assistance'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update an assistance record
     * @description Changes the service, its start or its end (null reopens it). Errors: 400 (body.ended_on before started_on; a date given before the victim case began or more than 366 days after today), 401, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            service?:
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
            /** Format: date */
            started_on?: string;
            ended_on?: string | null;
            facility_id?: string | null;
            amount?: number | null;
            currency?: string | null;
            payment_scheme?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Assistance'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/service-facilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the service directory
     * @description Facilities of government and NGO providers, by county then code. Filters: region (county, e.g. RO-CJ), service, has_free_places, accepts_children, organisation (code or id), provider_type (government, ngo), licence_status (none, valid, expiring, expired: on today's date in the profile's time zone, expiring within services.licence_warning_days), active (default true). Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          /** @description county: ISO 3166-2 code of a profile region, e.g. 'RO-CJ' */
          region?: string;
          service?:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
          /** @description true: free_places > 0 */
          has_free_places?: 'true' | 'false';
          accepts_children?: 'true' | 'false';
          /** @description organisation code (e.g. "ANITP") or id */
          organisation?: string;
          provider_type?: 'government' | 'ngo';
          licence_status?: 'none' | 'valid' | 'expiring' | 'expired';
          /** @description default: active facilities only; false: closed ones */
          active?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ServiceFacility'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a facility
     * @description Adds a facility run by a provider (organisation code or id): county, services, capacity and free places (persons), licence for child victims (number, issuing authority, expiry date). Coordinator and administrators. Errors: 400 naming the field (unknown organisation or county, free_places above capacity, licence number without expiry), 401, 403, 409 OPENNRM_CONFLICT (code taken).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the provider running the facility: organisation code or id */
            organisation: string;
            /** @description short unique code, e.g. "DGASPC-CJ-SHELTER" */
            code: string;
            name: string;
            /** @description county: ISO 3166-2 code of a profile region, e.g. 'RO-CJ' */
            region: string;
            /** @description services offered at the facility (services catalogue) */
            services: (
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
            )[];
            /** @default false */
            accepts_children?: boolean;
            /** @default true */
            accepts_adults?: boolean;
            /** @default false */
            dedicated_to_trafficking?: boolean;
            capacity?: number | null;
            free_places?: number | null;
            licence_number?: string | null;
            licence_authority?: string | null;
            licence_expires_on?: string | null;
            /** @default true */
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ServiceFacility'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/service-facilities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a facility
     * @description One facility with its licence status. Errors: 400 (params.id), 401, 404 OPENNRM_NOT_FOUND.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ServiceFacility'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a facility or its free places
     * @description The coordinator and administrators change any field; case workers and managers of the provider change only free_places (stamped with when and by whom). Errors: 400 naming the field, 401, 403 (a field the user may not change), 404 (no such facility, or not one of your organisation).
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @description county: ISO 3166-2 code of a profile region, e.g. 'RO-CJ' */
            region?: string;
            /** @description services offered at the facility (services catalogue) */
            services?: (
              'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
            )[];
            accepts_children?: boolean;
            accepts_adults?: boolean;
            dedicated_to_trafficking?: boolean;
            capacity?: number | null;
            /** @description a provider's staff may change only this */
            free_places?: number | null;
            licence_number?: string | null;
            licence_authority?: string | null;
            licence_expires_on?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ServiceFacility'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/service-gaps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Gaps in assistance
     * @description Counties (profile regions) with no active facility offering shelter, and none offering shelter to children; services requested in referrals (not withdrawn) sent at least the profile's services.unmet_after_days ago with no service of that kind delivered to the case since, by service and by the receiving provider's county; licences for child victims expired or expiring within services.licence_warning_days. Coordinator and analysts. Errors: 401, 403.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ServiceGaps'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/at-risk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Cases at risk of a missed deadline
     * @description Criminal cases the user may read with a running deadline (limitation of criminal liability, pre-trial detention, a profile term) due within within_days days (default 90) of as_of (default today, profile calendar), soonest first, each with its soonest deadline. A case whose deadlines could not be computed (facts the engine refuses) comes first with a "not_computed" deadline whose explanation says "deadline could not be computed: <reason>" and whose not_computable names the record, field and catalogued rule (rule, params) for translation; it is never dropped. Prosecutors see their organisation's cases, the coordinator all. Errors: 400 naming the query field, 401, 403.
     */
    get: {
      parameters: {
        query?: {
          /** @description the day to compute at, not before 1900-01-01; default today on the profile's calendar */
          as_of?: string;
          /** @description days ahead of as_of, 0-3650; default 90 */
          within_days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CasesAtRisk'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/deadlines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A case's legal deadlines
     * @description Every deadline of the case at as_of (default today, profile calendar), soonest first: each offence's limitation (Romanian Criminal Code art. 154-155; none for trafficking committed from 2021), each pre-trial detention warrant and the investigation total (CPP art. 236), the profile's further terms; each with its explanation and rule source. Stored facts the engine refuses give one "not_computed" entry saying why (not_computable: record, field, rule, params). Errors: 400 (params.id, query.as_of), 401, 403 (conflict of interest), 404.
     */
    get: {
      parameters: {
        query?: {
          /** @description the day to compute at, not before 1900-01-01; default today on the profile's calendar */
          as_of?: string;
        };
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CaseDeadlines'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List procedural events
     * @description The case's procedural events, oldest first. The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404. Errors: 400 (params.id), 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProceduralEvent'][];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a procedural event
     * @description Records an event of the case (investigation_in_rem_started, appeal_filed) or of one suspect (detention, pre-trial detention warrant with its last day, judicial control, indictment, verdicts, sentence in months, confiscation and seized assets with amount and currency). Indictment, first-instance verdicts and sentences also write the suspect's prosecuted_on, verdict, verdict_on and sentence columns. Errors: 400 naming the field (suspect_id missing or of another case, ends_on on an event without an end or beyond the profile's maximum term, occurred_on after today or before the case opened), 401, 403, 404, 409 OPENNRM_INVALID_TRANSITION (closed case; a verdict before indictment, a final verdict before the first-instance one, a sentence before conviction). The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind:
              | 'investigation_in_rem_started'
              | 'investigation_in_personam_started'
              | 'suspect_notified'
              | 'suspect_heard'
              | 'detained'
              | 'pretrial_detention_warrant'
              | 'house_arrest'
              | 'judicial_control'
              | 'indicted'
              | 'convicted_first_instance'
              | 'acquitted_first_instance'
              | 'appeal_filed'
              | 'convicted_final'
              | 'acquitted_final'
              | 'sentenced'
              | 'confiscation_ordered'
              | 'assets_seized'
              | 'case_closed'
              | 'limitation_suspended';
            /**
             * Format: uuid
             * @description required for a suspect event (PROCEDURAL_EVENTS[kind].on = "suspect"), refused for a case event
             */
            suspect_id?: string;
            /** Format: date */
            occurred_on: string;
            /**
             * Format: date
             * @description events with an end only; required for a pre-trial detention warrant
             */
            ends_on?: string;
            /**
             * @description default: investigation before indictment, trial from indictment on
             * @enum {string}
             */
            phase?: 'investigation' | 'trial';
            /** @description required for sentenced; months */
            sentence_months?: number;
            /** @description sentenced only; default false */
            sentence_suspended?: boolean;
            /** @description confiscation_ordered and assets_seized only, with currency */
            amount?: string;
            /** @description ISO 4217 code of money (not XXX, XTS, metals or units of account) */
            currency?: string;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProceduralEvent'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/stage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move a case to another stage, or close it
     * @description Moves the case along investigation in rem, in personam (CPP art. 305), indictment (art. 327), first instance, appeal (art. 408), final judgment (art. 551); closes it at any stage before final judgment with a closure_reason (art. 16: no_offence, insufficient_evidence, statute_of_limitations, death, other), recording a case_closed event; reopens a closed investigation (art. 335). Errors: 400 (closure_reason missing on a closure or given on another move, on after today or before the case opened), 401, 403, 404, 409 OPENNRM_INVALID_TRANSITION naming body.stage (e.g. final_judgment before indictment). The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            stage:
              'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
            /**
             * Format: date
             * @description the day the case moved to the stage
             */
            on: string;
            /**
             * @description required when stage is "closed", refused otherwise
             * @enum {string}
             */
            closure_reason?: 'no_offence' | 'insufficient_evidence' | 'statute_of_limitations' | 'death' | 'other';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseStage'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/offences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List dated offences
     * @description The case's offences with the dates they were committed, oldest first. The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseOffence'][];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a dated offence
     * @description Adds an offence (an article of the jurisdiction profile) with the day it was committed and, for a continuing offence, its last day; the limitation period runs from them. The article joins offence_articles. Errors: 400 naming the field (article not in the profile, committed_until before committed_on, suspect_id of another case), 401, 403, 404. The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an offence article of the jurisdiction profile, e.g. "210" */
            article: string;
            /**
             * Format: date
             * @description day the offence was committed (its first day, for a continuing offence); the limitation runs from it
             */
            committed_on: string;
            /** Format: date */
            committed_until?: string;
            /** Format: uuid */
            suspect_id?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseOffence'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/cooperation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List international cooperation
     * @description Joint investigation teams and international requests of the case, oldest first. The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404. Errors: 400, 401, 403, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseCooperation'][];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Record a joint investigation team or an international request
     * @description kind: joint_investigation_team (Council Framework Decision 2002/465/JHA), mutual_legal_assistance_request, european_investigation_order (Directive 2014/41/EU), european_arrest_warrant (Framework Decision 2002/584/JHA); countries as ISO 3166-1 alpha-2. A team counts in the annual report in the year it concluded. Errors: 400 naming the field (concluded_on before opened_on, a date after today), 401, 403, 404. The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind:
              'joint_investigation_team' | 'mutual_legal_assistance_request' | 'european_investigation_order' | 'european_arrest_warrant';
            countries: string[];
            /** Format: date */
            opened_on: string;
            /** Format: date */
            concluded_on?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseCooperation'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/cooperation/{cooperation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update international cooperation
     * @description Changes the countries or the conclusion date. Errors: 400 naming the field, 401, 403, 404. The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          cooperation_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            countries?: string[];
            concluded_on?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseCooperation'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/victims/{victim_case_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Link a victim with their role
     * @description Links a victim case to the criminal case as injured_party, witness or civil_party, or changes the role of a linked one. Never a condition of assistance (Directive 2011/36/EU art. 11(3)): a victim case needs no link. A link lets the investigating office read the victim case, so a new one needs a victim case the user may already read; another is 404 like a victim case that does not exist: its case manager or the coordinator links it (PUT /api/v1/victim-cases/{id}/criminal-cases/{criminal_case_id}). Errors: 400, 401, 403, 404 (criminal case, or victim case missing or unreadable). The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          victim_case_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'injured_party' | 'witness' | 'civil_party';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseVictim'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List criminal cases
     * @description A page of criminal cases without suspects, oldest first. Filters: case_number, investigating_organisation (code or id), offence_article, form, victim_case_id, opened_year. Errors: 400 naming the query field, 401.
     */
    get: {
      parameters: {
        query?: {
          /** @description records per page, 1-200 */
          limit?: number;
          /** @description records to skip */
          offset?: number;
          case_number?: string;
          /** @description organisation code (e.g. "ANITP") or id */
          investigating_organisation?: string;
          offence_article?: string;
          form?:
            | 'sexual'
            | 'labour'
            | 'forced_begging'
            | 'forced_criminality'
            | 'domestic_servitude'
            | 'forced_marriage'
            | 'organ_removal'
            | 'other';
          /** @description criminal cases in which this victim case is linked */
          victim_case_id?: string;
          /** @description cases opened in this year */
          opened_year?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CriminalCase'][];
              /** @description records matching the filters, over all pages */
              total: number;
              limit: number;
              offset: number;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Open a criminal case
     * @description Opens a criminal case with its suspects and linked victim cases, in one transaction. offence_articles must be articles of the jurisdiction profile (e.g. Romanian Criminal Code art. 210, 211); investigating_organisation is an organisation code (e.g. "DIICOT") or id; victim_case_ids must exist, and a victim case not yet linked must be one the user may already read (a link opens it to the investigating office): another is 400 "no victim case with this id" naming body.victim_case_ids.<i>, as for an id that does not exist; its case manager or the coordinator links it from the victim case. verdict and verdict_on go together; sentence_months (months of imprisonment) only for a convicted suspect; state_employee marks public officials (official complicity is reported separately). Errors: 400 naming the field, 401, 409 OPENNRM_CONFLICT when case_number is taken.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the prosecutor's file number; unique */
            case_number: string;
            /**
             * Format: date
             * @description date the criminal investigation opened; not after today
             */
            opened_on: string;
            /**
             * @description criminal-code articles of the jurisdiction profile, e.g. "210", "211"
             * @default []
             */
            offence_articles?: string[];
            /** @default [] */
            forms?: (
              | 'sexual'
              | 'labour'
              | 'forced_begging'
              | 'forced_criminality'
              | 'domestic_servitude'
              | 'forced_marriage'
              | 'organ_removal'
              | 'other'
            )[];
            /**
             * @description ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5)
             * @default []
             */
            institutions_under_investigation?: string[];
            /**
             * @description the offences were committed by an organised criminal group (Romanian Criminal Code art. 367)
             * @default false
             */
            organised_crime_group?: boolean;
            /** @description the prosecutor in charge: deadline reminders go to them */
            prosecutor_user_id?: string | null;
            /** @description the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too */
            manager_user_id?: string | null;
            /** @description investigating body: organisation code (e.g. "DIICOT") or id */
            investigating_organisation?: string | null;
            /** @default [] */
            victim_case_ids?: string[];
            /** @default [] */
            suspects?: {
              /**
               * @default unknown
               * @enum {string}
               */
              sex?: 'female' | 'male' | 'other' | 'unknown';
              /** @description years, at the opening of the case */
              age?: number | null;
              /**
               * @description ISO 3166-1 alpha-2 codes
               * @default []
               */
              citizenships?: string[];
              /**
               * @description role in the trafficking chain (HTCDS per_role)
               * @default unknown
               * @enum {string}
               */
              role?: 'recruiter' | 'transporter' | 'exploiter' | 'controller' | 'facilitator' | 'buyer' | 'other' | 'unknown';
              /**
               * @description a public official: counted separately (US TIP report, official complicity)
               * @default false
               */
              state_employee?: boolean;
              /** @description date of indictment */
              prosecuted_on?: string | null;
              /** @default null */
              verdict?: ('convicted' | 'acquitted') | null;
              /**
               * @description date of the first-instance verdict; required with verdict
               * @default null
               */
              verdict_on?: string | null;
              /** @description prison sentence, months; only for a conviction */
              sentence_months?: number | null;
              /** @description true when the prison sentence is suspended */
              sentence_suspended?: boolean | null;
              /** @description the OpenNRM account of a suspect who is also a user (a complicit official): blocked from the linked victim cases */
              app_user_id?: string | null;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseDetail'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a criminal case
     * @description Returns a criminal case with its suspects and the ids of linked victim cases. Errors: 400 (params.id), 401, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseDetail'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a criminal case
     * @description Changes the fields given; victim_case_ids replaces the linked victims. offence_articles must be articles of the jurisdiction profile (e.g. Romanian Criminal Code art. 210, 211); investigating_organisation is an organisation code (e.g. "DIICOT") or id; victim_case_ids must exist, and a victim case not yet linked must be one the user may already read (a link opens it to the investigating office): another is 400 "no victim case with this id" naming body.victim_case_ids.<i>, as for an id that does not exist; its case manager or the coordinator links it from the victim case. Errors: 400 naming the field, 401, 404, 409.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the prosecutor's file number; unique */
            case_number?: string;
            /**
             * Format: date
             * @description date the criminal investigation opened; not after today
             */
            opened_on?: string;
            /** @description criminal-code articles of the jurisdiction profile, e.g. "210", "211" */
            offence_articles?: string[];
            forms?: (
              | 'sexual'
              | 'labour'
              | 'forced_begging'
              | 'forced_criminality'
              | 'domestic_servitude'
              | 'forced_marriage'
              | 'organ_removal'
              | 'other'
            )[];
            /** @description ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5) */
            institutions_under_investigation?: string[];
            /** @description the offences were committed by an organised criminal group (Romanian Criminal Code art. 367) */
            organised_crime_group?: boolean;
            /** @description the prosecutor in charge: deadline reminders go to them */
            prosecutor_user_id?: string | null;
            /** @description the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too */
            manager_user_id?: string | null;
            /** @description investigating body: organisation code (e.g. "DIICOT") or id */
            investigating_organisation?: string | null;
            /** @description replaces the linked victims; those already linked keep their role */
            victim_case_ids?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CriminalCaseDetail'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with existing data (OPENNRM_CONFLICT, OPENNRM_INVALID_TRANSITION, OPENNRM_ASSISTANCE_CONDITIONAL, OPENNRM_CONSENT_REQUIRED, OPENNRM_SYNC_CONFLICT) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/suspects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a suspect
     * @description Adds a suspect (sex, age in years, citizenships, role) to a criminal case. verdict and verdict_on go together; sentence_months (months of imprisonment) only for a convicted suspect; state_employee marks public officials (official complicity is reported separately). Errors: 400 naming the field, 401, 404 for an unknown case.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default unknown
             * @enum {string}
             */
            sex?: 'female' | 'male' | 'other' | 'unknown';
            /** @description years, at the opening of the case */
            age?: number | null;
            /**
             * @description ISO 3166-1 alpha-2 codes
             * @default []
             */
            citizenships?: string[];
            /**
             * @description role in the trafficking chain (HTCDS per_role)
             * @default unknown
             * @enum {string}
             */
            role?: 'recruiter' | 'transporter' | 'exploiter' | 'controller' | 'facilitator' | 'buyer' | 'other' | 'unknown';
            /**
             * @description a public official: counted separately (US TIP report, official complicity)
             * @default false
             */
            state_employee?: boolean;
            /** @description date of indictment */
            prosecuted_on?: string | null;
            /** @default null */
            verdict?: ('convicted' | 'acquitted') | null;
            /**
             * @description date of the first-instance verdict; required with verdict
             * @default null
             */
            verdict_on?: string | null;
            /** @description prison sentence, months; only for a conviction */
            sentence_months?: number | null;
            /** @description true when the prison sentence is suspended */
            sentence_suspended?: boolean | null;
            /** @description the OpenNRM account of a suspect who is also a user (a complicit official): blocked from the linked victim cases */
            app_user_id?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Suspect'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/criminal-cases/{id}/suspects/{suspect_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a suspect
     * @description Records prosecution, verdict and sentence of a suspect. verdict and verdict_on go together; sentence_months (months of imprisonment) only for a convicted suspect; state_employee marks public officials (official complicity is reported separately). Errors: 400 naming the field, 401, 404 for an unknown case or suspect.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          suspect_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            sex?: 'female' | 'male' | 'other' | 'unknown';
            /** @description years, at the opening of the case */
            age?: number | null;
            /** @description ISO 3166-1 alpha-2 codes */
            citizenships?: string[];
            /**
             * @description role in the trafficking chain (HTCDS per_role)
             * @enum {string}
             */
            role?: 'recruiter' | 'transporter' | 'exploiter' | 'controller' | 'facilitator' | 'buyer' | 'other' | 'unknown';
            /** @description a public official: counted separately (US TIP report, official complicity) */
            state_employee?: boolean;
            /** @description date of indictment */
            prosecuted_on?: string | null;
            verdict?: ('convicted' | 'acquitted') | null;
            /** @description date of the first-instance verdict; required with verdict */
            verdict_on?: string | null;
            /** @description prison sentence, months; only for a conviction */
            sentence_months?: number | null;
            /** @description true when the prison sentence is suspended */
            sentence_suspended?: boolean | null;
            /** @description the OpenNRM account of a suspect who is also a user (a complicit official): blocked from the linked victim cases */
            app_user_id?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Suspect'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/reports/annual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Annual national statistics
     * @description Computes the national figures of one reporting year from live records, with the key names of shared/data/romania-published-figures.json (the same JSON as `opennrm report --format json`). Counting rules (docs/statistics.md): a victim counts in the year of identification (registration year for CTDC data); total counts each victim once; by_form counts a victim in every form category it has; a child is under 18 at the start of exploitation, else at identification. Counts are persons, cases or suspects as each key says; shares are ratios 0..1; sentences are months; null where the data cannot support a figure. Errors: 400 (query.year), 401.
     */
    get: {
      parameters: {
        query: {
          /** @description reporting year, e.g. 2023 */
          year: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AnnualReport'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/annual/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the annual statistics as a file
     * @description The files of `opennrm report --year Y --format csv|md|json` (md without the service gaps that the command appends): csv has one `figure,value` row per leaf with dotted paths (a null is an empty value); md a table of figure, value and rule whose title says when the data are synthetic; json the report. Sent as an attachment named opennrm-annual-report-<year>.<format>. Each download is audited as an export (record_type annual_report, the format as field). Analysts and the coordinator. Errors: 400 (query.year, query.format), 401, 403.
     */
    get: {
      parameters: {
        query: {
          /** @description reporting year, e.g. 2023 */
          year: number;
          /** @description csv: figure,value rows; md: table of figure, value and rule; json: the report */
          format: 'csv' | 'md' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the file: text/csv, text/markdown or application/json, UTF-8 */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/annual/trace': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The records behind one figure of the annual statistics
     * @description Lists the records one figure counts, selected by the same population and predicate that count it, so the number and its list cannot drift apart (the same as `opennrm report --trace`; docs/statistics.md): pseudonymous person, suspect or criminal case ids and case numbers, never identifying data, with the figure's rule and source. A figure taken from the profile or the service directory lists no records and says where it comes from (origin). The coordinator only (rule coordinator.report_traces): analysts see aggregates. Each trace is audited as an export (record_type annual_report_trace, the figure path as field). Errors: 400 (query.year; query.figure not a figure of the report, or one the data model does not compute), 401, 403.
     */
    get: {
      parameters: {
        query: {
          /** @description reporting year, e.g. 2023 */
          year: number;
          /** @description dotted figure path of the annual report, e.g. "victims_identified.by_form.sexual_exploitation" */
          figure: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FigureTrace'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My drafts
     * @description The signed-in user's drafts, latest first, without their content. Errors: 401.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DraftSummary'][];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drafts/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of my drafts
     * @description The draft saved under the key by the signed-in user. Another user's draft is 404. Errors: 400, 401, 404.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description chosen by the app, e.g. "screening:new" or "referral:<victim case id>" */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              size_bytes: number;
              /** Format: date-time */
              updated_at: string;
              /**
               * Format: date-time
               * @description 30 days after the last save
               */
              expires_at: string;
              /** @description the form as the app keeps it: any JSON object */
              content: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /**
     * Save a draft
     * @description Saves the form under the key for the signed-in user, sealed with the keyring, for 30 days from this save. At most 262144 bytes of JSON and 200 drafts a user. Errors: 400 OPENNRM_VALIDATION (params.key, body.content too large or too many drafts), 401.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description chosen by the app, e.g. "screening:new" or "referral:<victim case id>" */
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the form as the app keeps it: any JSON object */
            content: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DraftSummary'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /**
     * Delete a draft
     * @description Deletes the draft once its form is submitted or abandoned. Errors: 400, 401, 404.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description chosen by the app, e.g. "screening:new" or "referral:<victim case id>" */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your alerts
     * @description Alerts addressed to you, newest first, at most 200 (issue 3 point 5: break-glass alerts the case manager). Errors: 401.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Alert'][];
            };
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List accounts
     * @description Every account, by username (never a password hash). Administrators only. Errors: 401, 403.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['UserAccount'][];
            };
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an account
     * @description Creates an account with a one-time password, returned once in this answer and never again (stored only as an Argon2id hash); the user must change it at first sign-in (docs/sign-in.md). Audited as create of app_user with the field names given, in the same transaction. Administrators only (rule administrator.accounts). Errors: 400 (body.username malformed or taken, body.organisation unknown), 401, 403.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 2-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit */
            username: string;
            /** @description the name colleagues know; the username when absent */
            display_name?: string;
            /** @enum {string} */
            role:
              | 'front_line_responder'
              | 'case_worker'
              | 'case_manager'
              | 'coordinator'
              | 'prosecutor'
              | 'analyst'
              | 'auditor'
              | 'administrator';
            /** @description organisation code or id; null for a national account such as an administrator */
            organisation: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['UserAccount'];
              /** @description one-time password: shown once, stored only as an Argon2id hash, to be changed at first sign-in */
              one_time_password: string;
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/one-time-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset an account's password
     * @description Issues a new one-time password for a user who lost theirs: returned once in this answer, to be changed at next sign-in; every session of the account ends at once. Audited as password_change of app_user in the same transaction. Administrators only (rule administrator.accounts). Errors: 401, 403, 404.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description one-time password: shown once, stored only as an Argon2id hash, to be changed at first sign-in */
              one_time_password: string;
            };
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change an account's role, organisation or state
     * @description Audited as permission_change with the field names changed. Administrators only. Errors: 400 (body.organisation unknown), 401, 403, 404.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role?:
              | 'front_line_responder'
              | 'case_worker'
              | 'case_manager'
              | 'coordinator'
              | 'prosecutor'
              | 'analyst'
              | 'auditor'
              | 'administrator';
            /** @description organisation code or id; null for none */
            organisation?: string | null;
            /** @description true ends every use of the account (sessions stop resolving) */
            disabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserAccount'];
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/persons/{id}/access-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who has looked at this person
     * @description Every audit event about the person, newest first (at most 500): reads, changes, exports and break-glass accesses with their reasons. For auditors, and for case managers and the coordinator on persons of cases they may read. Reading it is itself audited. GDPR art. 15(1)(c). Errors: 401, 403, 404 (no such person, or not one you may see).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description record id (UUID v7) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                /** Format: date-time */
                occurred_at: string;
                action: string;
                actor_user_id: string | null;
                actor_username: string | null;
                actor_display_name: string | null;
                actor_organisation_id: string | null;
                organisation_code: string | null;
                organisation_name: string | null;
                record_type: string | null;
                record_id: string | null;
                /** @description names of the fields read or changed, never values */
                fields: string[];
                /** @description the written reason of a break-glass access */
                reason: string | null;
                source_ip: string | null;
                request_id: string | null;
              }[];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such record, or not one you may see (OPENNRM_NOT_FOUND); reveals nothing about whether it exists */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/unusual-access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Unusual access
     * @description Users who read many persons in a day, accessed persons out of hours or outside their county, and every break-glass access, between `from` (inclusive) and `to` (exclusive): local dates YYYY-MM-DD in Europe/Bucharest or instants. Auditors only. Errors: 400 naming query.from or query.to, 401, 403.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              many_persons: {
                [key: string]: unknown;
              }[];
              out_of_hours: {
                [key: string]: unknown;
              }[];
              break_glass: {
                [key: string]: unknown;
              }[];
              outside_region: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description Invalid request (OPENNRM_VALIDATION names each field and reason) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in (OPENNRM_UNAUTHENTICATED) or wrong credentials (OPENNRM_BAD_CREDENTIALS) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description One-time password not yet changed (OPENNRM_PASSWORD_CHANGE_REQUIRED), second factor not enrolled (OPENNRM_TOTP_ENROLMENT_REQUIRED) or CSRF token missing (OPENNRM_CSRF_TOKEN_INVALID), role not allowed (OPENNRM_FORBIDDEN), conflict of interest (OPENNRM_CONFLICT_OF_INTEREST) or not an identifying body (OPENNRM_NOT_IDENTIFYING_BODY) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Server error (OPENNRM_INTERNAL) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorInput: {
      /** @description short name of the error, e.g. "validation" */
      error: string;
      /** @description stable code from the error catalogue (docs/errors.md), e.g. "OPENNRM_VALIDATION" */
      code: string;
      /** @description human-readable explanation in English; never contains personal data */
      message: string;
      /** @description the message as a rule of the problem catalogue (docs/errors.md, "Reasons"), for clients to translate */
      rule?: string;
      /** @description the rule's parameters */
      params?: {
        [key: string]: string | number;
      };
      /** @description for OPENNRM_VALIDATION: each invalid field and why */
      fields?: {
        /** @description "body.forms.0", "query.limit", "params.id" */
        path: string;
        /** @description what is wrong, in English */
        reason: string;
        /** @description the reason as a rule of the problem catalogue, for clients to translate */
        rule?: string;
        /** @description the rule's parameters: ISO dates, numbers, codes */
        params?: {
          [key: string]: string | number;
        };
      }[];
    };
    AlertDeadlineInput: {
      kind: string;
      subject: {
        /** Format: uuid */
        offence_id?: string;
        /** Format: uuid */
        suspect_id?: string;
        /** Format: uuid */
        event_id?: string;
      };
      /** Format: date */
      due_on: string;
      /** @description days from as_of to due_on */
      days_left: number;
      /** Format: date */
      as_of: string;
      explanation: string;
      rule: {
        code: string;
        source: string;
        verify: boolean;
      };
    };
    AlertInput: {
      /** Format: uuid */
      id: string;
      /** @description "break_glass": someone opened a case of your organisation outside its team; "child_protection_notification": a child's case notified to your child-protection service; "child_protection_unrouted": no service to notify (coordinators); "residence_expiry": a foreign victim's residence status expires soon (docs/nrm-workflow.md); "deadline_reminder": a legal deadline of a criminal case you prosecute or manage is near (docs/proceedings.md, "Reminders"); "victim_heard_again": a victim of a case you manage, already heard, was heard again or a further hearing was planned (docs/proceedings.md, "Victims in proceedings") */
      kind: string;
      victim_case_id: string | null;
      actor_user_id: string | null;
      actor_username: string | null;
      /** @description the reason the user wrote */
      reason: string | null;
      /** @description deadline_reminder: the criminal case */
      criminal_case_id: string | null;
      /** @description deadline_reminder: the criminal case's number */
      case_number: string | null;
      /** @description deadline_reminder: the lead time reached, days (profile criminal_procedure.reminder_lead_days) */
      lead_days: number | null;
      /** @description deadline_reminder: the deadline as computed on as_of (the deadline engine, docs/proceedings.md) */
      deadline: components['schemas']['AlertDeadlineInput'] | null;
      /** Format: date-time */
      created_at: string;
      read_at: string | null;
    };
    UserAccountInput: {
      /** Format: uuid */
      id: string;
      username: string;
      display_name: string;
      /** @enum {string} */
      role:
        'front_line_responder' | 'case_worker' | 'case_manager' | 'coordinator' | 'prosecutor' | 'analyst' | 'auditor' | 'administrator';
      organisation_id: string | null;
      organisation_code: string | null;
      must_change_password: boolean;
      disabled: boolean;
      /** Format: date-time */
      created_at: string;
      last_sign_in_at: string | null;
    };
    UserInput: {
      /** Format: uuid */
      id: string;
      username: string;
      display_name: string;
      /** @enum {string} */
      role:
        'front_line_responder' | 'case_worker' | 'case_manager' | 'coordinator' | 'prosecutor' | 'analyst' | 'auditor' | 'administrator';
      organisation_id: string | null;
      organisation_code: string | null;
      /** @description true until the one-time password is changed; other routes answer 403 until then */
      must_change_password: boolean;
      disabled: boolean;
      /** Format: date-time */
      created_at: string;
      last_sign_in_at: string | null;
    };
    SignedInInput: {
      /** @description session token; send as "Authorization: Bearer <token>" (the same value is set as the opennrm_session cookie) */
      token: string;
      /**
       * Format: date-time
       * @description absolute end of the session
       */
      expires_at: string;
      /** @description the session ends after this many minutes without a request */
      idle_timeout_minutes: number;
      user: components['schemas']['UserInput'];
      /** @constant */
      totp_required: false;
      /** @description send as the X-CSRF-Token header with state-changing requests that use the session cookie */
      csrf_token: string;
    };
    TotpChallengeInput: {
      /** @constant */
      totp_required: true;
      /** @description send with the code to POST /api/v1/auth/totp/verify */
      challenge: string;
      /**
       * Format: date-time
       * @description the challenge ends 5 minutes after the password was checked
       */
      expires_at: string;
    };
    OrganisationInput: {
      /** Format: uuid */
      id: string;
      /** @description stable code, e.g. "ANITP", "DGASPC-CJ" */
      code: string;
      name: string;
      /** @description institution kind: coordinator, prosecution, police, border_police, immigration, child_protection, labour_inspection, education, asset_management, court, ngo, international, other */
      kind: string;
      /** @description roles in the NRM: first_responder, identifying_body, service_provider, investigation, prosecution, child_protection, coordination, adjudication */
      functions: string[];
      /** @description ISO 3166-2 region of a county-level body, e.g. "RO-CJ" */
      region: string | null;
      /** @description true when the jurisdiction profile defines it */
      from_profile: boolean;
    };
    PersonIdentityInput: {
      given_names?: string | null;
      family_name?: string | null;
      /** @description YYYY-MM-DD */
      date_of_birth?: string | null;
      documents?: {
        type: string;
        number: string;
        country?: string | null;
      }[];
      contacts?: {
        /** @description "phone", "email", ... */
        kind: string;
        value: string;
      }[];
      address?: string | null;
      notes?: string | null;
    };
    PersonInput: {
      /**
       * Format: uuid
       * @description pseudonymous person id
       */
      id: string;
      /**
       * @description HTCDS prs_gender
       * @enum {string}
       */
      sex?: 'female' | 'male' | 'other' | 'unknown';
      /** @description year of birth; taken from identity.date_of_birth when not given */
      birth_year?: number | null;
      /** @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship) */
      citizenships?: string[];
      /** @description true for demo data */
      synthetic: boolean;
      /** @description edit version: 1 when recorded, one more on every change (identity included). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    PersonDetailInput: {
      /**
       * Format: uuid
       * @description pseudonymous person id
       */
      id: string;
      /**
       * @description HTCDS prs_gender
       * @enum {string}
       */
      sex?: 'female' | 'male' | 'other' | 'unknown';
      /** @description year of birth; taken from identity.date_of_birth when not given */
      birth_year?: number | null;
      /** @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship) */
      citizenships?: string[];
      /** @description true for demo data */
      synthetic: boolean;
      /** @description edit version: 1 when recorded, one more on every change (identity included). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /** @description identifying data; null when none is recorded */
      identity: components['schemas']['PersonIdentityInput'] | null;
    };
    PersonSearchResultInput: {
      items: components['schemas']['PersonInput'][];
    };
    ProceduralEventInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @description the suspect concerned; null for an event of the whole case */
      suspect_id: string | null;
      /** @enum {string} */
      kind:
        | 'investigation_in_rem_started'
        | 'investigation_in_personam_started'
        | 'suspect_notified'
        | 'suspect_heard'
        | 'detained'
        | 'pretrial_detention_warrant'
        | 'house_arrest'
        | 'judicial_control'
        | 'indicted'
        | 'convicted_first_instance'
        | 'acquitted_first_instance'
        | 'appeal_filed'
        | 'convicted_final'
        | 'acquitted_final'
        | 'sentenced'
        | 'confiscation_ordered'
        | 'assets_seized'
        | 'case_closed'
        | 'limitation_suspended';
      /** Format: date */
      occurred_on: string;
      /** @description last day of a warrant's or measure's term (events with an end only) */
      ends_on: string | null;
      /** @description phase of the proceedings the event belongs to (pre-trial detention totals count per phase) */
      phase: ('investigation' | 'trial') | null;
      /** @description months of imprisonment (sentenced only) */
      sentence_months: number | null;
      sentence_suspended: boolean | null;
      /** @description decimal text, in `currency` */
      amount: string | null;
      /** @description ISO 4217 */
      currency: string | null;
      /** @description a procedural reference (warrant or decision number); never personal data */
      note: string | null;
      recorded_by: string | null;
      /** Format: date-time */
      created_at: string;
    };
    CriminalCaseOffenceInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @description an offence article of the jurisdiction profile, e.g. "210" */
      article: string;
      /**
       * Format: date
       * @description day the offence was committed (its first day, for a continuing offence); the limitation runs from it
       */
      committed_on: string;
      /** @description last day of a continuing or continued offence */
      committed_until: string | null;
      /** @description the suspect it is imputed to, when known */
      suspect_id: string | null;
    };
    CriminalCaseCooperationInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @enum {string} */
      kind: 'joint_investigation_team' | 'mutual_legal_assistance_request' | 'european_investigation_order' | 'european_arrest_warrant';
      /** @description the other countries, ISO 3166-1 alpha-2 */
      countries: string[];
      /**
       * Format: date
       * @description day the team was set up or the request sent
       */
      opened_on: string;
      /** @description day the team concluded its work or the request was answered */
      concluded_on: string | null;
    };
    CriminalCaseVictimInput: {
      /** Format: uuid */
      criminal_case_id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** @enum {string} */
      role: 'injured_party' | 'witness' | 'civil_party';
    };
    VictimCaseInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      person_id: string;
      /** @description the case number used by the identifying body; unique */
      case_number: string;
      /**
       * @description potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)
       * @enum {string}
       */
      nrm_status: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
      /** @description date first screened as a potential victim */
      potential_on: string | null;
      /** @description date of the reasonable-grounds (presumed victim) decision */
      presumed_on: string | null;
      /** @description date of formal identification; sets reporting_year. Required when nrm_status is identified */
      identified_on: string | null;
      /** @description date of the negative decision. Required when nrm_status is not_a_victim */
      not_a_victim_on: string | null;
      /** @description year of registration, for records without dates */
      registration_year: number | null;
      /** @description forms of exploitation (Palermo Protocol art. 3(a)); several allowed */
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description economic sector of labour exploitation, e.g. "agriculture" */
      sector: string | null;
      /** @description ISO 3166-1 alpha-2 codes */
      countries_of_exploitation: string[];
      /** @description ISO 3166-2 regions of the profile's country, e.g. "RO-CJ" */
      regions_of_exploitation: string[];
      exploitation_started_on: string | null;
      /** @description years */
      age_at_exploitation_start: number | null;
      /** @description years */
      age_at_identification: number | null;
      /** @description age band at identification when the exact age is unknown, e.g. "9--17" or "48+" */
      age_band: string | null;
      recruitment_methods: (
        | 'lover_boy'
        | 'deceptive_job_offer'
        | 'online_social_media'
        | 'family_sold'
        | 'abduction'
        | 'emotional_manipulation'
        | 'blackmail'
        | 'recruitment_agency'
        | 'other'
        | 'unknown'
      )[];
      recruiter_relationship:
        ('intimate_partner' | 'family' | 'friend' | 'acquaintance' | 'employer' | 'stranger' | 'other' | 'unknown') | null;
      /** @description ILO indicators of coercion */
      means_of_control: (
        | 'debt_bondage'
        | 'takes_earnings'
        | 'restricts_financial_access'
        | 'threats'
        | 'psychological_abuse'
        | 'physical_abuse'
        | 'sexual_abuse'
        | 'false_promises'
        | 'psychoactive_substances'
        | 'restricts_movement'
        | 'restricts_medical_care'
        | 'excessive_working_hours'
        | 'uses_children'
        | 'threat_of_law_enforcement'
        | 'withholds_necessities'
        | 'withholds_documents'
        | 'other'
      )[];
      identifying_organisation_id: string | null;
      identifying_organisation_code: string | null;
      /** @description the organisation whose team works the case: the creator's (docs/access-policy.md) */
      owner_organisation_id: string | null;
      /** @description computed on every write: under 18 at the start of exploitation, else at identification, else by age band (countsAsChild); null when unknown */
      is_child: boolean | null;
      /** @description computed on every write: year of identified_on, else registration_year (reportingYear); the year the victim counts in statistics */
      reporting_year: number | null;
      synthetic: boolean;
      /** @description edit version: 1 when opened, one more on every change (an edit, a workflow step). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    /** @description fields the reader may not see are left out */
    VisibleVictimCaseInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      person_id: string;
      /** @description the case number used by the identifying body; unique */
      case_number?: string;
      /**
       * @description potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)
       * @enum {string}
       */
      nrm_status?: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
      /** @description date first screened as a potential victim */
      potential_on?: string | null;
      /** @description date of the reasonable-grounds (presumed victim) decision */
      presumed_on?: string | null;
      /** @description date of formal identification; sets reporting_year. Required when nrm_status is identified */
      identified_on?: string | null;
      /** @description date of the negative decision. Required when nrm_status is not_a_victim */
      not_a_victim_on?: string | null;
      /** @description year of registration, for records without dates */
      registration_year?: number | null;
      /** @description forms of exploitation (Palermo Protocol art. 3(a)); several allowed */
      forms?: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description economic sector of labour exploitation, e.g. "agriculture" */
      sector?: string | null;
      /** @description ISO 3166-1 alpha-2 codes */
      countries_of_exploitation?: string[];
      /** @description ISO 3166-2 regions of the profile's country, e.g. "RO-CJ" */
      regions_of_exploitation?: string[];
      exploitation_started_on?: string | null;
      /** @description years */
      age_at_exploitation_start?: number | null;
      /** @description years */
      age_at_identification?: number | null;
      /** @description age band at identification when the exact age is unknown, e.g. "9--17" or "48+" */
      age_band?: string | null;
      recruitment_methods?: (
        | 'lover_boy'
        | 'deceptive_job_offer'
        | 'online_social_media'
        | 'family_sold'
        | 'abduction'
        | 'emotional_manipulation'
        | 'blackmail'
        | 'recruitment_agency'
        | 'other'
        | 'unknown'
      )[];
      recruiter_relationship?:
        ('intimate_partner' | 'family' | 'friend' | 'acquaintance' | 'employer' | 'stranger' | 'other' | 'unknown') | null;
      /** @description ILO indicators of coercion */
      means_of_control?: (
        | 'debt_bondage'
        | 'takes_earnings'
        | 'restricts_financial_access'
        | 'threats'
        | 'psychological_abuse'
        | 'physical_abuse'
        | 'sexual_abuse'
        | 'false_promises'
        | 'psychoactive_substances'
        | 'restricts_movement'
        | 'restricts_medical_care'
        | 'excessive_working_hours'
        | 'uses_children'
        | 'threat_of_law_enforcement'
        | 'withholds_necessities'
        | 'withholds_documents'
        | 'other'
      )[];
      identifying_organisation_id?: string | null;
      identifying_organisation_code?: string | null;
      /** @description the organisation whose team works the case: the creator's (docs/access-policy.md) */
      owner_organisation_id?: string | null;
      /** @description computed on every write: under 18 at the start of exploitation, else at identification, else by age band (countsAsChild); null when unknown */
      is_child?: boolean | null;
      /** @description computed on every write: year of identified_on, else registration_year (reportingYear); the year the victim counts in statistics */
      reporting_year?: number | null;
      synthetic?: boolean;
      /** @description edit version: 1 when opened, one more on every change (an edit, a workflow step). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version?: number;
      /** Format: date-time */
      created_at?: string;
      /** Format: date-time */
      updated_at?: string;
    };
    CaseTeamMemberInput: {
      /** Format: uuid */
      user_id: string;
      username: string;
      /**
       * @description lead: answers for the case; member: works on it
       * @enum {string}
       */
      role: 'lead' | 'member';
      /** Format: date-time */
      added_at: string;
    };
    BreakGlassGrantInput: {
      /** Format: uuid */
      victim_case_id: string;
      /**
       * Format: date-time
       * @description access ends then; ask again with a new reason after
       */
      expires_at: string;
    };
    ReferralInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** Format: uuid */
      from_organisation_id: string;
      from_organisation_code: string;
      /** Format: uuid */
      to_organisation_id: string;
      to_organisation_code: string;
      /** @description assistance services requested */
      services: (
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
      )[];
      /** @enum {string} */
      status: 'sent' | 'accepted' | 'declined' | 'withdrawn';
      /** Format: date-time */
      sent_at: string;
      /** @description when the status last changed from sent */
      responded_at: string | null;
      decline_reason: string | null;
      /** @description why it was declined, as a code (docs/services.md) */
      decline_reason_code:
        ('no_free_places' | 'service_not_offered' | 'outside_area' | 'not_eligible' | 'safety_risk' | 'victim_declined' | 'other') | null;
      /** @enum {string} */
      urgency: 'routine' | 'urgent';
      /** @description the declined referral this one re-sends to another provider */
      resent_from_referral_id: string | null;
      /** @description date the service started, for an accepted referral */
      started_on: string | null;
      /** @description what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default case_number, nrm_status, forms, is_child, age_band, identity.given_names, identity.family_name, identity.contacts */
      shared_fields: string[];
      /** Format: date-time */
      created_at: string;
    };
    WaitingReferralInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** Format: uuid */
      from_organisation_id: string;
      from_organisation_code: string;
      /** Format: uuid */
      to_organisation_id: string;
      to_organisation_code: string;
      /** @description assistance services requested */
      services: (
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
      )[];
      /** @enum {string} */
      status: 'sent' | 'accepted' | 'declined' | 'withdrawn';
      /** Format: date-time */
      sent_at: string;
      /** @description when the status last changed from sent */
      responded_at: string | null;
      decline_reason: string | null;
      /** @description why it was declined, as a code (docs/services.md) */
      decline_reason_code:
        ('no_free_places' | 'service_not_offered' | 'outside_area' | 'not_eligible' | 'safety_risk' | 'victim_declined' | 'other') | null;
      /** @enum {string} */
      urgency: 'routine' | 'urgent';
      /** @description the declined referral this one re-sends to another provider */
      resent_from_referral_id: string | null;
      /** @description date the service started, for an accepted referral */
      started_on: string | null;
      /** @description what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default case_number, nrm_status, forms, is_child, age_band, identity.given_names, identity.family_name, identity.contacts */
      shared_fields: string[];
      /** Format: date-time */
      created_at: string;
      /**
       * @description answer: status sent; first_service: accepted, no service recorded yet
       * @enum {string}
       */
      waiting_for: 'answer' | 'first_service';
      /**
       * Format: date-time
       * @description sent_at when waiting for an answer; responded_at when waiting for the first service
       */
      waiting_since: string;
      /** @description whole days waited */
      days_waiting: number;
      /** @description days allowed (profile services.referral_timers) */
      threshold_days: number;
      overdue: boolean;
      /**
       * Format: date-time
       * @description when it becomes (or became) overdue
       */
      due_at: string;
    };
    AssistanceInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** @description the referral this service answers, if any */
      referral_id: string | null;
      /** Format: uuid */
      provider_organisation_id: string;
      provider_organisation_code: string;
      /** @enum {string} */
      service:
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
      /** Format: date */
      started_on: string;
      ended_on: string | null;
      /** @description the facility of the provider where it was given (service directory) */
      facility_id: string | null;
      /** @description financial support only: amount paid, in `currency` */
      amount: number | null;
      /** @description ISO 4217, e.g. "RON" */
      currency: string | null;
      /** @description financial support only: profile services.financial_schemes code, e.g. "state_advance_payment" */
      payment_scheme: string | null;
      /** Format: date-time */
      created_at: string;
    };
    ServiceFacilityInput: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      /** Format: uuid */
      organisation_id: string;
      organisation_code: string;
      organisation_name: string;
      /**
       * @description "ngo" when the provider is an organisation of kind ngo, else "government"
       * @enum {string}
       */
      provider_type: 'government' | 'ngo';
      /** @description county: ISO 3166-2 code of a profile region, e.g. 'RO-CJ' */
      region: string;
      /** @description services offered at the facility (services catalogue) */
      services: (
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
      )[];
      accepts_children: boolean;
      accepts_adults: boolean;
      /** @description a place dedicated to trafficking victims (not a general shelter) */
      dedicated_to_trafficking: boolean;
      /** @description places (beds for a shelter), persons */
      capacity: number | null;
      /** @description places free now, as the provider last said */
      free_places: number | null;
      /** @description when the provider last updated free_places */
      free_places_updated_at: string | null;
      /** @description licence to serve child victims */
      licence_number: string | null;
      licence_authority: string | null;
      /** @description last day the licence is valid */
      licence_expires_on: string | null;
      /**
       * @description none, valid, expiring (within the profile's services.licence_warning_days) or expired, on today's date
       * @enum {string}
       */
      licence_status: 'none' | 'valid' | 'expiring' | 'expired';
      /** @description days until the licence expires (negative: expired) */
      licence_days_left: number | null;
      active: boolean;
      /** @description created by the demo, not a real facility */
      synthetic: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    ServiceGapsInput: {
      /**
       * Format: date
       * @description the day the gaps are computed for, in the profile's time zone
       */
      as_of: string;
      /** @description profile regions with no active facility offering shelter */
      counties_without_shelter: {
        /** @description ISO 3166-2 code */
        region: string;
        name: string;
      }[];
      /** @description profile regions with no active facility offering shelter to children */
      counties_without_child_shelter: {
        /** @description ISO 3166-2 code */
        region: string;
        name: string;
      }[];
      unmet_services: {
        /** @description profile services.unmet_after_days */
        unmet_after_days: number;
        by_service: {
          /** @enum {string} */
          service:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
          /** @description referrals (not withdrawn) asking for it with no such service delivered since */
          referrals: number;
          victim_cases: number;
          declined: number;
          accepted: number;
          /** @description still status sent */
          unanswered: number;
        }[];
        by_region: {
          /** @description the receiving provider's county; null for a national body */
          region: string | null;
          /** @enum {string} */
          service:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
          referrals: number;
        }[];
      };
      /** @description licences for child victims expired or expiring within services.licence_warning_days, soonest first */
      licences: {
        /** Format: uuid */
        facility_id: string;
        code: string;
        name: string;
        organisation_code: string;
        region: string;
        /** Format: date */
        licence_expires_on: string;
        /** @enum {string} */
        licence_status: 'expired' | 'expiring';
        licence_days_left: number;
      }[];
    };
    SuspectInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @enum {string} */
      sex: 'female' | 'male' | 'other' | 'unknown';
      /** @description years, at the opening of the case */
      age: number | null;
      /** @description ISO 3166-1 alpha-2 codes */
      citizenships: string[];
      /**
       * @description role in the trafficking chain (HTCDS per_role)
       * @enum {string}
       */
      role: 'recruiter' | 'transporter' | 'exploiter' | 'controller' | 'facilitator' | 'buyer' | 'other' | 'unknown';
      /** @description a public official: counted separately (US TIP report, official complicity) */
      state_employee: boolean;
      /** @description date of indictment */
      prosecuted_on: string | null;
      verdict: ('convicted' | 'acquitted') | null;
      /** @description date of the first-instance verdict; required with verdict */
      verdict_on: string | null;
      /** @description prison sentence, months; only for a conviction */
      sentence_months: number | null;
      /** @description true when the prison sentence is suspended */
      sentence_suspended: boolean | null;
      /** @description the OpenNRM account of a suspect who is also a user (a complicit official): blocked from the linked victim cases */
      app_user_id: string | null;
      /** Format: date-time */
      created_at: string;
    };
    CriminalCaseInput: {
      /** Format: uuid */
      id: string;
      /** @description the prosecutor's file number; unique */
      case_number: string;
      /**
       * Format: date
       * @description date the criminal investigation opened; not after today
       */
      opened_on: string;
      /** @description criminal-code articles of the jurisdiction profile, e.g. "210", "211" */
      offence_articles: string[];
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5) */
      institutions_under_investigation: string[];
      /** @description the offences were committed by an organised criminal group (Romanian Criminal Code art. 367) */
      organised_crime_group: boolean;
      /** @description the prosecutor in charge: deadline reminders go to them */
      prosecutor_user_id: string | null;
      /** @description the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too */
      manager_user_id: string | null;
      investigating_organisation_id: string | null;
      investigating_organisation_code: string | null;
      /**
       * @description changed by POST /criminal-cases/{id}/stage only
       * @enum {string}
       */
      stage: 'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
      /** @description set by a closure, with closure_reason */
      closed_on: string | null;
      closure_reason: ('no_offence' | 'insufficient_evidence' | 'statute_of_limitations' | 'death' | 'other') | null;
      synthetic: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    CriminalCaseDetailInput: {
      /** Format: uuid */
      id: string;
      /** @description the prosecutor's file number; unique */
      case_number: string;
      /**
       * Format: date
       * @description date the criminal investigation opened; not after today
       */
      opened_on: string;
      /** @description criminal-code articles of the jurisdiction profile, e.g. "210", "211" */
      offence_articles: string[];
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5) */
      institutions_under_investigation: string[];
      /** @description the offences were committed by an organised criminal group (Romanian Criminal Code art. 367) */
      organised_crime_group: boolean;
      /** @description the prosecutor in charge: deadline reminders go to them */
      prosecutor_user_id: string | null;
      /** @description the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too */
      manager_user_id: string | null;
      investigating_organisation_id: string | null;
      investigating_organisation_code: string | null;
      /**
       * @description changed by POST /criminal-cases/{id}/stage only
       * @enum {string}
       */
      stage: 'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
      /** @description set by a closure, with closure_reason */
      closed_on: string | null;
      closure_reason: ('no_offence' | 'insufficient_evidence' | 'statute_of_limitations' | 'death' | 'other') | null;
      synthetic: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /** @description victim cases linked to this criminal case */
      victim_case_ids: string[];
      /** @description the linked victim cases with the role of the victim in the proceedings */
      victims: {
        /** Format: uuid */
        victim_case_id: string;
        /** @enum {string} */
        role: 'injured_party' | 'witness' | 'civil_party';
      }[];
      suspects: components['schemas']['SuspectInput'][];
    };
    CaseDeadlineInput: {
      /** @description "limitation", "pretrial_detention_warrant", "pretrial_detention_total", "term:<code>" of a profile term, or "not_computed": the case's stored facts could not be computed from, the explanation says why */
      kind: string;
      /** @description the offence, suspect or event the deadline belongs to */
      subject: {
        /** Format: uuid */
        offence_id?: string;
        /** Format: uuid */
        suspect_id?: string;
        /** Format: uuid */
        event_id?: string;
      };
      /** @description the last day; null when no term runs (e.g. an offence not subject to limitation) */
      due_on: string | null;
      /** @description days from as_of to due_on; 0 on the last day, negative once passed */
      days_left: number | null;
      /** @enum {string} */
      status: 'running' | 'passed' | 'none';
      /** @description one English sentence with the dates, terms and articles applied */
      explanation: string;
      /** @description the same, for translation */
      reason: {
        key: string;
        values: {
          [key: string]: string | number;
        };
      };
      /** @description the profile rule applied, its legal source, and whether the source is still to be verified */
      rule: {
        code: string;
        source: string;
        /** @description the source's citation by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `source` */
        source_i18n?: {
          [key: string]: string;
        };
        verify: boolean;
      };
      /** @description only on a "not_computed" entry: why, as a catalogued rule and its parameters; record, field and rule are absent when no stored fact was refused */
      not_computable?: {
        /** @description English: the record, field and rule (the explanation after "deadline could not be computed: ") */
        reason: string;
        /** @description the stored record refused: an offence or procedural event id, "victims[<i>]", or "facts" (the case) */
        record?: string;
        /** @description the record's field, e.g. article, committed_on, ends_on */
        field?: string;
        /** @description the catalogued rule broken (docs/errors.md, "Reasons"), for translation */
        rule?: string;
        /** @description the rule's parameters */
        params?: {
          [key: string]: string | number;
        };
      };
    };
    CaseDeadlinesInput: {
      /** Format: uuid */
      criminal_case_id: string;
      /** Format: date */
      as_of: string;
      /** @description soonest first */
      deadlines: components['schemas']['CaseDeadlineInput'][];
    };
    CasesAtRiskInput: {
      /** Format: date */
      as_of: string;
      within_days: number;
      items: {
        /** Format: uuid */
        criminal_case_id: string;
        case_number: string;
        /** @enum {string} */
        stage:
          'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
        prosecutor_user_id: string | null;
        manager_user_id: string | null;
        deadline: components['schemas']['CaseDeadlineInput'];
      }[];
    };
    CriminalCaseStageInput: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      stage: 'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
      closed_on: string | null;
      closure_reason: string | null;
    };
    AnnualReportInput: {
      /** @description persons */
      victims_identified: {
        /** @description victims identified in the year, each counted once */
        total: number | null;
        /** @description victims per form category; a victim with two forms counts in both */
        by_form: {
          [key: string]: number | null;
        };
        children: number | null;
        foreign_citizens: number | null;
      } & {
        [key: string]: unknown;
      };
      /** @description persons; null when no referral is recorded at all */
      victims_referred_to_assistance: number | null;
      /** @description persons; null when no assistance is recorded at all */
      victims_assisted_by_ngos: number | null;
      /** @description ratio 0..1 */
      victims_assisted_share_of_identified: number | null;
      /** @description criminal cases opened in the year */
      investigations_new: {
        total: number | null;
        /** @description persons or cases per report category of the profile, plus "unspecified" */
        by_form: {
          [key: string]: number | null;
        };
      };
      /** @description suspects */
      suspects_prosecuted: {
        total: number | null;
        /** @description persons or cases per report category of the profile, plus "unspecified" */
        by_form: {
          [key: string]: number | null;
        };
      };
      /** @description convicted suspects */
      traffickers_convicted: {
        total: number | null;
        /** @description persons or cases per report category of the profile, plus "unspecified" */
        by_form: {
          [key: string]: number | null;
        };
      };
      /** @description months of imprisonment not suspended; median to 1 decimal */
      prison_sentence_range_months: {
        min: number | null;
        median: number | null;
        max: number | null;
      };
      /** @description screenings recorded in the year; null counts when no screening is recorded at all */
      screenings: {
        total: number | null;
        /** @description per code of the profile's screening_contexts */
        by_context: {
          [key: string]: number | null;
        };
        /** @description no_indicators, potential_victim, presumed_victim */
        by_outcome: {
          [key: string]: number | null;
        };
      };
      /** @description persons with a service started in the year */
      victims_assisted: {
        total: number | null;
        /** @description government, ngo, international, other; a person may count in two */
        by_provider_sector: {
          [key: string]: number | null;
        };
      };
      /** @description days, median, 1 decimal; null over nobody */
      median_days_screening_to_referral: number | null;
      /** @description days, median, 1 decimal; null over nobody */
      median_days_referral_to_first_service: number | null;
    } & {
      [key: string]: unknown;
    };
    FigureTraceInput: {
      /** @description the figure's definition (annualReportFigures in @opennrm/domain) */
      figure: {
        path: string;
        meaning: string;
        /** @description persons, criminal cases, suspects, screenings, share, months, days, RON, ... */
        unit: string;
        /** @description the counting rule (docs/statistics.md); null when the data model cannot support the figure */
        rule: string | null;
        not_modelled?: string;
        /** @description where the rule and the meaning come from (law, report, issue) */
        source: string;
      };
      /** @description the value the report gives */
      value:
        | number
        | null
        | {
            [key: string]: unknown;
          };
      /** @description the records the figure counts, by role (a share has a numerator and a denominator) */
      parts: {
        /** @enum {string} */
        role: 'counted' | 'numerator' | 'denominator';
        /** @description victims, referred, assisted, trafficking_cases, trafficking_suspects, screenings, ... */
        population: string;
        records: {
          /**
           * Format: uuid
           * @description person id (victim figures; for an imported CTDC record, an id of its file and line), suspect, criminal case, compensation order or exchange rate id: pseudonymous, never identifying data
           */
          id: string;
          /** @description victim case numbers of the person's cases of the year, "<file name> line <N>" of an imported CTDC record, or the criminal case number */
          case_numbers: string[];
          /** @description the measured value for range and median figures (months, days) */
          value?: number;
          /** @description compensation figures: the order amount in its currency, or the exchange rate, exact decimal as text */
          amount?: string;
          /** @description ISO 4217 currency of `amount` */
          currency?: string;
        }[];
      }[];
      /** @description for a figure taken from the profile or the service directory rather than counted in records */
      origin?: {
        /** @enum {string} */
        kind: 'profile' | 'service_directory';
        from: string;
        facility_ids?: string[];
      };
    };
    DraftSummaryInput: {
      key: string;
      size_bytes: number;
      /** Format: date-time */
      updated_at: string;
      /**
       * Format: date-time
       * @description 30 days after the last save
       */
      expires_at: string;
    };
    ConsentInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      person_id: string;
      victim_case_id: string | null;
      purpose: string;
      given: boolean;
      recorded_on: string;
      recorded_by: string | null;
      method: string;
      withdrawn_on: string | null;
      withdrawn_by: string | null;
    };
    ErasureResultInput: {
      /** Format: uuid */
      request_id: string;
      /** Format: uuid */
      person_id: string;
      /** @constant */
      outcome: 'erased';
      already_anonymised: boolean;
      /** @description records erased, generalised or deleted */
      records_changed: number;
    };
    SubjectAccessExportInput: {
      [key: string]: unknown;
    };
    NrmTransitionInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** @enum {string} */
      event: 'open' | 'refer' | 'presume' | 'assist' | 'identify' | 'reject' | 'close' | 'reopen';
      /** @enum {string} */
      from_state:
        'screening' | 'potential_victim' | 'referred' | 'presumed_victim' | 'identified_victim' | 'not_a_victim' | 'assisted' | 'closed';
      /** @enum {string} */
      to_state:
        'screening' | 'potential_victim' | 'referred' | 'presumed_victim' | 'identified_victim' | 'not_a_victim' | 'assisted' | 'closed';
      /** Format: date */
      occurred_on: string;
      /** Format: date-time */
      recorded_at: string;
      actor_user_id: string | null;
      actor_username: string | null;
      actor_organisation_id: string | null;
      actor_organisation_code: string | null;
      reason: string | null;
      closure_reason: string | null;
      grounds: string[];
      /** @description the NRM status the step set, if any */
      nrm_status: ('potential' | 'presumed' | 'identified' | 'not_a_victim') | null;
      /** @description the record that caused the step, e.g. "referral" */
      source_type: string | null;
      source_id: string | null;
      /** @description the step left an anonymous notification (an adult declined) */
      anonymous_notification: boolean;
      /** @description child-protection notifications the step sent */
      child_protection: {
        /**
         * @description "unrouted": no child-protection service known for the county; coordinators were alerted
         * @enum {string}
         */
        status: 'sent' | 'unrouted';
        organisation_id: string | null;
        organisation_code: string | null;
        region: string | null;
        /** @description users alerted in-app */
        recipients: number;
      }[];
    };
    NrmTimelineInput: {
      /** Format: uuid */
      victim_case_id: string;
      /** @description the case's latest step (implied by nrm_status when none is recorded); null for a provider whose referral does not share nrm_status */
      workflow_state:
        | ('screening' | 'potential_victim' | 'referred' | 'presumed_victim' | 'identified_victim' | 'not_a_victim' | 'assisted' | 'closed')
        | null;
      /** @description null for a provider whose referral does not share nrm_status */
      nrm_status: ('potential' | 'presumed' | 'identified' | 'not_a_victim') | null;
      /** @description every step, oldest first; a provider reading through a referral: only its own referrals' and assistance's steps */
      items: components['schemas']['NrmTransitionInput'][];
    };
    ResidenceStatusInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      status: string;
      /** @description the status's name in the profile */
      name: string;
      /** Format: date */
      starts_on: string;
      expires_on: string | null;
      /** @description false: the status carries no right to victim services (tolerated stay) */
      entitles_to_services: boolean;
      /** @description why the status needs attention: no right to services, expiry near or passed */
      warning: string | null;
      /** @description when the expiry alert went out */
      expiry_warned_on: string | null;
      /** @description the status's legal source (profile) */
      source: string;
      /** Format: date-time */
      created_at: string;
    };
    VictimHearingInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      criminal_case_id: string | null;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      planned_on: string | null;
      held_on: string | null;
      /** Format: uuid */
      body_organisation_id: string;
      body_organisation_code: string;
      /** @enum {string} */
      body_kind: 'police' | 'prosecutor' | 'court';
      settings: string[];
      counsel_present: boolean | null;
      /** @description the profile makes legal counsel mandatory for this victim (mandatory_counsel) */
      counsel_mandatory: boolean;
      /** @description set when the hearing was held without counsel that is mandatory: one English sentence with the consequence in law and its source */
      counsel_breach: string | null;
      /** @description the same as counsel_breach, for translation: the profile rule breached; null when counsel_breach is */
      counsel_breach_rule: {
        /**
         * @description whom the profile makes counsel mandatory for: every victim, or children
         * @enum {string}
         */
        applies_to: 'all_victims' | 'children';
        /** @description the profile's words for what the breach costs (mandatory_counsel.consequence) */
        consequence: string;
        /** @description the consequence by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `consequence` */
        consequence_i18n?: {
          [key: string]: string;
        };
        /** @description the law it comes from */
        source: string;
        /** @description the source's citation by language code of the profile, where it gives one; absent languages read `source` */
        source_i18n?: {
          [key: string]: string;
        };
        /** @description the source is still to be verified */
        verify: boolean;
      } | null;
      interpreter_language: string | null;
      note: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    VictimHearingRecordedInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      criminal_case_id: string | null;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      planned_on: string | null;
      held_on: string | null;
      /** Format: uuid */
      body_organisation_id: string;
      body_organisation_code: string;
      /** @enum {string} */
      body_kind: 'police' | 'prosecutor' | 'court';
      settings: string[];
      counsel_present: boolean | null;
      /** @description the profile makes legal counsel mandatory for this victim (mandatory_counsel) */
      counsel_mandatory: boolean;
      /** @description set when the hearing was held without counsel that is mandatory: one English sentence with the consequence in law and its source */
      counsel_breach: string | null;
      /** @description the same as counsel_breach, for translation: the profile rule breached; null when counsel_breach is */
      counsel_breach_rule: {
        /**
         * @description whom the profile makes counsel mandatory for: every victim, or children
         * @enum {string}
         */
        applies_to: 'all_victims' | 'children';
        /** @description the profile's words for what the breach costs (mandatory_counsel.consequence) */
        consequence: string;
        /** @description the consequence by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `consequence` */
        consequence_i18n?: {
          [key: string]: string;
        };
        /** @description the law it comes from */
        source: string;
        /** @description the source's citation by language code of the profile, where it gives one; absent languages read `source` */
        source_i18n?: {
          [key: string]: string;
        };
        /** @description the source is still to be verified */
        verify: boolean;
      } | null;
      interpreter_language: string | null;
      note: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      warning: {
        /** @description hearings of this victim case already held, not counting this one */
        hearings_so_far: number;
        /**
         * Format: date
         * @description the latest of them
         */
        last_held_on: string;
      } | null;
    };
    LegalCounselAssignmentInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      counsel_organisation_id: string | null;
      counsel_organisation_code: string | null;
      counsel_bar: string | null;
      counsel_name: string | null;
      /** Format: date */
      assigned_on: string;
      ended_on: string | null;
      mandatory: boolean;
      /** Format: date-time */
      created_at: string;
    };
    ProgrammeParticipationInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      programme: string;
      /** @description the programme's name in the profile */
      name: string;
      /** Format: date */
      started_on: string;
      ended_on: string | null;
      /** @description the programme's legal source (profile) */
      source: string;
      /** Format: date-time */
      created_at: string;
    };
    ProtectionMeasureInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      measure: string;
      /** @description the measure's name in the profile */
      name: string;
      /** Format: date */
      ordered_on: string;
      ended_on: string | null;
      ordered_by_organisation_id: string | null;
      ordered_by_organisation_code: string | null;
      /** @description the measure's legal source (profile) */
      source: string;
      /** Format: date-time */
      created_at: string;
    };
    CompensationOrderInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      claim_id: string;
      /** Format: date */
      ordered_on: string;
      /** @enum {string} */
      damage_type: 'moral' | 'material';
      /** @description decimal string with the currency minor unit */
      amount: string;
      currency: string;
      court_organisation_code: string | null;
      /** Format: date-time */
      created_at: string;
    };
    CompensationPaymentInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      claim_id: string;
      order_id: string | null;
      /** Format: date */
      paid_on: string;
      amount: string;
      currency: string;
      /** @enum {string} */
      payer: 'offender' | 'state' | 'seized_assets_fund';
      /** Format: date-time */
      created_at: string;
    };
    CompensationClaimInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      criminal_case_id: string | null;
      /** @enum {string} */
      route: 'restitution_in_criminal_case' | 'civil_claim' | 'state_compensation';
      /** @description the route's legal source (profile compensation.routes) */
      route_source: string;
      /** Format: date */
      filed_on: string;
      /** @enum {string} */
      status: 'pending' | 'ordered' | 'rejected' | 'withdrawn';
      renounced: boolean;
      renounced_on: string | null;
      renounced_informed: boolean | null;
      orders: components['schemas']['CompensationOrderInput'][];
      payments: components['schemas']['CompensationPaymentInput'][];
      /** @description total ordered on the claim by currency */
      ordered: {
        [key: string]: string;
      };
      /** @description total received on the claim by currency */
      paid: {
        [key: string]: string;
      };
      /** @description ordered less received, by currency, where more than 0: what the victim is still owed */
      unpaid: {
        [key: string]: string;
      };
      /** Format: date-time */
      created_at: string;
    };
    StateAdvancePaymentInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** Format: date */
      requested_on: string;
      granted_on: string | null;
      amount: string;
      currency: string;
      /** @enum {string} */
      purpose: 'medical' | 'housing' | 'subsistence' | 'travel' | 'legal' | 'other';
      /** Format: date-time */
      created_at: string;
    };
    VictimCompensationInput: {
      /** @description oldest first, each with its orders and payments */
      claims: components['schemas']['CompensationClaimInput'][];
      /** @description oldest first */
      advance_payments: components['schemas']['StateAdvancePaymentInput'][];
      /** @description the cap of the current year (profile), or null when the profile gives none */
      advance_payment_cap: {
        year: number;
        amount: string;
        currency: string;
        source: string;
        /** @description the source's citation by language code of the profile, where it gives one */
        source_i18n?: {
          [key: string]: string;
        };
      } | null;
    };
    ExchangeRateInput: {
      /** Format: uuid */
      id: string;
      currency: string;
      reporting_currency: string;
      /** @description decimal string */
      rate: string;
      /** Format: date */
      valid_on: string;
      source: string;
      /** Format: date-time */
      updated_at: string;
    };
    AnonymousNotificationInput: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      notified_on: string;
      notifying_organisation_code: string | null;
      /** @enum {string} */
      sex: 'female' | 'male' | 'other' | 'unknown';
      age_band: string | null;
      citizenships: string[];
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      region: string | null;
      countries_of_exploitation: string[];
      /** @description set when the person came back into the mechanism: the notification no longer counts */
      withdrawn_on: string | null;
      synthetic: boolean;
    };
    ScreeningEvaluationInput: {
      /** @description instrument code, e.g. "ilo-ec-2009" */
      instrument: string;
      /** @description indicator set used, e.g. "adult_labour" */
      set: string;
      /**
       * @description screened as an adult or a child (an unknown age is screened as a child)
       * @enum {string}
       */
      victim: 'adult' | 'child';
      /** @enum {string} */
      exploitation: 'labour' | 'sexual';
      /** @enum {string} */
      outcome: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      dimensions_met: {
        dimension: string;
        by_answers: string[];
        rule: string;
      }[];
      strong_yes: string[];
      combination: {
        rule: string;
        met: boolean;
      };
      palermo: {
        act: boolean;
        means: boolean;
        purpose: boolean;
        means_required: boolean;
        met: boolean;
      };
      decisive_unknowns: {
        id: string;
        /** @enum {string} */
        outcome: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      }[];
      /** @enum {string} */
      outcome_if_unknowns_yes: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      unverified_rules: string[];
      /** @description English lines, each citing the rule it applies */
      explanation: string[];
    };
    ScreeningInput: {
      /**
       * Format: uuid
       * @description generated by the client
       */
      id: string;
      /** @description the latest revision the server accepted */
      revision: number;
      /**
       * Format: date-time
       * @description when this revision was recorded (client's clock)
       */
      recorded_at: string;
      /**
       * Format: date-time
       * @description when the server first received the screening
       */
      first_received_at: string;
      /**
       * Format: date-time
       * @description when the server received this revision
       */
      received_at: string;
      /** Format: uuid */
      recorded_by_user_id: string;
      organisation_id: string | null;
      organisation_code: string | null;
      county: string;
      context: string;
      subject: {
        age_years: number | null;
        /** @enum {string} */
        age_group: 'child' | 'adult' | 'unknown';
        /** @enum {string} */
        sex: 'female' | 'male' | 'other' | 'unknown';
        citizenships: string[];
      };
      /** @enum {string} */
      exploitation: 'labour' | 'sexual';
      answers: {
        [key: string]: 'yes' | 'no' | 'unknown';
      };
      notes: string | null;
      /**
       * @description the server's outcome: authoritative
       * @enum {string}
       */
      outcome: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      /** @description null once the retention purge has generalised the screening (docs/gdpr.md) */
      evaluation: components['schemas']['ScreeningEvaluationInput'] | null;
      /** @description the victim case opened from this screening, if any */
      victim_case_id: string | null;
      case_opened_at: string | null;
    };
    Error: {
      /** @description short name of the error, e.g. "validation" */
      error: string;
      /** @description stable code from the error catalogue (docs/errors.md), e.g. "OPENNRM_VALIDATION" */
      code: string;
      /** @description human-readable explanation in English; never contains personal data */
      message: string;
      /** @description the message as a rule of the problem catalogue (docs/errors.md, "Reasons"), for clients to translate */
      rule?: string;
      /** @description the rule's parameters */
      params?: {
        [key: string]: string | number;
      };
      /** @description for OPENNRM_VALIDATION: each invalid field and why */
      fields?: {
        /** @description "body.forms.0", "query.limit", "params.id" */
        path: string;
        /** @description what is wrong, in English */
        reason: string;
        /** @description the reason as a rule of the problem catalogue, for clients to translate */
        rule?: string;
        /** @description the rule's parameters: ISO dates, numbers, codes */
        params?: {
          [key: string]: string | number;
        };
      }[];
    };
    AlertDeadline: {
      kind: string;
      subject: {
        /** Format: uuid */
        offence_id?: string;
        /** Format: uuid */
        suspect_id?: string;
        /** Format: uuid */
        event_id?: string;
      };
      /** Format: date */
      due_on: string;
      /** @description days from as_of to due_on */
      days_left: number;
      /** Format: date */
      as_of: string;
      explanation: string;
      rule: {
        code: string;
        source: string;
        verify: boolean;
      };
    };
    Alert: {
      /** Format: uuid */
      id: string;
      /** @description "break_glass": someone opened a case of your organisation outside its team; "child_protection_notification": a child's case notified to your child-protection service; "child_protection_unrouted": no service to notify (coordinators); "residence_expiry": a foreign victim's residence status expires soon (docs/nrm-workflow.md); "deadline_reminder": a legal deadline of a criminal case you prosecute or manage is near (docs/proceedings.md, "Reminders"); "victim_heard_again": a victim of a case you manage, already heard, was heard again or a further hearing was planned (docs/proceedings.md, "Victims in proceedings") */
      kind: string;
      victim_case_id: string | null;
      actor_user_id: string | null;
      actor_username: string | null;
      /** @description the reason the user wrote */
      reason: string | null;
      /** @description deadline_reminder: the criminal case */
      criminal_case_id: string | null;
      /** @description deadline_reminder: the criminal case's number */
      case_number: string | null;
      /** @description deadline_reminder: the lead time reached, days (profile criminal_procedure.reminder_lead_days) */
      lead_days: number | null;
      /** @description deadline_reminder: the deadline as computed on as_of (the deadline engine, docs/proceedings.md) */
      deadline: components['schemas']['AlertDeadline'] | null;
      /** Format: date-time */
      created_at: string;
      read_at: string | null;
    };
    UserAccount: {
      /** Format: uuid */
      id: string;
      username: string;
      display_name: string;
      /** @enum {string} */
      role:
        'front_line_responder' | 'case_worker' | 'case_manager' | 'coordinator' | 'prosecutor' | 'analyst' | 'auditor' | 'administrator';
      organisation_id: string | null;
      organisation_code: string | null;
      must_change_password: boolean;
      disabled: boolean;
      /** Format: date-time */
      created_at: string;
      last_sign_in_at: string | null;
    };
    User: {
      /** Format: uuid */
      id: string;
      username: string;
      display_name: string;
      /** @enum {string} */
      role:
        'front_line_responder' | 'case_worker' | 'case_manager' | 'coordinator' | 'prosecutor' | 'analyst' | 'auditor' | 'administrator';
      organisation_id: string | null;
      organisation_code: string | null;
      /** @description true until the one-time password is changed; other routes answer 403 until then */
      must_change_password: boolean;
      disabled: boolean;
      /** Format: date-time */
      created_at: string;
      last_sign_in_at: string | null;
    };
    SignedIn: {
      /** @description session token; send as "Authorization: Bearer <token>" (the same value is set as the opennrm_session cookie) */
      token: string;
      /**
       * Format: date-time
       * @description absolute end of the session
       */
      expires_at: string;
      /** @description the session ends after this many minutes without a request */
      idle_timeout_minutes: number;
      user: components['schemas']['User'];
      /** @constant */
      totp_required: false;
      /** @description send as the X-CSRF-Token header with state-changing requests that use the session cookie */
      csrf_token: string;
    };
    TotpChallenge: {
      /** @constant */
      totp_required: true;
      /** @description send with the code to POST /api/v1/auth/totp/verify */
      challenge: string;
      /**
       * Format: date-time
       * @description the challenge ends 5 minutes after the password was checked
       */
      expires_at: string;
    };
    Organisation: {
      /** Format: uuid */
      id: string;
      /** @description stable code, e.g. "ANITP", "DGASPC-CJ" */
      code: string;
      name: string;
      /** @description institution kind: coordinator, prosecution, police, border_police, immigration, child_protection, labour_inspection, education, asset_management, court, ngo, international, other */
      kind: string;
      /** @description roles in the NRM: first_responder, identifying_body, service_provider, investigation, prosecution, child_protection, coordination, adjudication */
      functions: string[];
      /** @description ISO 3166-2 region of a county-level body, e.g. "RO-CJ" */
      region: string | null;
      /** @description true when the jurisdiction profile defines it */
      from_profile: boolean;
    };
    PersonIdentity: {
      given_names?: string | null;
      family_name?: string | null;
      /** @description YYYY-MM-DD */
      date_of_birth?: string | null;
      documents?: {
        type: string;
        number: string;
        country?: string | null;
      }[];
      contacts?: {
        /** @description "phone", "email", ... */
        kind: string;
        value: string;
      }[];
      address?: string | null;
      notes?: string | null;
    };
    Person: {
      /**
       * Format: uuid
       * @description pseudonymous person id
       */
      id: string;
      /**
       * @description HTCDS prs_gender
       * @enum {string}
       */
      sex?: 'female' | 'male' | 'other' | 'unknown';
      /** @description year of birth; taken from identity.date_of_birth when not given */
      birth_year?: number | null;
      /** @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship) */
      citizenships?: string[];
      /** @description true for demo data */
      synthetic: boolean;
      /** @description edit version: 1 when recorded, one more on every change (identity included). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    PersonDetail: {
      /**
       * Format: uuid
       * @description pseudonymous person id
       */
      id: string;
      /**
       * @description HTCDS prs_gender
       * @enum {string}
       */
      sex?: 'female' | 'male' | 'other' | 'unknown';
      /** @description year of birth; taken from identity.date_of_birth when not given */
      birth_year?: number | null;
      /** @description ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship) */
      citizenships?: string[];
      /** @description true for demo data */
      synthetic: boolean;
      /** @description edit version: 1 when recorded, one more on every change (identity included). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /** @description identifying data; null when none is recorded */
      identity: components['schemas']['PersonIdentity'] | null;
    };
    PersonSearchResult: {
      items: components['schemas']['Person'][];
    };
    ProceduralEvent: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @description the suspect concerned; null for an event of the whole case */
      suspect_id: string | null;
      /** @enum {string} */
      kind:
        | 'investigation_in_rem_started'
        | 'investigation_in_personam_started'
        | 'suspect_notified'
        | 'suspect_heard'
        | 'detained'
        | 'pretrial_detention_warrant'
        | 'house_arrest'
        | 'judicial_control'
        | 'indicted'
        | 'convicted_first_instance'
        | 'acquitted_first_instance'
        | 'appeal_filed'
        | 'convicted_final'
        | 'acquitted_final'
        | 'sentenced'
        | 'confiscation_ordered'
        | 'assets_seized'
        | 'case_closed'
        | 'limitation_suspended';
      /** Format: date */
      occurred_on: string;
      /** @description last day of a warrant's or measure's term (events with an end only) */
      ends_on: string | null;
      /** @description phase of the proceedings the event belongs to (pre-trial detention totals count per phase) */
      phase: ('investigation' | 'trial') | null;
      /** @description months of imprisonment (sentenced only) */
      sentence_months: number | null;
      sentence_suspended: boolean | null;
      /** @description decimal text, in `currency` */
      amount: string | null;
      /** @description ISO 4217 */
      currency: string | null;
      /** @description a procedural reference (warrant or decision number); never personal data */
      note: string | null;
      recorded_by: string | null;
      /** Format: date-time */
      created_at: string;
    };
    CriminalCaseOffence: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @description an offence article of the jurisdiction profile, e.g. "210" */
      article: string;
      /**
       * Format: date
       * @description day the offence was committed (its first day, for a continuing offence); the limitation runs from it
       */
      committed_on: string;
      /** @description last day of a continuing or continued offence */
      committed_until: string | null;
      /** @description the suspect it is imputed to, when known */
      suspect_id: string | null;
    };
    CriminalCaseCooperation: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @enum {string} */
      kind: 'joint_investigation_team' | 'mutual_legal_assistance_request' | 'european_investigation_order' | 'european_arrest_warrant';
      /** @description the other countries, ISO 3166-1 alpha-2 */
      countries: string[];
      /**
       * Format: date
       * @description day the team was set up or the request sent
       */
      opened_on: string;
      /** @description day the team concluded its work or the request was answered */
      concluded_on: string | null;
    };
    CriminalCaseVictim: {
      /** Format: uuid */
      criminal_case_id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** @enum {string} */
      role: 'injured_party' | 'witness' | 'civil_party';
    };
    VictimCase: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      person_id: string;
      /** @description the case number used by the identifying body; unique */
      case_number: string;
      /**
       * @description potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)
       * @enum {string}
       */
      nrm_status: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
      /** @description date first screened as a potential victim */
      potential_on: string | null;
      /** @description date of the reasonable-grounds (presumed victim) decision */
      presumed_on: string | null;
      /** @description date of formal identification; sets reporting_year. Required when nrm_status is identified */
      identified_on: string | null;
      /** @description date of the negative decision. Required when nrm_status is not_a_victim */
      not_a_victim_on: string | null;
      /** @description year of registration, for records without dates */
      registration_year: number | null;
      /** @description forms of exploitation (Palermo Protocol art. 3(a)); several allowed */
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description economic sector of labour exploitation, e.g. "agriculture" */
      sector: string | null;
      /** @description ISO 3166-1 alpha-2 codes */
      countries_of_exploitation: string[];
      /** @description ISO 3166-2 regions of the profile's country, e.g. "RO-CJ" */
      regions_of_exploitation: string[];
      exploitation_started_on: string | null;
      /** @description years */
      age_at_exploitation_start: number | null;
      /** @description years */
      age_at_identification: number | null;
      /** @description age band at identification when the exact age is unknown, e.g. "9--17" or "48+" */
      age_band: string | null;
      recruitment_methods: (
        | 'lover_boy'
        | 'deceptive_job_offer'
        | 'online_social_media'
        | 'family_sold'
        | 'abduction'
        | 'emotional_manipulation'
        | 'blackmail'
        | 'recruitment_agency'
        | 'other'
        | 'unknown'
      )[];
      recruiter_relationship:
        ('intimate_partner' | 'family' | 'friend' | 'acquaintance' | 'employer' | 'stranger' | 'other' | 'unknown') | null;
      /** @description ILO indicators of coercion */
      means_of_control: (
        | 'debt_bondage'
        | 'takes_earnings'
        | 'restricts_financial_access'
        | 'threats'
        | 'psychological_abuse'
        | 'physical_abuse'
        | 'sexual_abuse'
        | 'false_promises'
        | 'psychoactive_substances'
        | 'restricts_movement'
        | 'restricts_medical_care'
        | 'excessive_working_hours'
        | 'uses_children'
        | 'threat_of_law_enforcement'
        | 'withholds_necessities'
        | 'withholds_documents'
        | 'other'
      )[];
      identifying_organisation_id: string | null;
      identifying_organisation_code: string | null;
      /** @description the organisation whose team works the case: the creator's (docs/access-policy.md) */
      owner_organisation_id: string | null;
      /** @description computed on every write: under 18 at the start of exploitation, else at identification, else by age band (countsAsChild); null when unknown */
      is_child: boolean | null;
      /** @description computed on every write: year of identified_on, else registration_year (reportingYear); the year the victim counts in statistics */
      reporting_year: number | null;
      synthetic: boolean;
      /** @description edit version: 1 when opened, one more on every change (an edit, a workflow step). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    /** @description fields the reader may not see are left out */
    VisibleVictimCase: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      person_id: string;
      /** @description the case number used by the identifying body; unique */
      case_number?: string;
      /**
       * @description potential, presumed, identified, not_a_victim (OSCE/ODIHR NRM handbook, ch. 2)
       * @enum {string}
       */
      nrm_status?: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
      /** @description date first screened as a potential victim */
      potential_on?: string | null;
      /** @description date of the reasonable-grounds (presumed victim) decision */
      presumed_on?: string | null;
      /** @description date of formal identification; sets reporting_year. Required when nrm_status is identified */
      identified_on?: string | null;
      /** @description date of the negative decision. Required when nrm_status is not_a_victim */
      not_a_victim_on?: string | null;
      /** @description year of registration, for records without dates */
      registration_year?: number | null;
      /** @description forms of exploitation (Palermo Protocol art. 3(a)); several allowed */
      forms?: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description economic sector of labour exploitation, e.g. "agriculture" */
      sector?: string | null;
      /** @description ISO 3166-1 alpha-2 codes */
      countries_of_exploitation?: string[];
      /** @description ISO 3166-2 regions of the profile's country, e.g. "RO-CJ" */
      regions_of_exploitation?: string[];
      exploitation_started_on?: string | null;
      /** @description years */
      age_at_exploitation_start?: number | null;
      /** @description years */
      age_at_identification?: number | null;
      /** @description age band at identification when the exact age is unknown, e.g. "9--17" or "48+" */
      age_band?: string | null;
      recruitment_methods?: (
        | 'lover_boy'
        | 'deceptive_job_offer'
        | 'online_social_media'
        | 'family_sold'
        | 'abduction'
        | 'emotional_manipulation'
        | 'blackmail'
        | 'recruitment_agency'
        | 'other'
        | 'unknown'
      )[];
      recruiter_relationship?:
        ('intimate_partner' | 'family' | 'friend' | 'acquaintance' | 'employer' | 'stranger' | 'other' | 'unknown') | null;
      /** @description ILO indicators of coercion */
      means_of_control?: (
        | 'debt_bondage'
        | 'takes_earnings'
        | 'restricts_financial_access'
        | 'threats'
        | 'psychological_abuse'
        | 'physical_abuse'
        | 'sexual_abuse'
        | 'false_promises'
        | 'psychoactive_substances'
        | 'restricts_movement'
        | 'restricts_medical_care'
        | 'excessive_working_hours'
        | 'uses_children'
        | 'threat_of_law_enforcement'
        | 'withholds_necessities'
        | 'withholds_documents'
        | 'other'
      )[];
      identifying_organisation_id?: string | null;
      identifying_organisation_code?: string | null;
      /** @description the organisation whose team works the case: the creator's (docs/access-policy.md) */
      owner_organisation_id?: string | null;
      /** @description computed on every write: under 18 at the start of exploitation, else at identification, else by age band (countsAsChild); null when unknown */
      is_child?: boolean | null;
      /** @description computed on every write: year of identified_on, else registration_year (reportingYear); the year the victim counts in statistics */
      reporting_year?: number | null;
      synthetic?: boolean;
      /** @description edit version: 1 when opened, one more on every change (an edit, a workflow step). The ETag header is it in quotes ("4"); send that as If-Match with PATCH so that a change made meanwhile by someone else is not overwritten (412 OPENNRM_STALE_VERSION) */
      version?: number;
      /** Format: date-time */
      created_at?: string;
      /** Format: date-time */
      updated_at?: string;
    };
    CaseTeamMember: {
      /** Format: uuid */
      user_id: string;
      username: string;
      /**
       * @description lead: answers for the case; member: works on it
       * @enum {string}
       */
      role: 'lead' | 'member';
      /** Format: date-time */
      added_at: string;
    };
    BreakGlassGrant: {
      /** Format: uuid */
      victim_case_id: string;
      /**
       * Format: date-time
       * @description access ends then; ask again with a new reason after
       */
      expires_at: string;
    };
    Referral: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** Format: uuid */
      from_organisation_id: string;
      from_organisation_code: string;
      /** Format: uuid */
      to_organisation_id: string;
      to_organisation_code: string;
      /** @description assistance services requested */
      services: (
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
      )[];
      /** @enum {string} */
      status: 'sent' | 'accepted' | 'declined' | 'withdrawn';
      /** Format: date-time */
      sent_at: string;
      /** @description when the status last changed from sent */
      responded_at: string | null;
      decline_reason: string | null;
      /** @description why it was declined, as a code (docs/services.md) */
      decline_reason_code:
        ('no_free_places' | 'service_not_offered' | 'outside_area' | 'not_eligible' | 'safety_risk' | 'victim_declined' | 'other') | null;
      /** @enum {string} */
      urgency: 'routine' | 'urgent';
      /** @description the declined referral this one re-sends to another provider */
      resent_from_referral_id: string | null;
      /** @description date the service started, for an accepted referral */
      started_on: string | null;
      /** @description what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default case_number, nrm_status, forms, is_child, age_band, identity.given_names, identity.family_name, identity.contacts */
      shared_fields: string[];
      /** Format: date-time */
      created_at: string;
    };
    WaitingReferral: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** Format: uuid */
      from_organisation_id: string;
      from_organisation_code: string;
      /** Format: uuid */
      to_organisation_id: string;
      to_organisation_code: string;
      /** @description assistance services requested */
      services: (
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
      )[];
      /** @enum {string} */
      status: 'sent' | 'accepted' | 'declined' | 'withdrawn';
      /** Format: date-time */
      sent_at: string;
      /** @description when the status last changed from sent */
      responded_at: string | null;
      decline_reason: string | null;
      /** @description why it was declined, as a code (docs/services.md) */
      decline_reason_code:
        ('no_free_places' | 'service_not_offered' | 'outside_area' | 'not_eligible' | 'safety_risk' | 'victim_declined' | 'other') | null;
      /** @enum {string} */
      urgency: 'routine' | 'urgent';
      /** @description the declined referral this one re-sends to another provider */
      resent_from_referral_id: string | null;
      /** @description date the service started, for an accepted referral */
      started_on: string | null;
      /** @description what the receiving organisation may see: victim-case fields and "identity.<field>" (GDPR art. 5(1)(c)); default case_number, nrm_status, forms, is_child, age_band, identity.given_names, identity.family_name, identity.contacts */
      shared_fields: string[];
      /** Format: date-time */
      created_at: string;
      /**
       * @description answer: status sent; first_service: accepted, no service recorded yet
       * @enum {string}
       */
      waiting_for: 'answer' | 'first_service';
      /**
       * Format: date-time
       * @description sent_at when waiting for an answer; responded_at when waiting for the first service
       */
      waiting_since: string;
      /** @description whole days waited */
      days_waiting: number;
      /** @description days allowed (profile services.referral_timers) */
      threshold_days: number;
      overdue: boolean;
      /**
       * Format: date-time
       * @description when it becomes (or became) overdue
       */
      due_at: string;
    };
    Assistance: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** @description the referral this service answers, if any */
      referral_id: string | null;
      /** Format: uuid */
      provider_organisation_id: string;
      provider_organisation_code: string;
      /** @enum {string} */
      service:
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
      /** Format: date */
      started_on: string;
      ended_on: string | null;
      /** @description the facility of the provider where it was given (service directory) */
      facility_id: string | null;
      /** @description financial support only: amount paid, in `currency` */
      amount: number | null;
      /** @description ISO 4217, e.g. "RON" */
      currency: string | null;
      /** @description financial support only: profile services.financial_schemes code, e.g. "state_advance_payment" */
      payment_scheme: string | null;
      /** Format: date-time */
      created_at: string;
    };
    ServiceFacility: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      /** Format: uuid */
      organisation_id: string;
      organisation_code: string;
      organisation_name: string;
      /**
       * @description "ngo" when the provider is an organisation of kind ngo, else "government"
       * @enum {string}
       */
      provider_type: 'government' | 'ngo';
      /** @description county: ISO 3166-2 code of a profile region, e.g. 'RO-CJ' */
      region: string;
      /** @description services offered at the facility (services catalogue) */
      services: (
        'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation'
      )[];
      accepts_children: boolean;
      accepts_adults: boolean;
      /** @description a place dedicated to trafficking victims (not a general shelter) */
      dedicated_to_trafficking: boolean;
      /** @description places (beds for a shelter), persons */
      capacity: number | null;
      /** @description places free now, as the provider last said */
      free_places: number | null;
      /** @description when the provider last updated free_places */
      free_places_updated_at: string | null;
      /** @description licence to serve child victims */
      licence_number: string | null;
      licence_authority: string | null;
      /** @description last day the licence is valid */
      licence_expires_on: string | null;
      /**
       * @description none, valid, expiring (within the profile's services.licence_warning_days) or expired, on today's date
       * @enum {string}
       */
      licence_status: 'none' | 'valid' | 'expiring' | 'expired';
      /** @description days until the licence expires (negative: expired) */
      licence_days_left: number | null;
      active: boolean;
      /** @description created by the demo, not a real facility */
      synthetic: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    ServiceGaps: {
      /**
       * Format: date
       * @description the day the gaps are computed for, in the profile's time zone
       */
      as_of: string;
      /** @description profile regions with no active facility offering shelter */
      counties_without_shelter: {
        /** @description ISO 3166-2 code */
        region: string;
        name: string;
      }[];
      /** @description profile regions with no active facility offering shelter to children */
      counties_without_child_shelter: {
        /** @description ISO 3166-2 code */
        region: string;
        name: string;
      }[];
      unmet_services: {
        /** @description profile services.unmet_after_days */
        unmet_after_days: number;
        by_service: {
          /** @enum {string} */
          service:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
          /** @description referrals (not withdrawn) asking for it with no such service delivered since */
          referrals: number;
          victim_cases: number;
          declined: number;
          accepted: number;
          /** @description still status sent */
          unanswered: number;
        }[];
        by_region: {
          /** @description the receiving provider's county; null for a national body */
          region: string | null;
          /** @enum {string} */
          service:
            'shelter' | 'medical' | 'psychological' | 'legal' | 'social' | 'vocational' | 'financial' | 'interpretation' | 'repatriation';
          referrals: number;
        }[];
      };
      /** @description licences for child victims expired or expiring within services.licence_warning_days, soonest first */
      licences: {
        /** Format: uuid */
        facility_id: string;
        code: string;
        name: string;
        organisation_code: string;
        region: string;
        /** Format: date */
        licence_expires_on: string;
        /** @enum {string} */
        licence_status: 'expired' | 'expiring';
        licence_days_left: number;
      }[];
    };
    Suspect: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      criminal_case_id: string;
      /** @enum {string} */
      sex: 'female' | 'male' | 'other' | 'unknown';
      /** @description years, at the opening of the case */
      age: number | null;
      /** @description ISO 3166-1 alpha-2 codes */
      citizenships: string[];
      /**
       * @description role in the trafficking chain (HTCDS per_role)
       * @enum {string}
       */
      role: 'recruiter' | 'transporter' | 'exploiter' | 'controller' | 'facilitator' | 'buyer' | 'other' | 'unknown';
      /** @description a public official: counted separately (US TIP report, official complicity) */
      state_employee: boolean;
      /** @description date of indictment */
      prosecuted_on: string | null;
      verdict: ('convicted' | 'acquitted') | null;
      /** @description date of the first-instance verdict; required with verdict */
      verdict_on: string | null;
      /** @description prison sentence, months; only for a conviction */
      sentence_months: number | null;
      /** @description true when the prison sentence is suspended */
      sentence_suspended: boolean | null;
      /** @description the OpenNRM account of a suspect who is also a user (a complicit official): blocked from the linked victim cases */
      app_user_id: string | null;
      /** Format: date-time */
      created_at: string;
    };
    CriminalCase: {
      /** Format: uuid */
      id: string;
      /** @description the prosecutor's file number; unique */
      case_number: string;
      /**
       * Format: date
       * @description date the criminal investigation opened; not after today
       */
      opened_on: string;
      /** @description criminal-code articles of the jurisdiction profile, e.g. "210", "211" */
      offence_articles: string[];
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5) */
      institutions_under_investigation: string[];
      /** @description the offences were committed by an organised criminal group (Romanian Criminal Code art. 367) */
      organised_crime_group: boolean;
      /** @description the prosecutor in charge: deadline reminders go to them */
      prosecutor_user_id: string | null;
      /** @description the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too */
      manager_user_id: string | null;
      investigating_organisation_id: string | null;
      investigating_organisation_code: string | null;
      /**
       * @description changed by POST /criminal-cases/{id}/stage only
       * @enum {string}
       */
      stage: 'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
      /** @description set by a closure, with closure_reason */
      closed_on: string | null;
      closure_reason: ('no_offence' | 'insufficient_evidence' | 'statute_of_limitations' | 'death' | 'other') | null;
      synthetic: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    CriminalCaseDetail: {
      /** Format: uuid */
      id: string;
      /** @description the prosecutor's file number; unique */
      case_number: string;
      /**
       * Format: date
       * @description date the criminal investigation opened; not after today
       */
      opened_on: string;
      /** @description criminal-code articles of the jurisdiction profile, e.g. "210", "211" */
      offence_articles: string[];
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      /** @description ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5) */
      institutions_under_investigation: string[];
      /** @description the offences were committed by an organised criminal group (Romanian Criminal Code art. 367) */
      organised_crime_group: boolean;
      /** @description the prosecutor in charge: deadline reminders go to them */
      prosecutor_user_id: string | null;
      /** @description the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too */
      manager_user_id: string | null;
      investigating_organisation_id: string | null;
      investigating_organisation_code: string | null;
      /**
       * @description changed by POST /criminal-cases/{id}/stage only
       * @enum {string}
       */
      stage: 'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
      /** @description set by a closure, with closure_reason */
      closed_on: string | null;
      closure_reason: ('no_offence' | 'insufficient_evidence' | 'statute_of_limitations' | 'death' | 'other') | null;
      synthetic: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /** @description victim cases linked to this criminal case */
      victim_case_ids: string[];
      /** @description the linked victim cases with the role of the victim in the proceedings */
      victims: {
        /** Format: uuid */
        victim_case_id: string;
        /** @enum {string} */
        role: 'injured_party' | 'witness' | 'civil_party';
      }[];
      suspects: components['schemas']['Suspect'][];
    };
    CaseDeadline: {
      /** @description "limitation", "pretrial_detention_warrant", "pretrial_detention_total", "term:<code>" of a profile term, or "not_computed": the case's stored facts could not be computed from, the explanation says why */
      kind: string;
      /** @description the offence, suspect or event the deadline belongs to */
      subject: {
        /** Format: uuid */
        offence_id?: string;
        /** Format: uuid */
        suspect_id?: string;
        /** Format: uuid */
        event_id?: string;
      };
      /** @description the last day; null when no term runs (e.g. an offence not subject to limitation) */
      due_on: string | null;
      /** @description days from as_of to due_on; 0 on the last day, negative once passed */
      days_left: number | null;
      /** @enum {string} */
      status: 'running' | 'passed' | 'none';
      /** @description one English sentence with the dates, terms and articles applied */
      explanation: string;
      /** @description the same, for translation */
      reason: {
        key: string;
        values: {
          [key: string]: string | number;
        };
      };
      /** @description the profile rule applied, its legal source, and whether the source is still to be verified */
      rule: {
        code: string;
        source: string;
        /** @description the source's citation by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `source` */
        source_i18n?: {
          [key: string]: string;
        };
        verify: boolean;
      };
      /** @description only on a "not_computed" entry: why, as a catalogued rule and its parameters; record, field and rule are absent when no stored fact was refused */
      not_computable?: {
        /** @description English: the record, field and rule (the explanation after "deadline could not be computed: ") */
        reason: string;
        /** @description the stored record refused: an offence or procedural event id, "victims[<i>]", or "facts" (the case) */
        record?: string;
        /** @description the record's field, e.g. article, committed_on, ends_on */
        field?: string;
        /** @description the catalogued rule broken (docs/errors.md, "Reasons"), for translation */
        rule?: string;
        /** @description the rule's parameters */
        params?: {
          [key: string]: string | number;
        };
      };
    };
    CaseDeadlines: {
      /** Format: uuid */
      criminal_case_id: string;
      /** Format: date */
      as_of: string;
      /** @description soonest first */
      deadlines: components['schemas']['CaseDeadline'][];
    };
    CasesAtRisk: {
      /** Format: date */
      as_of: string;
      within_days: number;
      items: {
        /** Format: uuid */
        criminal_case_id: string;
        case_number: string;
        /** @enum {string} */
        stage:
          'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
        prosecutor_user_id: string | null;
        manager_user_id: string | null;
        deadline: components['schemas']['CaseDeadline'];
      }[];
    };
    CriminalCaseStage: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      stage: 'investigation_in_rem' | 'investigation_in_personam' | 'indicted' | 'first_instance' | 'appeal' | 'final_judgment' | 'closed';
      closed_on: string | null;
      closure_reason: string | null;
    };
    AnnualReport: {
      /** @description persons */
      victims_identified: {
        /** @description victims identified in the year, each counted once */
        total: number | null;
        /** @description victims per form category; a victim with two forms counts in both */
        by_form: {
          [key: string]: number | null;
        };
        children: number | null;
        foreign_citizens: number | null;
      } & {
        [key: string]: unknown;
      };
      /** @description persons; null when no referral is recorded at all */
      victims_referred_to_assistance: number | null;
      /** @description persons; null when no assistance is recorded at all */
      victims_assisted_by_ngos: number | null;
      /** @description ratio 0..1 */
      victims_assisted_share_of_identified: number | null;
      /** @description criminal cases opened in the year */
      investigations_new: {
        total: number | null;
        /** @description persons or cases per report category of the profile, plus "unspecified" */
        by_form: {
          [key: string]: number | null;
        };
      };
      /** @description suspects */
      suspects_prosecuted: {
        total: number | null;
        /** @description persons or cases per report category of the profile, plus "unspecified" */
        by_form: {
          [key: string]: number | null;
        };
      };
      /** @description convicted suspects */
      traffickers_convicted: {
        total: number | null;
        /** @description persons or cases per report category of the profile, plus "unspecified" */
        by_form: {
          [key: string]: number | null;
        };
      };
      /** @description months of imprisonment not suspended; median to 1 decimal */
      prison_sentence_range_months: {
        min: number | null;
        median: number | null;
        max: number | null;
      };
      /** @description screenings recorded in the year; null counts when no screening is recorded at all */
      screenings: {
        total: number | null;
        /** @description per code of the profile's screening_contexts */
        by_context: {
          [key: string]: number | null;
        };
        /** @description no_indicators, potential_victim, presumed_victim */
        by_outcome: {
          [key: string]: number | null;
        };
      };
      /** @description persons with a service started in the year */
      victims_assisted: {
        total: number | null;
        /** @description government, ngo, international, other; a person may count in two */
        by_provider_sector: {
          [key: string]: number | null;
        };
      };
      /** @description days, median, 1 decimal; null over nobody */
      median_days_screening_to_referral: number | null;
      /** @description days, median, 1 decimal; null over nobody */
      median_days_referral_to_first_service: number | null;
    } & {
      [key: string]: unknown;
    };
    FigureTrace: {
      /** @description the figure's definition (annualReportFigures in @opennrm/domain) */
      figure: {
        path: string;
        meaning: string;
        /** @description persons, criminal cases, suspects, screenings, share, months, days, RON, ... */
        unit: string;
        /** @description the counting rule (docs/statistics.md); null when the data model cannot support the figure */
        rule: string | null;
        not_modelled?: string;
        /** @description where the rule and the meaning come from (law, report, issue) */
        source: string;
      };
      /** @description the value the report gives */
      value:
        | number
        | null
        | {
            [key: string]: unknown;
          };
      /** @description the records the figure counts, by role (a share has a numerator and a denominator) */
      parts: {
        /** @enum {string} */
        role: 'counted' | 'numerator' | 'denominator';
        /** @description victims, referred, assisted, trafficking_cases, trafficking_suspects, screenings, ... */
        population: string;
        records: {
          /**
           * Format: uuid
           * @description person id (victim figures; for an imported CTDC record, an id of its file and line), suspect, criminal case, compensation order or exchange rate id: pseudonymous, never identifying data
           */
          id: string;
          /** @description victim case numbers of the person's cases of the year, "<file name> line <N>" of an imported CTDC record, or the criminal case number */
          case_numbers: string[];
          /** @description the measured value for range and median figures (months, days) */
          value?: number;
          /** @description compensation figures: the order amount in its currency, or the exchange rate, exact decimal as text */
          amount?: string;
          /** @description ISO 4217 currency of `amount` */
          currency?: string;
        }[];
      }[];
      /** @description for a figure taken from the profile or the service directory rather than counted in records */
      origin?: {
        /** @enum {string} */
        kind: 'profile' | 'service_directory';
        from: string;
        facility_ids?: string[];
      };
    };
    DraftSummary: {
      key: string;
      size_bytes: number;
      /** Format: date-time */
      updated_at: string;
      /**
       * Format: date-time
       * @description 30 days after the last save
       */
      expires_at: string;
    };
    Consent: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      person_id: string;
      victim_case_id: string | null;
      purpose: string;
      given: boolean;
      recorded_on: string;
      recorded_by: string | null;
      method: string;
      withdrawn_on: string | null;
      withdrawn_by: string | null;
    };
    ErasureResult: {
      /** Format: uuid */
      request_id: string;
      /** Format: uuid */
      person_id: string;
      /** @constant */
      outcome: 'erased';
      already_anonymised: boolean;
      /** @description records erased, generalised or deleted */
      records_changed: number;
    };
    SubjectAccessExport: {
      [key: string]: unknown;
    };
    NrmTransition: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** @enum {string} */
      event: 'open' | 'refer' | 'presume' | 'assist' | 'identify' | 'reject' | 'close' | 'reopen';
      /** @enum {string} */
      from_state:
        'screening' | 'potential_victim' | 'referred' | 'presumed_victim' | 'identified_victim' | 'not_a_victim' | 'assisted' | 'closed';
      /** @enum {string} */
      to_state:
        'screening' | 'potential_victim' | 'referred' | 'presumed_victim' | 'identified_victim' | 'not_a_victim' | 'assisted' | 'closed';
      /** Format: date */
      occurred_on: string;
      /** Format: date-time */
      recorded_at: string;
      actor_user_id: string | null;
      actor_username: string | null;
      actor_organisation_id: string | null;
      actor_organisation_code: string | null;
      reason: string | null;
      closure_reason: string | null;
      grounds: string[];
      /** @description the NRM status the step set, if any */
      nrm_status: ('potential' | 'presumed' | 'identified' | 'not_a_victim') | null;
      /** @description the record that caused the step, e.g. "referral" */
      source_type: string | null;
      source_id: string | null;
      /** @description the step left an anonymous notification (an adult declined) */
      anonymous_notification: boolean;
      /** @description child-protection notifications the step sent */
      child_protection: {
        /**
         * @description "unrouted": no child-protection service known for the county; coordinators were alerted
         * @enum {string}
         */
        status: 'sent' | 'unrouted';
        organisation_id: string | null;
        organisation_code: string | null;
        region: string | null;
        /** @description users alerted in-app */
        recipients: number;
      }[];
    };
    NrmTimeline: {
      /** Format: uuid */
      victim_case_id: string;
      /** @description the case's latest step (implied by nrm_status when none is recorded); null for a provider whose referral does not share nrm_status */
      workflow_state:
        | ('screening' | 'potential_victim' | 'referred' | 'presumed_victim' | 'identified_victim' | 'not_a_victim' | 'assisted' | 'closed')
        | null;
      /** @description null for a provider whose referral does not share nrm_status */
      nrm_status: ('potential' | 'presumed' | 'identified' | 'not_a_victim') | null;
      /** @description every step, oldest first; a provider reading through a referral: only its own referrals' and assistance's steps */
      items: components['schemas']['NrmTransition'][];
    };
    ResidenceStatus: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      status: string;
      /** @description the status's name in the profile */
      name: string;
      /** Format: date */
      starts_on: string;
      expires_on: string | null;
      /** @description false: the status carries no right to victim services (tolerated stay) */
      entitles_to_services: boolean;
      /** @description why the status needs attention: no right to services, expiry near or passed */
      warning: string | null;
      /** @description when the expiry alert went out */
      expiry_warned_on: string | null;
      /** @description the status's legal source (profile) */
      source: string;
      /** Format: date-time */
      created_at: string;
    };
    VictimHearing: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      criminal_case_id: string | null;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      planned_on: string | null;
      held_on: string | null;
      /** Format: uuid */
      body_organisation_id: string;
      body_organisation_code: string;
      /** @enum {string} */
      body_kind: 'police' | 'prosecutor' | 'court';
      settings: string[];
      counsel_present: boolean | null;
      /** @description the profile makes legal counsel mandatory for this victim (mandatory_counsel) */
      counsel_mandatory: boolean;
      /** @description set when the hearing was held without counsel that is mandatory: one English sentence with the consequence in law and its source */
      counsel_breach: string | null;
      /** @description the same as counsel_breach, for translation: the profile rule breached; null when counsel_breach is */
      counsel_breach_rule: {
        /**
         * @description whom the profile makes counsel mandatory for: every victim, or children
         * @enum {string}
         */
        applies_to: 'all_victims' | 'children';
        /** @description the profile's words for what the breach costs (mandatory_counsel.consequence) */
        consequence: string;
        /** @description the consequence by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `consequence` */
        consequence_i18n?: {
          [key: string]: string;
        };
        /** @description the law it comes from */
        source: string;
        /** @description the source's citation by language code of the profile, where it gives one; absent languages read `source` */
        source_i18n?: {
          [key: string]: string;
        };
        /** @description the source is still to be verified */
        verify: boolean;
      } | null;
      interpreter_language: string | null;
      note: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    VictimHearingRecorded: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      criminal_case_id: string | null;
      /** @enum {string} */
      status: 'planned' | 'held' | 'cancelled';
      planned_on: string | null;
      held_on: string | null;
      /** Format: uuid */
      body_organisation_id: string;
      body_organisation_code: string;
      /** @enum {string} */
      body_kind: 'police' | 'prosecutor' | 'court';
      settings: string[];
      counsel_present: boolean | null;
      /** @description the profile makes legal counsel mandatory for this victim (mandatory_counsel) */
      counsel_mandatory: boolean;
      /** @description set when the hearing was held without counsel that is mandatory: one English sentence with the consequence in law and its source */
      counsel_breach: string | null;
      /** @description the same as counsel_breach, for translation: the profile rule breached; null when counsel_breach is */
      counsel_breach_rule: {
        /**
         * @description whom the profile makes counsel mandatory for: every victim, or children
         * @enum {string}
         */
        applies_to: 'all_victims' | 'children';
        /** @description the profile's words for what the breach costs (mandatory_counsel.consequence) */
        consequence: string;
        /** @description the consequence by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `consequence` */
        consequence_i18n?: {
          [key: string]: string;
        };
        /** @description the law it comes from */
        source: string;
        /** @description the source's citation by language code of the profile, where it gives one; absent languages read `source` */
        source_i18n?: {
          [key: string]: string;
        };
        /** @description the source is still to be verified */
        verify: boolean;
      } | null;
      interpreter_language: string | null;
      note: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      warning: {
        /** @description hearings of this victim case already held, not counting this one */
        hearings_so_far: number;
        /**
         * Format: date
         * @description the latest of them
         */
        last_held_on: string;
      } | null;
    };
    LegalCounselAssignment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      counsel_organisation_id: string | null;
      counsel_organisation_code: string | null;
      counsel_bar: string | null;
      counsel_name: string | null;
      /** Format: date */
      assigned_on: string;
      ended_on: string | null;
      mandatory: boolean;
      /** Format: date-time */
      created_at: string;
    };
    ProgrammeParticipation: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      programme: string;
      /** @description the programme's name in the profile */
      name: string;
      /** Format: date */
      started_on: string;
      ended_on: string | null;
      /** @description the programme's legal source (profile) */
      source: string;
      /** Format: date-time */
      created_at: string;
    };
    ProtectionMeasure: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      measure: string;
      /** @description the measure's name in the profile */
      name: string;
      /** Format: date */
      ordered_on: string;
      ended_on: string | null;
      ordered_by_organisation_id: string | null;
      ordered_by_organisation_code: string | null;
      /** @description the measure's legal source (profile) */
      source: string;
      /** Format: date-time */
      created_at: string;
    };
    CompensationOrder: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      claim_id: string;
      /** Format: date */
      ordered_on: string;
      /** @enum {string} */
      damage_type: 'moral' | 'material';
      /** @description decimal string with the currency minor unit */
      amount: string;
      currency: string;
      court_organisation_code: string | null;
      /** Format: date-time */
      created_at: string;
    };
    CompensationPayment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      claim_id: string;
      order_id: string | null;
      /** Format: date */
      paid_on: string;
      amount: string;
      currency: string;
      /** @enum {string} */
      payer: 'offender' | 'state' | 'seized_assets_fund';
      /** Format: date-time */
      created_at: string;
    };
    CompensationClaim: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      criminal_case_id: string | null;
      /** @enum {string} */
      route: 'restitution_in_criminal_case' | 'civil_claim' | 'state_compensation';
      /** @description the route's legal source (profile compensation.routes) */
      route_source: string;
      /** Format: date */
      filed_on: string;
      /** @enum {string} */
      status: 'pending' | 'ordered' | 'rejected' | 'withdrawn';
      renounced: boolean;
      renounced_on: string | null;
      renounced_informed: boolean | null;
      orders: components['schemas']['CompensationOrder'][];
      payments: components['schemas']['CompensationPayment'][];
      /** @description total ordered on the claim by currency */
      ordered: {
        [key: string]: string;
      };
      /** @description total received on the claim by currency */
      paid: {
        [key: string]: string;
      };
      /** @description ordered less received, by currency, where more than 0: what the victim is still owed */
      unpaid: {
        [key: string]: string;
      };
      /** Format: date-time */
      created_at: string;
    };
    StateAdvancePayment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      victim_case_id: string;
      /** Format: date */
      requested_on: string;
      granted_on: string | null;
      amount: string;
      currency: string;
      /** @enum {string} */
      purpose: 'medical' | 'housing' | 'subsistence' | 'travel' | 'legal' | 'other';
      /** Format: date-time */
      created_at: string;
    };
    VictimCompensation: {
      /** @description oldest first, each with its orders and payments */
      claims: components['schemas']['CompensationClaim'][];
      /** @description oldest first */
      advance_payments: components['schemas']['StateAdvancePayment'][];
      /** @description the cap of the current year (profile), or null when the profile gives none */
      advance_payment_cap: {
        year: number;
        amount: string;
        currency: string;
        source: string;
        /** @description the source's citation by language code of the profile, where it gives one */
        source_i18n?: {
          [key: string]: string;
        };
      } | null;
    };
    ExchangeRate: {
      /** Format: uuid */
      id: string;
      currency: string;
      reporting_currency: string;
      /** @description decimal string */
      rate: string;
      /** Format: date */
      valid_on: string;
      source: string;
      /** Format: date-time */
      updated_at: string;
    };
    AnonymousNotification: {
      /** Format: uuid */
      id: string;
      /** Format: date */
      notified_on: string;
      notifying_organisation_code: string | null;
      /** @enum {string} */
      sex: 'female' | 'male' | 'other' | 'unknown';
      age_band: string | null;
      citizenships: string[];
      forms: (
        'sexual' | 'labour' | 'forced_begging' | 'forced_criminality' | 'domestic_servitude' | 'forced_marriage' | 'organ_removal' | 'other'
      )[];
      region: string | null;
      countries_of_exploitation: string[];
      /** @description set when the person came back into the mechanism: the notification no longer counts */
      withdrawn_on: string | null;
      synthetic: boolean;
    };
    ScreeningEvaluation: {
      /** @description instrument code, e.g. "ilo-ec-2009" */
      instrument: string;
      /** @description indicator set used, e.g. "adult_labour" */
      set: string;
      /**
       * @description screened as an adult or a child (an unknown age is screened as a child)
       * @enum {string}
       */
      victim: 'adult' | 'child';
      /** @enum {string} */
      exploitation: 'labour' | 'sexual';
      /** @enum {string} */
      outcome: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      dimensions_met: {
        dimension: string;
        by_answers: string[];
        rule: string;
      }[];
      strong_yes: string[];
      combination: {
        rule: string;
        met: boolean;
      };
      palermo: {
        act: boolean;
        means: boolean;
        purpose: boolean;
        means_required: boolean;
        met: boolean;
      };
      decisive_unknowns: {
        id: string;
        /** @enum {string} */
        outcome: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      }[];
      /** @enum {string} */
      outcome_if_unknowns_yes: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      unverified_rules: string[];
      /** @description English lines, each citing the rule it applies */
      explanation: string[];
    };
    Screening: {
      /**
       * Format: uuid
       * @description generated by the client
       */
      id: string;
      /** @description the latest revision the server accepted */
      revision: number;
      /**
       * Format: date-time
       * @description when this revision was recorded (client's clock)
       */
      recorded_at: string;
      /**
       * Format: date-time
       * @description when the server first received the screening
       */
      first_received_at: string;
      /**
       * Format: date-time
       * @description when the server received this revision
       */
      received_at: string;
      /** Format: uuid */
      recorded_by_user_id: string;
      organisation_id: string | null;
      organisation_code: string | null;
      county: string;
      context: string;
      subject: {
        age_years: number | null;
        /** @enum {string} */
        age_group: 'child' | 'adult' | 'unknown';
        /** @enum {string} */
        sex: 'female' | 'male' | 'other' | 'unknown';
        citizenships: string[];
      };
      /** @enum {string} */
      exploitation: 'labour' | 'sexual';
      answers: {
        [key: string]: 'yes' | 'no' | 'unknown';
      };
      notes: string | null;
      /**
       * @description the server's outcome: authoritative
       * @enum {string}
       */
      outcome: 'no_indicators' | 'potential_victim' | 'presumed_victim';
      /** @description null once the retention purge has generalised the screening (docs/gdpr.md) */
      evaluation: components['schemas']['ScreeningEvaluation'] | null;
      /** @description the victim case opened from this screening, if any */
      victim_case_id: string | null;
      case_opened_at: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
