/** What is left of a model's answer once its citations are checked against the retrieved products (pure). */
export interface CheckedCitations {
  answer: string;
  /** Cited part numbers, as the retrieved products spell them, in the order first cited. */
  cited: string[];
  /** Part numbers the model cited that were not retrieved (removed from the answer). */
  stripped: string[];
}

/**
 * Keeps only citations of retrieved products: `cited` entries and `[PART]` references in the answer that name a
 * retrieved part number (compared case-insensitively) are kept, with the retrieved spelling; any other
 * bracketed reference that looks like a part number, and any other `cited` entry, is stripped.
 */
export function checkCitations(
  answer: string,
  cited: readonly string[],
  retrieved: readonly string[],
): CheckedCitations {
  const known = new Map(retrieved.map((p) => [p.trim().toLowerCase(), p]));
  const kept: string[] = [];
  const stripped: string[] = [];
  const take = (raw: string) => {
    const part = known.get(raw.trim().toLowerCase());
    if (part) {
      if (!kept.includes(part)) kept.push(part);
    } else if (!stripped.includes(raw.trim())) stripped.push(raw.trim());
    return part;
  };
  for (const c of cited) if (typeof c === 'string' && c.trim()) take(c);
  const text = answer
    .replace(/\[([^\][\n]{1,64})\]/g, (_all, ref: string) => {
      const refs = ref.split(/\s*[,;]\s*/).filter(Boolean);
      const good = refs.map((r) => take(r)).filter((p): p is string => p !== undefined);
      return good.length > 0 ? good.map((p) => `[${p}]`).join('') : '';
    })
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
  return { answer: text, cited: kept, stripped };
}
