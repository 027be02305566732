import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * Why a PGlite data folder cannot be used:
 * - NO_DATABASE: the folder does not exist or holds no OpenNRM database (a
 *   command that only reads refuses it rather than report zeros from an empty one);
 * - IN_USE: another process (or another open in this one) holds it: PGlite is
 *   single-process, and a second writer silently loses the first one's data;
 * - UNUSABLE: the folder cannot be created or is not a folder.
 */
export type DataFolderProblem = 'NO_DATABASE' | 'IN_USE' | 'UNUSABLE';

/** A data folder (or PostgreSQL database) that cannot be opened as asked; `message` says what to do. */
export class DatabaseUnavailableError extends Error {
  readonly problem: DataFolderProblem;
  constructor(problem: DataFolderProblem, message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
    this.problem = problem;
  }
}

/** The refusal for a folder without an OpenNRM database, with the commands that make one. */
export function noDatabaseError(dir: string): DatabaseUnavailableError {
  return new DatabaseUnavailableError(
    'NO_DATABASE',
    `no OpenNRM database in ${dir}: run \`opennrm demo romania --data ${dir}\` or \`opennrm migrate --data ${dir}\` first`,
  );
}

/** Whether `dir` holds a PostgreSQL data directory (what PGlite writes on first open). */
export function holdsPgliteData(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

/**
 * Creates the data folder and its missing parents one level at a time.
 *
 * Not `mkdirSync(dir, { recursive: true })`: under /proc (and other pseudo
 * file systems) mkdir answers ENOENT for a parent that exists, and Node's
 * recursive mkdir then retries forever (`--data /proc/nope` hung the CLI).
 *
 * @throws DatabaseUnavailableError UNUSABLE naming the folder and the reason.
 */
export function createDataFolder(dir: string): void {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  let current = absolute;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  try {
    for (const folder of missing) mkdirSync(folder);
    if (!statSync(absolute).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnavailableError('UNUSABLE', `cannot use ${dir} as the data folder: ${describeFsError(reason)}`);
  }
}

function describeFsError(code: string): string {
  const reasons: Record<string, string> = {
    ENOENT: 'its parent cannot hold folders (ENOENT)',
    EACCES: 'permission denied (EACCES)',
    EPERM: 'operation not permitted (EPERM)',
    EROFS: 'read-only file system (EROFS)',
    ENOTDIR: 'it or a parent is not a folder (ENOTDIR)',
    EEXIST: 'a file of that name is in the way (EEXIST)',
  };
  return reasons[code] ?? code;
}

/** What the lock file holds. */
interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** The lock file inside a data folder. */
export const LOCK_FILE = 'opennrm.lock';

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null; // being written, or torn by a crash: judged by its age below
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

/** Exclusive use of a data folder until `release()` (also released when the process exits). */
export interface DataFolderLock {
  release(): void;
}

/**
 * Takes the data folder for this process: creates `<dir>/opennrm.lock`
 * exclusively (O_EXCL) with the pid, host and time. A lock whose process is
 * gone on this host is stale and taken over; a lock held by a live process,
 * or by another open in this process, is refused.
 *
 * @throws DatabaseUnavailableError IN_USE naming the process.
 */
export function lockDataFolder(dir: string): DataFolderLock {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      const stale =
        owner != null
          ? owner.host === me.host && owner.pid !== process.pid && !processAlive(owner.pid)
          : Date.now() - statSync(file).mtimeMs > 10_000;
      if (!stale || attempt > 0)
        throw new DatabaseUnavailableError(
          'IN_USE',
          `the database in ${dir} is in use by process ${owner?.pid ?? 'unknown'}` +
            `${owner && owner.host !== me.host ? ` on ${owner.host}` : ''} (opennrm serve?); stop it or use the API`,
        );
      unlinkSync(file); // its process is gone
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (readOwner(file)?.pid === me.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { release };
}
