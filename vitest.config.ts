import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) run once; database tests (*.int.test.ts) run on the
// embedded PGlite and on PostgreSQL (OPENNRM_TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/opennrm_test), so both engines stay equal.
const intTests = ['packages/*/test/**/*.int.test.ts', 'packages/*/src/**/*.int.test.ts'];
export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one on CI's 2 cores, so every file ran
    // after the other. PGlite files keep a core busy, PostgreSQL and browser files wait on another process
    // half the time: one worker more than the cores keeps both busy; at most 4, so PostgreSQL's 100
    // connections (a pool of 10 a file) last on bigger machines. bench/RESULTS.md, "Test suite duration".
    maxWorkers: Math.min(4, availableParallelism() + 1),
    projects: [
      {
        test: {
          name: 'unit',
          // CI runs this project beside both database projects on two cores, where
          // CPU-heavy unit tests (planning the whole demo: 0.5 s quiet) took 6 s.
          testTimeout: 30_000,
          // Hooks that open a PGlite data folder on disk (db/data-folder-lock.test.ts) took over 10 s beside two other workers.
          hookTimeout: 120_000,
          include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          exclude: [...intTests, '**/node_modules/**', '**/*.browser.test.ts'],
        },
      },
      // Each PGlite test database is a copy of one initialised and migrated once per run (test/support/pglite-templates.ts).
      // 300 s a test: with a third worker on two cores and other load, the demo round trip took 172 s (40 s alone).
      {
        test: {
          name: 'pglite',
          include: intTests,
          env: { OPENNRM_TEST_DB: 'pglite' },
          globalSetup: ['packages/server/test/support/pglite-templates.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      { test: { name: 'postgres', include: intTests, env: { OPENNRM_TEST_DB: 'postgres' }, testTimeout: 300_000, hookTimeout: 300_000 } },
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
