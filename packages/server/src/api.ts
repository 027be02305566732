/** What the CLI needs of the HTTP API and accounts. */
export { buildApp, API_PREFIX, DOCS_PATH, OPENAPI_PATH, type AppOptions } from './http/app.ts';
export { AccountError, ensureFirstAdministrator, UsersRepository, type UserSummary } from './accounts/users.repository.ts';
export { signInOptionsFromEnv, type SignInOptions } from './accounts/sign-in-options.ts';
export { resetSecondFactor } from './accounts/second-factor.repository.ts';
