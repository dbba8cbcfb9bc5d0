import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_BUS, REDIS, type EventBus } from '@torque/platform';
import type { Redis } from 'ioredis';

/** Closes the gateway's Redis and event-bus connections on shutdown. */
@Injectable()
export class GatewayShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.bus.close()]);
  }
}
