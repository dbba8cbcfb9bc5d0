/** `%text%` for ILIKE, with the text's own wildcards (% _) and the escape character taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The words of a search text (at most `max`), each matched on its own. */
export function searchTerms(q: string, max = 8): string[] {
  return q
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, max);
}
