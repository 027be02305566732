import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ApiError } from '../http/errors.ts';

/** Where the built web application is (packages/web/dist, from `npm run build -w @opennrm/web`). */
export interface WebAppOptions {
  root: string;
}

async function filesUnder(root: string): Promise<Set<string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      // Compressed copies are sent in place of their file (preCompressed), never asked for by name.
      .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
      .map((e) => '/' + relative(root, join(e.parentPath, e.name)).split(sep).join('/')),
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
 * Compression: each file's Brotli or gzip copy, written at build time, is
 * sent to a browser that accepts it (the bytes are most of a slow phone
 * connection's wait; bench/web-lcp.bench.ts).
 *
 * Caching: /assets/* have content hashes in their names and are immutable;
 * everything else (index.html, sw.js, the manifest) is revalidated each time,
 * so a new release reaches users on their next visit (the service worker then
 * swaps its precache).
 */
export const webAppRoutes: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const files = await filesUnder(options.root);
  if (!files.has('/index.html')) throw new Error(`no index.html in ${options.root}: build the web app (npm run build -w @opennrm/web)`);
  // preCompressed: the build's .br and .gz copies (packages/web/vite.config.ts) go to browsers that accept them.
  await app.register(fastifyStatic, { root: options.root, serve: false, preCompressed: true });

  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) throw new ApiError('OPENNRM_ROUTE_NOT_FOUND');
    const file = files.has(path) ? path : '/index.html';
    reply.header('cache-control', file.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.sendFile(file.slice(1), { cacheControl: false });
  });
};
