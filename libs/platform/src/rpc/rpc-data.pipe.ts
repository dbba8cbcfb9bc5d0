import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { rpcPayload } from './rpc-request.js';

/** Validates a request's payload against the class its handler parameter is declared with (see RpcData). */
@Injectable()
export class RpcDataPipe implements PipeTransform<unknown, object> {
  transform(value: unknown, { metatype }: ArgumentMetadata): object {
    if (!isPayloadClass(metatype)) throw new Error('RpcDataPipe needs a payload class as the parameter type');
    return rpcPayload(metatype, value);
  }
}

/** Metadata on a handler: the class of its @RpcData() parameter. */
export const RPC_PAYLOAD_CLASS = 'torque:rpc-payload-class';

/** A class a payload can be validated against: not a primitive's wrapper, not a bare Object. */
export function isPayloadClass(type: unknown): type is new () => object {
  return typeof type === 'function' && ![Object, String, Number, Boolean, Array, Function].includes(type as never);
}
