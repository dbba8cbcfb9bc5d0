/** What a metadata generator reads: a document's title and its content, already cut at METADATA_MAX_CONTENT_CHARS. */
export interface MetadataInput {
  title: string;
  content: string;
}

/** Tokens a hosted model reported (0 for the local engine). */
export interface TokenUsage {
  prompt: number;
  completion: number;
}

/** A summary and tags for one document, and who wrote them. */
export interface GeneratedMetadata {
  /** Plain text, at most 300 characters. */
  summary: string;
  /** Normalized (lower case, single spaces), deduplicated, 3 to 12 of them. */
  tags: string[];
  /** The provider that answered: `openai`, `gemini` or `local`. */
  provider: string;
  /** The model that answered (the local engine names its own, e.g. `wink-textrank-1`). */
  model: string;
  tokens: TokenUsage;
}

/**
 * Writes metadata for one document. The default is the provider chain (OpenAI, then Gemini, then the local engine),
 * which throws only when every provider failed; `signal` aborts a generation in flight (a cancelled job).
 */
export interface MetadataGenerator {
  generate(input: MetadataInput, signal?: AbortSignal): Promise<GeneratedMetadata>;
}

/** Injection token of the MetadataGenerator. */
export const METADATA_GENERATOR = Symbol('METADATA_GENERATOR');
