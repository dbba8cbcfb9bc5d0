import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What a caller's correlation id may look like; the services reject ids over 128 characters. */
const ACCEPTED = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * The correlation id of a request: the caller's `x-correlation-id` when it is a sane token, else a fresh UUID.
 * An oversized or odd id is replaced rather than passed on, so it can neither break the calls to the
 * services (which validate it) nor end up verbatim in logs.
 */
export function correlationIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : randomUUID();
}
