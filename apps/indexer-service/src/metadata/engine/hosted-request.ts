import type { MetadataInput } from './metadata-generator.js';
import { MAX_SUMMARY_CHARS, MAX_TAGS, MIN_TAGS } from './metadata-output.js';
import { errorTypeOfStatus, MetadataProviderError, parseRetryAfter } from './provider-error.js';

/** What a hosted model is told; the answer is checked against the same rules (validateMetadataOutput). */
export const METADATA_INSTRUCTIONS =
  'You write search metadata for documents of an automotive parts business: product descriptions and project ' +
  'documents. You get the title and content as JSON. Answer with JSON only: {"summary": string, "tags": string[]}. ' +
  `summary: plain text, at most ${MAX_SUMMARY_CHARS} characters, what the document is about, no markdown. ` +
  `tags: ${MIN_TAGS} to ${MAX_TAGS} distinct lower-case keyphrases of 1 to 3 words taken from the document: the ` +
  'parts, vehicles, materials, standards and topics it is about.';

/** The user message: the document as JSON, so its text is data, not instructions. */
export const metadataPrompt = (input: MetadataInput): string =>
  JSON.stringify({ title: input.title, content: input.content });

/**
 * POSTs `body` as JSON and returns the answer's parsed JSON. No HTTP answer is a `network` error (the chain
 * tells a timeout or a cancel from it by its own signals), a status other than 2xx is classified by
 * errorTypeOfStatus with its Retry-After, a 2xx answer that is not JSON is `invalid_output`.
 */
export async function postJson(
  provider: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal,
): Promise<unknown> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
    text = await res.text();
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause;
    throw new MetadataProviderError(
      'network',
      `${provider}: no answer from ${url}: ${(err as Error).message}${cause?.message ? ` (${cause.message})` : ''}`,
      { cause: err },
    );
  }
  if (!res.ok)
    throw new MetadataProviderError(
      errorTypeOfStatus(res.status),
      `${provider}: HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
      { status: res.status, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) },
    );
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MetadataProviderError(
      'invalid_output',
      `${provider}: the answer is not JSON (${(err as Error).message}): ${text.slice(0, 100)}`,
    );
  }
}

/** A token count of an answer: a non-negative integer, else 0. */
export const tokenCount = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
