// Small HTTP servers that speak the OpenAI chat-completions and Gemini generateContent protocols, for the metadata
// provider chain's tests. Each request takes the next answer of `script` (then `ok`); `ok` is `metadata` as the
// model's JSON, with the token usage of `usage`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeHttpServer } from '../support/fake-http-server.js';

export type ModelAnswer =
  | 'ok'
  | 'http-429'
  | 'http-500'
  | 'http-503'
  | 'http-401'
  | 'hang'
  | 'not-json'
  | 'content-not-json'
  | 'summary-too-long'
  | 'tags-not-strings'
  | 'missing-tags'
  | 'too-few-tags'
  | 'refusal'
  | 'reset';

export interface ModelRequest {
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  at: number;
}

abstract class FakeModelServer extends FakeHttpServer {
  script: ModelAnswer[] = [];
  /** Sent as Retry-After with a 429 (none when null). */
  retryAfter: string | null = null;
  metadata: { summary: unknown; tags: unknown } = {
    summary: 'Ceramic brake pads with a low-dust compound.',
    tags: ['Brake Pads', 'ceramic', 'low  dust', 'brake pads'],
  };
  usage = { prompt: 120, completion: 30 };
  readonly requests: ModelRequest[] = [];
  /** Requests that got no answer yet (hang), ended on stop. */
  private readonly hanging: ServerResponse[] = [];

  /** Path the protocol posts to. */
  protected abstract readonly path: string;
  protected abstract answer(content: string): unknown;

  reset(): void {
    this.script = [];
    this.retryAfter = null;
    this.requests.length = 0;
    this.metadata = {
      summary: 'Ceramic brake pads with a low-dust compound.',
      tags: ['Brake Pads', 'ceramic', 'low  dust', 'brake pads'],
    };
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== this.path) {
      res.writeHead(404).end();
      return;
    }
    this.requests.push({
      url: req.url,
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      at: Date.now(),
    });
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    const answer = this.script.shift() ?? 'ok';
    const model = (content: unknown) => json(200, this.answer(JSON.stringify(content)));
    switch (answer) {
      case 'hang':
        this.hanging.push(res);
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'http-429':
        json(
          429,
          { error: { message: 'Rate limit reached' } },
          this.retryAfter === null ? {} : { 'retry-after': this.retryAfter },
        );
        return;
      case 'http-500':
        json(500, { error: { message: 'upstream overloaded' } });
        return;
      case 'http-503':
        json(503, { error: { message: 'unavailable' } });
        return;
      case 'http-401':
        json(401, { error: { message: 'Incorrect API key provided' } });
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
        return;
      case 'content-not-json':
        json(200, this.answer('Here are your tags: brake pads, ceramic'));
        return;
      case 'summary-too-long':
        model({ ...this.metadata, summary: `${'word '.repeat(70)}end` });
        return;
      case 'tags-not-strings':
        model({ ...this.metadata, tags: ['brake pads', 7, 'ceramic'] });
        return;
      case 'missing-tags':
        model({ summary: this.metadata.summary });
        return;
      case 'too-few-tags':
        model({ ...this.metadata, tags: ['brake pads', 'Brake  Pads'] });
        return;
      case 'refusal':
        json(200, this.refusal());
        return;
      case 'ok':
        model(this.metadata);
    }
  }

  protected refusal(): unknown {
    return this.answer('');
  }

  override async stop(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    await super.stop();
  }
}

export class FakeOpenAiChatServer extends FakeModelServer {
  protected readonly path = '/v1/chat/completions';

  protected answer(content: string): unknown {
    return {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
      usage: {
        prompt_tokens: this.usage.prompt,
        completion_tokens: this.usage.completion,
        total_tokens: this.usage.prompt + this.usage.completion,
      },
    };
  }

  protected override refusal(): unknown {
    return {
      choices: [
        { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: null, refusal: 'I cannot.' } },
      ],
      usage: { prompt_tokens: this.usage.prompt, completion_tokens: 3, total_tokens: this.usage.prompt + 3 },
    };
  }
}

export class FakeGeminiServer extends FakeModelServer {
  constructor(readonly model = 'gemini-2.5-flash') {
    super();
  }

  protected get path(): string {
    return `/v1beta/models/${this.model}:generateContent`;
  }

  /** The origin the Gemini provider is given (GEMINI_BASE_URL). */
  get origin(): string {
    return this.baseUrl.replace(/\/v1$/, '');
  }

  protected answer(content: string): unknown {
    return {
      candidates: [{ content: { role: 'model', parts: [{ text: content }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: {
        promptTokenCount: this.usage.prompt,
        candidatesTokenCount: this.usage.completion,
        thoughtsTokenCount: 5,
        totalTokenCount: this.usage.prompt + this.usage.completion + 5,
      },
      modelVersion: this.model,
    };
  }

  protected override refusal(): unknown {
    return { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: this.usage.prompt } };
  }
}
