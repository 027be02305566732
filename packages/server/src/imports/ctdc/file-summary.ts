import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

/**
 * SHA-256 (lower-case hex) of a file's bytes and its number of lines (line
 * feeds, plus one for a last line without one), in one streaming read.
 * The line count is the header plus the data rows of a CSV without quoted
 * line breaks: enough to choose the bulk-load path before the import starts.
 * @throws the file system's error when the file cannot be read.
 */
export async function hashAndCountLines(path: string): Promise<{ sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  let last = NEWLINE;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  if (last !== NEWLINE) lines++;
  return { sha256: hash.digest('hex'), lines };
}
