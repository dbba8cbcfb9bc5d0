import { SERVICE_NAMES } from '@torque/contracts';
import { rmqNames } from '@torque/platform';
import amqplib from 'amqplib';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { TEST_RABBITMQ_URL, TEST_REDIS_URL } from './servers.js';

/** A namespace of RabbitMQ queues/exchanges and Redis keys that belongs to one test file. */
export function testNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** Deletes the namespace's queues, exchanges and Redis keys. */
export async function dropNamespace(ns: string): Promise<void> {
  const names = rmqNames(ns);
  const connection = await amqplib.connect(TEST_RABBITMQ_URL);
  try {
    for (const service of SERVICE_NAMES) {
      // `<ns>.<service>.events`: a service's durable queue of domain events (the indexer's change events).
      for (const queue of [names.serviceQueue(service), names.deadLetterQueue(service), `${ns}.${service}.events`]) {
        const ch = await connection.createChannel();
        await ch.deleteQueue(queue).catch(() => undefined);
        await ch.close().catch(() => undefined);
      }
    }
    for (const exchange of [names.deadLetterExchange, names.eventsExchange]) {
      const ch = await connection.createChannel();
      await ch.deleteExchange(exchange).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ns}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
