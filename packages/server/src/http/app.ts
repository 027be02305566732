import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { NrmDatabase } from '../db/database.ts';
import { installAuthentication, SESSION_COOKIE } from '../accounts/authentication.ts';
import { resolveSignInOptions, type SignInOptions } from '../accounts/sign-in-options.ts';
import { installWebSecurity } from './web-security.ts';
import { installAccess, type RoutePolicy } from '../access/install-access.ts';
import type { PolicyOptions } from '../access/access-control.ts';
import { alertRoutes } from '../access/alerts.routes.ts';
import { userRoutes } from '../access/users.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { authRoutes } from '../accounts/auth.routes.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { organisationRoutes } from '../organisations/organisations.routes.ts';
import { personRoutes } from '../persons/persons.routes.ts';
import { victimCaseRoutes } from '../victim-cases/victim-cases.routes.ts';
import { referralRoutes } from '../referrals/referrals.routes.ts';
import { assistanceRoutes } from '../assistance/assistance.routes.ts';
import { serviceFacilityRoutes } from '../service-directory/service-facilities.routes.ts';
import { serviceGapRoutes } from '../service-directory/service-gaps.routes.ts';
import { criminalCaseRoutes } from '../criminal-cases/criminal-cases.routes.ts';
import { reportRoutes } from '../reports/reports.routes.ts';
import { draftRoutes } from '../drafts/drafts.routes.ts';
import { gdprRoutes } from '../gdpr/gdpr.routes.ts';
import { nrmWorkflowRoutes } from '../nrm-workflow/nrm-workflow.routes.ts';
import { residenceStatusRoutes } from '../foreign-victims/residence-status.routes.ts';
import { victimsInProceedingsRoutes } from '../victims-in-proceedings/victims-in-proceedings.routes.ts';
import { compensationRoutes } from '../compensation/compensation.routes.ts';
import { exchangeRateRoutes } from '../compensation/exchange-rates.routes.ts';
import { anonymousNotificationRoutes } from '../nrm-workflow/anonymous-notifications.routes.ts';
import { screeningRoutes } from '../screenings/screenings.routes.ts';
import { installErrorHandling } from './error-handler.ts';
import { installNulCharacterCheck } from './nul-characters.ts';
import { webAppRoutes, type WebAppOptions } from '../web/web-app.ts';
import type { CapabilityOptions } from './capability.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { assertNoLegacyIdentities } from '../security/crypto/legacy-identities.ts';
import { requestSerializer } from './log-serializers.ts';

/** Where the API lives; the OpenAPI document and docs page sit beside it. */
export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** A route as registered: what the OpenAPI and authorisation tests enumerate. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** Opted out of authentication (config.public). */
  public: boolean;
  /** Appears in the OpenAPI document (not schema.hide). */
  documented: boolean;
  /** The declared access policy (config.policy); null on public routes and on routes that forgot it. */
  policy: RoutePolicy | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, HEAD excluded, in registration order. */
    registeredRoutes: readonly RegisteredRoute[];
  }
}

/** What the HTTP API is built from. */
export interface AppOptions {
  nrm: NrmDatabase;
  profile: JurisdictionProfile;
  /** Seals and opens identities (loadKeyring / resolveKeyring in security/crypto); required: there is no unencrypted mode. */
  keyring: Keyring;
  /** Cookies, TOTP, single sign-on and rate limits (accounts/sign-in-options.ts); secure defaults. */
  signIn?: SignInOptions | undefined;
  /** The access policy's switches: only tests (rule removal) and bench/policy.bench.ts (bypass) set them. */
  policy?: PolicyOptions | undefined;
  /** The built web application to serve at / (web/web-app.ts); absent: the API alone. */
  web?: WebAppOptions | undefined;
  /** false for silence (tests), true or pino options for structured JSON logs. Default true. */
  logger?: boolean | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
}

const IDENTITY_FIELDS = ['given_names', 'family_name', 'date_of_birth', 'documents', 'contacts', 'address', 'notes'];

/**
 * Log redaction: credentials, session tokens and identifying data never reach
 * the logs, whatever a handler logs (developers' brief, principle 2).
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  // Top level and one level down: pino's "*" matches exactly one key.
  ...['password', 'current_password', 'new_password', 'token', 'identity', ...IDENTITY_FIELDS].flatMap((f) => [f, `*.${f}`]),
];

/**
 * Builds the HTTP API without listening, so tests can use `app.inject()`.
 * Each NRM capability is one encapsulated plugin under /api/v1; a global hook
 * answers 401 to every route that does not opt out with `config.public`.
 *
 * @returns the app, ready (routes registered, OpenAPI document built).
 * @throws IdentityCryptoError LEGACY_CLEAR_TEXT while identities written before
 *   encryption are still in clear text (run opennrm keys seal-legacy).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { nrm, profile, keyring } = options;
  await assertNoLegacyIdentities(nrm.db);
  const logger =
    options.logger === false
      ? false
      : {
          ...(options.logger === true || !options.logger ? {} : options.logger),
          // Query strings carry search terms (a victim's name): their values never reach the logs.
          serializers: { req: requestSerializer },
          redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
        };
  const signIn = resolveSignInOptions(options.signIn);
  const server: FastifyServerOptions = { logger, trustProxy: signIn.trust_proxy };
  const app = Fastify(server).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // The API reads JSON only (docs/errors.md: 415 for any other body). Fastify parses text/plain by default, which
  // made such a body reach the schema as a string and be refused as "body: must be object".
  app.removeContentTypeParser('text/plain');

  // The docs page and its assets are public; marking them here, before they
  // are registered, keeps the opt-out list in one place.
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(DOCS_PATH) || route.url === OPENAPI_PATH) route.config = { ...route.config, public: true };
    if (route.config?.public && route.schema && !route.schema.hide) route.schema = { ...route.schema, security: [] };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routes.push({
          method,
          url: route.url,
          public: route.config?.public === true,
          documented: !route.schema?.hide,
          policy: route.config?.policy ?? null,
        });
    }
  });

  await app.register(cookie);
  installAuthentication(app, nrm.db, signIn);
  await installWebSecurity(app, signIn, nrm.db);
  installAccess(app, options.policy);
  installNulCharacterCheck(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenNRM API',
        version: '1',
        description:
          'The National Referral Mechanism record: persons, victim cases, referrals, assistance, criminal cases and the annual ' +
          'report. Sign in with POST /api/v1/auth/sign-in and send the token as "Authorization: Bearer <token>". Errors carry a ' +
          'stable code from the catalogue in docs/errors.md.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'session token from POST /api/v1/auth/sign-in' },
          cookie: { type: 'apiKey', in: 'cookie', name: signIn.secure_cookies ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // staticCSP: the docs page's own Content-Security-Policy, with hashes of its inline script and style.
  await app.register(swaggerUi, { routePrefix: DOCS_PATH, staticCSP: true });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());

  const capability: CapabilityOptions = { nrm, profile, keyring };
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ...capability, prefix: '/health' });
      await api.register(authRoutes, { ...capability, signIn, prefix: '/auth' });
      await api.register(organisationRoutes, { ...capability, prefix: '/organisations' });
      await api.register(personRoutes, { ...capability, prefix: '/persons' });
      await api.register(gdprRoutes, { ...capability, prefix: '/persons' });
      await api.register(screeningRoutes, { ...capability, prefix: '/screenings' });
      await api.register(victimCaseRoutes, { ...capability, prefix: '/victim-cases' });
      await api.register(nrmWorkflowRoutes, { ...capability, prefix: '/victim-cases' });
      await api.register(residenceStatusRoutes, { ...capability, prefix: '/victim-cases' });
      await api.register(victimsInProceedingsRoutes, { ...capability, prefix: '/victim-cases' });
      await api.register(compensationRoutes, { ...capability, prefix: '/victim-cases' });
      await api.register(exchangeRateRoutes, { ...capability, prefix: '/exchange-rates' });
      await api.register(anonymousNotificationRoutes, { ...capability, prefix: '/anonymous-notifications' });
      await api.register(referralRoutes, { ...capability, prefix: '/referrals' });
      await api.register(assistanceRoutes, { ...capability, prefix: '/assistance' });
      await api.register(serviceFacilityRoutes, { ...capability, prefix: '/service-facilities' });
      await api.register(serviceGapRoutes, { ...capability, prefix: '/service-gaps' });
      await api.register(criminalCaseRoutes, { ...capability, prefix: '/criminal-cases' });
      await api.register(reportRoutes, { ...capability, prefix: '/reports' });
      await api.register(draftRoutes, { ...capability, prefix: '/drafts' });
      await api.register(alertRoutes, { ...capability, prefix: '/alerts' });
      await api.register(userRoutes, { ...capability, prefix: '/users' });
      await api.register(auditRoutes, capability);
    },
    { prefix: API_PREFIX },
  );
  if (options.web) await app.register(webAppRoutes, { ...options.web, db: nrm.db, signIn });
  await app.ready();
  return app;
}
