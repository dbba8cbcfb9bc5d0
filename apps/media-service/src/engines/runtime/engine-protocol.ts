import type { EngineImages, EngineResult, EngineTaskType, MediaEngineErrorCode } from '../media-engine.js';

/**
 * Messages between the service's EnginePool and an engine thread (engine-thread.ts). Buffers travel as
 * Uint8Arrays (structured clone); nothing here holds a class instance.
 */
export type ToThread =
  | {
      type: 'run';
      id: number;
      taskType: EngineTaskType;
      prompt?: string;
      images: { [K in keyof EngineImages]?: Uint8Array };
      parameters: Record<string, unknown>;
    }
  | { type: 'abort'; id: number };

export interface SerializedError {
  name: string;
  message: string;
  /** MediaEngineError's code and options, when it was one. */
  code?: MediaEngineErrorCode | string;
  field?: string;
  retryable?: boolean;
}

export type FromThread =
  | { type: 'ready'; engines: Record<string, string> }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'progress'; id: number; percent: number; message: string }
  | { type: 'result'; id: number; result: Omit<EngineResult, 'png'> & { png: Uint8Array } }
  | { type: 'error'; id: number; error: SerializedError };
