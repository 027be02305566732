import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionsRepository } from '../accounts/sessions.repository.ts';
import { UsersRepository } from '../accounts/users.repository.ts';
import { cookieName, SESSION_COOKIE } from '../accounts/session-cookie.ts';
import { criticalCss } from './critical-css.ts';
import type { WebAppRouteOptions } from './web-app.ts';

/*
 * The new screening page (GET /screenings?new=1) prerendered for its signed-in user, so that a phone on slow 4G sees
 * the wizard's first question before the app's JavaScript has arrived (issue 5, bench/web-lcp.bench.ts). The routes
 * and when this page is sent: web-app.ts.
 */

/** The build's prerender module (packages/web/src/prerender.tsx, built into dist/.prerender/), as the server calls it. */
interface PrerenderModule {
  prerender(request: {
    path: string;
    search: string;
    language: string;
    session: { status: 'signed_in'; offline: false; user: PrerenderedUser };
  }): Promise<string>;
  chooseLanguage(remembered: string | null | undefined, preferred: readonly string[]): string;
  LANGUAGE_COOKIE: string;
}

type PrerenderedUser = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  organisation_code: string | null;
  must_change_password: boolean;
};

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** Where the build puts the prerender module (dist/.prerender/): served to nobody. */
export const PRERENDER_DIR = '/.prerender/';

/** Accept-Language's languages, most preferred first (RFC 9110 section 12.5.4: q-values, default 1). */
function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** JSON safe inside a `<script type="application/json">` element: no "<" can close it or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The page for a new screening, prerendered for the request's user; null when
 * it is not to be prerendered (see webAppRoutes). Null as a whole when the
 * build has no prerender module (an older build: the app draws every page).
 */
export async function prerenderedPages(
  options: WebAppRouteOptions,
): Promise<((request: FastifyRequest, search: string) => Promise<string | null>) | null> {
  const modulePath = join(options.root, PRERENDER_DIR, 'prerender.js');
  const manifestPath = join(options.root, '.vite', 'manifest.json');
  if (!existsSync(modulePath) || !existsSync(manifestPath)) return null;
  // Loaded in the background, not while the server starts (a large module: seconds on a busy machine, past Fastify's
  // plugin timeout); a page asked for before then waits for it.
  const loading = import(pathToFileURL(modulePath).href) as Promise<PrerenderModule>;
  // Nothing waits for it yet: its failure is the first page's, logged there.
  loading.catch(() => undefined);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const template = await readFile(join(options.root, 'index.html'), 'utf8');
  // The rules the screen needs go in the head and the stylesheets are only preloaded, then applied by the app
  // (main.tsx): a stylesheet link, in the head or the body, holds the first paint until it arrives (on slow 4G it
  // shares the bandwidth with the scripts: a second or more), and a whole stylesheet inline costs a slow phone's CPU its
  // 250 KB (bench/web-lcp.bench.ts).
  const stylesheets = await Promise.all(
    [...template.matchAll(/<link rel="stylesheet" crossorigin href="(\/[^"]+)">/g)].map(async ([link, href = '']) => ({
      link,
      preload: `<link rel="preload" as="style" crossorigin href="${href}">`,
      css: await readFile(join(options.root, href), 'utf8'),
    })),
  );
  // The critical rules of the first page prerendered, kept: the same screen for every user, so the same classes.
  let critical: string | null = null;
  const criticalFor = (markup: string) => (critical ??= stylesheets.map((s) => criticalCss(s.css, markup)).join(''));
  // A first render in the background loads the app's lazy screens, warms the code and finds the critical rules, so the
  // first user's page does not wait for that (about a second on a busy server).
  void loading
    .then((renderer) =>
      renderer.prerender({
        path: '/screenings',
        search: 'new=1',
        language: 'en',
        session: {
          status: 'signed_in',
          offline: false,
          user: {
            id: '',
            username: '',
            display_name: '',
            role: 'front_line_responder',
            organisation_code: null,
            must_change_password: false,
          },
        },
      }),
    )
    .then(criticalFor)
    // The first request tries again, and logs what fails.
    .catch(() => undefined);
  const sessions = new SessionsRepository(options.db);
  const users = new UsersRepository(options.db);
  const sessionCookie = cookieName(SESSION_COOKIE, options.signIn.secure_cookies);

  /** The chunk's file and every file it imports, recursively (the manifest's static imports). */
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, seen);
    return seen;
  };
  // The wizard's code beyond what index.html already loads, and the strings it shows (i18n.ts: "app" and "instrument",
  // English "app" as the fallback).
  const wizardFiles = [...closure('src/screening/ScreeningWizard.tsx')].filter((file) => !template.includes(`/${file}"`));
  const preloads = (language: string) =>
    [
      ...wizardFiles,
      ...['src/i18n/locales/app/en.json', `src/i18n/locales/app/${language}.json`, `src/i18n/instrument/${language}.json`].flatMap(
        (key) => manifest[key]?.file ?? [],
      ),
    ]
      .filter((file, index, all) => all.indexOf(file) === index)
      .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
      .join('');

  return async (request, search) => {
    const token = request.cookies[sessionCookie];
    const actor = token ? await sessions.resolve(token) : null;
    // The app's own screens come first for a pending password change or second-factor enrolment (authentication.ts).
    if (
      !actor ||
      actor.must_change_password ||
      (actor.sign_in_method === 'password' && options.signIn.totp_required_roles.includes(actor.role))
    )
      return null;
    const found = await users.findById(actor.user_id);
    if (!found) return null;
    const { id, username, display_name, role, organisation_code, must_change_password } = found;
    const session = {
      status: 'signed_in' as const,
      offline: false as const,
      user: { id, username, display_name, role, organisation_code, must_change_password },
    };
    let language: string;
    let markup: string;
    try {
      const renderer = await loading;
      language = renderer.chooseLanguage(request.cookies[renderer.LANGUAGE_COOKIE], acceptedLanguages(request.headers['accept-language']));
      markup = await renderer.prerender({ path: '/screenings', search, language, session });
    } catch (error) {
      request.log.error({ err: error }, 'prerendering the new screening page failed; the app draws it');
      return null;
    }
    return stylesheets
      .reduce((page, s) => page.replace(s.link, s.preload), template)
      .replace('<html lang="en">', `<html lang="${language}" data-mantine-color-scheme="light">`)
      .replace('</head>', `<style>${criticalFor(markup)}</style>${preloads(language)}</head>`)
      .replace(
        '<div id="root"></div>',
        `<div id="root">${markup}</div><script type="application/json" id="opennrm-boot">${scriptJson({ session, language })}</script>`,
      );
  };
}

/** A prerendered page, compressed for the browser (Brotli, else gzip, else as is). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: string): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'private, no-cache, no-store')
    .header('vary', 'Cookie, Accept-Language, Accept-Encoding');
  if (/\bbr\b/.test(accepted))
    return reply.header('content-encoding', 'br').send(brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(gzipSync(page, { level: 6 }));
  return reply.send(page);
}
