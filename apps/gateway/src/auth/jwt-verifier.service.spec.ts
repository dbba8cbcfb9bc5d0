import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { GatewayEnv } from '../config/gateway-env.js';
import { InvalidTokenError, JwtVerifierService, signLocalToken } from './jwt-verifier.service.js';

const SECRET = 'a-secret-of-the-spec-only';
const CLAIMS = { sub: 'user-1', tenants: ['t1'], roles: ['reviewer'] };

function verifier(cacheMs: number): JwtVerifierService {
  return new JwtVerifierService(Object.assign(new GatewayEnv(), { JWT_SECRET: SECRET, JWT_VERIFY_CACHE_MS: cacheMs }));
}

describe('JwtVerifierService', () => {
  it('answers a token it verified before from memory, and checks each new token', async () => {
    const jwt = verifier(60_000);
    const token = await signLocalToken(SECRET, CLAIMS);
    const first = await jwt.verify(token);
    expect(first).toEqual(CLAIMS);
    expect(await jwt.verify(token)).toBe(first);
    const other = await signLocalToken(SECRET, { ...CLAIMS, sub: 'user-2' });
    expect((await jwt.verify(other)).sub).toBe('user-2');
  });

  it('checks every request when the cache is off', async () => {
    const jwt = verifier(0);
    const token = await signLocalToken(SECRET, CLAIMS);
    const first = await jwt.verify(token);
    const second = await jwt.verify(token);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('never remembers a token past its exp', async () => {
    const jwt = verifier(60_000);
    const exp = Math.floor(Date.now() / 1000) + 1;
    const token = await new SignJWT({ tenants: CLAIMS.tenants, roles: CLAIMS.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(CLAIMS.sub)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));
    expect(await jwt.verify(token)).toEqual(CLAIMS);
    await sleep(exp * 1000 - Date.now() + 50);
    await expect(jwt.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a forged token every time it comes', async () => {
    const jwt = verifier(60_000);
    const forged = await signLocalToken('another-secret-of-16-chars', CLAIMS);
    await expect(jwt.verify(forged)).rejects.toThrow('signature verification failed');
    await expect(jwt.verify(forged)).rejects.toThrow('signature verification failed');
    const good = await signLocalToken(SECRET, CLAIMS);
    // The same claims with a good signature still verify: nothing of the forged one was remembered.
    expect(await jwt.verify(good)).toEqual(CLAIMS);
  });
});
