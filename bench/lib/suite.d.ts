// Types of the parts of suite.js that TypeScript callers use (test/chaos starts the built apps with them).
import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
export const LOG_DIR: string;
export const JWT_SECRET: string;
export function freePort(): Promise<number>;
export function appEntry(name: string): string;
export function appEnv(options: {
  benchUrl: string;
  namespace: string;
  port: number;
  extra?: Record<string, string>;
}): Record<string, string>;

export class Apps {
  constructor(options?: { logPrefix?: string; appendLogs?: boolean; exitCodeInErrors?: boolean });
  readonly children: Map<string, ChildProcess>;
  start(name: string, env: Record<string, string>, nodeArgs?: string[], entry?: string): ChildProcess;
  pid(name: string): number | undefined;
  names(): string[];
  stop(name: string): Promise<void>;
  stopAll(): Promise<void>;
  checkAlive(what: string): void;
  until<T>(what: string, fn: () => Promise<T>, timeoutMs?: number, everyMs?: number): Promise<T>;
}
