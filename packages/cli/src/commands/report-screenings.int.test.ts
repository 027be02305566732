import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { NrmDatabase } from '@opennrm/server';
import { freshDatabase, TEST_DB_KIND, TEST_POSTGRES_URL } from '../../../server/test/support/test-database.ts';

const BIN = join(import.meta.dirname, '../../bin/opennrm.js');
// Loading the demo and starting Node twice: tens of seconds on a busy machine.
const SLOW = 900_000;
const KEYS = JSON.stringify({ active: 'r1', keys: { r1: randomBytes(32).toString('base64') } });

/**
 * Issue 4, "Done when": `opennrm report --year 2023 --format json` on the
 * Romania demo includes the screening, assistance and timing figures of
 * point 7, and still 274 victims referred to assistance.
 */
describe(`opennrm report on the Romania demo (${TEST_DB_KIND})`, () => {
  let dir: string;
  let databaseUrl: string | undefined;
  let schemaDb: NrmDatabase | undefined;

  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, OPENNRM_KEYS: KEYS };
    delete env.DATABASE_URL;
    delete env.OPENNRM_KEY_FILE;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, '--data', join(dir, 'data'), ...args], { env, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opennrm-report-'));
    if (TEST_DB_KIND === 'postgres') {
      schemaDb = await freshDatabase();
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(schemaDb.db);
      const url = new URL(TEST_POSTGRES_URL);
      url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
      databaseUrl = url.toString();
    }
  }, SLOW);
  afterAll(async () => {
    await schemaDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'includes screenings by context and outcome, victims assisted by sector and the median days, with 274 referred',
    async () => {
      const demo = await cli('demo', 'romania');
      expect(demo.code, demo.stderr).toBe(0);
      const run = await cli('report', '--year', '2023', '--format', 'json');
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.victims_referred_to_assistance).toBe(274);

      const { screenings } = report;
      expect(screenings.total).toBeGreaterThan(0);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(sum(screenings.by_context)).toBe(screenings.total);
      expect(sum(screenings.by_outcome)).toBe(screenings.total);
      expect(Object.keys(screenings.by_context)).toEqual(expect.arrayContaining(['border', 'asylum_centre', 'commercial_sex', 'hotline']));
      expect(Object.keys(screenings.by_outcome).sort()).toEqual(['no_indicators', 'potential_victim', 'presumed_victim']);
      expect(screenings.by_outcome.potential_victim).toBeGreaterThan(0);

      const assisted = report.victims_assisted;
      expect(assisted.total).toBeGreaterThan(0);
      expect(assisted.total).toBeLessThanOrEqual(report.victims_referred_to_assistance + report.victims_identified.total);
      expect(assisted.by_provider_sector.ngo).toBe(report.victims_assisted_by_ngos);
      expect(assisted.by_provider_sector.government).toBeGreaterThan(0);
      expect(Math.max(assisted.by_provider_sector.government, assisted.by_provider_sector.ngo)).toBeLessThanOrEqual(assisted.total);

      expect(report.median_days_screening_to_referral).toBeGreaterThanOrEqual(0);
      expect(report.median_days_screening_to_referral).toBeLessThan(30);
      expect(report.median_days_referral_to_first_service).toBeGreaterThanOrEqual(1);
      expect(report.median_days_referral_to_first_service).toBeLessThan(30);

      const trace = await cli('report', '--year', '2023', '--trace', 'median_days_screening_to_referral', '--format', 'json');
      expect(trace.code, trace.stderr).toBe(0);
      const traced = JSON.parse(trace.stdout);
      expect(traced.value).toBe(report.median_days_screening_to_referral);
      expect(traced.parts[0].records.length).toBeGreaterThan(0);
    },
    SLOW,
  );
});
