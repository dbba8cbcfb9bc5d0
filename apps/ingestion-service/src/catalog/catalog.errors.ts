import { UseCaseError } from '@torque/platform';

/** An expected failure of a catalog use-case; the platform's RpcErrorFilter answers it as an RpcErrorPayload. */
export class CatalogError extends UseCaseError {
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
