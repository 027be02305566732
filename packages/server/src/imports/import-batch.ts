import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';

/** A file already imported: its batch as recorded in `import_batch`. */
export interface ImportBatch {
  id: string;
  kind: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  imported_at: Date;
}

/**
 * SHA-256 of a file's bytes, lower-case hex. Streams, so any size fits.
 * @throws the file system's error when the file cannot be read.
 */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Claims a file for import inside the import's transaction: records a new
 * batch unless one of the same kind and file content (SHA-256) exists.
 * The unique key (kind, file_sha256) makes this safe against two imports of
 * the same file at once: the second waits for the first and then finds it.
 *
 * @returns `{ claimed: true, id }` for a new batch (fill in its row count with
 *   completeImportBatch), or `{ claimed: false, batch }` for the earlier import.
 */
export async function claimImportBatch(
  tx: BulkTransaction,
  file: { kind: string; file_name: string; file_sha256: string },
): Promise<{ claimed: true; id: string } | { claimed: false; batch: ImportBatch }> {
  const id = newId();
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO import_batch (id, kind, file_name, file_sha256, row_count) VALUES ($1, $2, $3, $4, 0)
     ON CONFLICT (kind, file_sha256) DO NOTHING RETURNING id`,
    [id, file.kind, file.file_name, file.file_sha256],
  );
  if (inserted.length > 0) return { claimed: true, id };
  const [batch] = await tx.query<ImportBatch>(
    `SELECT id, kind, file_name, file_sha256, row_count, imported_at FROM import_batch WHERE kind = $1 AND file_sha256 = $2`,
    [file.kind, file.file_sha256],
  );
  if (!batch) throw new Error(`import batch for ${file.file_sha256} vanished while claiming it`);
  return { claimed: false, batch };
}

/** Records how many rows a claimed batch brought in. */
export async function completeImportBatch(tx: BulkTransaction, id: string, rowCount: number): Promise<void> {
  await tx.query(`UPDATE import_batch SET row_count = $2 WHERE id = $1`, [id, rowCount]);
}

/**
 * Ids for the records of one batch, derived from the file line so that two
 * passes over a file agree without keeping a million ids in memory. Each id
 * is a UUIDv7 (RFC 9562): the batch's time-ordered prefix (48-bit time and
 * random bits) with the line number in the last 48 bits, which section 6.2
 * allows as a counter in the random part.
 */
export function lineIds(): (line: number) => string {
  // Time and version from a fresh UUIDv7; the rest random, so that two
  // factories made in the same millisecond differ.
  const r = randomBytes(4).toString('hex');
  const prefix = `${newId().slice(0, 15)}${r.slice(0, 3)}-${'89ab'[parseInt(r[3]!, 16) & 3]}${r.slice(4, 7)}-`;
  return (line) => prefix + line.toString(16).padStart(12, '0');
}

/** What an import did. */
export interface ImportOutcome {
  /** "imported", or "already_imported" when the same file (by SHA-256) was imported before: nothing added. */
  status: 'imported' | 'already_imported';
  batch_id: string;
  file_sha256: string;
  /** Records imported now (0 when already imported). */
  rows: number;
  /** Rows the earlier import brought, when already imported. */
  previous_rows?: number;
  previous_imported_at?: Date;
  /** Wall time of the import, milliseconds. */
  elapsed_ms: number;
}

/** Progress of a streaming import: bytes of the file read so far, of the total, and records read. */
export interface ImportProgress {
  phase: string;
  bytes: number;
  total_bytes: number;
  rows: number;
}
