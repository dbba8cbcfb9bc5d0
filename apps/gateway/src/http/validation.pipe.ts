import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { validationDetails } from '@torque/platform';
import { ApiError } from './http-error.js';

/** Validates every input: unknown fields rejected, types transformed, errors as `details: {field: [reasons]}`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors: ValidationError[]) =>
      new ApiError(400, 'validation_failed', 'The request is not valid', validationDetails(errors)),
  });
}
