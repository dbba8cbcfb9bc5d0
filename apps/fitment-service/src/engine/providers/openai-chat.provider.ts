import type { FitmentCandidate, ProductInput } from '../fitment-engine.types.js';
import { candidateCatalogId, type FitmentProvider, type ProviderVerdict } from './fitment-provider.js';
import { ProviderError } from './provider.error.js';

export interface OpenAiChatOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

const SYSTEM_PROMPT =
  'You check automotive part fitments. You get a part (number, name, description, category, attributes) and ' +
  'candidate vehicles from a vehicle catalog, each with an id. Keep only the candidates the part really fits ' +
  'according to its text, with a confidence between 0 and 1 and a one-sentence reason naming the evidence. ' +
  'Answer with JSON only, using only the candidate ids given.';

const MAX_TEXT = 4000;

/**
 * An OpenAI-compatible chat-completions client (OpenAI, Azure-style proxies, Ollama, vLLM, llama.cpp
 * server): structured output with a JSON schema whose `vehicle_id` is an enum of the candidates'
 * catalog ids, so the model cannot name a vehicle that does not exist.
 */
export class OpenAiChatProvider implements FitmentProvider {
  readonly label: string;

  constructor(private readonly opts: OpenAiChatOptions) {
    this.label = `openai:${opts.model}`;
  }

  async review(
    product: ProductInput,
    candidates: readonly FitmentCandidate[],
    signal: AbortSignal,
  ): Promise<ProviderVerdict[]> {
    const ids = [...new Set(candidates.map(candidateCatalogId))];
    const body = {
      model: this.opts.model,
      temperature: 0,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: JSON.stringify(promptOf(product, candidates)) },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'fitment_review', strict: true, schema: answerSchema(ids) },
      },
    };
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
    const deadline = AbortSignal.timeout(this.opts.timeoutMs);
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, deadline]),
      });
    } catch (err) {
      if (deadline.aborted) throw new ProviderError(`no answer within ${this.opts.timeoutMs} ms`);
      throw err instanceof Error && signal.aborted
        ? err
        : new ProviderError(`request failed: ${(err as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new ProviderError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    return parseAnswer(text, new Set(ids));
  }
}

function promptOf(product: ProductInput, candidates: readonly FitmentCandidate[]) {
  return {
    part: {
      part_number: product.part_number ?? null,
      name: product.name ?? null,
      description: (product.description ?? '').slice(0, MAX_TEXT),
      category: product.category ?? null,
      attributes: product.attributes ?? {},
    },
    candidates: candidates.map((c) => ({
      id: candidateCatalogId(c),
      vehicle: `${c.year} ${c.make} ${c.model}${c.submodel ? ` ${c.submodel}` : ''}${c.engine ? ` ${c.engine}` : ''}`,
      local_confidence: c.confidence,
    })),
  };
}

/** JSON schema of the answer: `{fitments: [{vehicle_id, confidence, reasoning}]}`, ids limited to the candidates. */
export function answerSchema(ids: number[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['fitments'],
    properties: {
      fitments: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['vehicle_id', 'confidence', 'reasoning'],
          properties: {
            vehicle_id: { type: 'integer', enum: ids },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            reasoning: { type: 'string' },
          },
        },
      },
    },
  };
}

/** Reads a chat-completions answer; anything not as the schema says is a ProviderError. */
export function parseAnswer(text: string, allowed: ReadonlySet<number>): ProviderVerdict[] {
  let content: unknown;
  try {
    const json = JSON.parse(text) as { choices?: Array<{ message?: { content?: unknown; refusal?: unknown } }> };
    const message = json.choices?.[0]?.message;
    if (typeof message?.refusal === 'string' && message.refusal)
      throw new ProviderError(`the model refused: ${message.refusal.slice(0, 200)}`);
    if (typeof message?.content !== 'string') throw new ProviderError('the answer has no message content');
    content = JSON.parse(message.content);
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    throw new ProviderError(`the answer is not the JSON asked for: ${(err as Error).message}`);
  }
  const fitments = (content as { fitments?: unknown })?.fitments;
  if (!Array.isArray(fitments)) throw new ProviderError('the answer has no fitments array');
  const verdicts = new Map<number, ProviderVerdict>();
  for (const f of fitments as Array<Record<string, unknown>>) {
    const id = f?.vehicle_id;
    const confidence = f?.confidence;
    if (typeof id !== 'number' || !allowed.has(id))
      throw new ProviderError(`the answer names ${String(id)}, which is not a candidate`);
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))
      throw new ProviderError(`confidence ${String(confidence)} of ${id} is not within 0..1`);
    verdicts.set(id, {
      vehicleId: id,
      confidence,
      reasoning: typeof f.reasoning === 'string' ? f.reasoning.slice(0, 500) : '',
    });
  }
  return [...verdicts.values()];
}
