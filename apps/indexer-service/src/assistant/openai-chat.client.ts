import { ChatProviderError, type AssistantChatProvider, type ChatAnswer, type ChatProduct } from './chat-provider.js';

export interface OpenAiAssistantChatOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Deadline of the answer, all attempts together. */
  timeoutMs: number;
  /** Attempts after the first on 429, 5xx and connection errors, within the deadline. */
  maxRetries: number;
  retryDelayMs?: number;
}

const SYSTEM_PROMPT =
  'You answer questions of an automotive parts shop. You get a question and the products a search found ' +
  '(part number, name, brand, category, text). Answer in at most three sentences using only those products; ' +
  'cite each product you mention by its part number in square brackets, e.g. [KB-70]. If none of them answers ' +
  'the question, say so. Answer with JSON only: {"answer": string, "cited": [part numbers you cited]}.';

/** JSON schema of the answer; `cited` is limited to the retrieved part numbers. */
export function assistantAnswerSchema(partNumbers: readonly string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['answer', 'cited'],
    properties: {
      answer: { type: 'string' },
      cited: { type: 'array', items: { type: 'string', enum: [...new Set(partNumbers)] } },
    },
  };
}

/** Reads a chat-completions answer; anything not as the schema says is a ChatProviderError. */
export function parseChatAnswer(text: string): ChatAnswer {
  let content: unknown;
  try {
    const json = JSON.parse(text) as { choices?: Array<{ message?: { content?: unknown; refusal?: unknown } }> };
    const message = json.choices?.[0]?.message;
    if (typeof message?.refusal === 'string' && message.refusal)
      throw new ChatProviderError(`the model refused: ${message.refusal.slice(0, 200)}`);
    if (typeof message?.content !== 'string') throw new ChatProviderError('the answer has no message content');
    content = JSON.parse(message.content);
  } catch (err) {
    if (err instanceof ChatProviderError) throw err;
    throw new ChatProviderError(`the answer is not the JSON asked for: ${(err as Error).message}`);
  }
  const c = content as { answer?: unknown; cited?: unknown };
  if (typeof c?.answer !== 'string') throw new ChatProviderError('the answer has no answer text');
  if (!Array.isArray(c.cited) || !c.cited.every((p) => typeof p === 'string'))
    throw new ChatProviderError('the answer has no cited array of part numbers');
  return { answer: c.answer.slice(0, 4000), cited: c.cited as string[] };
}

const retryable = (status: number) => status === 429 || status >= 500;

/**
 * The assistant's chat over an OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM, llama.cpp server):
 * temperature 0, structured output with a strict JSON schema, a deadline per request, retries on 429, 5xx and
 * connection errors with a doubling delay.
 */
export class OpenAiAssistantChat implements AssistantChatProvider {
  readonly provider = 'openai';
  readonly model: string;

  constructor(private readonly opts: OpenAiAssistantChatOptions) {
    this.model = opts.model;
  }

  async answer(question: string, products: readonly ChatProduct[]): Promise<ChatAnswer> {
    const body = JSON.stringify({
      model: this.opts.model,
      temperature: 0,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: JSON.stringify({ question, products }) },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'assistant_answer',
          strict: true,
          schema: assistantAnswerSchema(products.map((p) => p.part_number)),
        },
      },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
    const url = `${this.opts.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    let delay = this.opts.retryDelayMs ?? 200;
    // One deadline for every attempt: the caller's answer never waits on the model longer than timeoutMs.
    const deadline = AbortSignal.timeout(this.opts.timeoutMs);
    const ends = Date.now() + this.opts.timeoutMs;
    const canRetry = (attempt: number) => attempt < this.opts.maxRetries && Date.now() + delay < ends;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, { method: 'POST', headers, body, signal: deadline });
        text = await res.text();
      } catch (err) {
        if (deadline.aborted) throw new ChatProviderError(`no answer within ${this.opts.timeoutMs} ms`);
        if (canRetry(attempt)) {
          await sleep(delay);
          delay *= 2;
          continue;
        }
        throw new ChatProviderError(`request failed: ${(err as Error).message}`);
      }
      if (res.ok) return parseChatAnswer(text);
      if (retryable(res.status) && canRetry(attempt)) {
        await sleep(delay);
        delay *= 2;
        continue;
      }
      throw new ChatProviderError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
