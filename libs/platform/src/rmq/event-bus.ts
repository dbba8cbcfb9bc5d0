import { Logger } from '@nestjs/common';
import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { EventEnvelope } from '@torque/contracts';

export interface EventBusOptions {
  url: string;
  exchange: string;
  /** Name for RabbitMQ's connection list. */
  connectionName: string;
}

/**
 * Publishes events to the topic exchange with publisher confirms, and consumes them.
 * amqp-connection-manager reconnects after a broker restart and re-runs each channel's setup.
 */
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private readonly connection: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private readonly consumers: ChannelWrapper[] = [];

  constructor(private readonly options: EventBusOptions) {
    this.connection = amqp.connect([options.url], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
      connectionOptions: { noDelay: true, clientProperties: { connection_name: options.connectionName } },
    });
    this.connection.on('disconnect', ({ err }) => this.logger.warn(`event bus disconnected: ${err?.message}`));
    this.publisher = this.connection.createChannel({
      confirm: true,
      json: false,
      setup: (ch: ConfirmChannel) => ch.assertExchange(options.exchange, 'topic', { durable: true }),
    });
    // A setup cut short (the bus closed while it ran, the broker gone) is retried on reconnect; unheard, the
    // wrapper's 'error' event would crash the process.
    this.publisher.on('error', (err: Error) => this.logger.warn(`event bus channel setup failed: ${err.message}`));
  }

  isConnected(): boolean {
    return this.connection.isConnected();
  }

  /** Calls `listener` each time the connection is lost or made again (what was in flight may be gone). */
  onConnectionChange(listener: (connected: boolean) => void): void {
    this.connection.on('connect', () => listener(true));
    this.connection.on('disconnect', () => listener(false));
  }

  /** Resolves once the broker confirmed the message; rejects when it could not be delivered in time. */
  async publish(routingKey: string, event: EventEnvelope, timeoutMs = 5000): Promise<void> {
    await this.publisher.publish(this.options.exchange, routingKey, Buffer.from(JSON.stringify(event)), {
      persistent: true,
      contentType: 'application/json',
      messageId: event.id,
      correlationId: event.correlationId ?? undefined,
      timeout: timeoutMs,
    });
  }

  /**
   * Consumes events matching `bindings` from a queue. A durable queue survives restarts (for services);
   * `exclusive` gives a per-process queue that goes with the connection (for fan-out to SSE clients).
   */
  async subscribe(
    queue: { name: string; durable: boolean } | { exclusive: true },
    bindings: string[],
    handler: (event: EventEnvelope, msg: ConsumeMessage) => Promise<void> | void,
  ): Promise<void> {
    const channel = this.connection.createChannel({
      json: false,
      setup: async (ch: ConfirmChannel) => {
        await ch.assertExchange(this.options.exchange, 'topic', { durable: true });
        const q =
          'exclusive' in queue
            ? await ch.assertQueue('', { exclusive: true, autoDelete: true })
            : await ch.assertQueue(queue.name, { durable: queue.durable });
        for (const key of bindings) await ch.bindQueue(q.queue, this.options.exchange, key);
        await ch.prefetch(50);
        await ch.consume(q.queue, async (msg) => {
          if (!msg) return;
          let event: EventEnvelope;
          try {
            event = JSON.parse(msg.content.toString()) as EventEnvelope;
          } catch {
            this.logger.error(`dropping malformed event on ${q.queue}`);
            ch.nack(msg, false, false);
            return;
          }
          try {
            await handler(event, msg);
            ch.ack(msg);
          } catch (err) {
            this.logger.error(`event handler failed for ${event.id}: ${(err as Error).message}`);
            ch.nack(msg, false, !msg.fields.redelivered);
          }
        });
      },
    });
    channel.on('error', (err: Error) => this.logger.warn(`event subscription setup failed: ${err.message}`));
    this.consumers.push(channel);
    await channel.waitForConnect();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.close()));
    await this.publisher.close().catch(() => undefined);
    await this.connection.close();
  }
}
