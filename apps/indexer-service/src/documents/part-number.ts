/**
 * A part number as the index compares it: accents folded, lowercase, letters and digits only, so `KB-70`, `kb70`
 * and `KB 70` are the same code and `KB70-A` starts with it.
 */
export function normalizePartNumber(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Shortest normalized code matched as a prefix or inside other part numbers (shorter ones match too much). */
export const MIN_PARTIAL_CODE = 3;

/**
 * What of a query may be a part number: the whole query normalized (`KB-70` -> `kb70`, `kb 70` -> `kb70`) and
 * each word that holds a digit (`kb70` in `kb70 brake pads`), each once, longest first.
 */
export function partNumberCandidates(query: string): string[] {
  const found = new Set<string>();
  const whole = normalizePartNumber(query);
  if (whole.length > 0 && whole.length <= 100) found.add(whole);
  for (const word of query.split(/\s+/)) {
    const code = normalizePartNumber(word);
    if (code.length >= 2 && /\p{N}/u.test(code)) found.add(code);
  }
  return [...found].sort((a, b) => b.length - a.length || a.localeCompare(b));
}
