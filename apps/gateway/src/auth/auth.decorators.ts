import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { RequestMeta } from '@torque/contracts';
export { Public, PUBLIC_ROUTE } from '@torque/platform';
import type { AuthenticatedRequest, RoleName } from './auth.types.js';

export const REQUIRED_ROLES = 'torque:roles';
export const QUERY_TOKEN_ALLOWED = 'torque:query-token';

/** The caller needs one of these roles. */
export const Roles = (...roles: RoleName[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Token and tenant may come as `access_token` and `tenant` query parameters (EventSource cannot set headers). */
export const AllowQueryToken = () => SetMetadata(QUERY_TOKEN_ALLOWED, true);

/** The request's meta (tenant, user, roles, correlation id) as the auth guard established it. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.torque) throw new Error('Meta() used on a route without authentication');
  return req.torque.meta;
});
