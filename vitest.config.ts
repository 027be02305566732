import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) run once; database tests (*.int.test.ts) run on the
// embedded PGlite and on PostgreSQL (OPENNRM_TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/opennrm_test), so both engines stay equal.
const intTests = ['packages/*/test/**/*.int.test.ts', 'packages/*/src/**/*.int.test.ts'];
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // CI runs this project beside both database projects on two cores, where
          // CPU-heavy unit tests (planning the whole demo: 0.5 s quiet) took 6 s.
          testTimeout: 30_000,
          include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          exclude: [...intTests, '**/node_modules/**', '**/*.browser.test.ts'],
        },
      },
      { test: { name: 'pglite', include: intTests, env: { OPENNRM_TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'postgres', include: intTests, env: { OPENNRM_TEST_DB: 'postgres' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      // The web app in Debian's Chromium (playwright-core): built once by the global setup, served on a temporary PGlite (docs/web.md).
      {
        test: {
          name: 'browser',
          include: ['packages/web/test/**/*.browser.test.ts'],
          globalSetup: ['packages/web/test/support/build-web-app.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
