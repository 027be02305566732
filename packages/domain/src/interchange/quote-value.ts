/** Longest value, in characters, quoted whole in an import message. */
export const QUOTED_VALUE_MAX_CHARS = 80;

/**
 * A file's value quoted for a problem message: whole when short, else its first
 * QUOTED_VALUE_MAX_CHARS characters, an ellipsis and its length, so a bad 5 MB
 * field does not become a 5 MB error message (or log line).
 *
 * @example quoteValue('x') // '"x"'
 * @example quoteValue('a'.repeat(5_000_000)) // '"aaaa…" (5000000 characters)'
 */
export function quoteValue(text: string): string {
  if (text.length <= QUOTED_VALUE_MAX_CHARS) return `"${text}"`;
  return `"${text.slice(0, QUOTED_VALUE_MAX_CHARS)}…" (${text.length} characters)`;
}
