import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';

/** Bytes read from the start of a file to tell text from binary data. */
const SNIFF_BYTES = 64 * 1024;

/**
 * A file an import cannot use at all (missing, a folder, unreadable, not
 * text). The message names the file and says why in words, never the system's
 * errno text nor the file's bytes (which may be binary or personal data).
 */
export class ImportFileError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`cannot read ${file}: ${reason}`);
    this.name = 'ImportFileError';
    this.file = file;
  }
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a folder on its path is a file)',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** The file system's error as an ImportFileError when it is one of the usual ones; anything else unchanged. */
function fileError(file: string, error: unknown): unknown {
  const reason = ERRNO_REASONS[(error as { code?: string }).code ?? ''];
  return reason ? new ImportFileError(file, reason) : error;
}

/**
 * Checks that `file` is a readable regular file of UTF-8 text and returns its
 * size in bytes. Only the first 64 KiB are looked at: a NUL byte or bytes
 * that are not UTF-8 there mean binary data (or another encoding), which no
 * CSV or JSON Lines export is.
 *
 * @param what what the file should be, for the message ("a CSV text file").
 * @throws ImportFileError naming the file and the reason: no such file, a folder, permission denied, not text.
 */
export async function checkImportFile(file: string, what: string): Promise<number> {
  let size: number;
  let head: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ImportFileError(file, ERRNO_REASONS.EISDIR!);
    if (!info.isFile()) throw new ImportFileError(file, 'not a regular file');
    size = info.size;
    const handle = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(Math.min(SNIFF_BYTES, size)), 0, Math.min(SNIFF_BYTES, size), 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(file, error);
  }
  if (!looksLikeText(head, head.length < size)) throw new ImportFileError(file, `it is not ${what} (binary data, or text not in UTF-8)`);
  return size;
}

/**
 * Whether bytes are UTF-8 text without NUL. `cut`: the bytes stop inside the
 * file, so up to 3 bytes at the end may be the start of a character.
 */
function looksLikeText(bytes: Buffer, cut: boolean): boolean {
  if (bytes.includes(0)) return false;
  for (let drop = 0; drop <= (cut ? 3 : 0) && drop <= bytes.length; drop++) if (isUtf8(bytes.subarray(0, bytes.length - drop))) return true;
  return false;
}
