import type { StageSink } from '@torque/platform';
import type { FastifyInstance } from 'fastify';
import { performance } from 'node:perf_hooks';

/** Stage names are tokens (RFC 9110) and their detail a quoted string: nothing a client could misread. */
const TOKEN = /^[a-z][a-z0-9_.-]*$/;

/**
 * The stages of one request and how long each took, answered as `Server-Timing` (W3C): `auth`, `ratelimit`,
 * one `rpc` per RabbitMQ request (its service as `desc`) and `gateway`, the whole time in the gateway up to
 * the answer. Browsers show it beside the request; bench:rpc sums it into where a request's time goes.
 */
export class ServerTiming implements StageSink {
  private readonly started = performance.now();
  private readonly entries: string[] = [];

  add(stage: string, ms: number, detail?: string): void {
    if (!TOKEN.test(stage)) throw new Error(`not a Server-Timing name: ${stage}`);
    const desc = detail && TOKEN.test(detail) ? `;desc="${detail}"` : '';
    this.entries.push(`${stage}${desc};dur=${ms.toFixed(2)}`);
  }

  /** Runs `fn` as stage `stage`, also when it throws. */
  async time<T>(stage: string, fn: () => Promise<T>, detail?: string): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add(stage, performance.now() - start, detail);
    }
  }

  header(): string {
    return [...this.entries, `gateway;dur=${(performance.now() - this.started).toFixed(2)}`].join(', ');
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    serverTiming?: ServerTiming;
  }
}

/** Starts each request's timing when it arrives and answers it in the `Server-Timing` header. */
export function useServerTiming(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    request.serverTiming = new ServerTiming();
  });
  fastify.addHook('onSend', async (request, reply) => {
    if (request.serverTiming && !reply.hasHeader('server-timing'))
      void reply.header('server-timing', request.serverTiming.header());
  });
}
