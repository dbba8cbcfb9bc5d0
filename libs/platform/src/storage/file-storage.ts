import type { Readable } from 'node:stream';

/** What `put` learnt while the bytes went by. */
export interface StoredObject {
  size: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
}

/**
 * Where uploaded files and import reports live. Files travel by key, never through RabbitMQ or Redis:
 * the gateway writes, the workers read. Keys are `/`-separated relative paths.
 */
export interface FileStorage {
  /** Streams `body` into `key` (replacing what is there), hashing it on the way. */
  put(key: string, body: Readable): Promise<StoredObject>;
  /** The content of `key`; rejects with StorageNotFoundError when there is none. */
  open(key: string): Promise<Readable>;
  /** Removes `key`; a missing key is not an error. */
  remove(key: string): Promise<void>;
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored file at ${key}`);
    this.name = 'StorageNotFoundError';
  }
}

/** Injection token of the process's FileStorage. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

const SAFE_SEGMENT = /^[A-Za-z0-9._=-]{1,200}$/;

/** Checks a key: relative, no `..`, no odd characters (keys are built from ids, never from user text). */
export function assertStorageKey(key: string): void {
  const segments = key.split('/');
  if (key.length > 500 || segments.some((s) => !SAFE_SEGMENT.test(s) || s === '.' || s === '..')) {
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  }
}

/** A key segment for any text (a tenant id): letters and digits kept, anything else hex-escaped. */
export function storageSegment(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, (c) => `=${c.codePointAt(0)!.toString(16)}`) || '=';
}
