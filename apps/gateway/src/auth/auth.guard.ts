import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/http-error.js';
import { PUBLIC_ROUTE, QUERY_TOKEN_ALLOWED, REQUIRED_ROLES } from './auth.decorators.js';
import type { AuthenticatedRequest, RoleName } from './auth.types.js';
import { InvalidTokenError, JwtVerifierService } from './jwt-verifier.service.js';

const TENANT_HEADER = 'x-tenant-id';
/** The services accept tenant ids of up to 64 characters (RequestMeta). */
const MAX_TENANT_LENGTH = 64;

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 9110). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = typeof header === 'string' ? /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Bearer JWT with tenant and role claims; `X-Tenant-ID` must name one of the token's tenants (and may be left
 * out when the token grants exactly one).
 * No token or a bad one: 401. Tenant not in the token or a missing role: 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifierService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const query = (req.query ?? {}) as Record<string, unknown>;
    const queryAllowed = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_ALLOWED, targets) ?? false;

    let token = bearerToken(req.headers.authorization);
    if (!token && queryAllowed && typeof query.access_token === 'string' && query.access_token)
      token = query.access_token;
    if (!token) throw new ApiError(401, 'unauthorized', 'A bearer token is required (Authorization: Bearer <JWT>)');

    let claims;
    try {
      claims = req.serverTiming
        ? await req.serverTiming.time('auth', () => this.verifier.verify(token))
        : await this.verifier.verify(token);
    } catch (err) {
      if (err instanceof InvalidTokenError)
        throw new ApiError(401, 'unauthorized', `The token is not valid: ${err.message}`);
      throw err;
    }

    const headerTenant = req.headers[TENANT_HEADER];
    const named =
      typeof headerTenant === 'string'
        ? headerTenant
        : queryAllowed && typeof query.tenant === 'string'
          ? query.tenant
          : undefined;
    // A token for exactly one tenant needs no header (the legacy API's own fetch calls send none).
    const tenant = named ?? (claims.tenants.length === 1 ? claims.tenants[0] : undefined);
    if (!tenant) {
      throw new ApiError(
        400,
        'validation_failed',
        'The X-Tenant-ID header is required for a token of several tenants',
        {
          'X-Tenant-ID': ['X-Tenant-ID must name one of the tenants of the token'],
        },
      );
    }
    if (tenant.length > MAX_TENANT_LENGTH) {
      throw new ApiError(400, 'validation_failed', 'The X-Tenant-ID header is not valid', {
        'X-Tenant-ID': [`X-Tenant-ID must be at most ${MAX_TENANT_LENGTH} characters`],
      });
    }
    if (!claims.tenants.includes(tenant)) {
      throw new ApiError(403, 'forbidden', `The token does not grant access to tenant ${tenant}`);
    }
    const required = this.reflector.getAllAndOverride<RoleName[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((r) => claims.roles.includes(r))) {
      throw new ApiError(403, 'forbidden', `This needs one of the roles: ${required.join(', ')}`);
    }
    req.torque = {
      claims,
      meta: {
        tenantId: tenant,
        userId: claims.sub,
        roles: claims.roles,
        correlationId: req.correlationId ?? String(req.id),
      },
    };
    return true;
  }
}
