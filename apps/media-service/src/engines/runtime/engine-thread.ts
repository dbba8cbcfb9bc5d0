/**
 * Entry of an engine worker thread: builds the engines once (models load here, off the service's event loop),
 * warms those of the task types its process works on, then runs one task at a time for the EnginePool. A cancel
 * aborts the running engine's signal; the pool terminates the thread if the engine does not stop in time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngines } from '../engine-factory.js';
import type { EngineSettings } from '../engine-settings.js';
import { MediaEngineError, type EngineTaskType } from '../media-engine.js';
import type { FromThread, SerializedError, ToThread } from './engine-protocol.js';

interface ThreadData {
  settings: EngineSettings;
  warm: EngineTaskType[];
}

const port = parentPort!;
const { settings, warm } = workerData as ThreadData;
const post = (message: FromThread) => port.postMessage(message);
const log = (level: 'info' | 'warn' | 'error', message: string) => post({ type: 'log', level, message });

const engines = createEngines(settings, log);
const running = new Map<number, AbortController>();

function serialize(err: unknown): SerializedError {
  if (err instanceof MediaEngineError)
    return { name: err.name, message: err.message, code: err.code, field: err.field, retryable: err.retryable };
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, code: (e as { code?: string }).code };
}

async function run(msg: Extract<ToThread, { type: 'run' }>): Promise<void> {
  const engine = engines[msg.taskType];
  if (!engine) {
    const error = new MediaEngineError('unavailable', `No engine for ${msg.taskType} is configured on this worker`);
    post({ type: 'error', id: msg.id, error: serialize(error) });
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  const images = Object.fromEntries(
    Object.entries(msg.images).map(([field, bytes]) => [
      field,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    ]),
  );
  try {
    const result = await engine.run(
      { prompt: msg.prompt, images, parameters: msg.parameters },
      {
        signal: controller.signal,
        progress: (percent, message) => post({ type: 'progress', id: msg.id, percent, message }),
      },
    );
    post({ type: 'result', id: msg.id, result: { ...result, png: new Uint8Array(result.png) } });
  } catch (err) {
    post({ type: 'error', id: msg.id, error: serialize(err) });
  } finally {
    running.delete(msg.id);
  }
}

port.on('message', (msg: ToThread) => {
  if (msg.type === 'abort') running.get(msg.id)?.abort();
  else void run(msg);
});

const names = Object.fromEntries(Object.entries(engines).map(([type, engine]) => [type, engine.name]));
await Promise.all(
  warm.map(async (type) => {
    const engine = engines[type];
    if (!engine?.warm) return;
    const started = Date.now();
    try {
      await engine.warm();
      log('info', `${engine.name} warm in ${Date.now() - started} ms`);
    } catch (err) {
      log('error', `warming ${engine.name} failed: ${(err as Error).message}`);
    }
  }),
);
post({ type: 'ready', engines: names });
