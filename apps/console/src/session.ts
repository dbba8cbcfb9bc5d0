// The signed-in session: the bearer token and the tenant, kept in sessionStorage (gone with the tab, never in URLs).

export interface Session {
  token: string;
  tenant: string;
  tenants: string[];
  roles: string[];
  sub: string;
  expiresAt: number | null;
}

const TOKEN_KEY = 'torque.token';
const TENANT_KEY = 'torque.tenant';

/** The claims Torque reads from a JWT (its payload, not verified: the gateway verifies every call). */
export function readClaims(token: string): Omit<Session, 'token' | 'tenant'> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('This is not a JWT (three dot-separated parts)');
  let payload: Record<string, unknown>;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    payload = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as Record<string, unknown>;
  } catch {
    throw new Error('The token payload is not readable JSON');
  }
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const tenants = strings(payload.tenants);
  if (tenants.length === 0) throw new Error('The token grants no tenant (claim "tenants")');
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  if (exp !== null && exp < Date.now()) throw new Error('The token has expired');
  return { tenants, roles: strings(payload.roles), sub: String(payload.sub ?? ''), expiresAt: exp };
}

export function createSession(token: string, tenant?: string): Session {
  const claims = readClaims(token.trim());
  const chosen = tenant && claims.tenants.includes(tenant) ? tenant : claims.tenants[0];
  return { token: token.trim(), tenant: chosen, ...claims };
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  try {
    return createSession(token, sessionStorage.getItem(TENANT_KEY) ?? undefined);
  } catch {
    clearSession();
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(TENANT_KEY, session.tenant);
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(TENANT_KEY);
}

/** A role that may submit, start and cancel work (the gateway checks it again). */
export function canOperate(session: Session): boolean {
  return session.roles.some((r) => r === 'admin' || r === 'operator' || r === 'reviewer');
}
