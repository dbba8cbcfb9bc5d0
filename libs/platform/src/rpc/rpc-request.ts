import { RpcException } from '@nestjs/microservices';
import { RpcRequestEnvelope, type RequestMeta, type RpcErrorPayload } from '@torque/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Flattens class-validator errors into the envelope's `details: {field: [reasons]}`. */
export function validationDetails(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) details[path] = Object.values(e.constraints);
    if (e.children?.length) Object.assign(details, validationDetails(e.children, path));
  }
  return details;
}

export function rpcError(
  status: number,
  error: RpcErrorPayload['error'],
  message: string,
  details?: Record<string, string[]>,
) {
  return new RpcException({ status, error, message, details } satisfies RpcErrorPayload);
}

/**
 * Validates a request that arrived over RabbitMQ: the envelope (meta) and the payload class.
 * A service trusts no caller, the gateway included.
 */
export function parseRpc<T extends object>(cls: new () => T, raw: unknown): { meta: RequestMeta; data: T } {
  const envelope = plainToInstance(RpcRequestEnvelope, raw ?? {});
  const envErrors = validateSync(envelope);
  if (envErrors.length > 0) {
    throw rpcError(400, 'validation_failed', 'The message envelope is not valid', validationDetails(envErrors));
  }
  const data = plainToInstance(cls, envelope.data);
  const errors = validateSync(data, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw rpcError(400, 'validation_failed', 'The request is not valid', validationDetails(errors));
  }
  return { meta: envelope.meta, data };
}
