import { HttpException } from '@nestjs/common';
import type { ErrorCode, ErrorEnvelopeDto } from '@torque/contracts';

/** An HTTP error whose body is the error envelope. */
export class ApiError extends HttpException {
  constructor(status: number, error: ErrorCode, message: string, details?: Record<string, string[]>) {
    super({ error, message, ...(details ? { details } : {}) } satisfies ErrorEnvelopeDto, status);
  }
}

/**
 * A refused media task in the seed's shape, `{"error": "Invalid input", "details": {field: [reasons]}}`, with the
 * envelope's `message` beside it (clients of the Django API read `error` and `details`).
 */
export class InvalidInputError extends HttpException {
  constructor(details: Record<string, string[]>, message = 'The task is not valid') {
    super({ error: 'Invalid input', message, details }, 400);
  }
}
