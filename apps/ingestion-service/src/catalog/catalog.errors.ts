import type { ErrorCode, RpcErrorPayload } from '@torque/contracts';

/** An expected failure of a catalog use-case; CatalogRpcErrorFilter answers it as an RpcErrorPayload. */
export class CatalogError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
  }

  toPayload(): RpcErrorPayload {
    return { status: this.status, error: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static productNotFound(id: number): CatalogError {
    return new CatalogError(404, 'not_found', `Product ${id} not found`);
  }

  static partNumberTaken(partNumber: string): CatalogError {
    return new CatalogError(409, 'conflict', `A product with part number ${partNumber} already exists`, {
      part_number: [`part_number ${partNumber} is already taken in this tenant`],
    });
  }

  static productInUse(id: number, partNumber: string, lines: number, orders: number): CatalogError {
    const reason = `product ${partNumber} is on ${lines} purchase order line(s) of ${orders} purchase order(s)`;
    return new CatalogError(
      409,
      'conflict',
      `Product ${id} (${partNumber}) cannot be deleted: it is on ${lines} purchase order line(s) of ${orders} purchase order(s)`,
      { id: [reason] },
    );
  }
}
