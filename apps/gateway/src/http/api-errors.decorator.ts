import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@torque/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (details name each field and reason), or X-Tenant-ID missing',
  401: 'No bearer token, or the token is not valid',
  403: 'The token does not cover X-Tenant-ID, or lacks a required role',
  404: 'Not found in this tenant',
  410: 'Gone: the result expired (the message says when); status and history remain',
  408: 'The body stalled for HTTP_IDLE_TIMEOUT_MS, or the request did not arrive within HTTP_REQUEST_TIMEOUT_MS',
  409: 'Conflict with the current state, or a request with the same Idempotency-Key is still running',
  413: 'Request body too large',
  422: 'Idempotency-Key reused with a different body',
  429: 'Rate limit of the tenant exceeded',
  502: 'The service could not handle the request',
  503: 'The message broker or the service is unreachable',
  504: 'The service did not answer in time',
};

/** Documents the error envelope for each listed status. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorEnvelopeDto })),
  );
}

/** Errors every authenticated endpoint can answer (502-504: a service it asks failed, is unreachable or slow). */
export const COMMON_ERRORS = [400, 401, 403, 429, 502, 503, 504] as const;

/** Errors every endpoint that takes a body can answer besides; documentBodyErrors adds them to each. */
const BODY_ERRORS = [408, 413] as const;

/** Documents BODY_ERRORS on every operation of `document` that takes a body, where not documented already. */
export function documentBodyErrors(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put, item.patch, item.delete]) {
      if (!operation?.requestBody) continue;
      for (const status of BODY_ERRORS) {
        operation.responses[status] ??= {
          description: DESCRIPTIONS[status],
          content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorEnvelopeDto) } } },
        };
      }
    }
  }
  return document;
}
