import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every
 * text file of the build, which `opennrm serve` sends to browsers that accept
 * them (@fastify/static preCompressed; packages/server/src/web/web-app.ts).
 * On a slow phone connection the bytes are most of the wait: the screening
 * route's JavaScript is about 4x smaller compressed (bench/web-lcp.bench.ts).
 * Done once at build time, at the best ratios, instead of on every request.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|css|html|svg|json|webmanifest)$/;
  let outDir = '';
  return {
    name: 'opennrm-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile() && TEXT.test(e.name)).map((e) => join(e.parentPath, e.name));
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
 * The web app is built to packages/web/dist and served by `opennrm serve` from
 * the same origin as the API (so the strict Content-Security-Policy of
 * web-security.ts holds: no inline script, no other origin). The service
 * worker precaches the whole app shell (every built asset, translations
 * included) so a front-line worker can reload and screen with no network
 * (issue 4, point 6); the API is never cached by it.
 */
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      // An external registerSW.js, not an inline script: CSP script-src 'self'.
      injectRegister: 'script',
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
    precompress(),
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
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'common', minShareCount: 6 }] } } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
