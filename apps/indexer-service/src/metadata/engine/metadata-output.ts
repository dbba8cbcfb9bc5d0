/** The longest summary, in characters (seed 003). */
export const MAX_SUMMARY_CHARS = 300;
/** Tags of one document: at least MIN_TAGS, at most MAX_TAGS, after normalization and de-duplication. */
export const MIN_TAGS = 3;
export const MAX_TAGS = 12;
/** The longest tag, in characters: a keyphrase, not a sentence. */
export const MAX_TAG_CHARS = 60;

/** Whitespace runs (line breaks included) as one space, ends trimmed. */
export const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A tag as stored: lower case, trimmed, single spaces. */
export const normalizeTag = (tag: string): string => collapseWhitespace(tag).toLowerCase();

/** Normalized tags in their first order, empty ones and repeats dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normal = normalizeTag(tag);
    if (normal) seen.add(normal);
  }
  return [...seen];
}

/** Why a model's answer is not metadata; the chain counts it as an `invalid_output` failure. */
export class InvalidMetadataError extends Error {
  override name = 'InvalidMetadataError';
}

/**
 * Checks a hosted model's `{summary, tags}` answer against the schema and normalizes it: the summary with its
 * whitespace collapsed, non-empty and at most MAX_SUMMARY_CHARS (never cut: too long is a failure), the tags
 * strings of at most MAX_TAG_CHARS, MIN_TAGS to MAX_TAGS of them once normalized and de-duplicated.
 */
export function validateMetadataOutput(value: unknown): { summary: string; tags: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidMetadataError('the answer is not a JSON object');
  const { summary, tags } = value as { summary?: unknown; tags?: unknown };
  if (typeof summary !== 'string') throw new InvalidMetadataError('the answer has no summary string');
  const text = collapseWhitespace(summary);
  if (!text) throw new InvalidMetadataError('the summary is empty');
  if (text.length > MAX_SUMMARY_CHARS)
    throw new InvalidMetadataError(`the summary has ${text.length} characters, more than ${MAX_SUMMARY_CHARS}`);
  if (!Array.isArray(tags)) throw new InvalidMetadataError('the answer has no tags array');
  if (!tags.every((t) => typeof t === 'string')) throw new InvalidMetadataError('the tags are not all strings');
  const normal = normalizeTags(tags as string[]);
  const long = normal.find((t) => t.length > MAX_TAG_CHARS);
  if (long !== undefined)
    throw new InvalidMetadataError(`a tag has ${long.length} characters, more than ${MAX_TAG_CHARS}`);
  if (normal.length < MIN_TAGS || normal.length > MAX_TAGS)
    throw new InvalidMetadataError(`the answer has ${normal.length} distinct tags, not ${MIN_TAGS} to ${MAX_TAGS}`);
  return { summary: text, tags: normal };
}

/** Parses a model's message text as JSON and validates it (validateMetadataOutput). */
export function parseMetadataJson(text: string): { summary: string; tags: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InvalidMetadataError(`the answer is not JSON: ${(err as Error).message}`);
  }
  return validateMetadataOutput(value);
}
