import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file is packages/server/test/support/shared-path.ts). */
const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * The folder of reference material beside the project (README: `../shared`):
 * $OPENNRM_SHARED_DIR when set, else `<repository root>/../shared`, so tests
 * and benchmarks read it in place from any clone.
 *
 * @throws naming both places when the folder is not there, instead of a bare ENOENT.
 */
export function sharedDir(): string {
  const configured = process.env.OPENNRM_SHARED_DIR;
  const dir = configured ? path.resolve(configured) : path.resolve(REPO_ROOT, '..', 'shared');
  if (!existsSync(dir))
    throw new Error(
      `the shared reference folder ${dir} does not exist: set OPENNRM_SHARED_DIR ` +
        `(now ${configured ? `"${configured}"` : 'unset'}) or put the folder at ${path.resolve(REPO_ROOT, '..', 'shared')}`,
    );
  return dir;
}

/**
 * A file of the shared reference material, e.g. `sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv')`.
 * @throws when the shared folder or the file is missing, naming where it looked.
 */
export function sharedPath(...segments: string[]): string {
  const file = path.join(sharedDir(), ...segments);
  if (!existsSync(file))
    throw new Error(`${file} is missing from the shared reference folder (OPENNRM_SHARED_DIR, default <repository root>/../shared)`);
  return file;
}
