import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import sharp from 'sharp';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import { checkMaxPixels, decodeImage, requireImage } from '../engine-image.js';
import { toByte } from '../style-transfer/raster.js';
import { featherBlend, poissonBlend, type Checkpoint } from './blend.js';
import { matchFaceColors } from './color-match.js';
import { loadFaceDetector, MESH_POINTS, type DetectedFace } from './face-detector.js';
import { convexHull, distanceInside, fillPolygon, regionAround, type Region } from './face-mask.js';
import { MOUTH_OPENING, sourceTriangles } from './face-triangulation.js';
import { warpMesh, type PixelImage, type Planes } from './triangle-warp.js';

export const BLEND_MODES = ['poisson', 'feather'] as const;
export type BlendMode = (typeof BLEND_MODES)[number];

/** The parameters of a face_swap task, as the engine reads them from `request.parameters`. */
export interface FaceSwapParameters {
  sourceFace: number;
  targetFace: number;
  blend: BlendMode;
  colorMatch: boolean;
}

/** 4096 × 4096, as the other local engines. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

/** Faces are found on a copy at most this long a side: the detector's own input is 256 px, the mesh's 192 px. */
const DETECT_MAX_SIDE = 1024;
/** The mask is the target's landmark hull eroded by this share of the face's size, so no hairline or ear shows. */
const ERODE_SHARE = 0.03;
/** The feathered seam's width, as a share of the face's size. */
const FEATHER_SHARE = 0.12;

/**
 * The local face_swap engine: finds the faces and their 468-point meshes in both images (@vladmandic/human's
 * BlazeFace and FaceMesh on tfjs's WASM backend), warps the source face onto the target's mesh triangle by
 * triangle, matches its colours to the target's skin (Reinhard in CIELAB) and blends it in with a Poisson
 * (seamless) or a feathered seam. The result has the target's size (and alpha); everything outside the face is
 * the target's, unchanged.
 */
export class FaceSwapEngine implements MediaEngine {
  readonly taskType = 'face_swap' as const;
  readonly name = 'local:landmark-warp';
  readonly maxPixels: number;

  constructor(options: { maxPixels?: number } = {}) {
    this.maxPixels = checkMaxPixels(options.maxPixels ?? DEFAULT_MAX_PIXELS);
  }

  async warm(): Promise<void> {
    await loadFaceDetector();
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    const { signal } = ctx;
    throwIfAborted(signal, 'face swap');
    const parameters = readParameters(request.parameters ?? {});
    const [source, target] = await Promise.all([
      this.decode(request.images.image, 'image', false),
      this.decode(request.images.target_image, 'target_image', true),
    ]);
    throwIfAborted(signal, 'face swap');
    const detector = await loadFaceDetector();

    ctx.progress(10, 'Detecting faces in image');
    const detectStarted = performance.now();
    const sourceFaces = await detectFaces(source, detector.detect);
    throwIfAborted(signal, 'face swap');
    if (sourceFaces.length === 0) throw new MediaEngineError('no_face', 'No face found in image', { field: 'image' });
    ctx.progress(25, 'Detecting faces in target_image');
    const targetFaces = await detectFaces(target, detector.detect);
    const detectMs = performance.now() - detectStarted;
    throwIfAborted(signal, 'face swap');
    if (targetFaces.length === 0) {
      throw new MediaEngineError('no_face', 'No face found in target_image', { field: 'target_image' });
    }
    const from = pickFace(sourceFaces, parameters.sourceFace, 'source_face', 'image');
    const onto = pickFace(targetFaces, parameters.targetFace, 'target_face', 'target_image');
    ctx.progress(40, `Found ${sourceFaces.length} and ${targetFaces.length} faces`);

    const checkpoint: Checkpoint = async () => {
      throwIfAborted(signal, 'face swap');
      await nextTurn();
      throwIfAborted(signal, 'face swap');
    };
    const faceSize = Math.max(onto.box[2], onto.box[3]);
    const region = regionAround(onto.points, Math.ceil(0.05 * faceSize) + 2, target.width, target.height);
    ctx.progress(60, 'Warping the face');
    const taken = sourceTriangles(detector.triangles, detector.uv, detector.mirror, from.points, onto.points);
    const warped = await warpMesh(
      source,
      from.points,
      taken.triangles,
      onto.points,
      onto.depth,
      detector.triangles,
      region,
      checkpoint,
    );
    throwIfAborted(signal, 'face swap');

    // the face: the target's landmark hull, where the warp reached, less the mouth's opening (the target's teeth
    // stay: a source mouth closed tighter would smear across them)
    const hull = fillPolygon(convexHull(onto.points), region);
    const mouth = fillPolygon(pointsOf(onto.points, MOUTH_OPENING), region);
    for (let i = 0; i < hull.length; i++) hull[i] &= warped.covered[i] & (mouth[i] ^ 1);
    const distance = distanceInside(hull, region.width, region.height);
    const erode = Math.max(1, ERODE_SHARE * faceSize);
    const inside = new Uint8Array(hull.length);
    for (let i = 0; i < hull.length; i++) inside[i] = distance[i] > erode ? 1 : 0;
    const targetPlanes = planesOf(target, region);
    // one transform for the whole face: matched half by half, the halves of a face lit from one side part at the nose
    if (parameters.colorMatch) matchFaceColors(warped, targetPlanes, inside, warped.covered);
    await checkpoint();

    ctx.progress(85, parameters.blend === 'poisson' ? 'Blending (Poisson)' : 'Blending (feather)');
    let blended: Planes;
    let sweeps: number | undefined;
    if (parameters.blend === 'poisson') {
      ({ planes: blended, sweeps } = await poissonBlend(
        targetPlanes,
        warped,
        inside,
        region.width,
        region.height,
        checkpoint,
      ));
    } else {
      for (let i = 0; i < distance.length; i++) distance[i] = Math.max(0, distance[i] - erode);
      blended = featherBlend(targetPlanes, warped, distance, Math.max(2, FEATHER_SHARE * faceSize));
    }
    throwIfAborted(signal, 'face swap');

    ctx.progress(95, 'Encoding PNG');
    const pixels = Buffer.from(target.pixels.buffer, target.pixels.byteOffset, target.pixels.length);
    paste(pixels, target, blended, region);
    const png = await sharp(pixels, {
      raw: { width: target.width, height: target.height, channels: target.channels as 3 | 4 },
    })
      .png()
      .toBuffer();
    throwIfAborted(signal, 'face swap');
    let changed = 0;
    for (let i = 0; i < inside.length; i++) changed += inside[i];
    return {
      png,
      width: target.width,
      height: target.height,
      engine: this.name,
      metadata: {
        faces_source: sourceFaces.length,
        faces_target: targetFaces.length,
        source_face: parameters.sourceFace,
        target_face: parameters.targetFace,
        blend: parameters.blend,
        color_match: parameters.colorMatch,
        landmarks: MESH_POINTS,
        mirrored: taken.mirrored,
        face_pixels: changed,
        ...(sweeps === undefined ? {} : { poisson_sweeps: sweeps }),
        detect_ms: Math.round(detectMs),
        ms: Math.round(performance.now() - started),
      },
    };
  }

  /** PNG, JPEG or WebP to interleaved 8-bit sRGB, EXIF orientation applied; alpha kept only where asked. */
  private async decode(image: Buffer | undefined, field: string, keepAlpha: boolean): Promise<PixelImage> {
    return decodeImage(requireImage(image, field), keepAlpha ? 'keep' : 'drop', {
      name: field,
      maxPixels: this.maxPixels,
    });
  }
}

/** The task's parameters with their defaults; a wrong type or value is the caller's error, named by its field. */
export function readParameters(parameters: Record<string, unknown>): FaceSwapParameters {
  const index = (name: string): number => {
    const value = parameters[name] ?? 0;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new MediaEngineError('invalid_input', `${name} must be a face index (an integer from 0), got ${value}`, {
        field: `parameters.${name}`,
      });
    }
    return value;
  };
  const blend = parameters.blend ?? 'poisson';
  if (!BLEND_MODES.includes(blend as BlendMode)) {
    throw new MediaEngineError('invalid_input', `blend must be one of ${BLEND_MODES.join(', ')}, got ${blend}`, {
      field: 'parameters.blend',
    });
  }
  const colorMatch = parameters.color_match ?? true;
  if (typeof colorMatch !== 'boolean') {
    throw new MediaEngineError('invalid_input', `color_match must be a boolean, got ${colorMatch}`, {
      field: 'parameters.color_match',
    });
  }
  return { sourceFace: index('source_face'), targetFace: index('target_face'), blend: blend as BlendMode, colorMatch };
}

/** Faces of a decoded image, found on a copy at most DETECT_MAX_SIDE a side, with points in the image's pixels. */
async function detectFaces(
  image: PixelImage,
  detect: (rgb: Uint8Array, width: number, height: number) => Promise<DetectedFace[]>,
): Promise<DetectedFace[]> {
  const scale = Math.min(1, DETECT_MAX_SIDE / Math.max(image.width, image.height));
  let rgb: Uint8Array = image.pixels;
  let width = image.width;
  let height = image.height;
  if (scale < 1 || image.channels !== 3) {
    const raw = { width: image.width, height: image.height, channels: image.channels as 3 | 4 };
    let pipeline = sharp(image.pixels, { raw }).removeAlpha();
    if (scale < 1) {
      width = Math.max(1, Math.round(image.width * scale));
      height = Math.max(1, Math.round(image.height * scale));
      pipeline = pipeline.resize(width, height, { fit: 'fill' });
    }
    rgb = await pipeline.raw().toBuffer();
  }
  const faces = await detect(rgb, width, height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (const face of faces) {
    for (let i = 0; i < face.points.length; i += 2) {
      face.points[i] *= sx;
      face.points[i + 1] *= sy;
    }
    for (let i = 0; i < face.depth.length; i++) face.depth[i] *= sx;
    face.box = [face.box[0] * sx, face.box[1] * sy, face.box[2] * sx, face.box[3] * sy];
  }
  return faces;
}

function pickFace(faces: DetectedFace[], index: number, parameter: string, field: string): DetectedFace {
  if (index >= faces.length) {
    throw new MediaEngineError(
      'invalid_input',
      `${parameter} is ${index} but ${field} has ${faces.length} face${faces.length === 1 ? '' : 's'} (0 to ${faces.length - 1}, largest first)`,
      { field: `parameters.${parameter}` },
    );
  }
  return faces[index];
}

/** The (x, y) of some mesh points, interleaved, in the order given. */
function pointsOf(points: Float32Array, ids: readonly number[]): Float32Array {
  const out = new Float32Array(ids.length * 2);
  ids.forEach((id, k) => {
    out[2 * k] = points[2 * id];
    out[2 * k + 1] = points[2 * id + 1];
  });
  return out;
}

/** The colour planes of an image's region, floats in [0, 1]. */
function planesOf(image: PixelImage, region: Region): Planes {
  const n = region.width * region.height;
  const planes: Planes = { r: new Float32Array(n), g: new Float32Array(n), b: new Float32Array(n) };
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const p = ((y + region.y0) * image.width + x + region.x0) * image.channels;
      const i = y * region.width + x;
      planes.r[i] = image.pixels[p] / 255;
      planes.g[i] = image.pixels[p + 1] / 255;
      planes.b[i] = image.pixels[p + 2] / 255;
    }
  }
  return planes;
}

/** Writes a region's planes back into interleaved pixels (alpha untouched). */
function paste(pixels: Buffer, image: PixelImage, planes: Planes, region: Region): void {
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const p = ((y + region.y0) * image.width + x + region.x0) * image.channels;
      const i = y * region.width + x;
      pixels[p] = toByte(planes.r[i]);
      pixels[p + 1] = toByte(planes.g[i]);
      pixels[p + 2] = toByte(planes.b[i]);
    }
  }
}
