import { webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';
import type { TorqueClaims } from './auth.types.js';

export class InvalidTokenError extends Error {}

/** Tokens remembered as verified at most; a client polling with one token hits the same entry. */
const VERIFIED_TOKENS_MAX = 10_000;

function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
  return value as string[];
}

/**
 * Verifies bearer tokens: HS256 with JWT_SECRET locally, the identity provider's JWKS in production.
 *
 * A token that verified is remembered (by its exact text) until it expires or JWT_VERIFY_CACHE_MS has passed,
 * whichever comes first, so the signature of a token polled every second is checked once per period instead
 * of on every request (it was the largest item of the gateway's CPU profile, bench/README.md). Only tokens
 * that passed every check are remembered; `exp` still ends them on time.
 */
@Injectable()
export class JwtVerifierService {
  private readonly hmacKey: Promise<webcrypto.CryptoKey>;
  private readonly jwks: JWTVerifyGetKey | null;
  private readonly verified: LRUCache<string, TorqueClaims> | null;

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    // Imported once: given raw bytes, jose would import the key again for every token.
    this.hmacKey = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(env.JWT_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    this.jwks = env.JWT_JWKS_URL ? createRemoteJWKSet(new URL(env.JWT_JWKS_URL)) : null;
    this.verified =
      env.JWT_VERIFY_CACHE_MS > 0
        ? new LRUCache<string, TorqueClaims>({ max: VERIFIED_TOKENS_MAX, ttlAutopurge: false })
        : null;
  }

  async verify(token: string): Promise<TorqueClaims> {
    const known = this.verified?.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      const options = { issuer: this.env.JWT_ISSUER, audience: this.env.JWT_AUDIENCE };
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, options)).payload
        : (await jwtVerify(token, await this.hmacKey, { ...options, algorithms: ['HS256'] })).payload;
    } catch (err) {
      throw new InvalidTokenError((err as Error).message);
    }
    const tenants = stringList(payload.tenants);
    const roles = stringList(payload.roles) ?? [];
    if (!payload.sub || !tenants || tenants.length === 0) {
      throw new InvalidTokenError('the token has no subject or no tenants claim');
    }
    const claims: TorqueClaims = { sub: payload.sub, tenants, roles };
    this.remember(token, claims, payload.exp);
    return claims;
  }

  private remember(token: string, claims: TorqueClaims, exp: number | undefined): void {
    if (!this.verified) return;
    const untilExpiry = exp === undefined ? Infinity : exp * 1000 - Date.now();
    const ttl = Math.floor(Math.min(this.env.JWT_VERIFY_CACHE_MS, untilExpiry));
    if (ttl > 0) this.verified.set(token, claims, { ttl });
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
