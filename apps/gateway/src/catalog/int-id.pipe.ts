import type { PipeTransform } from '@nestjs/common';
import { MAX_PRODUCT_ID } from '@torque/contracts';
import { ApiError } from '../http/http-error.js';

/** A positive integer id in the path (`/products/{id}`), answered with the error envelope otherwise. */
export class IntIdPipe implements PipeTransform<string, number> {
  constructor(private readonly name = 'id') {}

  transform(value: string): number {
    const id = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id > MAX_PRODUCT_ID) {
      const reason = `${this.name} must be a positive integer`;
      throw new ApiError(400, 'validation_failed', reason, { [this.name]: [reason] });
    }
    return id;
  }
}
