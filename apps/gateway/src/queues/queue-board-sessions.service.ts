import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@torque/platform';
import type { Redis } from 'ioredis';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';

/** How long a ticket of `POST /api/v1/admin/queues/board-session` can be redeemed, once. */
export const BOARD_TICKET_SECONDS = 60;

export interface BoardSession {
  /** Opaque id, the value of the dashboard's cookie. */
  id: string;
  maxAgeSeconds: number;
}

interface StoredGrant {
  sub: string;
  /** Unix seconds: the grant ends with the token it was made from, or after QUEUE_BOARD_SESSION_SECONDS. */
  until: number;
}

/**
 * Sessions of the queue dashboard, a browser page that cannot send an Authorization header. An admin's token buys
 * a one-time ticket; the browser redeems it for a session whose id is an HttpOnly cookie. Tickets and sessions are
 * random 256-bit ids kept in Redis under their SHA-256 (so every gateway replica knows them and a Redis dump holds
 * no usable id), with a TTL: a ticket lasts BOARD_TICKET_SECONDS, a session QUEUE_BOARD_SESSION_SECONDS and never
 * past the token's `exp`.
 */
@Injectable()
export class QueueBoardSessionsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  /** A ticket for `sub`, whose token expires at `tokenExp` (unix seconds) if it does. */
  async createTicket(sub: string, tokenExp: number | undefined): Promise<{ ticket: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const until = Math.min(now + this.env.QUEUE_BOARD_SESSION_SECONDS, tokenExp ?? Infinity);
    const ticket = newId();
    const grant: StoredGrant = { sub, until };
    await this.redis.set(this.key('ticket', ticket), JSON.stringify(grant), 'EX', BOARD_TICKET_SECONDS);
    return { ticket, expiresAt: new Date((now + BOARD_TICKET_SECONDS) * 1000) };
  }

  /** Redeems a ticket (it works once) for a new session; null when it is unknown, used or expired. */
  async redeem(ticket: string): Promise<BoardSession | null> {
    if (!isId(ticket)) return null;
    const key = this.key('ticket', ticket);
    const [[, raw]] = (await this.redis.multi().get(key).del(key).exec()) as [[Error | null, string | null]];
    if (!raw) return null;
    const grant = JSON.parse(raw) as StoredGrant;
    const maxAgeSeconds = grant.until - Math.floor(Date.now() / 1000);
    if (maxAgeSeconds <= 0) return null;
    const id = newId();
    await this.redis.set(this.key('session', id), raw, 'EX', maxAgeSeconds);
    return { id, maxAgeSeconds };
  }

  /** Whether `id` is a live session. */
  async isValid(id: string): Promise<boolean> {
    return isId(id) && (await this.redis.exists(this.key('session', id))) === 1;
  }

  private key(kind: 'ticket' | 'session', id: string): string {
    return `${this.env.NAMESPACE}:queue-board:${kind}:${createHash('sha256').update(id).digest('hex')}`;
  }
}

function newId(): string {
  return randomBytes(32).toString('base64url');
}

function isId(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
