import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { RmqContext } from '@nestjs/microservices';
import type { Channel, Message } from 'amqplib';
import { finalize, type Observable } from 'rxjs';

/**
 * Acknowledges a request only after its handler has answered (or failed with an answer), so a
 * service that dies mid-request gets the message redelivered instead of losing it.
 */
@Injectable()
export class RmqAckInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RmqAckInterceptor.name);

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext();
    if (!(rmq instanceof RmqContext)) return next.handle();
    return next.handle().pipe(
      finalize(() => {
        const channel = rmq.getChannelRef() as Channel;
        try {
          channel.ack(rmq.getMessage() as Message);
        } catch (err) {
          // The channel closed (broker restart) and RabbitMQ will redeliver; nothing else to do.
          this.logger.warn(`could not ack ${rmq.getPattern()}: ${(err as Error).message}`);
        }
      }),
    );
  }
}
