import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Where a request's stages report how long they took (the gateway's Server-Timing header). */
export interface StageSink {
  add(stage: string, ms: number, detail?: string): void;
}

export interface RequestContext {
  correlationId: string;
  tenantId?: string;
  stages?: StageSink;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a correlation id (and tenant) that logs, messages and jobs pick up. */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function correlationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}
