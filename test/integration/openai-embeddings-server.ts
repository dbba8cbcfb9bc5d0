// A small HTTP server that speaks the OpenAI embeddings protocol, for the indexer's OpenAiEmbedder tests. Each
// request takes the next answer of `script` (then `ok`); vectors are derived from the text, so equal texts match.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeHttpServer } from '../support/fake-http-server.js';

export type EmbeddingsAnswer = 'ok' | 'http-429' | 'http-500' | 'http-400' | 'hang' | 'not-json' | 'short' | 'no-data';

export interface EmbeddingsRequest {
  authorization: string | undefined;
  body: { model?: string; input?: string[]; encoding_format?: string };
  at: number;
}

export class FakeEmbeddingsServer extends FakeHttpServer {
  /** Answers of the next requests, in order; once used up, every request gets `ok`. */
  script: EmbeddingsAnswer[] = [];
  /** Seconds sent as Retry-After with a 429 (none when null). */
  retryAfterSeconds: number | null = null;
  readonly requests: EmbeddingsRequest[] = [];

  constructor(readonly dimensions = 8) {
    super();
  }

  /** The vector the server gives `text` (not normalized). */
  vectorOf(text: string): number[] {
    const digest = createHash('sha256').update(text).digest();
    return Array.from({ length: this.dimensions }, (_, i) => digest[i % digest.length] - 128);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    this.requests.push({ authorization: req.headers.authorization, body, at: Date.now() });
    const answer = this.script.shift() ?? 'ok';
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    const inputs: string[] = body.input ?? [];
    switch (answer) {
      case 'hang':
        return; // never answers: the client's deadline must end it
      case 'http-429':
        json(
          429,
          { error: { message: 'Rate limit reached' } },
          this.retryAfterSeconds === null ? {} : { 'retry-after': String(this.retryAfterSeconds) },
        );
        return;
      case 'http-500':
        json(500, { error: { message: 'upstream overloaded' } });
        return;
      case 'http-400':
        json(400, { error: { message: 'input too long' } });
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>gateway error</html>');
        return;
      case 'no-data':
        json(200, { object: 'list', result: [] });
        return;
      case 'short':
      case 'ok': {
        // Answers in reverse order, each with its index, as the protocol allows.
        const data = inputs
          .map((text, index) => ({
            object: 'embedding',
            index,
            embedding: answer === 'short' ? this.vectorOf(text).slice(1) : this.vectorOf(text),
          }))
          .reverse();
        json(200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
      }
    }
  }
}
