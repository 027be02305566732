import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../../src/db/database.ts';

/** PGlite data folders the pglite project's test databases start from (see freshDatabase). */
export interface PgliteTemplates {
  /** A data folder PGlite has initialised (initdb), with no migration applied. */
  empty: string;
  /** The same, with every migration applied (no organisations: each database syncs its own). */
  migrated: string;
  /** Where test databases copied from the templates go; removed with everything in it after the run. */
  scratch: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    pgliteTemplates: PgliteTemplates;
  }
}

/**
 * Vitest global setup of the pglite project: initialises and migrates PGlite
 * once per run, so that each test database is a copy of these folders instead
 * of a new PGlite running initdb (2.5 s on one of CI's 2 cores) and 23
 * migrations (about 1 s) in every test file. bench/RESULTS.md, "Test suite duration".
 *
 * The folders live in RAM (/dev/shm) where there is one, so copies and PGlite's
 * writes cost no disk I/O. Returns the teardown that removes them.
 */
export default async function setupPgliteTemplates(project: TestProject): Promise<() => void> {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const root = mkdtempSync(path.join(parent, 'opennrm-test-pglite-'));
  const templates: PgliteTemplates = {
    empty: path.join(root, 'empty'),
    migrated: path.join(root, 'migrated'),
    scratch: path.join(root, 'databases'),
  };
  try {
    mkdirSync(templates.scratch);
    await (await openDatabase({ dataDir: templates.empty })).close();
    const migrated = await openDatabase({ dataDir: templates.migrated });
    try {
      await migrateToLatest(migrated.db);
    } finally {
      await migrated.close();
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  project.provide('pgliteTemplates', templates);
  return () => rmSync(root, { recursive: true, force: true });
}
