import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import fastifyStatic from '@fastify/static';
import { ApiError } from '../http/errors.ts';
import type { Database } from '../db/schema.ts';
import type { ResolvedSignInOptions } from '../accounts/sign-in-options.ts';
import { PRERENDER_DIR, prerenderedPages, sendPage } from './new-screening-page.ts';

/** Where the built web application is (packages/web/dist, from `npm run build -w @opennrm/web`). */
export interface WebAppOptions {
  root: string;
}

/** What buildApp adds: who is signed in on a page request (to prerender for them). */
export interface WebAppRouteOptions extends WebAppOptions {
  db: Kysely<Database>;
  signIn: ResolvedSignInOptions;
}

async function filesUnder(root: string): Promise<Set<string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      // Compressed copies are sent in place of their file (preCompressed), never asked for by name.
      .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
      .map((e) => '/' + relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
      // The prerender module runs in the server; the browser never loads it.
      .filter((path) => !path.startsWith(PRERENDER_DIR)),
  );
}

/**
 * Serves the web application from the API's origin (so the strict
 * Content-Security-Policy of web-security.ts holds for it): the files Vite
 * built, and index.html for every other GET outside /api (the app's own
 * routes: a reload of /screenings/<id> must open the app, online or, via the
 * service worker, offline). Only the files present at start are served, so no
 * request path ever reaches the file system.
 *
 * A new screening (GET /screenings?new=1) by a signed-in user arrives drawn
 * (issue 5: the screening route's Largest Contentful Paint on a slow phone,
 * bench/web-lcp.bench.ts): the build's prerender of the wizard's first screen
 * for that user, in their language (the app's language cookie, else
 * Accept-Language, as the app itself chooses: packages/web/src/i18n/languages.ts),
 * inside index.html's root element, with the session and language the app
 * then starts from (a JSON data block, not a script: CSP script-src 'self'
 * holds), the style rules that screen uses inline (CSP style-src allows it;
 * the stylesheet itself is only preloaded, and applied by the app, so it no
 * longer holds the first paint: critical-css.ts), and preload links for the
 * wizard's code and the language's strings, so the browser fetches them with
 * the page instead of one after another.
 * The app hydrates that markup (packages/web/src/main.tsx). Without a session,
 * with a password change or second-factor enrolment pending, or if the
 * prerender fails (logged), the plain index.html is sent and the app draws it.
 *
 * Compression: each file's Brotli or gzip copy, written at build time, is
 * sent to a browser that accepts it (the bytes are most of a slow phone
 * connection's wait); a prerendered page is compressed as it is sent.
 *
 * Caching: /assets/* have content hashes in their names and are immutable;
 * everything else (index.html, sw.js, the manifest) is revalidated each time,
 * so a new release reaches users on their next visit (the service worker then
 * swaps its precache). A prerendered page names its user: private, never stored.
 */
export const webAppRoutes: FastifyPluginAsync<WebAppRouteOptions> = async (app, options) => {
  const files = await filesUnder(options.root);
  if (!files.has('/index.html')) throw new Error(`no index.html in ${options.root}: build the web app (npm run build -w @opennrm/web)`);
  // preCompressed: the build's .br and .gz copies (packages/web/vite.config.ts) go to browsers that accept them.
  await app.register(fastifyStatic, { root: options.root, serve: false, preCompressed: true });
  const newScreeningPage = await prerenderedPages(options);

  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const [rawPath = '/', search = ''] = request.url.split('?', 2);
    const path = decodeURIComponent(rawPath);
    if (path.startsWith('/api/')) throw new ApiError('OPENNRM_ROUTE_NOT_FOUND');
    if (newScreeningPage && path === '/screenings' && new URLSearchParams(search).has('new')) {
      const page = await newScreeningPage(request, search);
      if (page) return sendPage(request, reply, page);
    }
    const file = files.has(path) ? path : '/index.html';
    reply.header('cache-control', file.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.sendFile(file.slice(1), { cacheControl: false });
  });
};
