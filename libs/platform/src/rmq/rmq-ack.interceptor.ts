import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { RmqContext } from '@nestjs/microservices';
import type { Channel, Message } from 'amqplib';
import { finalize, type Observable } from 'rxjs';

const logger = new Logger('RmqAckInterceptor');
/** A second ack of one delivery would close the channel (PRECONDITION_FAILED), so each is acked once. */
const acked = new WeakSet<Message>();

/** Acknowledges the request of `rmq` unless that was done already (the handler's answer and the error filter both ask). */
export function ackRequest(rmq: RmqContext): void {
  const message = rmq.getMessage() as Message;
  if (acked.has(message)) return;
  acked.add(message);
  try {
    (rmq.getChannelRef() as Channel).ack(message);
  } catch (err) {
    // The channel closed (broker restart) and RabbitMQ will redeliver; nothing else to do.
    logger.warn(`could not ack ${rmq.getPattern()}: ${(err as Error).message}`);
  }
}

/**
 * Acknowledges a request only after its handler has answered (or failed with an answer), so a
 * service that dies mid-request gets the message redelivered instead of losing it. A request refused
 * before interceptors run (by a guard) is acknowledged by RpcErrorFilter.
 */
@Injectable()
export class RmqAckInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext();
    if (!(rmq instanceof RmqContext)) return next.handle();
    return next.handle().pipe(finalize(() => ackRequest(rmq)));
  }
}
