import { ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from './http-error.js';

/** Validates a UUID path parameter, answering with the error envelope. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new ApiError(400, 'validation_failed', `${name} must be a UUID`, { [name]: [`${name} must be a UUID`] }),
  });
}
