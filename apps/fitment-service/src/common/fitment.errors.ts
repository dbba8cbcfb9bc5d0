import { UseCaseError } from '@torque/platform';

/** Unknown product ids listed one by one in an error's details; the rest are counted. */
const MAX_LISTED_IDS = 100;

/** An expected failure of a fitment use-case; the platform's RpcErrorFilter answers it as an RpcErrorPayload. */
export class FitmentError extends UseCaseError {
  static badRequest(message: string, details?: Record<string, string[]>): FitmentError {
    return new FitmentError(400, 'validation_failed', message, details);
  }

  /**
   * Product ids the tenant's catalog does not have (another tenant's included, answered the same
   * way): 400 with one line per id under `product_ids`, the first MAX_LISTED_IDS of them.
   */
  static productsNotFound(ids: readonly number[]): FitmentError {
    const listed = ids.slice(0, MAX_LISTED_IDS).map((id) => `product ${id} not found`);
    if (ids.length > MAX_LISTED_IDS) listed.push(`and ${ids.length - MAX_LISTED_IDS} more ids not found`);
    return new FitmentError(
      400,
      'validation_failed',
      `${ids.length} of the product ids ${ids.length === 1 ? 'is' : 'are'} not in the catalog: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', ...' : ''}`,
      { product_ids: listed },
    );
  }

  static catalogUnavailable(message: string): FitmentError {
    return new FitmentError(503, 'service_unavailable', message);
  }

  static fitmentNotFound(id: string): FitmentError {
    return new FitmentError(404, 'not_found', `Fitment ${id} not found`);
  }

  static exportNotFound(id: string): FitmentError {
    return new FitmentError(404, 'not_found', `Export ${id} not found`);
  }

  static staleRevision(id: string, given: number, current: number): FitmentError {
    return new FitmentError(
      409,
      'conflict',
      `Fitment ${id} was changed since revision ${given} (it is at revision ${current}); reload it and try again`,
      {
        revision: [`revision ${given} is stale; the current revision is ${current}`],
      },
    );
  }

  static conflict(message: string, details?: Record<string, string[]>): FitmentError {
    return new FitmentError(409, 'conflict', message, details);
  }
}
