import { Logger } from '@nestjs/common';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineSettings } from '../engine-settings.js';
import {
  EngineAbortedError,
  MediaEngineError,
  type EngineImages,
  type EngineResult,
  type EngineTaskType,
  type MediaEngineErrorCode,
} from '../media-engine.js';
import type { FromThread, SerializedError, ToThread } from './engine-protocol.js';

/** A thread that does not come back this long after a cancel is stuck, not busy: it is terminated. */
export const DEFAULT_DRAIN_LIMIT_MS = 120_000;

export interface EnginePoolOptions {
  threads: number;
  settings: EngineSettings;
  /** Task types whose models each thread loads at start. */
  warm: EngineTaskType[];
  /** After an abort, how long the engine gets to stop before its thread is terminated. */
  cancelGraceMs: number;
  /** After a cancel the engine ignored, how long its thread may take to come back before it is terminated. */
  drainLimitMs?: number;
  /** Start the threads when the pool is made (warm before the first task) rather than when tasks need them. */
  eager: boolean;
  /** The thread's entry; engine-thread.js next to this file unless given (tests give a fake). */
  entry?: URL;
}

/**
 * engine-thread.js beside this module; when this module runs from its TypeScript source (Jest), the built one
 * under dist/ (`npm test` builds first), since a worker thread cannot load TypeScript.
 */
export function defaultThreadEntry(here: string = import.meta.url): URL {
  const entry = new URL('./engine-thread.js', here);
  if (!here.endsWith('.ts')) return entry;
  const path = fileURLToPath(entry);
  const at = path.lastIndexOf(`${sep}apps${sep}`);
  return pathToFileURL(`${path.slice(0, at)}${sep}dist${path.slice(at)}`);
}

export interface PoolRunRequest {
  taskType: EngineTaskType;
  prompt?: string;
  images: EngineImages;
  parameters: Record<string, unknown>;
}

interface Running {
  id: number;
  resolve: (result: EngineResult) => void;
  reject: (err: Error) => void;
  progress: (percent: number, message: string) => void;
}

interface Slot {
  worker: Worker;
  running: Running | null;
  /** Set once the thread posted `ready` (its models are warm). */
  ready: Promise<void>;
  terminating: boolean;
}

function toError(e: SerializedError): Error {
  if (e.name === 'AbortError') return new EngineAbortedError();
  if (e.name === 'MediaEngineError')
    return new MediaEngineError(e.code as MediaEngineErrorCode, e.message, { field: e.field, retryable: e.retryable });
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

/**
 * Engine threads of a worker process: each runs one task at a time, so inference never blocks the process's event
 * loop (health checks, progress writes and cancel signals keep flowing). A task waits for a free thread. A cancel
 * aborts the engine's signal and always lands within `cancelGraceMs` (see abort()).
 */
export class EnginePool {
  private readonly logger = new Logger(EnginePool.name);
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private closed = false;
  /** Threads started over the pool's life (the first ones and replacements), for tests and metrics. */
  started = 0;

  constructor(private readonly options: EnginePoolOptions) {
    if (options.eager) for (let i = 0; i < options.threads; i++) this.slots.push(this.spawn());
  }

  /** Resolves once every thread has warmed its models. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get busy(): number {
    return this.slots.filter((s) => s.running).length;
  }

  async run(
    request: PoolRunRequest,
    ctx: { signal: AbortSignal; progress: (percent: number, message: string) => void },
  ): Promise<EngineResult> {
    const index = await this.acquire(ctx.signal);
    const slot = this.slots[index];
    const id = this.nextId++;
    return new Promise<EngineResult>((resolve, reject) => {
      const onAbort = () => this.abort(slot, id);
      const done =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          ctx.signal.removeEventListener('abort', onAbort);
          // Only this task's own entry: a draining thread keeps its slot under another entry of the same id.
          if (slot.running === entry) slot.running = null;
          this.release();
          fn(v);
        };
      const entry: Running = { id, resolve: done(resolve), reject: done(reject), progress: ctx.progress };
      slot.running = entry;
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      const images: Record<string, Uint8Array> = {};
      for (const [field, buf] of Object.entries(request.images)) if (buf) images[field] = new Uint8Array(buf);
      const msg: ToThread = {
        type: 'run',
        id,
        taskType: request.taskType,
        prompt: request.prompt,
        images,
        parameters: request.parameters,
      };
      slot.worker.postMessage(msg);
      if (ctx.signal.aborted) onAbort();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) {
      slot.terminating = true;
      slot.running?.reject(new Error('engine pool closed'));
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const entry = this.options.entry ?? defaultThreadEntry();
    const worker = new Worker(entry, {
      workerData: { settings: this.options.settings, warm: this.options.warm },
    });
    this.started++;
    let markReady!: () => void;
    const slot: Slot = {
      worker,
      running: null,
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      terminating: false,
    };
    worker.on('message', (msg: FromThread) => {
      switch (msg.type) {
        case 'ready':
          markReady();
          break;
        case 'log':
          this.logger[msg.level === 'info' ? 'log' : msg.level](msg.message);
          break;
        case 'progress':
          if (slot.running?.id === msg.id) slot.running.progress(msg.percent, msg.message);
          break;
        case 'result':
          if (slot.running?.id === msg.id) slot.running.resolve({ ...msg.result, png: Buffer.from(msg.result.png) });
          break;
        case 'error':
          if (slot.running?.id === msg.id) slot.running.reject(toError(msg.error));
          break;
      }
    });
    worker.on('error', (err) => this.logger.error(`engine thread failed: ${err.message}`));
    worker.on('exit', (code) => {
      markReady();
      if (slot.terminating || this.closed) return;
      this.logger.error(`engine thread exited with code ${code}; starting another`);
      slot.running?.reject(new Error(`the engine thread stopped (exit code ${code})`));
      this.replace(slot);
    });
    return slot;
  }

  private replace(old: Slot): void {
    const index = this.slots.indexOf(old);
    if (index < 0 || this.closed) return;
    this.slots[index] = this.spawn();
    this.release();
  }

  /**
   * A cancel: the engine's signal fires in its thread. If the engine has not stopped after `cancelGraceMs` (it is
   * inside one long native call: an ONNX inference, an opencv call), the task is answered as aborted now and the
   * thread drains: it finishes that call, its result is dropped, and only then does it take another task.
   * Terminating a thread inside a native addon's call can abort the whole process (onnxruntime-node does), so a
   * thread is terminated only when it has not come back within `drainLimitMs`.
   */
  private abort(slot: Slot, id: number): void {
    if (slot.running?.id !== id) return;
    slot.worker.postMessage({ type: 'abort', id } satisfies ToThread);
    const grace = setTimeout(() => {
      const running = slot.running;
      if (running?.id !== id || slot.terminating) return;
      this.logger.warn(
        `engine did not stop within ${this.options.cancelGraceMs} ms of a cancel; its task is answered, its thread finishes the call first`,
      );
      const drained = () => {
        clearTimeout(limit);
        if (slot.running?.id === id) slot.running = null;
        this.release();
      };
      slot.running = { id, resolve: drained, reject: drained, progress: () => undefined };
      running.reject(new EngineAbortedError());
      const limit = setTimeout(() => {
        if (slot.running?.id !== id || slot.terminating) return;
        this.logger.error(`engine thread still busy ${this.drainLimitMs} ms after a cancel; terminating it`);
        slot.terminating = true;
        this.replace(slot);
        void slot.worker.terminate();
      }, this.drainLimitMs);
      limit.unref();
    }, this.options.cancelGraceMs);
    grace.unref();
  }

  private get drainLimitMs(): number {
    return this.options.drainLimitMs ?? DEFAULT_DRAIN_LIMIT_MS;
  }

  private async acquire(signal: AbortSignal): Promise<number> {
    for (;;) {
      if (signal.aborted) throw new EngineAbortedError('waiting for an engine thread');
      if (this.closed) throw new Error('engine pool closed');
      if (this.slots.every((s) => s.running || s.terminating) && this.slots.length < this.options.threads)
        this.slots.push(this.spawn());
      const free = this.slots.findIndex((s) => !s.running && !s.terminating);
      if (free >= 0) {
        // Held from here, so that no other waiter takes it before run() puts its task there.
        this.slots[free].running = {
          id: 0,
          resolve: () => undefined,
          reject: () => undefined,
          progress: () => undefined,
        };
        return free;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal.removeEventListener('abort', wake);
          resolve();
        };
        this.waiting.push(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }

  /** Wakes every waiting task; each looks for a free thread again (few waiters: one per Bull slot). */
  private release(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }
}
