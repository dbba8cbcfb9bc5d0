import type { ErrorEnvelopeDto } from '@torque/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES, type ServerOptions, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { GatewayEnv } from '../config/gateway-env.js';

/** How long a connection answered by clientErrorHandler may stay half-open for the client to read the answer. */
const CLOSE_GRACE_MS = 2000;

/** A raw HTTP/1.1 answer in the error envelope, for a socket no response object speaks for. */
function rawAnswer(status: number, envelope: ErrorEnvelopeDto): string {
  const body = JSON.stringify(envelope);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Fastify's options for clients that are slow or send what no route can take. Timeouts: `requestTimeout`, the
 * deadline of a whole request (headers and body), `connectionTimeout`, how long a connection may be silent (see
 * cutStalledRequests), and `keepAliveTimeout`, how long an idle kept-alive connection stays open. Errors found
 * before any route has the request are answered in the error envelope too: those of the connection (that
 * deadline, headers too large, not HTTP) and those of the router (a path that is not valid percent-encoding,
 * a path parameter longer than the router takes).
 */
export function httpServerOptions(env: GatewayEnv) {
  return {
    requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: env.HTTP_IDLE_TIMEOUT_MS,
    keepAliveTimeout: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      // Node looks for requests past requestTimeout every connectionsCheckingInterval (30 s by default), and
      // only when headersTimeout (60 s by default) is not above requestTimeout.
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(env.HTTP_REQUEST_TIMEOUT_MS / 10))),
      headersTimeout: Math.min(60_000, env.HTTP_REQUEST_TIMEOUT_MS),
    } satisfies ServerOptions,
    clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      let answer: string;
      if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        answer = rawAnswer(408, {
          error: 'request_timeout',
          message: `The request did not arrive in full within ${env.HTTP_REQUEST_TIMEOUT_MS} ms (HTTP_REQUEST_TIMEOUT_MS)`,
        });
      } else if (err.code === 'HPE_HEADER_OVERFLOW') {
        answer = rawAnswer(431, { error: 'bad_request', message: 'The request line and headers are too large' });
      } else {
        answer = rawAnswer(400, { error: 'bad_request', message: 'The request is not valid HTTP' });
      }
      // As Node does, answer only when no answer on the connection is half sent (a kept-alive connection may
      // have carried others before); end the connection rather than destroy it, so that a client still sending
      // its request reads the answer instead of a reset.
      const inProgress = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
      if (socket.writable && !inProgress?.headersSent) {
        socket.end(answer);
        // What the client still sends is read and dropped: closing with it unread would reset the connection.
        socket.resume();
        setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
      } else {
        socket.destroy(err);
      }
    },
    frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .code(status)
        .header('content-type', 'application/json; charset=utf-8')
        .send({ error: 'bad_request', message: error.message } satisfies ErrorEnvelopeDto);
    },
  };
}

/**
 * Cuts a client that stops sending its request: when its connection was silent for HTTP_IDLE_TIMEOUT_MS
 * (`connectionTimeout`) while the request has not fully arrived, the answer is 408 `request_timeout` and the
 * connection is closed, so a handler reading the body (an upload) fails and cleans up. A silent connection whose
 * request did arrive is waiting for its answer (a preview, an import) and is left alone, as is one whose body
 * the gateway has not read yet (backpressure: the gateway is the slow side).
 */
export function cutStalledRequests(fastify: FastifyInstance, env: GatewayEnv): void {
  fastify.addHook('onRequest', async (request, reply) => {
    // Node sets it per connection once; a kept-alive connection's later requests get it again here.
    request.raw.socket?.setTimeout(env.HTTP_IDLE_TIMEOUT_MS);
    // With a listener on the response, Node no longer closes the connection itself on timeout.
    reply.raw.on('timeout', (socket: Socket) => {
      if (request.raw.complete || request.raw.readableLength > 0) return;
      if (!reply.raw.headersSent) {
        const body = JSON.stringify({
          error: 'request_timeout',
          message: `The request stalled: nothing arrived for ${env.HTTP_IDLE_TIMEOUT_MS} ms (HTTP_IDLE_TIMEOUT_MS)`,
        } satisfies ErrorEnvelopeDto);
        reply.raw.writeHead(408, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          connection: 'close',
          'x-correlation-id': String(request.id),
        });
        reply.raw.end(body, () => socket.destroy());
      } else {
        socket.destroy();
      }
    });
  });
}
