import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const IDLE_MS = 500;
const REQUEST_MS = 2000;
const KEEP_ALIVE_MS = 1000;
const RPC_TIMEOUT_MS = 1500;
/** Node looks for requests past HTTP_REQUEST_TIMEOUT_MS every tenth of it; timers and a busy machine add more. */
const SLACK_MS = 1000;

interface RawAnswer {
  status?: number;
  headers: string;
  body: string;
  /** ms from the start until the first byte of the answer. */
  answeredAfter: number;
  /** ms from the start until the gateway closed the connection. */
  closedAfter: number;
}

/** A raw HTTP/1.1 exchange: `send` writes to the socket as it likes; resolves once the gateway closes it. */
function exchange(url: string, send: (socket: Socket) => void, giveUpMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => send(socket));
    let received = '';
    let answeredAfter = -1;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection was still open after ${giveUpMs} ms; received: ${received.slice(0, 200)}`));
    }, giveUpMs);
    socket.on('data', (chunk) => {
      if (answeredAfter < 0) answeredAfter = Date.now() - started;
      received += chunk.toString('utf8');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const [headers, ...body] = received.split('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1];
      resolve({
        status: status ? Number(status) : undefined,
        headers,
        body: body.join('\r\n\r\n'),
        answeredAfter,
        closedAfter: Date.now() - started,
      });
    });
  });
}

describe('gateway: slow, stalled and idle clients are cut, with the error envelope', () => {
  let suite: Suite;
  let storageDir: string;
  let token: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'torque-slow-clients-'));
    // No service runs: every request here is answered (or cut) by the gateway itself.
    suite = await startSuite({
      services: [],
      env: {
        STORAGE_DIR: storageDir,
        HTTP_IDLE_TIMEOUT_MS: String(IDLE_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
        RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
      },
    });
    token = await suite.token({ tenants: ['slow'], roles: ['admin'] });
  });
  afterAll(async () => {
    await suite?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  const boundary = 'slowboundary';
  const form =
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nproducts\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stalled.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\npart_number,name\n${'P-1,A part\n'.repeat(200)}`;
  const uploadHead = (contentLength: number) =>
    `POST /api/v1/ingestion/uploads HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${token}\r\n` +
    `X-Tenant-ID: slow\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
    `Content-Length: ${contentLength}\r\n\r\n`;

  it('answers an upload that stops before its Content-Length with 408 after HTTP_IDLE_TIMEOUT_MS, keeping nothing', async () => {
    const answer = await exchange(suite.gatewayUrl, (socket) => {
      socket.write(uploadHead(form.length + 10_000));
      socket.write(form);
    });
    expect(answer.status).toBe(408);
    expect(answer.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.body)).toEqual({
      error: 'request_timeout',
      message: `The request stalled: nothing arrived for ${IDLE_MS} ms (HTTP_IDLE_TIMEOUT_MS)`,
    });
    expect(answer.closedAfter).toBeGreaterThanOrEqual(IDLE_MS - 50);
    expect(answer.closedAfter).toBeLessThan(IDLE_MS + SLACK_MS);
    // The part of the file that had arrived was stored on the way, and removed when the upload failed.
    const stored = async () =>
      (await readdir(path.join(storageDir, 'uploads'), { recursive: true }).catch(() => [])).filter((name) =>
        String(name).endsWith('.csv'),
      );
    await eventually(async () => (await stored()).length === 0, 5_000).catch(async () =>
      expect(await stored()).toEqual([]),
    );
  });

  it('answers a JSON body that stops before its Content-Length with 408 as well', async () => {
    const body = '{"services":["fitment"],';
    const answer = await exchange(suite.gatewayUrl, (socket) =>
      socket.write(
        `POST /api/v1/admin/maintenance/cleanup HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${token}\r\n` +
          `X-Tenant-ID: slow\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 20}\r\n\r\n${body}`,
      ),
    );
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'request_timeout' });
    expect(answer.closedAfter).toBeLessThan(IDLE_MS + SLACK_MS);
  });

  it('cuts a client that keeps trickling its upload at HTTP_REQUEST_TIMEOUT_MS', async () => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await exchange(suite.gatewayUrl, (socket) => {
      socket.write(uploadHead(form.length + 10_000));
      socket.write(form);
      // A byte every fifth of the idle timeout: never silent long enough to be idle, never done either.
      timer = setInterval(() => socket.writable && socket.write('x'), IDLE_MS / 5);
      socket.on('close', () => clearInterval(timer));
    }).finally(() => clearInterval(timer));
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({
      error: 'request_timeout',
      message: `The request did not arrive in full within ${REQUEST_MS} ms (HTTP_REQUEST_TIMEOUT_MS)`,
    });
    expect(answer.closedAfter).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    expect(answer.closedAfter).toBeLessThan(REQUEST_MS + SLACK_MS);
  });

  it('does not cut a request that arrived in full and waits longer than HTTP_IDLE_TIMEOUT_MS for its answer', async () => {
    const started = Date.now();
    // No fitment service runs: the gateway waits RPC_TIMEOUT_MS for it, silent all along, then answers 504.
    const res = await suite.http('/api/v1/jobs?service=fitment', { tenant: 'slow' });
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: string }).error).toBe('service_timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 50);
  });

  it('closes a kept-alive connection idle for HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const answer = await exchange(suite.gatewayUrl, (socket) =>
      socket.write('GET /health/live HTTP/1.1\r\nHost: gateway\r\nConnection: keep-alive\r\n\r\n'),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatch(new RegExp(`keep-alive: timeout=${KEEP_ALIVE_MS / 1000}`, 'i'));
    // Node closes it a second after the time it announces (its keepAliveTimeoutBuffer), against races with clients.
    const idle = answer.closedAfter - answer.answeredAfter;
    expect(idle).toBeGreaterThanOrEqual(KEEP_ALIVE_MS - 50);
    expect(idle).toBeLessThan(KEEP_ALIVE_MS + 1000 + SLACK_MS);
  });

  it('answers headers too large with 431 and a URL that is not valid with 400, in the error envelope', async () => {
    const big = await suite.http(`/api/v1/jobs?q=${'x'.repeat(20_000)}`, { tenant: 'slow' });
    expect(big.status).toBe(431);
    expect(await big.json()).toEqual({ error: 'bad_request', message: 'The request line and headers are too large' });
    const bad = await suite.http('/api/v1/jobs/%ZZ', { tenant: 'slow' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'bad_request', message: expect.stringMatching(/not a valid url/) });
  });
});
