import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { browserShippedData } from './scripts/browser-shipped-data.ts';

/** Where the server's prerender of the wizard's first screen is built (src/prerender.tsx); not served, not precached. */
const PRERENDER_DIR = '.prerender';

/**
 * The build's last steps, in order, once the app (and the service worker) are written:
 *
 * 1. src/prerender.tsx as a Node module in dist/.prerender/, which `opennrm serve` calls to send the
 *    screening wizard's first screen already drawn (packages/server/src/web/web-app.ts).
 * 2. A Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every text file the browser loads,
 *    which the server sends to browsers that accept them (@fastify/static preCompressed). On a slow phone
 *    connection the bytes are most of the wait: the screening route's JavaScript is about 4x smaller
 *    compressed (bench/web-lcp.bench.ts). Done once, at the best ratios, instead of on every request.
 */
function finishBuild(): Plugin {
  const TEXT = /\.(js|css|html|svg|json|webmanifest)$/;
  let root = '';
  let outDir = '';
  let production = true;
  return {
    name: 'opennrm-finish-build',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    enforce: 'post',
    configResolved(config) {
      production = config.isProduction;
      root = config.root;
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        plugins: [react()],
        build: { ssr: 'src/prerender.tsx', outDir: join(outDir, PRERENDER_DIR), emptyOutDir: true, copyPublicDir: false },
        // Everything in one file, with React's build fixed to the one this build compiled JSX for: the server's own
        // NODE_ENV must not pick another (React's development build renders several times slower, and its production
        // build has no development JSX runtime, which a build under Vitest, NODE_ENV=test, compiles for).
        ssr: { noExternal: true },
        define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
      });
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && TEXT.test(e.name) && !relative(outDir, e.parentPath).startsWith(PRERENDER_DIR))
        .map((e) => join(e.parentPath, e.name));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          const br = await promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
          const gz = await promisify(gzip)(content, { level: 9 });
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * The browser build's problem catalogue without its English texts (src/i18n/problems/browser-catalogue.ts): domain
 * modules the app runs import the catalogue to build problems, and its texts (all the API's refusals, several KB
 * gzipped) would otherwise sit in the shared chunk of the screening route. The real catalogue stays reachable as
 * `@opennrm/domain/problems/catalogue`, which only the lazily loaded English of the "problems" namespace imports.
 */
function browserCatalogue(): Plugin {
  const REAL = '@opennrm/domain/problems/catalogue';
  return {
    name: 'opennrm-browser-catalogue',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === REAL || !importer || options.ssr || !source.endsWith('catalogue.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved?.id.replaceAll('\\', '/').endsWith('/domain/src/problems/catalogue.ts')) return null;
      return fileURLToPath(new URL('./src/i18n/problems/browser-catalogue.ts', import.meta.url));
    },
  };
}

/**
 * The web app is built to packages/web/dist and served by `opennrm serve` from
 * the same origin as the API (so the strict Content-Security-Policy of
 * web-security.ts holds: no inline script, no other origin). The service
 * worker precaches the whole app shell (every built asset, translations
 * included) so a front-line worker can reload and screen with no network
 * (issue 4, point 6); the API is never cached by it.
 */
export default defineConfig({
  plugins: [
    browserCatalogue(),
    browserShippedData(),
    react(),
    VitePWA({
      strategies: 'generateSW',
      // An external registerSW.js, not an inline script: CSP script-src 'self'. Deferred: a plain script in the head
      // stops the parser until it arrives, holding the first paint (bench/web-lcp.bench.ts); it registers on load anyway.
      injectRegister: 'script-defer',
      registerType: 'autoUpdate',
      manifest: {
        name: 'OpenNRM',
        short_name: 'OpenNRM',
        description: 'National Referral Mechanism for victims of trafficking',
        theme_color: '#1c4e80',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    finishBuild(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each route loads (bench/web-size.bench.ts).
    manifest: true,
    sourcemap: false,
    // Reported by bench/web-size.bench.ts against the 250 KB gzip budget, not by Vite's raw-size warning.
    chunkSizeWarningLimit: 1024,
    // Modules that six or more chunks share (Mantine's common components, React helpers) go in one chunk:
    // dozens of tiny shared chunks each cost the screening route gzip's per-file overhead (bench/web-size.bench.ts).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'common', minShareCount: 6 }] } },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
