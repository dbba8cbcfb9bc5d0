import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Machine-readable error codes of the error envelope. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'gone',
  'conflict',
  'idempotency_conflict',
  'idempotency_in_progress',
  'payload_too_large',
  'request_timeout',
  'unsupported_media_type',
  'rate_limited',
  'bad_gateway',
  'service_timeout',
  'service_unavailable',
  'internal_error',
  'bad_request',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape every endpoint answers with. */
export class ErrorEnvelopeDto {
  @ApiProperty({ enum: ERROR_CODES, example: 'validation_failed' })
  error!: ErrorCode;

  @ApiProperty({ example: 'The request is not valid' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Reasons by field name (dotted path for nested fields).',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { olderThanDays: ['olderThanDays must not be less than 0'] },
  })
  details?: Record<string, string[]>;
}

/** How a service reports an expected failure over RabbitMQ; the gateway maps it to HTTP. */
export interface RpcErrorPayload {
  status: number;
  error: ErrorCode;
  message: string;
  details?: Record<string, string[]>;
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorPayload).status === 'number' &&
    typeof (value as RpcErrorPayload).error === 'string'
  );
}
