/** PostgreSQL COPY text format: tab-separated, `\N` for NULL, backslash escapes for the rest. */
export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r\u0000]/;
const SPECIAL_ALL = /[\\\t\n\r\u0000]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u0000': '' };

/** A value as COPY text reads it back unchanged; NUL characters, which PostgreSQL text cannot hold, are dropped. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return COPY_NULL;
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
}
