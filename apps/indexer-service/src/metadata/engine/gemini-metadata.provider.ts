import { METADATA_INSTRUCTIONS, metadataPrompt, postJson, tokenCount } from './hosted-request.js';
import type { GeneratedMetadata, MetadataInput, TokenUsage } from './metadata-generator.js';
import { InvalidMetadataError, MAX_TAGS, MIN_TAGS, parseMetadataJson } from './metadata-output.js';
import type { MetadataProvider } from './metadata-provider.js';
import { MetadataProviderError } from './provider-error.js';

export interface GeminiMetadataOptions {
  /** Origin of the API (`https://generativelanguage.googleapis.com`); `/v1beta/models/{model}:generateContent` follows. */
  baseUrl: string;
  apiKey: string;
  model: string;
}

/** The answer's `responseSchema` (the API's OpenAPI subset). */
export const GEMINI_METADATA_SCHEMA = {
  type: 'OBJECT',
  required: ['summary', 'tags'],
  propertyOrdering: ['summary', 'tags'],
  properties: {
    summary: { type: 'STRING', description: 'What the document is about, plain text, at most 300 characters.' },
    tags: {
      type: 'ARRAY',
      description: '3 to 12 distinct lower-case keyphrases of 1 to 3 words.',
      items: { type: 'STRING' },
      minItems: MIN_TAGS,
      maxItems: MAX_TAGS,
    },
  },
} as const;

/** Finish reasons of a complete answer; any other (MAX_TOKENS, SAFETY, RECITATION ...) is `invalid_output`. */
const FINISHED = new Set([undefined, 'STOP', 'FINISH_REASON_UNSPECIFIED']);

/**
 * One attempt at metadata from the Gemini API's `generateContent`: the key in `x-goog-api-key`, temperature 0,
 * `responseMimeType: application/json` with a `responseSchema`, `usageMetadata` read for tokens (thinking tokens
 * count as completion: they are billed as output).
 */
export class GeminiMetadataProvider implements MetadataProvider {
  readonly name = 'gemini' as const;
  readonly model: string;
  private readonly url: string;

  constructor(private readonly opts: GeminiMetadataOptions) {
    this.model = opts.model;
    this.url = `${opts.baseUrl.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(opts.model)}:generateContent`;
  }

  async generate(input: MetadataInput, signal: AbortSignal): Promise<GeneratedMetadata> {
    const json = await postJson(
      this.name,
      this.url,
      { 'x-goog-api-key': this.opts.apiKey },
      {
        systemInstruction: { parts: [{ text: METADATA_INSTRUCTIONS }] },
        contents: [{ role: 'user', parts: [{ text: metadataPrompt(input) }] }],
        generationConfig: {
          temperature: 0,
          responseMimeType: 'application/json',
          responseSchema: GEMINI_METADATA_SCHEMA,
        },
      },
      signal,
    );
    return parseGeminiMetadata(json, this.model);
  }
}

/** Reads a `generateContent` answer: the first candidate's text parts as the schema's JSON, `usageMetadata` as tokens. */
export function parseGeminiMetadata(json: unknown, model: string): GeneratedMetadata {
  const answer = json as {
    modelVersion?: unknown;
    promptFeedback?: { blockReason?: unknown };
    candidates?: Array<{ finishReason?: unknown; content?: { parts?: Array<{ text?: unknown; thought?: unknown }> } }>;
    usageMetadata?: { promptTokenCount?: unknown; candidatesTokenCount?: unknown; thoughtsTokenCount?: unknown };
  } | null;
  const usage = answer?.usageMetadata;
  const tokens: TokenUsage = {
    prompt: tokenCount(usage?.promptTokenCount),
    completion: tokenCount(usage?.candidatesTokenCount) + tokenCount(usage?.thoughtsTokenCount),
  };
  const invalid = (message: string) => new MetadataProviderError('invalid_output', `gemini: ${message}`, { tokens });
  const blocked = answer?.promptFeedback?.blockReason;
  if (typeof blocked === 'string' && blocked) throw invalid(`the prompt was blocked: ${blocked}`);
  const candidate = answer?.candidates?.[0];
  if (!candidate) throw invalid('the answer has no candidate');
  if (!FINISHED.has(candidate.finishReason as string | undefined))
    throw invalid(`the answer ended with ${String(candidate.finishReason)}`);
  const parts = candidate.content?.parts;
  if (!Array.isArray(parts)) throw invalid('the answer has no content parts');
  const texts = parts.filter((p) => p?.thought !== true).map((p) => p?.text);
  if (texts.length === 0 || !texts.every((t) => typeof t === 'string')) throw invalid('the answer has no text');
  try {
    const { summary, tags } = parseMetadataJson(texts.join(''));
    return {
      summary,
      tags,
      provider: 'gemini',
      model: typeof answer?.modelVersion === 'string' && answer.modelVersion ? answer.modelVersion : model,
      tokens,
    };
  } catch (err) {
    if (err instanceof InvalidMetadataError) throw invalid(err.message);
    throw err;
  }
}
