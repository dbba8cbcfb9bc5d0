import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config, Human } from '@vladmandic/human';
import { mirrorPoints, warpTriangulation } from './face-triangulation.js';

/** The mesh of @vladmandic/human's facemesh model without the iris refinement: MediaPipe's 468 points. */
export const MESH_POINTS = 468;

/** One face found in an image: its box and its mesh, in the pixels of the image given to detectFaces. */
export interface DetectedFace {
  /** [x, y, width, height]. */
  box: [number, number, number, number];
  score: number;
  /** x, y of each mesh point, interleaved (2 × MESH_POINTS). */
  points: Float32Array;
  /** The depth of each mesh point (MediaPipe's z: smaller is nearer the camera), same scale as x. */
  depth: Float32Array;
}

export interface FaceDetector {
  /** Faces in an RGB image (interleaved bytes), largest box first. */
  detect(rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]>;
  /** The triangles the face is warped with (mesh point indices, three per triangle): see face-triangulation.ts. */
  readonly triangles: Uint16Array;
  /** The mesh's canonical (frontal) UV coordinates, one [u, v] per point. */
  readonly uv: ReadonlyArray<readonly [number, number]>;
  /** Each point's mirror image across the face's midline. */
  readonly mirror: Uint16Array;
}

const require = createRequire(import.meta.url);
const HUMAN_DIST = path.dirname(require.resolve('@vladmandic/human'));
const MODELS_DIR = path.join(HUMAN_DIST, '..', 'models') + path.sep;
const WASM_DIR = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep);

/** Face detector and mesh only, for still images: no frame cache, nothing else loaded. */
const HUMAN_CONFIG: Partial<Config> = {
  backend: 'wasm',
  wasmPath: WASM_DIR,
  modelBasePath: pathToFileURL(MODELS_DIR).href,
  debug: false,
  warmup: 'none',
  cacheSensitivity: 0,
  filter: { enabled: false } as Config['filter'],
  face: {
    enabled: true,
    detector: { enabled: true, rotation: true, maxDetected: 20, skipFrames: 0, return: false },
    mesh: { enabled: true },
    iris: { enabled: false },
    emotion: { enabled: false },
    description: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    attention: { enabled: false },
    gear: { enabled: false },
  } as Config['face'],
  body: { enabled: false } as Config['body'],
  hand: { enabled: false } as Config['hand'],
  object: { enabled: false } as Config['object'],
  gesture: { enabled: false },
  segmentation: { enabled: false } as Config['segmentation'],
};

let loading: Promise<FaceDetector> | null = null;

/** The process's one detector: human and its two models load on the first call, later calls share them. */
export function loadFaceDetector(): Promise<FaceDetector> {
  loading ??= createDetector().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

async function createDetector(): Promise<FaceDetector> {
  // the package's exports map has no entry for its node-wasm bundle, so it is loaded by its path
  const { Human: HumanClass } = require(path.join(HUMAN_DIST, 'human.node-wasm.js')) as {
    Human: new (config: Partial<Config>) => Human;
  };
  const human = new HumanClass(HUMAN_CONFIG);
  await servingModelFiles(() => human.load());
  await human.tf.ready();
  if (human.tf.getBackend() !== 'wasm') throw new Error(`human runs on ${human.tf.getBackend()}, expected wasm`);
  const uv = human.faceUVMap.map(([u, v]) => [u, v] as const);
  const triangles = warpTriangulation(uv);
  const mirror = mirrorPoints(uv);
  // detect() keeps per-call state on the instance: one call at a time
  let queue: Promise<unknown> = Promise.resolve();
  return {
    triangles,
    uv,
    mirror,
    detect(rgb, width, height) {
      const run = queue.then(() => detectOnce(human, rgb, width, height));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

async function detectOnce(human: Human, rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]> {
  const tensor = human.tf.tensor3d(rgb, [height, width, 3], 'int32');
  let result;
  try {
    result = await human.detect(tensor as unknown as Parameters<Human['detect']>[0]);
  } finally {
    tensor.dispose();
  }
  if (result.error) throw new Error(`face detection failed: ${result.error}`);
  const faces: DetectedFace[] = [];
  for (const face of result.face) {
    // a face the mesh model could not confirm carries no mesh (or a box outline): nothing to warp
    if (face.mesh.length < MESH_POINTS) continue;
    const points = new Float32Array(2 * MESH_POINTS);
    const depth = new Float32Array(MESH_POINTS);
    for (let i = 0; i < MESH_POINTS; i++) {
      const [x, y, z] = face.mesh[i];
      points[2 * i] = x;
      points[2 * i + 1] = y;
      depth[i] = z ?? 0;
    }
    const [x, y, w, h] = face.box;
    faces.push({ box: [x, y, w, h], score: face.score, points, depth });
  }
  return faces.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
}

/**
 * human fetches its model files with the global fetch, which has no file: scheme in Node; while the models load,
 * fetch answers file: URLs under the package's models folder from disk and hands every other request on.
 */
async function servingModelFiles<T>(body: () => Promise<T>): Promise<T> {
  const previous = globalThis.fetch;
  const served: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) return previous(input, init);
    const file = fileURLToPath(url);
    if (!file.startsWith(MODELS_DIR)) throw new Error(`face models: ${url} is outside ${MODELS_DIR}`);
    const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(await readFile(file), { status: 200, headers: { 'content-type': type } });
  };
  globalThis.fetch = served;
  try {
    return await body();
  } finally {
    if (globalThis.fetch === served) globalThis.fetch = previous;
  }
}
