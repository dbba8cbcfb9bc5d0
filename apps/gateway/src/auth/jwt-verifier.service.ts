import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';
import type { TorqueClaims } from './auth.types.js';

export class InvalidTokenError extends Error {}

function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
  return value as string[];
}

/** Verifies bearer tokens: HS256 with JWT_SECRET locally, the identity provider's JWKS in production. */
@Injectable()
export class JwtVerifierService {
  private readonly secret: Uint8Array;
  private readonly jwks: JWTVerifyGetKey | null;

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    this.secret = new TextEncoder().encode(env.JWT_SECRET);
    this.jwks = env.JWT_JWKS_URL ? createRemoteJWKSet(new URL(env.JWT_JWKS_URL)) : null;
  }

  async verify(token: string): Promise<TorqueClaims> {
    let payload: JWTPayload;
    try {
      const options = { issuer: this.env.JWT_ISSUER, audience: this.env.JWT_AUDIENCE };
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, options)).payload
        : (await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] })).payload;
    } catch (err) {
      throw new InvalidTokenError((err as Error).message);
    }
    const tenants = stringList(payload.tenants);
    const roles = stringList(payload.roles) ?? [];
    if (!payload.sub || !tenants || tenants.length === 0) {
      throw new InvalidTokenError('the token has no subject or no tenants claim');
    }
    return { sub: payload.sub, tenants, roles };
  }
}

/** Signs an HS256 token for local use and tests (`npm run token`). */
export async function signLocalToken(
  secret: string,
  claims: { sub: string; tenants: string[]; roles: string[] },
  expiresIn = '12h',
): Promise<string> {
  return new SignJWT({ tenants: claims.tenants, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
