import { Catch } from '@nestjs/common';
import type { RpcErrorPayload } from '@torque/contracts';
import { RpcErrorFilter } from '@torque/platform';
import { throwError, type Observable } from 'rxjs';
import { FitmentError } from './fitment.errors.js';

/** The platform's RPC error answers, plus the fitment service's expected failures (400, 404, 409). */
@Catch()
export class FitmentRpcErrorFilter extends RpcErrorFilter {
  override catch(exception: unknown): Observable<RpcErrorPayload> {
    if (exception instanceof FitmentError) return throwError(() => exception.toPayload());
    return super.catch(exception);
  }
}
