// A small HTTP server that speaks the OpenAI chat-completions protocol, for the fitment provider tests: it
// answers with structured output choosing among the candidate ids the request's JSON schema allows.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeHttpServer } from '../support/fake-http-server.js';

export type ChatMode = 'keep-all' | 'keep-first' | 'http-500' | 'bad-id' | 'not-json' | 'hang';

export interface ChatRequest {
  model: string;
  authorization: string | undefined;
  partNumber: string | null;
  candidateIds: number[];
  body: Record<string, any>;
}

export class FakeChatServer extends FakeHttpServer {
  mode: ChatMode = 'keep-all';
  /** Milliseconds each answer waits (a slow model). */
  delayMs = 0;
  readonly requests: ChatRequest[] = [];

  requestsFor(partNumber: string): ChatRequest[] {
    return this.requests.filter((r) => r.partNumber === partNumber);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const schema = body.response_format?.json_schema?.schema;
    const candidateIds: number[] = schema?.properties?.fitments?.items?.properties?.vehicle_id?.enum ?? [];
    const user = JSON.parse(body.messages?.find((m: { role: string }) => m.role === 'user')?.content ?? '{}');
    this.requests.push({
      model: body.model,
      authorization: req.headers.authorization,
      partNumber: user.part?.part_number ?? null,
      candidateIds,
      body,
    });
    if (this.mode === 'hang') return; // never answers: the client's deadline must end it
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.mode === 'http-500') {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'model overloaded' } }));
      return;
    }
    let content: string;
    if (this.mode === 'not-json') content = 'Sure! Here are the fitments: ...';
    else {
      const ids =
        this.mode === 'bad-id' ? [123456789] : this.mode === 'keep-first' ? candidateIds.slice(0, 1) : candidateIds;
      content = JSON.stringify({
        fitments: ids.map((id) => ({
          vehicle_id: id,
          confidence: 0.91,
          reasoning: `checked ${id} against the part text`,
        })),
      });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      }),
    );
  }
}
