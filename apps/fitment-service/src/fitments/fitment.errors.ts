import { UseCaseError } from '@torque/platform';

/** An expected failure of a fitment use-case; the platform's RpcErrorFilter answers it as an RpcErrorPayload. */
export class FitmentError extends UseCaseError {
  static badRequest(message: string, details?: Record<string, string[]>): FitmentError {
    return new FitmentError(400, 'validation_failed', message, details);
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
