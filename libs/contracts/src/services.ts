/** The back-end services behind the gateway. Values are part of queue and routing-key names: never rename. */
export const SERVICE_NAMES = ['fitment', 'ingestion', 'media', 'indexer'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (SERVICE_NAMES as readonly string[]).includes(value);
}
