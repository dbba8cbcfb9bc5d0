import { HttpException } from '@nestjs/common';
import type { ErrorCode, ErrorEnvelopeDto } from '@torque/contracts';

/** An HTTP error whose body is the error envelope. */
export class ApiError extends HttpException {
  constructor(status: number, error: ErrorCode, message: string, details?: Record<string, string[]>) {
    super({ error, message, ...(details ? { details } : {}) } satisfies ErrorEnvelopeDto, status);
  }
}
