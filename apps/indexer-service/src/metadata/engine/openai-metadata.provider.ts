import { METADATA_INSTRUCTIONS, metadataPrompt, postJson, tokenCount } from './hosted-request.js';
import type { GeneratedMetadata, MetadataInput, TokenUsage } from './metadata-generator.js';
import { InvalidMetadataError, parseMetadataJson } from './metadata-output.js';
import type { MetadataProvider } from './metadata-provider.js';
import { MetadataProviderError } from './provider-error.js';

export interface OpenAiMetadataOptions {
  /** Base URL of the API; `/chat/completions` is appended (`https://api.openai.com/v1`, `http://host:11434/v1` ...). */
  baseUrl: string;
  apiKey: string;
  model: string;
}

/** Structured-outputs schema of the answer (strict: every property required, no others). */
export const OPENAI_METADATA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'tags'],
  properties: {
    summary: { type: 'string', description: 'What the document is about, plain text, at most 300 characters.' },
    tags: {
      type: 'array',
      description: '3 to 12 distinct lower-case keyphrases of 1 to 3 words.',
      items: { type: 'string' },
    },
  },
} as const;

/**
 * One attempt at metadata from an OpenAI-compatible chat-completions API: temperature 0, structured output with a
 * strict JSON schema (`response_format: json_schema`), the key as a Bearer token, `usage` read for tokens. A refusal,
 * an answer cut by the token limit or one not of the schema is `invalid_output`, with the tokens it used.
 */
export class OpenAiMetadataProvider implements MetadataProvider {
  readonly name = 'openai' as const;
  readonly model: string;
  private readonly url: string;

  constructor(private readonly opts: OpenAiMetadataOptions) {
    this.model = opts.model;
    this.url = `${opts.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  }

  async generate(input: MetadataInput, signal: AbortSignal): Promise<GeneratedMetadata> {
    const json = await postJson(
      this.name,
      this.url,
      { authorization: `Bearer ${this.opts.apiKey}` },
      {
        model: this.opts.model,
        temperature: 0,
        messages: [
          { role: 'system', content: METADATA_INSTRUCTIONS },
          { role: 'user', content: metadataPrompt(input) },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'document_metadata', strict: true, schema: OPENAI_METADATA_SCHEMA },
        },
      },
      signal,
    );
    return parseOpenAiMetadata(json, this.model);
  }
}

/** Reads a chat-completions answer: `choices[0].message.content` as the schema's JSON, `usage` as tokens. */
export function parseOpenAiMetadata(json: unknown, model: string): GeneratedMetadata {
  const answer = json as {
    model?: unknown;
    choices?: Array<{ finish_reason?: unknown; message?: { content?: unknown; refusal?: unknown } }>;
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
  } | null;
  const tokens: TokenUsage = {
    prompt: tokenCount(answer?.usage?.prompt_tokens),
    completion: tokenCount(answer?.usage?.completion_tokens),
  };
  const invalid = (message: string) => new MetadataProviderError('invalid_output', `openai: ${message}`, { tokens });
  const choice = answer?.choices?.[0];
  const message = choice?.message;
  if (typeof message?.refusal === 'string' && message.refusal)
    throw invalid(`the model refused: ${message.refusal.slice(0, 200)}`);
  if (choice?.finish_reason === 'length') throw invalid('the answer was cut at the token limit');
  if (typeof message?.content !== 'string') throw invalid('the answer has no message content');
  try {
    const { summary, tags } = parseMetadataJson(message.content);
    return {
      summary,
      tags,
      provider: 'openai',
      model: typeof answer?.model === 'string' && answer.model ? answer.model : model,
      tokens,
    };
  } catch (err) {
    if (err instanceof InvalidMetadataError) throw invalid(err.message);
    throw err;
  }
}
