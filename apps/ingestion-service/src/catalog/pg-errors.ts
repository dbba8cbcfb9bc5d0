/** SQLSTATE of a failed query (TypeORM wraps the driver's error). */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
/** A lock not granted within lock_timeout. */
export const LOCK_NOT_AVAILABLE = '55P03';
