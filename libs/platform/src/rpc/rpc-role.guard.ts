import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RpcAccessRule } from './rpc-access.js';
import { RPC_PAYLOAD_CLASS } from './rpc-data.pipe.js';
import { rpcEnvelope, rpcError, rpcPayload } from './rpc-request.js';

/**
 * Refuses a caller without one of the handler's roles with 403 forbidden; the gateway checks them too, a
 * service trusts no caller. An invalid envelope or payload answers 400 first, whoever the caller is.
 */
@Injectable()
export class RpcRoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.get(RpcAccessRule, context.getHandler());
    if (!access) return true;
    const envelope = rpcEnvelope(context.switchToRpc().getData());
    if (envelope.meta.roles.some((role) => access.roles.includes(role))) return true;
    // Guards run before pipes; the payload is checked here so that a refused caller hears of an invalid one first.
    const payloadClass = this.reflector.get<new () => object>(RPC_PAYLOAD_CLASS, context.getHandler());
    if (payloadClass) rpcPayload(payloadClass, envelope.data);
    throw rpcError(403, 'forbidden', `${access.action} needs one of the roles: ${access.roles.join(', ')}`);
  }
}
