// A small HTTP server that speaks the OpenAI chat-completions protocol for the assistant tests: it answers with
// the structured output `{answer, cited}` citing the products of the request as its mode says.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeHttpServer } from '../support/fake-http-server.js';

export type AssistantChatMode = 'cite-first' | 'cite-unknown-too' | 'cite-only-unknown' | 'http-500' | 'hang';

export interface AssistantChatRequest {
  model: string;
  authorization: string | undefined;
  question: string;
  products: Array<{ part_number: string; name: string; text: string }>;
  body: Record<string, any>;
}

export class AssistantChatServer extends FakeHttpServer {
  mode: AssistantChatMode = 'cite-first';
  readonly requests: AssistantChatRequest[] = [];

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const user = JSON.parse(body.messages?.find((m: { role: string }) => m.role === 'user')?.content ?? '{}');
    this.requests.push({
      model: body.model,
      authorization: req.headers.authorization,
      question: user.question,
      products: user.products ?? [],
      body,
    });
    if (this.mode === 'hang') return; // never answers: the client's deadline must end it
    if (this.mode === 'http-500') {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'model overloaded' } }));
      return;
    }
    const first = user.products?.[0]?.part_number as string;
    const answer =
      this.mode === 'cite-first'
        ? `The ${user.products[0].name} [${first}] answers it.`
        : this.mode === 'cite-unknown-too'
          ? `Take [${first}] or [NOPE-999].`
          : 'Take [NOPE-999].';
    const cited =
      this.mode === 'cite-first' ? [first] : this.mode === 'cite-unknown-too' ? [first, 'NOPE-999'] : ['NOPE-999'];
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        model: body.model,
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: JSON.stringify({ answer, cited }) },
          },
        ],
      }),
    );
  }
}
