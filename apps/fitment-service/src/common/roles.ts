import type { RequestMeta } from '@torque/contracts';
import { rpcError } from '@torque/platform';

/** Who may start AI fitment jobs and exports; the gateway checks too, a service trusts no caller. */
export const SUBMITTER_ROLES = ['admin', 'operator', 'reviewer'];
/** Who may approve, reject and edit fitments. */
export const REVIEWER_ROLES = ['admin', 'reviewer'];

export function requireRole(meta: RequestMeta, roles: string[], what: string): void {
  if (!meta.roles.some((r) => roles.includes(r)))
    throw rpcError(403, 'forbidden', `${what} needs one of the roles: ${roles.join(', ')}`);
}
