import { RpcException } from '@nestjs/microservices';
import { RpcRequestEnvelope, type RpcErrorPayload } from '@torque/contracts';
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

/** Envelopes already validated, by the message body they came in: guard, interceptor and params each ask. */
const validEnvelopes = new WeakMap<object, RpcRequestEnvelope>();

/**
 * The validated envelope (meta and the still unchecked payload) of a request that arrived over RabbitMQ.
 * A service trusts no caller, the gateway included.
 */
export function rpcEnvelope(raw: unknown): RpcRequestEnvelope {
  const body = typeof raw === 'object' && raw !== null ? raw : undefined;
  const known = body && validEnvelopes.get(body);
  if (known) return known;
  const envelope = plainToInstance(RpcRequestEnvelope, raw ?? {});
  const errors = validateSync(envelope);
  if (errors.length > 0) {
    throw rpcError(400, 'validation_failed', 'The message envelope is not valid', validationDetails(errors));
  }
  if (body) validEnvelopes.set(body, envelope);
  return envelope;
}

/** The payload of a request as an instance of its class, validated; fields the class does not declare are refused. */
export function rpcPayload<T extends object>(cls: new () => T, data: unknown): T {
  const payload = plainToInstance(cls, data);
  const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw rpcError(400, 'validation_failed', 'The request is not valid', validationDetails(errors));
  }
  return payload;
}
