/**
 * Parsers of the values people put in spreadsheets. Each returns the canonical text PostgreSQL reads
 * (so numbers keep their exact digits) or null when the text is not a value of that kind.
 */

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const THOUSANDS_DOT = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const SCIENTIFIC = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const NOISE = /[\s\u00a0\u202f'’$€£¥]|^(usd|eur|gbp|chf|jpy|cad|aud)|(usd|eur|gbp|chf|jpy|cad|aud)$/gi;

/** A decimal number: `12.5`, `1,234.50`, `1.234,50`, `12,5`, `$ 12.50`, `1e3`. */
export function parseDecimal(text: string): string | null {
  let t = text.trim();
  if (PLAIN_NUMBER.test(t)) return t.startsWith('+') ? t.slice(1) : t;
  t = t.replace(NOISE, '');
  if (PLAIN_NUMBER.test(t)) return t.startsWith('+') ? t.slice(1) : t;
  if (THOUSANDS_COMMA.test(t)) return t.replace(/,/g, '').replace(/^\+/, '');
  if (THOUSANDS_DOT.test(t)) return t.replace(/\./g, '').replace(',', '.').replace(/^\+/, '');
  if (DECIMAL_COMMA.test(t)) return t.replace(',', '.').replace(/^\+/, '');
  if (SCIENTIFIC.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? String(n) : null;
  }
  return null;
}

/** Numbers the catalog's numeric(18,4) columns can hold. */
export const MAX_DECIMAL = 1e14;

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  CHF: 'CHF',
  C$: 'CAD',
  A$: 'AUD',
};

/** An ISO 4217 code (`eur` is read as EUR) or a common symbol (`€`). */
export function parseCurrency(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  return CURRENCY_SYMBOLS[t] ?? null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1];
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The value of the two ASCII digits of `t` at `i`, or NaN. */
function twoDigits(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/** `t` itself when it is already a valid YYYY-MM-DD date (the common case, read without a regular expression). */
function canonicalIso(t: string): string | null {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const y = twoDigits(t, 0) * 100 + twoDigits(t, 2);
  const m = twoDigits(t, 5);
  const d = twoDigits(t, 8);
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? t : null;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[\s,-]*(\d{4})$/;

/**
 * A calendar date as YYYY-MM-DD: ISO (with or without a time), 31.12.2024, 12/31/2024 (US order; read
 * day first when the first number cannot be a month, 31/12/2024), 31-Dec-2024.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = canonicalIso(t);
  if (iso) return iso;
  let m = ISO.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = DAY_FIRST_DOT.exec(t);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = SLASHED.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    return a > 12 ? isoDate(+m[3], b, a) : isoDate(+m[3], a, b);
  }
  m = NAMED.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    return month ? isoDate(+m[3], month, +m[1]) : null;
  }
  return null;
}

/** A whole number from 1 up to `max`. */
export function parsePositiveInt(text: string, max = 1_000_000): number | null {
  const t = text.trim();
  if (!/^\+?\d{1,9}(\.0+)?$/.test(t)) return null;
  const n = Number.parseInt(t.replace(/^\+/, ''), 10);
  return n >= 1 && n <= max ? n : null;
}

/** A supplier code made from a supplier's name when the file has no code column: `Acme Brakes Ltd.` -> `ACME-BRAKES-LTD`. */
export function codeFromName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'UNKNOWN'
  );
}
