import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { MessagePattern as Pattern, ResultOf } from '@torque/contracts';
import { RmqAckInterceptor } from '../rmq/rmq-ack.interceptor.js';
import { RpcAccessRule, type RpcAccess } from './rpc-access.js';
import { RpcContextInterceptor } from './rpc-context.interceptor.js';
import { RpcErrorFilter } from './rpc-exception.filter.js';
import { RpcRoleGuard } from './rpc-role.guard.js';

/** A method decorator that also checks the method answers what the pattern's contract says. */
export type RpcHandlerDecorator<P extends Pattern> = <M extends (...args: never[]) => Promise<ResultOf<P>>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;

/**
 * A RabbitMQ request handler: answers `pattern`, refuses callers without one of `access.roles` (403), and runs
 * with the request's context for logs. Its params take the payload and meta with @RpcData() and @RpcMeta().
 */
export function RpcHandler<P extends Pattern>(pattern: P, access?: RpcAccess): RpcHandlerDecorator<P> {
  return applyDecorators(
    MessagePattern(pattern),
    ...(access ? [RpcAccessRule(access), UseGuards(RpcRoleGuard)] : []),
    UseInterceptors(RpcContextInterceptor),
  );
}

/** A controller of RabbitMQ handlers: each request is acknowledged once answered, and every error answered. */
export function RpcController(): ClassDecorator {
  return applyDecorators(Controller(), UseInterceptors(RmqAckInterceptor), UseFilters(RpcErrorFilter));
}
