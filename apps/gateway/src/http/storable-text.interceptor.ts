import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { refuseUnstorableText } from './storable-text.js';

/**
 * Refuses, with a 400 naming each parameter, a NUL character (`%00`) or a lone surrogate in the path or the query
 * of any route, whether or not its handler reads that parameter (the auth guard reads some). Bodies are
 * StorableTextPipe's: a form's fields are only read by the route's own interceptor.
 */
@Injectable()
export class StorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<FastifyRequest>();
      refuseUnstorableText(req.params, '');
      refuseUnstorableText(req.query, '');
    }
    return next.handle();
  }
}
