import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EventBus } from './rmq/event-bus.js';
import { EVENT_BUS, REDIS } from './tokens.js';

/** Closes the connections the platform opened itself when the application shuts down. */
@Injectable()
export class ShutdownConnections implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.bus.close()]);
  }
}
