import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { isPayloadClass, RPC_PAYLOAD_CLASS, RpcDataPipe } from './rpc-data.pipe.js';
import { rpcEnvelope } from './rpc-request.js';

const envelopeData = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => rpcEnvelope(ctx.switchToRpc().getData()).data,
);
const envelopeMeta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => rpcEnvelope(ctx.switchToRpc().getData()).meta,
);
const dataPipe = new RpcDataPipe();

/**
 * The request's payload as an instance of the parameter's class, validated (400 validation_failed with
 * details; unknown fields refused). The class comes from the emitted design type, so it must be imported as a value.
 */
export function RpcData(): ParameterDecorator {
  return (target, key, index) => {
    const types = key === undefined ? undefined : (Reflect.getMetadata('design:paramtypes', target, key) as unknown[]);
    const payloadClass = types?.[index];
    if (key === undefined || !isPayloadClass(payloadClass)) {
      throw new Error(
        `${target.constructor.name}.${String(key)}: @RpcData() needs a payload class as parameter ${index}'s type`,
      );
    }
    Reflect.defineMetadata(RPC_PAYLOAD_CLASS, payloadClass, (target as Record<string | symbol, object>)[key]);
    envelopeData(undefined, dataPipe)(target, key, index);
  };
}

/** The request's validated meta (tenant, caller, roles, correlation id). */
export const RpcMeta = (): ParameterDecorator => envelopeMeta();
