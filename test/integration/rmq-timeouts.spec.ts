// Deadlines of the gateway's requests over RabbitMQ: 504 when a service does not answer in time (the request
// stays queued, durable, and is served later), 503 at once when the broker cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorEnvelopeDto, JobPageDto } from '@torque/contracts';
import { rmqNames } from '@torque/platform';
import amqplib from 'amqplib';
import { TEST_RABBITMQ_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { hostPort, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

async function timed(fn: () => Promise<Response>): Promise<{ res: Response; ms: number }> {
  const started = performance.now();
  const res = await fn();
  await res.clone().arrayBuffer();
  return { res, ms: performance.now() - started };
}

async function queueDepth(queue: string): Promise<number> {
  const connection = await amqplib.connect(TEST_RABBITMQ_URL);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}

describe('a service that does not answer in time', () => {
  const RPC_TIMEOUT_MS = 800;
  let suite: Suite;

  beforeAll(async () => {
    // Only fitment runs: the other services' queues exist (the gateway declares them) but have no consumer.
    suite = await startSuite({ services: ['fitment'], env: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } });
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('answers 504 service_timeout after RPC_TIMEOUT_MS; the request stays queued, persistent, and is served once the service starts', async () => {
    const queue = rmqNames(suite.ns).serviceQueue('ingestion');

    const { res, ms } = await timed(() => suite.http('/api/v1/jobs?service=ingestion'));
    expect(res.status).toBe(504);
    expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('service_timeout');
    expect(ms).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(RPC_TIMEOUT_MS + 1500);
    process.stdout.write(`504 after ${ms.toFixed(0)} ms (RPC_TIMEOUT_MS=${RPC_TIMEOUT_MS})\n`);

    // A request with an effect, to see later that the service really served the queued requests.
    const cleanup = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      json: { olderThanDays: 0, services: ['ingestion'] },
    });
    expect(cleanup.status).toBe(504);
    expect(((await cleanup.json()) as ErrorEnvelopeDto).error).toBe('service_timeout');

    // Both requests wait in the durable queue as persistent messages.
    expect(await queueDepth(queue)).toBe(2);
    const peek = await amqplib.connect(TEST_RABBITMQ_URL);
    try {
      const channel = await peek.createChannel();
      const first = await channel.get(queue, { noAck: false });
      expect(first).not.toBe(false);
      if (first === false) return;
      expect(first.properties.deliveryMode).toBe(2);
      expect(first.properties.replyTo).toMatch(/^amq\.rabbitmq\.reply-to\./);
      expect(JSON.parse(first.content.toString())).toEqual(
        expect.objectContaining({ pattern: 'jobs.list', id: expect.any(String) }),
      );
      channel.nack(first, false, true);
      await channel.close();
    } finally {
      await peek.close();
    }
    expect(await queueDepth(queue)).toBe(2);

    // The service starts, answers both to reply-to queues that are gone, and acknowledges them. It runs with
    // RMQ_PREFETCH=1: a message left unacknowledged would hold back every later one, so a fresh request being
    // answered (with the queued ones gone and none dead-lettered) shows both were acked.
    await suite.startService('ingestion', { RMQ_PREFETCH: '1' });
    await eventually(async () => (await queueDepth(queue)) === 0);
    const page = await eventually(async () => {
      const r = await suite.http('/api/v1/jobs?service=ingestion&type=maintenance.cleanup');
      return r.status === 200 ? ((await r.json()) as JobPageDto) : null;
    });
    expect(page.data).toHaveLength(1);
    expect(page.data[0].service).toBe('ingestion');
    expect(await queueDepth(queue)).toBe(0);
    expect(await queueDepth(rmqNames(suite.ns).deadLetterQueue('ingestion'))).toBe(0);
  });
});

describe('a broker that cannot be reached', () => {
  const RPC_TIMEOUT_MS = 5000;
  let suite: Suite;
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = await startTcpProxy(hostPort(TEST_RABBITMQ_URL, 5672));
    // The gateway reaches the broker through the proxy; fitment directly, so it answers while the gateway's link is fine.
    suite = await startSuite({
      services: ['fitment'],
      env: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS), RABBITMQ_URL: proxy.url(TEST_RABBITMQ_URL) },
      serviceEnv: { fitment: { RABBITMQ_URL: TEST_RABBITMQ_URL } },
    });
  });
  afterAll(async () => {
    await suite?.close();
    await proxy?.close();
  });

  it('answers 503 service_unavailable at once, not after RPC_TIMEOUT_MS, and serves again when the broker is back', async () => {
    expect((await suite.http('/api/v1/jobs?service=fitment')).status).toBe(200);

    proxy.outage();
    // The first request after the drop may still race the disconnect; from then on every answer is an immediate 503.
    await eventually(async () => (await suite.http('/api/v1/jobs?service=fitment')).status === 503, 5000);
    for (const path of ['/api/v1/jobs?service=fitment', '/api/v1/jobs']) {
      const { res, ms } = await timed(() => suite.http(path));
      expect(res.status).toBe(503);
      expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('service_unavailable');
      expect(ms).toBeLessThan(2000);
      process.stdout.write(`503 for ${path} after ${ms.toFixed(0)} ms (RPC_TIMEOUT_MS=${RPC_TIMEOUT_MS})\n`);
    }

    proxy.accept();
    const back = performance.now();
    await eventually(async () => (await suite.http('/api/v1/jobs?service=fitment')).status === 200, 15_000, 100);
    process.stdout.write(
      `gateway answered 200 again ${(performance.now() - back).toFixed(0)} ms after the broker came back\n`,
    );
  });

  it('answers 503 at once for a request in flight when the connection drops', async () => {
    await eventually(async () => (await suite.http('/api/v1/jobs?service=fitment')).status === 200, 15_000, 100);
    // ingestion has no consumer: without the drop this request would wait the full RPC_TIMEOUT_MS.
    const ingestionQueue = rmqNames(suite.ns).serviceQueue('ingestion');
    const before = await queueDepth(ingestionQueue);
    const pending = timed(() => suite.http('/api/v1/jobs?service=ingestion'));
    await eventually(async () => (await queueDepth(ingestionQueue)) === before + 1);
    proxy.outage();
    const { res, ms } = await pending;
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('service_unavailable');
    expect(ms).toBeLessThan(2000);
    process.stdout.write(`in-flight request answered 503 after ${ms.toFixed(0)} ms\n`);
    proxy.accept();
  });
});
