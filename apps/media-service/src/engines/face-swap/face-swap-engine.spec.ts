import { beforeAll, describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { MediaEngineError, type EngineContext } from '../media-engine.js';
import { srgbToLab } from '../style-transfer/cielab.js';
import { loadFaceDetector, type DetectedFace } from './face-detector.js';
import { convexHull, fillPolygon } from './face-mask.js';
import { FaceSwapEngine } from './face-swap-engine.js';

// @vladmandic/face-api (a dev dependency) ships six group photos: its demo's test data, and ours
const require = createRequire(import.meta.url);
const SAMPLES = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
const sample = (n: number) => path.join(SAMPLES, `sample${n}.jpg`);

/** A sample at most 800 px a side, as a JPEG the engine decodes. */
const photo = (n: number) => sharp(sample(n)).resize(800, 800, { fit: 'inside' }).jpeg({ quality: 92 }).toBuffer();
const raw = (image: Buffer) => sharp(image).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });

const context = (signal = new AbortController().signal, progress: EngineContext['progress'] = () => undefined) => ({
  signal,
  progress,
});

/** A smooth gradient: no face anywhere. */
const landscape = () => {
  const width = 640;
  const height = 400;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([80 + (x >> 3), 120 + (y >> 3), 200 - (y >> 2)], (y * width + x) * 3);
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
};

async function facesOf(image: Buffer): Promise<DetectedFace[]> {
  const detector = await loadFaceDetector();
  const { data, info } = await raw(image);
  return detector.detect(data, info.width, info.height);
}

/** Landmarks well inside the face: eye corners, brows, nose, mouth. */
const INNER = [33, 133, 362, 263, 105, 334, 168, 6, 4, 1, 61, 291, 13, 14, 17];

/** The pixels inside the hull of a face's inner landmarks (eyes to mouth), clear of the blended seam. */
function innerFace(face: DetectedFace, width: number, height: number): Uint8Array {
  const points = Float32Array.from(INNER.flatMap((k) => [face.points[2 * k], face.points[2 * k + 1]]));
  return fillPolygon(convexHull(points), { x0: 0, y0: 0, width, height });
}

/** Mean L*a*b* of an image's pixels under a mask. */
async function meanLab(image: Buffer, mask: Uint8Array): Promise<number[]> {
  const { data } = await raw(image);
  const sum = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const lab = srgbToLab(data[3 * i] / 255, data[3 * i + 1] / 255, data[3 * i + 2] / 255);
    for (let c = 0; c < 3; c++) sum[c] += lab[c];
    count++;
  }
  return sum.map((v) => v / count);
}

const distance = (p: number[], q: number[]) => Math.hypot(...p.map((v, c) => v - q[c]));

/** Grey minus its 5 × 5 box mean under a mask: the fine detail (edges of eyes, brows, lips), blind to colour. */
async function detail(image: Buffer, mask: Uint8Array): Promise<Float32Array> {
  const { data, info } = await raw(image);
  const grey = (x: number, y: number) => {
    const p = (y * info.width + x) * 3;
    return 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
  };
  const out = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = i % info.width;
    const y = (i - x) / info.width;
    let sum = 0;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) sum += grey(x + dx, y + dy);
    out[i] = grey(x, y) - sum / 25;
  }
  return out;
}

const meanAbs = (p: Float32Array, q: Float32Array) => p.reduce((s, v, i) => s + Math.abs(v - q[i]), 0) / p.length;

describe('FaceSwapEngine', () => {
  const engine = new FaceSwapEngine();
  // sample 6's face 1 onto sample 3's face 2: different people, both near frontal (no half is mirrored)
  const SOURCE = { sample: 6, face: 1 };
  const TARGET = { sample: 3, face: 2 };
  let source: Buffer;
  let target: Buffer;
  let sourceFaces: DetectedFace[];
  let targetFaces: DetectedFace[];

  beforeAll(async () => {
    await engine.warm();
    [source, target] = await Promise.all([photo(SOURCE.sample), photo(TARGET.sample)]);
    sourceFaces = await facesOf(source);
    targetFaces = await facesOf(target);
  });

  it('finds every face of the samples, largest first, with a 468-point mesh inside its box', async () => {
    const expected = [3, 3, 3, 4, 5, 4];
    for (let n = 1; n <= 6; n++) {
      const faces = await facesOf(await photo(n));
      expect(faces.length).toBe(expected[n - 1]);
      for (let k = 0; k < faces.length; k++) {
        const { box, points } = faces[k];
        expect(points.length).toBe(2 * 468);
        if (k > 0) expect(box[2] * box[3]).toBeLessThanOrEqual(faces[k - 1].box[2] * faces[k - 1].box[3]);
        // the nose tip and both eyes' outer corners are inside the box
        for (const p of [1, 33, 263]) {
          expect(points[2 * p]).toBeGreaterThan(box[0]);
          expect(points[2 * p]).toBeLessThan(box[0] + box[2]);
          expect(points[2 * p + 1]).toBeGreaterThan(box[1]);
          expect(points[2 * p + 1]).toBeLessThan(box[1] + box[3]);
        }
      }
    }
  });

  it.each(['poisson', 'feather'] as const)(
    '%s: puts the source face on the target, changing nothing outside the target’s face',
    async (blend) => {
      const progress: number[] = [];
      const result = await engine.run(
        {
          images: { image: source, target_image: target },
          parameters: { source_face: SOURCE.face, target_face: TARGET.face, blend },
        },
        context(undefined, (pct) => progress.push(pct)),
      );
      const before = await raw(target);
      const meta = await sharp(result.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: before.info.width, height: before.info.height });
      expect(result).toMatchObject({
        width: before.info.width,
        height: before.info.height,
        engine: 'local:landmark-warp',
      });
      expect(result.metadata).toMatchObject({
        faces_source: 4,
        faces_target: 3,
        source_face: SOURCE.face,
        target_face: TARGET.face,
        blend,
        landmarks: 468,
        mirrored: 'none',
      });
      expect(result.metadata.ms).toEqual(expect.any(Number));
      expect(result.metadata.detect_ms).toEqual(expect.any(Number));
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress).toEqual(expect.arrayContaining([10, 60, 85]));

      // outside the box of the target face's landmarks, every pixel is the target's
      const after = await raw(result.png);
      const face = targetFaces[TARGET.face];
      const xs = face.points.filter((_, k) => k % 2 === 0);
      const ys = face.points.filter((_, k) => k % 2 === 1);
      const [x0, x1, y0, y1] = [Math.min(...xs) - 1, Math.max(...xs) + 1, Math.min(...ys) - 1, Math.max(...ys) + 1];
      let outsideChanged = 0;
      let insideDiff = 0;
      let insideCount = 0;
      for (let y = 0; y < before.info.height; y++) {
        for (let x = 0; x < before.info.width; x++) {
          const p = (y * before.info.width + x) * 3;
          const diff = Math.abs(after.data[p] - before.data[p]) + Math.abs(after.data[p + 1] - before.data[p + 1]);
          if (x < x0 || x > x1 || y < y0 || y > y1) outsideChanged += diff > 0 ? 1 : 0;
          else {
            insideDiff += diff;
            insideCount++;
          }
        }
      }
      expect(outsideChanged).toBe(0);
      expect(insideDiff / insideCount).toBeGreaterThan(4);
      // the other faces of the target are untouched: compare with a fresh detection's boxes
      const again = await facesOf(result.png);
      expect(again.length).toBe(3);

      // the fine detail of the face is the source's: the same in both blends, far from the target's own
      const inner = innerFace(face, before.info.width, before.info.height);
      const other = blend === 'poisson' ? 'feather' : 'poisson';
      const twin = await engine.run(
        {
          images: { image: source, target_image: target },
          parameters: { source_face: SOURCE.face, target_face: TARGET.face, blend: other },
        },
        context(),
      );
      const [mine, theirs, own] = await Promise.all([
        detail(result.png, inner),
        detail(twin.png, inner),
        detail(target, inner),
      ]);
      expect(meanAbs(mine, theirs)).toBeLessThan(0.5 * meanAbs(mine, own));
    },
  );

  it('feathered without colour matching, the face has the source’s colours; matched, the target’s', async () => {
    const request = { images: { image: source, target_image: target } };
    const faces = { source_face: SOURCE.face, target_face: TARGET.face, blend: 'feather' };
    const plain = await engine.run({ ...request, parameters: { ...faces, color_match: false } }, context());
    const matched = await engine.run({ ...request, parameters: faces }, context());
    expect(plain.metadata).toMatchObject({ blend: 'feather', color_match: false });
    expect(matched.metadata).toMatchObject({ blend: 'feather', color_match: true });
    const { width, height } = (await raw(target)).info;
    const src = await raw(source);
    const inner = innerFace(targetFaces[TARGET.face], width, height);
    const [sourceLab, targetLab, plainLab, matchedLab] = await Promise.all([
      meanLab(source, innerFace(sourceFaces[SOURCE.face], src.info.width, src.info.height)),
      meanLab(target, inner),
      meanLab(plain.png, inner),
      meanLab(matched.png, inner),
    ]);
    // the two faces are lit differently enough for the test to mean something
    expect(distance(sourceLab, targetLab)).toBeGreaterThan(8);
    expect(distance(plainLab, sourceLab)).toBeLessThan(0.5 * distance(plainLab, targetLab));
    expect(distance(matchedLab, targetLab)).toBeLessThan(0.5 * distance(matchedLab, sourceLab));
  });

  it('defaults to poisson with colour matching on the largest faces', async () => {
    const result = await engine.run({ images: { image: source, target_image: target }, parameters: {} }, context());
    expect(result.metadata).toMatchObject({ blend: 'poisson', color_match: true, source_face: 0, target_face: 0 });
  });

  it('names the image without a face: no_face with its field', async () => {
    const none = await landscape();
    for (const [images, field, message] of [
      [{ image: none, target_image: target }, 'image', 'No face found in image'],
      [{ image: source, target_image: none }, 'target_image', 'No face found in target_image'],
    ] as const) {
      const err = await engine.run({ images, parameters: {} }, context()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MediaEngineError);
      expect(err).toMatchObject({ code: 'no_face', field, message });
    }
  });

  it('refuses a face index past the faces found, and bad parameters, naming the parameter', async () => {
    const images = { image: source, target_image: target };
    for (const [parameters, field] of [
      [{ source_face: 4 }, 'parameters.source_face'],
      [{ target_face: 3 }, 'parameters.target_face'],
      [{ target_face: -1 }, 'parameters.target_face'],
      [{ source_face: 1.5 }, 'parameters.source_face'],
      [{ blend: 'alpha' }, 'parameters.blend'],
      [{ color_match: 'yes' }, 'parameters.color_match'],
    ] as const) {
      await expect(engine.run({ images, parameters }, context())).rejects.toMatchObject({
        name: 'MediaEngineError',
        code: 'invalid_input',
        field,
      });
    }
  });

  it('refuses what is not a PNG, JPEG or WebP, a missing image, and images over maxPixels', async () => {
    const gif = await sharp(await landscape())
      .gif()
      .toBuffer();
    const cases = [
      [{ image: Buffer.from('not an image'), target_image: target }, 'image'],
      [{ image: source, target_image: gif }, 'target_image'],
      [{ target_image: target }, 'image'],
    ] as const;
    for (const [images, field] of cases) {
      await expect(engine.run({ images, parameters: {} }, context())).rejects.toMatchObject({
        code: 'invalid_input',
        field,
      });
    }
    const { width, height } = await sharp(target).metadata();
    const small = new FaceSwapEngine({ maxPixels: width * height - 1 });
    await expect(
      small.run({ images: { image: await landscape(), target_image: target }, parameters: {} }, context()),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'target_image', message: expect.stringMatching(/limit/) });
  });

  it('applies the target’s EXIF orientation and writes no metadata', async () => {
    const rotated = await sharp(target)
      .rotate(-90)
      .jpeg({ quality: 92 })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'Torque test' } })
      .toBuffer();
    const inputMeta = await sharp(rotated).metadata();
    expect(inputMeta.orientation).toBe(6);
    const result = await engine.run(
      { images: { image: source, target_image: rotated }, parameters: { source_face: SOURCE.face } },
      context(),
    );
    const meta = await sharp(result.png).metadata();
    // orientation 6 turns the stored (rotated) picture upright again: the target's own size
    const upright = await sharp(target).metadata();
    expect([result.width, result.height]).toEqual([upright.width, upright.height]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(result.metadata.faces_target).toBe(3);
  });

  it('rejects with an AbortError when aborted before the start or while it runs', async () => {
    const images = { image: source, target_image: target };
    await expect(engine.run({ images, parameters: {} }, context(AbortSignal.abort()))).rejects.toMatchObject({
      name: 'AbortError',
    });
    for (const at of [25, 60, 85]) {
      const controller = new AbortController();
      const progress = (pct: number) => {
        if (pct === at) controller.abort();
      };
      await expect(engine.run({ images, parameters: {} }, context(controller.signal, progress))).rejects.toMatchObject({
        name: 'AbortError',
      });
    }
  });
});
