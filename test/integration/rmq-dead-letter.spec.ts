// What a service does with messages no handler can take: they go to its dead-letter queue (never requeued in a
// loop, never left unacknowledged), and the consumer keeps serving. The service runs with RMQ_PREFETCH=1, so a
// message left unsettled would block every later one: "still answered afterwards" proves each was settled.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JobPageDto, RequestMeta } from '@torque/contracts';
import { rmqNames } from '@torque/platform';
import amqplib, { type Channel, type ChannelModel, type GetMessage, type Options } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { TEST_RABBITMQ_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const META: RequestMeta = { tenantId: 'acme', correlationId: 'dead-letter-spec', roles: ['admin'] };

describe('dead-lettering on a service request queue', () => {
  let suite: Suite;
  let connection: ChannelModel;
  let channel: Channel;
  let queue: string;
  let deadLetters: string;
  let replies: string;

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'], serviceEnv: { fitment: { RMQ_PREFETCH: '1' } } });
    queue = rmqNames(suite.ns).serviceQueue('fitment');
    deadLetters = rmqNames(suite.ns).deadLetterQueue('fitment');
    connection = await amqplib.connect(TEST_RABBITMQ_URL);
    channel = await connection.createChannel();
    replies = (await channel.assertQueue('', { exclusive: true, autoDelete: true })).queue;
  });
  afterAll(async () => {
    await connection?.close();
    await suite?.close();
  });

  function publish(content: string | object, options: Options.Publish = {}): string {
    const messageId = randomUUID();
    const body = typeof content === 'string' ? content : JSON.stringify(content);
    channel.sendToQueue(queue, Buffer.from(body), { persistent: true, messageId, ...options });
    return messageId;
  }

  /** The next dead letter; the one with `messageId` must be it (they arrive in order, one at a time). */
  async function deadLetter(messageId: string): Promise<GetMessage> {
    const msg = await eventually(async () => channel.get(deadLetters, { noAck: true }));
    expect(msg.properties.messageId).toBe(messageId);
    const death = (
      msg.properties.headers?.['x-death'] as Array<{ queue: string; reason: string; count: number }> | undefined
    )?.[0];
    expect(death).toEqual(expect.objectContaining({ queue, reason: 'rejected', count: 1 }));
    return msg;
  }

  /** The answer (error or response) to request `id` on our reply queue; other packets (end-of-stream) are skipped. */
  async function reply(id: string): Promise<{ err?: unknown; response?: unknown }> {
    return eventually(async () => {
      const msg = await channel.get(replies, { noAck: true });
      if (msg === false || msg.properties.correlationId !== id) return null;
      const packet = JSON.parse(msg.content.toString()) as { err?: unknown; response?: unknown };
      return packet.err !== undefined || packet.response !== undefined ? packet : null;
    });
  }

  /** With RMQ_PREFETCH=1 a request is only delivered once every earlier message was acked or rejected. */
  async function consumerIsFree(): Promise<void> {
    const id = randomUUID();
    publish(
      { pattern: 'jobs.list', id, data: { meta: META, data: { offset: 0, limit: 1 } } },
      { replyTo: replies, correlationId: id },
    );
    expect((await reply(id)).response).toEqual(expect.objectContaining({ data: expect.any(Array) }));
  }

  async function queueIsEmpty(): Promise<boolean> {
    const { messageCount } = await channel.checkQueue(queue);
    return messageCount === 0;
  }

  it('dead-letters a request with an unknown pattern and answers it with an error', async () => {
    const id = randomUUID();
    const messageId = publish(
      { pattern: 'no.such.pattern', id, data: { meta: META, data: {} } },
      { replyTo: replies, correlationId: id },
    );
    const dead = await deadLetter(messageId);
    expect(JSON.parse(dead.content.toString())).toEqual(expect.objectContaining({ pattern: 'no.such.pattern', id }));
    expect((await reply(id)).err).toEqual(expect.stringMatching(/no matching message handler/i));
    await consumerIsFree();
  });

  it('dead-letters an event (no id) with an unknown pattern', async () => {
    const messageId = publish({ pattern: 'no.such.event', data: { meta: META, data: {} } });
    const dead = await deadLetter(messageId);
    expect(JSON.parse(dead.content.toString())).toEqual({ pattern: 'no.such.event', data: { meta: META, data: {} } });
    await consumerIsFree();
  });

  it('dead-letters a poison message that is not JSON', async () => {
    const messageId = publish('\u0000{not json', { contentType: 'application/json' });
    const dead = await deadLetter(messageId);
    expect(dead.content.toString()).toBe('\u0000{not json');
    await consumerIsFree();
  });

  it('dead-letters a request with an id but no reply-to, and JSON that is not an object', async () => {
    // With an id and no reply-to there is nowhere to answer: the handler must not run into an error publishing.
    const noReplyTo = publish({ pattern: 'no.such.pattern', id: randomUUID(), data: { meta: META, data: {} } });
    await deadLetter(noReplyTo);
    for (const body of ['null', '42', '"text"', '[1,2]']) await deadLetter(publish(body));
    await consumerIsFree();
  });

  it('answers a request that fails validation with a 400 RpcErrorPayload, and acknowledges it (no redelivery, no dead letter)', async () => {
    const id = randomUUID();
    publish(
      { pattern: 'jobs.get', id, data: { meta: META, data: { jobId: 'x' } } },
      { replyTo: replies, correlationId: id },
    );
    const answer = await reply(id);
    expect(answer.err).toEqual(
      expect.objectContaining({
        status: 400,
        error: 'validation_failed',
        details: expect.objectContaining({ jobId: expect.any(Array) }),
      }),
    );
    await consumerIsFree();
    expect(await queueIsEmpty()).toBe(true);
    expect(await channel.get(deadLetters, { noAck: true })).toBe(false);
  });

  it('answers a caller without the role with a 403 RpcErrorPayload, and acknowledges it though its guard refused it before any interceptor', async () => {
    const id = randomUUID();
    publish(
      {
        pattern: 'maintenance.cleanup',
        id,
        data: { meta: { ...META, roles: ['viewer'] }, data: { olderThanDays: 1 } },
      },
      { replyTo: replies, correlationId: id },
    );
    expect((await reply(id)).err).toEqual({
      status: 403,
      error: 'forbidden',
      message: 'Clean-up needs one of the roles: admin',
    });
    await consumerIsFree();
    expect(await queueIsEmpty()).toBe(true);
    expect(await channel.get(deadLetters, { noAck: true })).toBe(false);
  });

  it('acknowledges a known pattern sent as an event (no id), valid, invalid or refused', async () => {
    publish({ pattern: 'jobs.list', data: { meta: META, data: { offset: 0, limit: 5 } } });
    publish({ pattern: 'jobs.get', data: { meta: META, data: { jobId: 'x' } } });
    publish({ pattern: 'maintenance.cleanup', data: { meta: { ...META, roles: [] }, data: {} } });
    await consumerIsFree();
    expect(await queueIsEmpty()).toBe(true);
    expect(await channel.get(deadLetters, { noAck: true })).toBe(false);
  });

  it('keeps its consumer serving: a request through the gateway is answered afterwards', async () => {
    const res = await suite.http('/api/v1/jobs?service=fitment');
    expect(res.status).toBe(200);
    expect(((await res.json()) as JobPageDto).meta.total).toBe(0);
    expect(await queueIsEmpty()).toBe(true);
  });
});
