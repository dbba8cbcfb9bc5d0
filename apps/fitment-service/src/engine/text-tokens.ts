/** Tokens of product text: words, whole numbers, decimals ("5.3L", "2.0T") and single punctuation marks. */
export type TokenKind = 'word' | 'number' | 'decimal' | 'punct';

export interface Token {
  /** Lower case text. */
  text: string;
  /** As written. */
  raw: string;
  kind: TokenKind;
  start: number;
  end: number;
  spaceBefore: boolean;
  newlineBefore: boolean;
  /** Written with a leading capital (or all caps): "Tahoe" rather than "tahoe". */
  capitalized: boolean;
}

const TOKEN = /\d+\.\d+[a-z]*|[a-z0-9]+|[^\sa-z0-9]/gi;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES = /[\u2018\u2019\u201B\u2032]/g;

/** Unicode dashes and quotes to ASCII, one character for one so offsets still match the source. */
export function normalizeText(text: string): string {
  return text.replace(DASHES, '-').replace(QUOTES, "'");
}

export function tokenize(source: string): Token[] {
  const text = normalizeText(source);
  const tokens: Token[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const c = raw.charCodeAt(0);
    const kind: TokenKind =
      c >= 48 && c <= 57
        ? raw.includes('.')
          ? 'decimal'
          : /^\d+$/.test(raw)
            ? 'number'
            : 'word'
        : isAlpha(c)
          ? 'word'
          : 'punct';
    const gap = start > last ? text.slice(last, start) : '';
    tokens.push({
      text: raw.toLowerCase(),
      raw,
      kind,
      start,
      end: start + raw.length,
      spaceBefore: gap.length > 0,
      newlineBefore: gap.includes('\n'),
      capitalized: (c >= 65 && c <= 90) || (c >= 48 && c <= 57),
    });
    last = start + raw.length;
  }
  return tokens;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Lower-case letters and digits only: "F-150", "F 150" and "f150" all become "f150". */
export function compactKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Punctuation a multi-token name may contain ("F-150", "R/T", "L.L. Bean", "Town & Country"). */
export function isJoiner(t: Token): boolean {
  return t.kind === 'punct' && (t.text === '-' || t.text === '/' || t.text === '.' || t.text === '&' || t.text === "'");
}
