import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runWithContext } from '../logging/request-context.js';
import { rpcEnvelope } from './rpc-request.js';

/** Runs the handler, its params' pipes and all its async work with the request's correlation id and tenant. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { meta } = rpcEnvelope(context.switchToRpc().getData());
    // next.handle() binds the handler to the async context it is called in, so it is called inside the run.
    return new Observable((subscriber) => runWithContext(meta, () => next.handle().subscribe(subscriber)));
  }
}
