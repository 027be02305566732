import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedPath } from './shared-path.ts';

describe('sharedPath', () => {
  const saved = process.env.OPENNRM_SHARED_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.OPENNRM_SHARED_DIR;
    else process.env.OPENNRM_SHARED_DIR = saved;
  });

  it('defaults to the shared folder beside the repository', () => {
    delete process.env.OPENNRM_SHARED_DIR;
    const file = sharedPath('data', 'romania-published-figures.json');
    expect(file).toBe(path.resolve(import.meta.dirname, '../../../../../shared/data/romania-published-figures.json'));
  });

  it('follows OPENNRM_SHARED_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'opennrm-shared-'));
    try {
      mkdirSync(path.join(dir, 'data'));
      writeFileSync(path.join(dir, 'data', 'x.csv'), 'a\n');
      process.env.OPENNRM_SHARED_DIR = dir;
      expect(sharedPath('data', 'x.csv')).toBe(path.join(dir, 'data', 'x.csv'));
      expect(() => sharedPath('data', 'y.csv')).toThrow(`${path.join(dir, 'data', 'y.csv')} is missing`);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('names the variable and the default place when the folder is missing', () => {
    process.env.OPENNRM_SHARED_DIR = '/nonexistent/shared';
    expect(() => sharedPath('data', 'x.csv')).toThrow(
      /\/nonexistent\/shared does not exist: set OPENNRM_SHARED_DIR \(now "\/nonexistent\/shared"\) or put the folder at \/.*\/shared$/,
    );
  });
});
