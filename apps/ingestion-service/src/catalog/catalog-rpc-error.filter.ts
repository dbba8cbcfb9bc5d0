import { Catch } from '@nestjs/common';
import type { RpcErrorPayload } from '@torque/contracts';
import { RpcErrorFilter } from '@torque/platform';
import { throwError, type Observable } from 'rxjs';
import { CatalogError } from './catalog.errors.js';

/** The platform's RPC error answers, plus the catalog's expected failures (404, 409). */
@Catch()
export class CatalogRpcErrorFilter extends RpcErrorFilter {
  override catch(exception: unknown): Observable<RpcErrorPayload> {
    if (exception instanceof CatalogError) return throwError(() => exception.toPayload());
    return super.catch(exception);
  }
}
