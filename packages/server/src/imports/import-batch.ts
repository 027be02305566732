import { createHash } from 'node:crypto';
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
 * Ids for the records of one file, derived from the file's content and line
 * so that a file never collides with another one and gives the same ids in
 * every database. Each id is a UUIDv8 (RFC 9562 section 5.8, custom layout):
 * the first 74 free bits are the SHA-256 of "<file SHA-256>:<table>", the
 * last 48 bits the line number. Two different files (or two tables of one
 * file) share a prefix with odds of 2^-74; version 8 never equals the version
 * 7 of ids made by newId(). The database computes the same ids with
 * `opennrm_line_id(file_sha256, table, line)` (migration 0022).
 *
 * @param fileSha256 the file's SHA-256, lower-case hex.
 * @param table the table or use the ids are for: "ctdc_record_kind" (a kind's first line),
 *   "ctdc_record" (a CTDC line in the report's trace).
 */
export function lineIds(fileSha256: string, table: string): (line: number) => string {
  const h = createHash('sha256').update(`${fileSha256}:${table}`).digest('hex');
  const variant = '89ab'[parseInt(h[15]!, 16) & 3]!;
  const prefix = `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(12, 15)}-${variant}${h.slice(16, 19)}-`;
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
