/**
 * PostgreSQL COPY text format (https://www.postgresql.org/docs/15/sql-copy.html,
 * "Text Format"): one line a row, columns separated by tabs, NULL as \N, and
 * backslash, tab, newline and carriage return escaped.
 */

/** A value a bulk row may carry. Arrays become PostgreSQL array literals. */
export type CopyValue = string | number | boolean | null | undefined | readonly string[];

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(value: string): string {
  // Most values need no escape: testing first spares a copy of each string.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Encodes one row as a COPY text line, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    const v = values[i];
    if (v == null) line += '\\N';
    else if (typeof v === 'string') line += escapeText(v);
    else if (typeof v === 'number' || typeof v === 'boolean') line += String(v);
    else line += escapeText(arrayLiteral(v));
  }
  return `${line}\n`;
}
