import { Reflector } from '@nestjs/core';

/** Who may call a handler: a caller needs one of `roles`; `action` names what it does in the 403 message. */
export interface RpcAccess {
  roles: readonly string[];
  action: string;
}

/** The access rule of a handler, set by RpcHandler and read by RpcRoleGuard. */
export const RpcAccessRule = Reflector.createDecorator<RpcAccess>();
