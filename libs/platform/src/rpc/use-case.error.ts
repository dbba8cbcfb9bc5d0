import type { ErrorCode, RpcErrorPayload } from '@torque/contracts';

/**
 * An expected failure of a service's use-case (not found, conflict, bad input), with the HTTP status and
 * error code it answers with. RpcErrorFilter answers it as an RpcErrorPayload; services subclass it for
 * their own named failures (CatalogError, FitmentError).
 */
export class UseCaseError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toPayload(): RpcErrorPayload {
    return {
      status: this.status,
      error: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}
