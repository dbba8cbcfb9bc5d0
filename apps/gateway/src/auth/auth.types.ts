import type { RequestMeta } from '@torque/contracts';

/** Claims Torque reads from a token. */
export interface TorqueClaims {
  sub: string;
  tenants: string[];
  roles: string[];
}

/** What the auth guard leaves on the request for handlers and interceptors. */
export interface AuthenticatedRequest {
  torque?: { claims: TorqueClaims; meta: RequestMeta };
  correlationId?: string;
}

export const ROLE_NAMES = ['admin', 'reviewer', 'operator', 'viewer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
