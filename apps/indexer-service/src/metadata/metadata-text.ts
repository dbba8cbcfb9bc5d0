import { MAX_METADATA_SUMMARY_LENGTH, MAX_METADATA_TAG_LENGTH, MAX_METADATA_TAGS } from '@torque/contracts';
import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a document's title and content (the title's length first, so no text moves between the
 * two unnoticed): metadata is generated again only when it changes.
 */
export function contentHash(title: string, content: string): string {
  return createHash('sha256').update(`${title.length}:`).update(title).update(content).digest('hex');
}

/**
 * Tags as stored: lower case, whitespace collapsed to single spaces, trimmed, at most MAX_METADATA_TAG_LENGTH
 * characters, empty ones and duplicates dropped (first kept), at most MAX_METADATA_TAGS.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_METADATA_TAG_LENGTH).trim();
    if (tag) seen.add(tag);
    if (seen.size === MAX_METADATA_TAGS) break;
  }
  return [...seen];
}

/** A summary as stored: whitespace collapsed, at most MAX_METADATA_SUMMARY_LENGTH characters. */
export function normalizeSummary(summary: string): string {
  return summary.replace(/\s+/g, ' ').trim().slice(0, MAX_METADATA_SUMMARY_LENGTH).trim();
}
